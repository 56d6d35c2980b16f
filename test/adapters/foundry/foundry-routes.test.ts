import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';
import { unzip } from './unzip.js';

// The Foundry module as Foundry's "Install Module" box gets it: the manifest URL, then its download URL.

const built = existsSync(resolve('dist/foundry-module/module.json'));
if (!built) console.warn('The Foundry module is not built: run npm run build (npm test does) before these tests');

let hub: TestHub;
beforeAll(async () => void (hub = await startTestHub()));
afterAll(() => hub?.close());

async function install(manifestUrl: string) {
  const manifestRes = await fetch(manifestUrl);
  expect(manifestRes.status).toBe(200);
  const manifest = (await manifestRes.json()) as any;
  const zipRes = await fetch(manifest.download);
  expect(zipRes.status).toBe(200);
  expect(zipRes.headers.get('content-type')).toBe('application/zip');
  return { manifest, files: unzip(Buffer.from(await zipRes.arrayBuffer())) };
}

describe.runIf(built)('/foundry/module.json and /foundry/module.zip', () => {
  it('a manifest Foundry v13 accepts, whose addresses point back at the hub, and a zip with every file it names', async () => {
    const { manifest, files } = await install(`${hub.url}/foundry/module.json`);
    expect(manifest).toMatchObject({
      id: 'ttrpg-hub',
      title: expect.any(String),
      version: JSON.parse(readFileSync('package.json', 'utf8')).version,
      compatibility: { minimum: '13', verified: expect.stringMatching(/^13\.\d{3}$/) },
      manifest: `${hub.url}/foundry/module.json`,
      download: `${hub.url}/foundry/module.zip`,
      socket: true,
    });
    const inside = JSON.parse(files.get('module.json')!.toString());
    expect(inside).toEqual(manifest); // Foundry checks updates against the manifest inside the package
    const named = [...manifest.esmodules, ...manifest.styles, ...manifest.languages.map((l: any) => l.path)];
    expect(named).toEqual(['scripts/ttrpg-hub.js', 'styles/ttrpg-hub.css', 'languages/en.json']);
    for (const name of named) expect(files.get(name)?.length, name).toBeGreaterThan(0);
    expect(manifest.languages).toContainEqual({ lang: 'en', name: 'English', path: 'languages/en.json' });
    const en = JSON.parse(files.get('languages/en.json')!.toString());
    expect(en.TTRPG_HUB.settings.hubUrl.name).toBeTruthy();
    // Nothing from another host: no remote import in the script, no remote url() or @import in the styles.
    const script = files.get('scripts/ttrpg-hub.js')!.toString();
    expect(script).not.toMatch(/import\s*\(?\s*["']https?:/);
    expect(files.get('styles/ttrpg-hub.css')!.toString()).not.toMatch(/url\(\s*["']?(https?:)?\/\/|@import/);
    // socket.io-client is inside, not a global: the bundle never assigns window.io or globalThis.io.
    expect(script).not.toMatch(/(window|globalThis|self)\.io\s*=/);
    // The zip npm run build wrote holds the same files.
    const fromBuild = unzip(readFileSync('dist/foundry-module.zip'));
    expect([...fromBuild.keys()].sort()).toEqual([...files.keys()].sort());
  });

  it('PUBLIC_URL wins, so a hub behind a proxy hands out its public address', async () => {
    const proxied = await startTestHub({ publicUrl: 'https://hub.example.com/' });
    try {
      const manifest = (await (await fetch(`${proxied.url}/foundry/module.json`)).json()) as any;
      expect(manifest.manifest).toBe('https://hub.example.com/foundry/module.json');
      expect(manifest.download).toBe('https://hub.example.com/foundry/module.zip');
      const zip = unzip(Buffer.from(await (await fetch(`${proxied.url}/foundry/module.zip`)).arrayBuffer()));
      expect(JSON.parse(zip.get('module.json')!.toString()).download).toBe('https://hub.example.com/foundry/module.zip');
    } finally {
      await proxied.close();
    }
  });

  it('the handshake tells any page whether its origin may connect', async () => {
    const listed = await startTestHub({ server: { allowedOrigins: ['foundry.example.com'] } });
    try {
      const ask = async (origin: string) => (await (await fetch(`${listed.url}/foundry/handshake`, { headers: { origin } })).json()) as any;
      expect(await ask('https://foundry.example.com:30000')).toMatchObject({ hub: 'ttrpg-hub', originAllowed: true, hint: null });
      const refused = await ask('https://forge-vtt.example');
      expect(refused.originAllowed).toBe(false);
      expect(refused.hint).toContain('add "forge-vtt.example" to ALLOWED_ORIGINS');
    } finally {
      await listed.close();
    }
  });
});

describe('the module type-checks against foundry-vtt-types v13 (TypeScript 5)', () => {
  it('tsc -p foundry-module/tsconfig.json', () => {
    const tsc = resolve('foundry-module/node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', 'foundry-module/tsconfig.json', '--noEmit'], { encoding: 'utf8', timeout: 180_000 });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync('foundry-module/node_modules/typescript/package.json', 'utf8')).version).toMatch(/^5\./);
  }, 200_000);
});
