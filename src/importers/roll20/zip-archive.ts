import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { fail, ok, type Result } from '../../core/index.js';

const inflate = promisify(inflateRaw);

/** Bounds that keep a hostile archive (a zip bomb) from exhausting memory or time. */
export interface ZipLimits {
  /** Most entries read from the central directory. */
  maxEntries: number;
  /** Most bytes all extracted entries may add up to. */
  maxTotalBytes: number;
  /** Largest expansion of one entry (uncompressed / compressed). */
  maxRatio: number;
}

export const defaultZipLimits: ZipLimits = { maxEntries: 500, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads the entries of a zip archive whose names `want` accepts, with node:zlib only. The declared
 * sizes are checked before anything is inflated, and inflation itself is capped, so an archive that
 * lies about its sizes stops at the cap too.
 */
export async function readZip(bytes: Uint8Array, want: (name: string) => boolean, limits: ZipLimits = defaultZipLimits): Promise<Result<ZipEntry[]>> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (message: string) => fail('BAD_FILE', `The zip archive ${message}`, { field: 'data' });
  // The end-of-central-directory record sits in the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return bad('is damaged: no central directory (is it a complete .zip file?)');
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return bad('uses ZIP64, which is not supported: expected an ordinary zip under 4 GB');
  if (count > limits.maxEntries) return fail('LIMIT', `The zip archive has ${count} entries: at most ${limits.maxEntries} are read`, { field: 'data' });

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return bad('is damaged: a central directory entry is missing');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/') || !want(name)) continue;
    if (flags & 1) return bad(`entry "${name}" is encrypted: export it without a password`);
    if (method !== 0 && method !== 8) return bad(`entry "${name}" uses compression method ${method}: expected stored or deflate`);
    total += size;
    if (total > limits.maxTotalBytes) return fail('LIMIT', `The zip archive expands to more than ${limits.maxTotalBytes / 1024 / 1024} MB: refused as a possible zip bomb`, { field: 'data' });
    if (compressed > 0 && size / compressed > limits.maxRatio) {
      return fail('LIMIT', `Entry "${name}" would expand ${Math.round(size / compressed)} times: refused as a possible zip bomb (at most ${limits.maxRatio})`, { field: 'data' });
    }
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) return bad(`is damaged: entry "${name}" has no local header`);
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const body = buf.subarray(start, start + compressed);
    if (body.length !== compressed) return bad(`is truncated inside entry "${name}"`);
    let data: Buffer;
    try {
      // maxOutputLength stops inflation at the declared size even if the header lied.
      data = method === 0 ? Buffer.from(body) : await inflate(body, { maxOutputLength: Math.max(size, 1) });
    } catch (error) {
      return bad(`entry "${name}" cannot be decompressed (${(error as Error).message}); it may be damaged or larger than it declares`);
    }
    if (data.length !== size) return bad(`entry "${name}" is ${data.length} bytes, not the ${size} it declares`);
    entries.push({ name, data });
  }
  return ok(entries);
}
