import { fail, ok, type Result } from '../result.js';

const MB = 1024 * 1024;

/** The tools that take whole exports; every other request keeps the small body cap. */
export const LARGE_INPUT_TOOLS: ReadonlySet<string> = new Set(['import_character', 'import_campaign']);
/** Every other tool's input cap, on every transport (HTTP body, socket message). */
export const SMALL_BODY_BYTES = 256 * 1024;

/**
 * The request-body cap for the import tools on the wire: an export sent as JSON text inside a JSON
 * body grows with escaping and a zip in base64 by a third, so the wire allows twice the import limit
 * (plus room for the envelope); the tool then holds the export itself to `limits.maxImportMb`.
 */
export const importBodyBytes = (maxImportMb: number) => Math.ceil(maxImportMb * 2 * MB) + MB;

/**
 * For transports that carry every tool on one channel (MCP, sockets) and so must allow the import
 * size: holds every other tool's input to the small cap, as the HTTP API does per endpoint.
 */
export function checkInputSize(tool: string, input: unknown): Result<void> {
  if (LARGE_INPUT_TOOLS.has(tool)) return ok(undefined);
  const size = JSON.stringify(input ?? null)?.length ?? 0;
  return size > SMALL_BODY_BYTES ? fail('LIMIT', `The input of ${tool} is over ${SMALL_BODY_BYTES / 1024} KB`, { field: 'input' }) : ok(undefined);
}
const mb = (bytes: number) => (bytes < MB ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / MB).toFixed(1)} MB`);

/** Byte size of what was handed in: a string's UTF-8 length, bytes as they are, an object as JSON. */
export function payloadBytes(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data, 'utf8');
  if (data instanceof Uint8Array) return data.byteLength;
  return Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
}

/** A LIMIT failure when the payload is over the import cap, naming the setting that raises it. */
export function checkImportSize(bytes: number, maxBytes: number, field = 'data'): Result<void> {
  if (bytes <= maxBytes) return ok(undefined);
  return fail('LIMIT', `The export is ${mb(bytes)}: the import limit is ${mb(maxBytes)} (limits.maxImportMb / IMPORT_MAX_MB)`, { field });
}

/** The first bytes of a zip archive ("PK\x03\x04"), base64-encoded. */
const ZIP_BASE64 = 'UEsDB';

/**
 * Turns what a user pasted or uploaded into what importers read: JSON text becomes a value, a
 * base64 zip archive becomes bytes, and an HTML page (a login or error page saved instead of the
 * export) is refused with a hint, before any importer sees it.
 */
export function decodeImportData(data: unknown, field = 'data'): Result<unknown> {
  if (typeof data !== 'string') return ok(data);
  const text = data.replace(/^\uFEFF/, '').trim();
  if (text.startsWith(ZIP_BASE64)) return ok(new Uint8Array(Buffer.from(text, 'base64')));
  if (/^<(!doctype|html|head|body|\?xml|!--)/i.test(text) || (text.startsWith('<') && /<\/(html|body|div|p)>/i.test(text))) {
    return fail('BAD_FILE', 'This is an HTML page, not a character export (perhaps a login or error page was saved instead): export the character as JSON, or give its URL as url', { field });
  }
  if (!text.startsWith('{') && !text.startsWith('[')) {
    return fail('BAD_FILE', `This is not JSON: it starts with "${text.slice(0, 20)}". Expected a character export (JSON), a zip archive (base64) or use url for a link`, { field });
  }
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return fail('BAD_FILE', `The export is not valid JSON: ${(error as Error).message}`, { field });
  }
}
