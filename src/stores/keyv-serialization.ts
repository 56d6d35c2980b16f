import { defaultSerialize } from '@keyv/serialize';

// Each test is one pass of a regular expression over the row: separate `includes` scans cost several
// times as much, since JSON is full of the quote they all start with.
/** A string value starting with ":" (after "[", "," or ":", or at the start), or a Buffer's toJSON. */
const MAY_NEED_ESCAPES = /^":|[[,:]":|"type":"Buffer"/;
/** Wherever an escaped string ("::...") or Buffer (":base64:...") is; look-alikes only take the reviver. */
const MAY_BE_ESCAPED = /":[:b]/;

/**
 * keyv's default serializer (@keyv/serialize), without its cost where it changes nothing. The default
 * walks the value in JavaScript, building the text piece by piece (about a sixth of a Discord /roll's
 * CPU, for a session record and a roll-log page per roll). For JSON data it writes what
 * JSON.stringify writes, except that it escapes strings starting with ":" (as "::...") and writes
 * Buffers as ":base64:...". JSON.stringify is tried first; its text is kept only when it holds neither:
 * - a string value starting with ":" always shows as a quote opening a value (after "[", "," or a key's
 *   ":", or at the very start) followed by ":". The look-alikes this also catches (a key starting with
 *   ":", or text ending in "[", "," or ":" just before a closing quote) only send the row the slow way;
 * - a Buffer always shows as its toJSON, {"type":"Buffer","data":[...]}.
 * Any such row is serialised by the default itself, so every row is written exactly as before. (The
 * two differ beyond that only for values that are not JSON data, such as arrays with holes or
 * functions; the hub stores none: its records are parsed JSON and schema-checked objects.)
 */
export function fastSerialize(data: unknown): string {
  const text = JSON.stringify(data);
  return typeof text !== 'string' || MAY_NEED_ESCAPES.test(text) ? defaultSerialize(data) : text;
}

/**
 * keyv's default deserializer (@keyv/serialize), without its cost where it changes nothing. The
 * default parses with a reviver (a call back into JavaScript for every value: 12% of a Discord
 * /roll's CPU) that only ever alters strings its serializer escaped: those starting with ":" (written
 * as "::...") and Buffers (":base64:..."). A row whose text holds neither pattern parses the same
 * with plain JSON.parse; any other row takes the reviver, so every row reads exactly as before.
 */
export function fastDeserialize<T>(raw: string): T {
  if (!MAY_BE_ESCAPED.test(raw)) return JSON.parse(raw) as T;
  return JSON.parse(raw, (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    if (value.startsWith(':base64:')) return Buffer.from(value.slice(8), 'base64');
    return value.startsWith(':') ? value.slice(1) : value;
  }) as T;
}
