// `npm run twitch:zip`: the zip Twitch asks for when you upload the extension's assets.
// Everything the views load is inside it (the shared widgets are copied in); the only remote
// script is Twitch's own Extension Helper, which Twitch requires.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const files = {
  'panel.html': 'twitch-extension/panel.html',
  'video_overlay.html': 'twitch-extension/video_overlay.html',
  'config.html': 'twitch-extension/config.html',
  'extension.js': 'twitch-extension/extension.js',
  'config.js': 'twitch-extension/config.js',
  'extension.css': 'twitch-extension/extension.css',
  'widgets.js': 'obs-overlay/widgets.js',
};
const HELPER = 'https://extension-files.twitch.tv/helper/v1/twitch-ext.min.js';

const entries = Object.entries(files).map(([name, path]) => {
  const data = readFileSync(new URL(path, root));
  if (name.endsWith('.html')) {
    for (const [, src] of data.toString().matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)) {
      if (/^(https?:)?\/\//.test(src) && src !== HELPER) throw new Error(`${name} loads ${src}: Twitch allows no remote assets besides its helper`);
    }
  }
  return { name, data };
});

/** A plain zip (deflate, no extras): local headers, then the central directory. */
function zip(list) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of list) {
    const nameBytes = Buffer.from(name);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(0, 6); head.writeUInt16LE(8, 8);
    head.writeUInt32LE(0, 10); head.writeUInt32LE(crc, 14); head.writeUInt32LE(packed.length, 18); head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26); head.writeUInt16LE(0, 28);
    locals.push(head, nameBytes, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12); central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(list.length, 8); end.writeUInt16LE(list.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

mkdirSync(new URL('dist/', root), { recursive: true });
const out = new URL('dist/twitch-extension.zip', root);
writeFileSync(out, zip(entries));
console.log(`Wrote ${out.pathname} (${entries.length} files)`);
