// Event fan-out: how long from a roll (an HTTP request to the hub) until each of 1,000 connected
// overlay sockets has the dice.rolled event, on one hub process and across two via Redis, next to a
// bare socket.io broadcast of the same payload measured in the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect } from 'socket.io-client';
import { summarize } from './lib/stats.js';
import { markdownTable, ms, ratio } from './lib/table.js';

const SOCKETS = 1000;
const EVENTS = 40;
const root = fileURLToPath(new URL('..', import.meta.url));
const OWNER = 'bench-fanout-owner-token-0123456789';
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Starts a child process and resolves with the first thing it prints that `match` recognises. */
function child(args, env, match) {
  const proc = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      const found = match(out);
      if (found) resolve({ proc, value: found });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out.slice(-500)}`)));
  });
}
const hubProcess = (env) => child([join(root, 'bin/ttrpg-hub.js'), 'start', '--port', '0'], { LOG_LEVEL: 'info', HUB_OWNER_TOKEN: OWNER, ...env }, (out) => /listening on (http:\/\/\S+)/.exec(out)?.[1]);
const floorProcess = (env) => child([join(root, 'bench/fanout-floor-server.js')], env, (out) => (/^(\d+)\n/.exec(out) ? `http://127.0.0.1:${/^(\d+)/.exec(out)[1]}` : null));
const stop = async (...procs) => Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r() : (p.once('exit', r), p.kill('SIGTERM'))))));

