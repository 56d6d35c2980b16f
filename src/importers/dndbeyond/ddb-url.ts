import { fail, ok, type Result } from '../../core/index.js';

/**
 * Finds the character id in what a user pastes: a character page
 * (`https://www.dndbeyond.com/characters/<id>`, `.../characters/<id>/<share-code>`), a profile link
 * (`https://www.dndbeyond.com/profile/<user>/characters/<id>`), a character-service URL
 * (`https://character-service.dndbeyond.com/character/v5/character/<id>`), or the bare id.
 */
export function characterIdFrom(input: string, field: string): Result<string> {
  const text = input.trim();
  if (/^\d{1,12}$/.test(text)) return ok(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('VALIDATION', `Not a D&D Beyond character link or id: "${text.slice(0, 80)}"; expected e.g. https://www.dndbeyond.com/characters/12345678 or 12345678`, { field });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('VALIDATION', `Expected an https:// link to D&D Beyond, got ${url.protocol}`, { field });
  const match = /\/characters?\/(\d{1,12})(?:\/|$)/.exec(url.pathname);
  if (!match?.[1]) {
    return fail('VALIDATION', `This link has no character id: ${url.origin}${url.pathname.slice(0, 80)}; expected https://www.dndbeyond.com/characters/<id> (open the character and copy the address, or use its share link)`, { field });
  }
  return ok(match[1]);
}

/** True for the hosts of D&D Beyond's site and character service. */
export function isDndBeyondUrl(input: string): boolean {
  try {
    const host = new URL(input.trim()).hostname.toLowerCase();
    return host === 'dndbeyond.com' || host.endsWith('.dndbeyond.com') || host === 'ddb.ac';
  } catch {
    return false;
  }
}
