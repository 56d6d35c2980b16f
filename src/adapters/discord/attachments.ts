import { fail, ok, type Result } from '../../core/index.js';

/** Where Discord serves uploads; the configured API host too, so a local stand-in can serve them in tests. */
const DISCORD_FILE_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

export type AttachmentFetcher = (url: string, maxBytes: number) => Promise<Result<Buffer>>;

/**
 * Downloads an uploaded file, from Discord's file hosts only (an interaction's URL is never trusted
 * to point anywhere else), stopping as soon as it grows past `maxBytes`.
 */
export function attachmentFetcher(apiUrl: string, timeoutMs = 30_000): AttachmentFetcher {
  const hosts = new Set([...DISCORD_FILE_HOSTS, new URL(apiUrl).host]);
  return async (url, maxBytes) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return fail('VALIDATION', 'The attachment has no valid URL', { field: 'file' });
    }
    if (!hosts.has(parsed.host)) return fail('VALIDATION', `Attachments are read from Discord only, not from ${parsed.host}`, { field: 'file' });
    let res: Response;
    try {
      res = await fetch(parsed, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return fail('UNAVAILABLE', `Could not download the attachment from Discord: ${(error as Error).message}`, { field: 'file' });
    }
    if (!res.ok || !res.body) return fail('UNAVAILABLE', `Discord answered ${res.status} for the attachment: try uploading it again`, { field: 'file' });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await res.body.cancel().catch(() => {});
        return fail('LIMIT', `The file is over the import limit of ${Math.round(maxBytes / 1024 / 1024)} MB (limits.maxImportMb)`, { field: 'file' });
      }
      chunks.push(Buffer.from(chunk));
    }
    return ok(Buffer.concat(chunks));
  };
}
