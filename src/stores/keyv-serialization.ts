/**
 * keyv's default deserializer (@keyv/serialize), without its cost where it changes nothing. The
 * default parses with a reviver (a call back into JavaScript for every value: 12% of a Discord
 * /roll's CPU) that only ever alters strings its serializer escaped: those starting with ":" (written
 * as "::...") and Buffers (":base64:..."). A row whose text holds neither pattern parses the same
 * with plain JSON.parse; any other row takes the reviver, so every row reads exactly as before.
 */
export function fastDeserialize<T>(raw: string): T {
  if (!raw.includes('"::') && !raw.includes('":base64:')) return JSON.parse(raw) as T;
  return JSON.parse(raw, (_key, value: unknown) => {
    if (typeof value !== 'string') return value;
    if (value.startsWith(':base64:')) return Buffer.from(value.slice(8), 'base64');
    return value.startsWith(':') ? value.slice(1) : value;
  }) as T;
}
