// `npm run bench:load`: one hub process (SQLite), 500 overlay sockets subscribed to a campaign, and 50
// tool calls per second for LOAD_SECONDS (default 60) over HTTP; then the same again while another
// client sends one dice bomb per second. Reports errors, latency percentiles, /health latency, events
// delivered and the hub's RSS before and after, and records them in bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect } from 'socket.io-client';
import { summarize } from './lib/stats.js';
import { markdownTable, ms } from './lib/table.js';

const SOCKETS = Number(process.env.LOAD_SOCKETS ?? 500);
const RATE = Number(process.env.LOAD_RATE ?? 50);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const BOMBS = ['20x 999d3!<=2', '20x 999d1000r<999'];
const OWNER = 'bench-load-owner-token-0123456789abcd';
const root = fileURLToPath(new URL('..', import.meta.url));

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

async function call(url, token, tool, input) {
  const t = performance.now();
  const res = await fetch(`${url}/api/tools/${tool}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  const body = await res.json();
  return { status: res.status, body, ms: performance.now() - t };
}

async function phase(name, hub, ctx, withBombs) {
  const latencies = [];
  const health = [];
  const errors = [];
  let bombsRefused = 0;
  let bombErrors = 0;
  const delivered = ctx.received();
  const rssBefore = rssMb(hub.pid);
  const pending = [];
  const start = performance.now();
  let acknowledgedRolls = 0;
  let stop = false;
  const prober = (async () => {
    while (!stop) {
      const t = performance.now();
      await fetch(`${hub.url}/health`).then((r) => r.arrayBuffer());
      health.push(performance.now() - t);
      await sleep(100);
    }
  })();
  const bomber = withBombs
    ? (async () => {
        for (let i = 0; !stop; i++) {
          const r = await call(hub.url, ctx.playerToken, 'roll_dice', { campaignId: ctx.campaignId, expression: BOMBS[i % BOMBS.length] });
          if (r.status === 413 && r.body.error?.code === 'LIMIT') bombsRefused++;
          else bombErrors++;
          await sleep(Math.max(0, 1000 - r.ms));
        }
      })()
    : null;
  // Open loop: calls start on schedule whether or not earlier ones have finished.
  for (let i = 0; i < SECONDS * RATE; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const kind = i % 5;
    const p = (
      kind < 3
        ? call(hub.url, OWNER, 'roll_dice', { campaignId: ctx.campaignId, expression: '1d20+5 # load' })
        : kind === 3
          ? call(hub.url, OWNER, 'add_session_note', { campaignId: ctx.campaignId, note: `load note ${i}` })
          : call(hub.url, OWNER, 'get_session', { campaignId: ctx.campaignId })
    ).then(
      (r) => {
        latencies.push(r.ms);
        if (r.status !== 200) errors.push(`${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
        else if (kind < 3) acknowledgedRolls++;
      },
      (e) => errors.push(String(e)),
    );
    pending.push(p);
  }
  await Promise.all(pending);
  stop = true;
  await Promise.all([prober, bomber]);
  // Give the last events time to arrive at every socket.
  const expected = delivered + acknowledgedRolls * SOCKETS;
  for (let i = 0; i < 100 && ctx.received() < expected; i++) await sleep(50);
  const seconds = (performance.now() - start) / 1000;
  const calls = summarize(latencies);
  const h = summarize(health);
  return {
    name,
    row: [
      name,
      String(latencies.length),
      `${(latencies.length / seconds).toFixed(1)}/s`,
      String(errors.length),
      ms(calls.p50),
      ms(calls.p99),
      ms(h.p99),
      ms(h.max),
      `${ctx.received() - delivered} / ${acknowledgedRolls * SOCKETS}`,
      withBombs ? `${bombsRefused} refused, ${bombErrors} other` : '-',
      `${rssBefore.toFixed(0)} → ${rssMb(hub.pid).toFixed(0)}`,
    ],
    errors,
    bombErrors,
  };
}

