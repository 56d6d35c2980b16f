import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreTools } from '../src/core/index.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [resolve('bin/ttrpg-hub.js'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 20_000 });

describe('ttrpg-hub CLI', () => {
  it('has help for the program and every command', () => {
    const top = run(['--help']);
    expect(top.status).toBe(0);
    for (const command of ['start', 'mcp', 'token', 'tools']) {
      expect(top.stdout).toContain(command);
      const help = run([command, '--help']);
      expect(help.status, command).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Usage: ttrpg-hub ${command}`));
    }
    expect(run(['start', '--help']).stdout).toContain('--port <port>');
    expect(top.stdout).toContain('HUB_OWNER_TOKEN');
  });

  it('stops with exit code 2 and one clear message on a bad configuration value', () => {
    const result = run(['start'], { PORT: 'abc' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('server.port = "abc" (from environment variable PORT)');
    expect(run(['start', '--port', '99999']).stderr).toMatch(/expected a port number from 0 to 65535/);
  });

  it('prints the tool catalogue generated from the registry', () => {
    const table = run(['tools', '--markdown']).stdout;
    for (const tool of coreTools) expect(table).toContain(`| \`${tool.name}\` |`);
  });
});
