// Builds the web chat (web-chat/) into static assets the hub serves at / : one bundled script,
// its stylesheet and page. TypeScript is type-checked by `npm run typecheck`; esbuild only strips types.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'web-chat');
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(root, 'web-chat', 'src', 'main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
await Promise.all(['index.html', 'app.css'].map((f) => copyFile(join(root, 'web-chat', f), join(out, f))));
