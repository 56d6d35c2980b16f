import { fail, type Fail } from '../../core/index.js';

/** How to get the credential D&D Beyond supports for private characters (it publishes no OAuth API). */
export const COBALT_HELP =
  'D&D Beyond has no OAuth or public API: for a private character, either make it public (character ' +
  'settings > Privacy > Public) or pass the owner\'s CobaltSession cookie as the credential (sign in at ' +
  'www.dndbeyond.com, open the browser\'s developer tools > Application/Storage > Cookies > ' +
  'https://www.dndbeyond.com, copy the value of "CobaltSession")';

/** What went wrong talking to D&D Beyond, before it becomes a user-facing error. */
export type DdbFailure =
  | { kind: 'private'; withCredential: boolean }
  | { kind: 'not-found' }
  | { kind: 'html'; status: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'too-large'; limitBytes: number }
  | { kind: 'bad-json'; status: number }
  | { kind: 'rate-limited' }
  | { kind: 'http'; status: number; message?: string }
  | { kind: 'network'; message: string }
  | { kind: 'auth-rejected'; status: number };

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The one place D&D Beyond's failures become the hub's errors, with what the user can do about each. */
export function ddbError(failure: DdbFailure, characterId: string, field = 'url'): Fail {
  const who = `D&D Beyond character ${characterId}`;
  switch (failure.kind) {
    case 'private':
      return failure.withCredential
        ? fail('FORBIDDEN', `${who} is private and the CobaltSession cookie given does not let its account see it (the cookie may have expired: sign in again and copy a fresh one, or ask the owner to make the character public)`, { field: 'credential' })
        : fail('FORBIDDEN', `${who} is private. ${COBALT_HELP}`, { field });
    case 'auth-rejected':
      return fail('UNAUTHENTICATED', `D&D Beyond did not accept the CobaltSession cookie (auth service answered ${failure.status}): it has expired or was copied incompletely; sign in at www.dndbeyond.com and copy it again`, { field: 'credential' });
    case 'not-found':
      return fail('NOT_FOUND', `${who} does not exist: it was deleted, or the link or id is wrong (open the character on D&D Beyond and copy its address)`, { field });
    case 'html':
      return fail('UNAVAILABLE', `D&D Beyond answered with a web page (HTTP ${failure.status}) instead of the character's JSON: the site may be under maintenance or showing a browser check; try again later, or upload the character's exported JSON instead`, { field });
    case 'timeout':
      return fail('UNAVAILABLE', `D&D Beyond did not send ${who} within ${Math.round(failure.ms / 1000)} s; try again later (the limit is dndbeyond.timeoutMs / DNDBEYOND_TIMEOUT_MS)`, { field });
    case 'cancelled':
      return fail('CANCELLED', `The import of ${who} was cancelled; nothing was stored`, { field });
    case 'too-large':
      return fail('LIMIT', `D&D Beyond's answer for ${who} is larger than ${mb(failure.limitBytes)}; the download was stopped`, { field });
    case 'bad-json':
      return fail('UNAVAILABLE', `D&D Beyond answered HTTP ${failure.status} with a body that is not JSON; try again later, or upload the exported JSON`, { field });
    case 'rate-limited':
      return fail('UNAVAILABLE', 'D&D Beyond is limiting requests (HTTP 429); wait a minute and try again', { field });
    case 'http':
      return fail('UNAVAILABLE', `D&D Beyond answered HTTP ${failure.status}${failure.message ? ` ("${failure.message.slice(0, 200)}")` : ''} for ${who}; try again later`, { field });
    case 'network':
      return fail('UNAVAILABLE', `Could not reach D&D Beyond (${failure.message}); check the hub's network, or dndbeyond.apiUrl / DNDBEYOND_API_URL`, { field });
  }
}