async function api(url, tool, input) {
  const res = await fetch(`${url}/api/tools/${tool}`, { method: 'POST', headers: { authorization: `Bearer ${OWNER}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  return (await res.json()).value;
}

/** Connects the sockets (subscribing each to the campaign when a token is given) and times each event's arrival. */
async function measure(socketUrl, { token, campaignId }, fire) {
  const arrivals = new Map(); // event key -> arrival times
  const sockets = [];
  for (let i = 0; i < SOCKETS; i += 50) {
    const batch = Array.from({ length: Math.min(50, SOCKETS - i) }, () => {
      const socket = connect(socketUrl, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false });
      socket.on('dice.rolled', (e) => {
        const key = e.rolls[0].label;
        if (!arrivals.has(key)) arrivals.set(key, []);
        arrivals.get(key).push(performance.now());
      });
      sockets.push(socket);
      return new Promise((ok, fail) => {
        socket.once('connect', async () => ok(campaignId ? await socket.emitWithAck('subscribe', { campaignId }) : null));
        socket.once('connect_error', fail);
      });
    });
    await Promise.all(batch);
  }
  const samples = [];
  let complete = 0;
  for (let n = 0; n < EVENTS + 5; n++) {
    const label = `e${n}`;
    const t0 = performance.now();
    await fire(label);
    for (let w = 0; w < 400 && (arrivals.get(label)?.length ?? 0) < SOCKETS; w++) await new Promise((r) => setTimeout(r, 5));
    const got = arrivals.get(label) ?? [];
    if (n >= 5) {
      // The first five are warm-up.
      samples.push(...got.map((t) => t - t0));
      if (got.length === SOCKETS) complete++;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const s of sockets) s.disconnect();
  return { ...summarize(samples), complete };
}

export async function run() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-bench-fanout-'));
  const rows = [];
  const payload = (label, sample) => ({ ...sample, rolls: [{ ...sample.rolls[0], label }] });
  try {
    // One process.
    const hub = await hubProcess({ DATA_DIR: join(dataDir, 'one'), STORE_URL: 'memory://' });
    const campaignId = (await api(hub.value, 'create_campaign', { name: 'Fan-out', system: 'D&D 5e' })).campaign.id;
    const token = (await api(hub.value, 'create_access_token', { campaignId, name: 'viewers', role: 'viewer' })).token;
    await api(hub.value, 'start_session', { campaignId });
    let sample = null;
    const one = await measure(hub.value, { token, campaignId }, async (label) => {
      const r = await api(hub.value, 'roll_dice', { campaignId, expression: `1d20+5 # ${label}` });
      sample ??= { type: 'dice.rolled', id: 'x', at: new Date().toISOString(), campaignId, sessionId: 's', actor: { id: 'owner', name: 'Owner' }, version: 1, secret: false, rolls: r.rolls };
    });
    await stop(hub.proc);
    const floor = await floorProcess({});
    const floorOne = await measure(floor.value, {}, (label) => fetch(`${floor.value}/emit`, { method: 'POST', body: JSON.stringify(payload(label, sample)) }));
    await stop(floor.proc);
    rows.push(['one process', 'floor: bare socket.io', floorOne, null], ['one process', 'hub: roll_dice -> dice.rolled', one, floorOne]);

    // Two processes sharing Redis: roll on A, sockets on B.
    const ns = `bench-fanout-${process.pid}`;
    const shared = { REDIS_URL: REDIS, STORE_NAMESPACE: ns, DATA_DIR: join(dataDir, 'two') };
    const [a, b] = await Promise.all([hubProcess(shared), hubProcess(shared)]);
    const c2 = (await api(a.value, 'create_campaign', { name: 'Fan-out 2', system: 'D&D 5e' })).campaign.id;
    const t2 = (await api(a.value, 'create_access_token', { campaignId: c2, name: 'viewers', role: 'viewer' })).token;
    await api(a.value, 'start_session', { campaignId: c2 });
    const two = await measure(b.value, { token: t2, campaignId: c2 }, (label) => api(a.value, 'roll_dice', { campaignId: c2, expression: `1d20+5 # ${label}` }));
    await stop(a.proc, b.proc);
    const [fa, fb] = await Promise.all([floorProcess({ REDIS_URL: REDIS, STREAM: `${ns}-floor` }), floorProcess({ REDIS_URL: REDIS, STREAM: `${ns}-floor` })]);
    const floorTwo = await measure(fb.value, {}, (label) => fetch(`${fa.value}/emit`, { method: 'POST', body: JSON.stringify(payload(label, sample)) }));
    await stop(fa.proc, fb.proc);
    rows.push(['two processes + Redis', 'floor: bare socket.io + Redis streams adapter', floorTwo, null], ['two processes + Redis', 'hub: roll on A, sockets on B', two, floorTwo]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    title: 'Event fan-out to 1,000 overlay sockets',
    description:
      `${SOCKETS} socket.io clients (websocket) in the bench process; ${EVENTS} events after 5 warm-up, 50 ms apart. A sample is one socket's ` +
      'delay from the triggering HTTP request (roll_dice on the hub; POST /emit on the floor) to its receipt of the event, so each event gives ' +
      `${SOCKETS} samples. The hub authenticates and subscribes every socket (viewer token) and sends the table view of each event; the floor ` +
      'broadcasts the same payload to a room with nothing else. Hubs and floors run as separate processes (memory store for one process; a shared ' +
      'Redis store and the Redis streams adapter for two). All 1,000 clients share the bench process, whose parsing of 1,000 copies of each ' +
      'event dominates the figures and adds noise of several milliseconds either way (the one-process hub can come out under its floor).',
    tables: [
      markdownTable(
        [
          { title: 'Setup', align: 'left' },
          { title: 'Path', align: 'left' },
          { title: 'Samples', align: 'right' },
          { title: 'Events reaching all', align: 'right' },
          { title: 'p50 ms', align: 'right' },
          { title: 'p99 ms', align: 'right' },
          { title: 'p50 / p99 vs floor', align: 'right' },
        ],
        rows.map(([setup, path, s, f]) => [setup, path, s.n, `${s.complete}/${EVENTS}`, ms(s.p50), ms(s.p99), f ? `${ratio(s.p50 / f.p50)} / ${ratio(s.p99 / f.p99)}` : '']),
      ),
    ],
  };
}
