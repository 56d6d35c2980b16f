// Part of `npm run build`: the Foundry module, bundled with esbuild into dist/foundry-module/ and
// zipped (module.json plus every file it names) into dist/foundry-module.zip. Runs after tsc, so it
// reuses the hub's own zip writer and manifest reader.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readModule, zipModule } from '../dist/adapters/foundry/module-package.js';

const root = new URL('../', import.meta.url);
const src = new URL('foundry-module/', root);
const out = new URL('dist/foundry-module/', root);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest = JSON.parse(readFileSync(new URL('module.json', src), 'utf8'));
manifest.version = version;

await build({
  entryPoints: [new URL('src/main.ts', src).pathname],
  outfile: new URL(manifest.esmodules[0], out).pathname,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [englishOnlyZod()],
});
/** zod re-exports every locale (450 kB); the module's messages are English, so it ships only that one. */
function englishOnlyZod() {
  return {
    name: 'english-only-zod',
    setup(b) {
      b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]/.test(args.importer) ? { path: new URL('../locales/en.js', `file://${args.importer}`).pathname, namespace: 'zod-en' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({ contents: `export { default as en } from ${JSON.stringify(args.path)};`, resolveDir: '/' }));
    },
  };
}

cpSync(new URL('styles/', src), new URL('styles/', out), { recursive: true });
cpSync(new URL('languages/', src), new URL('languages/', out), { recursive: true });
writeFileSync(new URL('module.json', out), `${JSON.stringify(manifest, null, 2)}\n`);

// Nothing from another host: Foundry worlds run offline and behind strict networks.
for (const style of manifest.styles) {
  const css = readFileSync(new URL(style, out), 'utf8');
  if (/url\(\s*['"]?(https?:)?\/\//.test(css) || /@import/.test(css)) throw new Error(`${style} loads something from another host`);
}
const { files } = await readModule(out.pathname); // fails when module.json names a file the build lacks
writeFileSync(new URL('dist/foundry-module.zip', root), zipModule(manifest, files));
console.log(`Foundry module ${version}: dist/foundry-module.zip (${files.length + 1} files)`);
