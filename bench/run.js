// `npm run bench`: runs each benchmark in turn, prints its tables as it finishes, and writes
// bench/RESULTS.md with the machine it ran on, so figures from different machines are not compared blindly.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

// Dice first: it times the dice library's first load, which the in-process HTTP hub would otherwise do.
const BENCHMARKS = ['./dice-throughput.js', './mcp-latency.js', './discord-interactions.js', './fanout.js', './rules-search.js', './game-master.js'];

const started = new Date();
const startMs = performance.now();
const sections = [];
for (const path of BENCHMARKS) {
  const t0 = performance.now();
  process.stdout.write(`Running ${path.slice(2)} ...\n`);
  const { run } = await import(path);
  const result = await run();
  const notes = (result.notes ?? []).map((n) => `> Note: ${n}`);
  const section = `## ${result.title}\n\n${result.description}\n\n${[...result.tables, ...notes].join('\n\n')}\n`;
  process.stdout.write(`\n${section}\n(${((performance.now() - t0) / 1000).toFixed(1)} s)\n\n`);
  sections.push(section);
}
const totalSeconds = (performance.now() - startMs) / 1000;

const cpu = cpus();
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const sdk = (name) => JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
const header = [
  '# ttrpg-hub benchmarks',
  '',
  `- Date: ${started.toISOString()}`,
  `- Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}`,
  `- Node: ${process.version}`,
  `- Versions: ttrpg-hub ${pkg.version}, @modelcontextprotocol/server ${sdk('@modelcontextprotocol/server')}, ` +
    `@modelcontextprotocol/sdk (client) ${sdk('@modelcontextprotocol/sdk')}, @dice-roller/rpg-dice-roller ${sdk('@dice-roller/rpg-dice-roller')}, ` +
    `chromadb ${sdk('chromadb')}, pdf-parse ${sdk('pdf-parse')}`,
  '- Command: `npm run bench`',
  `- Total runtime: ${totalSeconds.toFixed(0)} s`,
  '',
  'Latencies are wall-clock per call as the client sees them; lower is better. Rates are higher-is-better.',
  '',
].join('\n');

const out = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
writeFileSync(out, `${header}\n${sections.join('\n')}`);
process.stdout.write(`Wrote ${out} (total ${totalSeconds.toFixed(0)} s)\n`);