export async function run() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-load-'));
  const proc = spawn(process.execPath, [join(root, 'bin/ttrpg-hub.js'), 'start', '--port', '0'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', HUB_OWNER_TOKEN: OWNER, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const onData = (c) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${out.slice(-500)}`)));
  });
  const hub = { url, pid: proc.pid };
  const sockets = [];
  try {
    const campaignId = (await call(url, OWNER, 'create_campaign', { name: 'Load', system: 'D&D 5e' })).body.value.campaign.id;
    await call(url, OWNER, 'start_session', { campaignId });
    const viewerToken = (await call(url, OWNER, 'create_access_token', { campaignId, name: 'Overlays', role: 'viewer' })).body.value.token;
    const playerToken = (await call(url, OWNER, 'create_access_token', { campaignId, name: 'Bomber', role: 'player' })).body.value.token;
    let received = 0;
    for (let i = 0; i < SOCKETS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, SOCKETS - i) }, async () => {
          const s = connect(url, { auth: { token: viewerToken }, transports: ['websocket'] });
          sockets.push(s);
          s.on('dice.rolled', () => received++);
          await new Promise((ok, fail) => (s.once('connect', ok), s.once('connect_error', fail)));
          const ack = await s.timeout(10_000).emitWithAck('subscribe', { campaignId });
          if (!ack.ok) throw new Error(`subscribe failed: ${JSON.stringify(ack)}`);
        }),
      );
    }
    const ctx = { campaignId, playerToken, received: () => received };
    const plain = await phase(`${RATE} calls/s`, hub, ctx, false);
    const bombed = await phase(`${RATE} calls/s + 1 dice bomb/s`, hub, ctx, true);
    const columns = [
      'Phase',
      'calls',
      'rate',
      'errors',
      'p50 ms',
      'p99 ms',
      '/health p99 ms',
      '/health max ms',
      'dice events delivered / expected',
      'bombs',
      'hub RSS MB before → after',
    ].map((title, i) => ({ title, align: i === 0 ? 'left' : 'right' }));
    const failures = [...plain.errors, ...bombed.errors];
    return {
      title: 'Load: 500 sockets and 50 tool calls/s for 60 s',
      description:
        `\`npm run bench:load\` (LOAD_SECONDS=${SECONDS}, LOAD_RATE=${RATE}, LOAD_SOCKETS=${SOCKETS}): one hub process on SQLite, ${SOCKETS} viewer sockets subscribed to the campaign ` +
        `(in the bench process), ${RATE} HTTP tool calls per second on a fixed schedule (3/5 roll_dice, 1/5 add_session_note, 1/5 get_session), ` +
        `/health probed every 100 ms. The second phase adds one dice bomb per second from a player token (${BOMBS.map((b) => `\`${b}\``).join(', ')} in turn), ` +
        `which must be refused with 413 LIMIT. Machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) at the end of the run: it is shared with other work.`,
      tables: [markdownTable(columns, [plain.row, bombed.row])],
      notes: failures.length || bombed.bombErrors ? [`Errors: ${failures.slice(0, 5).join('; ')}; bombs not refused: ${bombed.bombErrors}`] : [],
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await new Promise((r) => (proc.exitCode !== null ? r() : (proc.once('exit', r), proc.kill('SIGTERM'))));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const START = '<!-- bench:load -->';
const END = '<!-- /bench:load -->';
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await run();
  const section = `${START}\n## ${result.title}\n\n- Date: ${new Date().toISOString()}\n- Command: \`npm run bench:load\`\n\n${result.description}\n\n${[...result.tables, ...result.notes.map((n) => `> Note: ${n}`)].join('\n\n')}\n${END}\n`;
  process.stdout.write(`${section}\n`);
  const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  const current = readFileSync(file, 'utf8');
  const at = current.indexOf(START);
  writeFileSync(file, at >= 0 ? current.slice(0, at) + section + current.slice(current.indexOf(END) + END.length + 1) : `${current.trimEnd()}\n\n${section}`);
}
