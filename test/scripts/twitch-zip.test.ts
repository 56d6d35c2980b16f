import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** Reads a zip's central directory: name -> contents. */
function unzip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString();
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    files.set(name, inflateRawSync(buf.subarray(dataStart, dataStart + size)).toString());
    at += 46 + nameLength;
  }
  return files;
}

describe('npm run twitch:zip', () => {
  it('packs every view with the shared widgets inside, and nothing remote but the Twitch helper', () => {
    execFileSync(process.execPath, ['scripts/twitch-zip.js']);
    const files = unzip(readFileSync('dist/twitch-extension.zip'));
    expect([...files.keys()].sort()).toEqual(['config.html', 'config.js', 'extension.css', 'extension.js', 'panel.html', 'video_overlay.html', 'widgets.js']);
    expect(files.get('widgets.js')).toBe(readFileSync('obs-overlay/widgets.js', 'utf8'));
    for (const html of ['panel.html', 'video_overlay.html', 'config.html']) {
      const remote = [...files.get(html)!.matchAll(/(?:src|href)="(https?:[^"]+)"/g)].map((m) => m[1]);
      expect(remote, html).toEqual(['https://extension-files.twitch.tv/helper/v1/twitch-ext.min.js']);
    }
  });
});
