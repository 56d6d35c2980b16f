import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fail, ok, type Logger, type Result } from '../core/index.js';

/**
 * The child's program. The binding's `cli()` runs the server on the thread that calls it and never
 * returns, so it runs in a worker thread while the main thread watches stdin: when the hub exits,
 * even by SIGKILL, the pipe closes and the child ends itself (a plain process.exit would wait for the
 * worker forever, so it signals itself instead).
 */
const CHILD = `
const { Worker } = require('node:worker_threads');
const [binding, path, port] = process.argv.slice(1);
const server = "const { workerData: w } = require('node:worker_threads'); require(w.binding).cli(['chroma', 'run', '--path', w.path, '--port', w.port]);";
const worker = new Worker(server, { eval: true, workerData: { binding, path, port } });
const end = () => process.kill(process.pid, 'SIGTERM');
worker.on('error', (e) => { console.error(e && e.message); end(); });
worker.on('exit', end);
process.stdin.on('end', end);
process.stdin.on('error', end);
process.stdin.resume();
`;

export interface EmbeddedChroma {
  url: string;
  /** The binding package the server runs from. */
  binding: string;
  version: string;
  /** false when another hub process on the same data folder runs it: then stop() leaves it running. */
  owned: boolean;
  /** The server process's id while it runs (undefined when attached to another hub's server). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** The hub's data folder; Chroma keeps its files in <dataDir>/chroma. */
  dataDir: string;
  logger: Logger;
  port?: number;
  /** How long to wait for the server to answer. */
  startTimeoutMs?: number;
}

const RESTART_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Starts a local Chroma server from the chromadb npm bindings as a child process. The platform's
 * current binding is tried first; on Linux x64 with a glibc older than 2.38 it does not load, and the
 * 1.0.5 binding (npm alias chromadb-bindings-glibc234, glibc 2.34) is used instead. The log says which
 * one started. The server is restarted if it dies and stopped with the hub.
 */
export async function startEmbeddedChroma(options: LaunchOptions): Promise<Result<EmbeddedChroma>> {
  const { logger } = options;
  const dir = join(options.dataDir, 'chroma');
  mkdirSync(dir, { recursive: true });
  const marker = join(dir, 'hub-server.json');
  const attached = await attach(marker);
  if (attached) {
    logger.info({ url: attached.url }, `Rules library: using the Chroma server another hub process started on ${attached.url}`);
    return ok(attached);
  }

  const refused: string[] = [];
  let binding: { name: string; path: string } | undefined;
  for (const candidate of bindingCandidates()) {
    const why = loads(candidate.path);
    if (why === null) {
      binding = candidate;
      break;
    }
    refused.push(`${candidate.name} does not load here (${why})`);
  }
  if (!binding) {
    const tried = refused.length ? refused.join('; ') : `no chromadb binding is installed for ${process.platform}-${process.arch}`;
    return fail('UNAVAILABLE', `No Chroma server can run on this machine: ${tried}. Run \`npm install\` (it installs the bindings), or start a Chroma server elsewhere and set CHROMA_URL`);
  }

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let stopping = false;
  let stderr = '';
  let crashes: number[] = [];

  const launch = async (): Promise<Result<string>> => {
    stderr = '';
    const proc = spawn(process.execPath, ['-e', CHILD, binding.path, dir, String(port)], { stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true });
    child = proc;
    proc.stderr!.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-2000)));
    proc.once('exit', (code, signal) => {
      if (stopping || child !== proc) return;
      const now = Date.now();
      crashes = [...crashes.filter((t) => now - t < 600_000), now];
      const delay = RESTART_DELAYS_MS[crashes.length - 1];
      if (delay === undefined) {
        logger.error({ code, signal, stderr: stderr.trim() }, 'Chroma keeps exiting; no more restarts: rules search uses keywords only until the hub restarts');
        return;
      }
      logger.warn({ code, signal, stderr: stderr.trim().split('\n').at(-1) }, `Chroma exited; restarting it in ${delay / 1000} s`);
      setTimeout(() => void (!stopping && launch().then((r) => !r.ok && logger.error({ reason: r.error.message }, 'Chroma did not restart'))), delay).unref();
    });
    return waitForHeartbeat(url, proc, options.startTimeoutMs ?? 30_000, () => stderr);
  };

  const started = await launch();
  if (!started.ok) {
    stopping = true;
    child?.kill('SIGKILL');
    return started;
  }
  // Put in place whole (a rename), so a second hub attaching at that moment never reads half of it.
  writeFileSync(`${marker}.${process.pid}.tmp`, JSON.stringify({ url, pid: child!.pid, binding: binding.name, version: started.value }));
  renameSync(`${marker}.${process.pid}.tmp`, marker);
  const fallback = refused.length ? ` (${refused.join('; ')})` : '';
  logger.info({ url, binding: binding.name, version: started.value, dataDir: dir }, `Rules library: Chroma ${started.value} started from ${binding.name}${fallback} on ${url}, data in ${dir}`);

  return ok({
    url,
    binding: binding.name,
    version: started.value,
    owned: true,
    get pid() {
      return child?.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    stop: async () => {
      if (stopping) return;
      stopping = true;
      rmSync(marker, { force: true });
      await stopChild(child);
    },
  });
}

function bindingCandidates(): { name: string; path: string }[] {
  const { platform, arch } = process;
  const names =
    platform === 'linux'
      ? [`chromadb-js-bindings-linux-${arch}-gnu`, ...(arch === 'x64' ? ['chromadb-bindings-glibc234'] : [])]
      : platform === 'darwin'
        ? [`chromadb-js-bindings-darwin-${arch}`]
        : platform === 'win32'
          ? [`chromadb-js-bindings-win32-${arch}-msvc`]
          : [];
  const require = createRequire(import.meta.url);
  return names.flatMap((name) => {
    try {
      return [{ name, path: require.resolve(name) }];
    } catch {
      return [];
    }
  });
}

/** null when the native binding loads; otherwise the first line of why not (e.g. GLIBC_2.38 not found). */
function loads(path: string): string | null {
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path)})`], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status === 0) return null;
  const line = probe.stderr.split('\n').find((l) => /Error|GLIBC|cannot/i.test(l)) ?? probe.stderr.split('\n')[0] ?? `exit ${probe.status}`;
  const glibc = /GLIBC_([\d.]+)' not found/.exec(line);
  return glibc ? `it needs glibc ${glibc[1]}, this machine has an older one` : line.trim().slice(0, 200);
}

async function waitForHeartbeat(url: string, proc: ChildProcess, timeoutMs: number, stderr: () => string): Promise<Result<string>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      return fail('UNAVAILABLE', `Chroma exited while starting: ${stderr().trim().split('\n').slice(-3).join(' ') || `exit ${proc.exitCode ?? proc.signalCode}`}`);
    }
    const version = await fetch(`${url}/api/v2/version`, { signal: AbortSignal.timeout(1000) }).then((r) => (r.ok ? r.json() : null), () => null);
    if (typeof version === 'string') return ok(version);
    await new Promise((r) => setTimeout(r, 100));
  }
  return fail('UNAVAILABLE', `Chroma did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** A server recorded by another hub process on this data folder, if it still answers. */
async function attach(marker: string): Promise<EmbeddedChroma | null> {
  let recorded: { url: string; binding: string; version: string };
  try {
    recorded = JSON.parse(readFileSync(marker, 'utf8'));
  } catch {
    return null;
  }
  const alive = await fetch(`${recorded.url}/api/v2/heartbeat`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
  return alive ? { ...recorded, owned: false, pid: undefined, stop: async () => {} } : null;
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
