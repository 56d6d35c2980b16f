import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** Runs the real CLI (`ttrpg-hub start`) as a child process and waits until it listens. */
export async function spawnHub(env: Record<string, string>, port = 0): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [resolve('bin/ttrpg-hub.js'), 'start', '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`hub did not start:\n${stderr}`)), 20_000);
    child.stderr!.on('data', (chunk) => {
      stderr += String(chunk);
      const m = /listening on (http:\/\/[^ ]+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`hub exited with ${code}:\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

export const exited = (child: ChildProcess) => new Promise<number | null>((ok) => (child.exitCode !== null ? ok(child.exitCode) : child.once('exit', (code) => ok(code))));

/** A TCP port that was free a moment ago, for a hub that must come back on the same port after a restart. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}
