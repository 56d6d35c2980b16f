import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeZip } from './zip-writer.js';

/** The parts of module.json the hub reads and rewrites. */
export interface ModuleManifest {
  id: string;
  version: string;
  manifest?: string;
  download?: string;
  esmodules?: string[];
  scripts?: string[];
  styles?: string[];
  languages?: { lang: string; name: string; path: string }[];
  [key: string]: unknown;
}

/** Every file a manifest names (scripts, styles, languages), relative to the module folder. */
export function namedFiles(manifest: ModuleManifest): string[] {
  return [...(manifest.esmodules ?? []), ...(manifest.scripts ?? []), ...(manifest.styles ?? []), ...(manifest.languages ?? []).map((l) => l.path)];
}

/** The manifest with its update and download addresses pointing at this hub. */
export function withAddresses(manifest: ModuleManifest, baseUrl: string): ModuleManifest {
  const base = baseUrl.replace(/\/+$/, '');
  return { ...manifest, manifest: `${base}/foundry/module.json`, download: `${base}/foundry/module.zip` };
}

/**
 * Reads the built module folder (`npm run build` writes dist/foundry-module) and zips it with the
 * given manifest at the top, where Foundry's installer looks for it. Fails with a clear message when
 * the build is missing a file the manifest names.
 */
export async function readModule(dir: string): Promise<{ manifest: ModuleManifest; files: { name: string; data: Buffer }[] }> {
  let manifest: ModuleManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'module.json'), 'utf8')) as ModuleManifest;
  } catch {
    throw new Error(`The Foundry module is not built (${join(dir, 'module.json')} is missing): run npm run build`);
  }
  const files = await Promise.all(
    namedFiles(manifest).map(async (name) => {
      if (name.includes('..') || name.startsWith('/')) throw new Error(`module.json names ${name}, outside the module folder`);
      try {
        return { name, data: await readFile(join(dir, name)) };
      } catch {
        throw new Error(`module.json names ${name} but the build has no such file: run npm run build`);
      }
    }),
  );
  return { manifest, files };
}

export function zipModule(manifest: ModuleManifest, files: { name: string; data: Buffer }[]): Buffer {
  return writeZip([{ name: 'module.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }, ...files]);
}
