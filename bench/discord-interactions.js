// Discord HTTP interactions under load: 100 signed interactions in flight at once against the hub's
// /discord/interactions endpoint, timed from send to answer. PING (signature check + JSON only) is the
// floor measured in the same run.
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubConfigSchema } from '../dist/config/config-schema.js';
import { createHub } from '../dist/server.js';
import { summarize } from './lib/stats.js';
import { markdownTable, ms, ratio } from './lib/table.js';

const CONCURRENCY = 100;
const ROUNDS = 30;
const OWNER = 'bench-owner-token-0123456789abcdef';

/** The memory store, and SQLite (what `npm start` uses): a store with real writes to wait for. */
const STORES = [
  ['memory', () => 'memory://'],
  ['SQLite (default)', (dataDir) => `sqlite://${join(dataDir, 'hub.sqlite')}`],
];

export async function run() {
  const rows = [];
  for (const [store, url] of STORES) rows.push(...(await runOn(store, url)));
  return {
    title: 'Discord interactions under load',
    description:
      `${ROUNDS} rounds of ${CONCURRENCY} signed interactions in flight at once per interaction, the interactions taking turns round by round, POSTed to /discord/interactions on 127.0.0.1; ` +
      'each sample is one interaction from send to its answer (all commands answered within the 3-second window, none deferred). ' +
      '/init next runs on a 12-combatant order in a channel linked to a campaign with an active session; every call is a real turn change ' +
      '(stored, published, announced). The floor is PING: signature verification and JSON only. Once with the memory store, once with SQLite in a temp folder (the default store).',
    tables: [
      markdownTable(
        [
          { title: 'Store', align: 'left' },
          { title: 'Interaction', align: 'left' },
          { title: 'Samples', align: 'right' },
          { title: 'p50 ms', align: 'right' },
          { title: 'p99 ms', align: 'right' },
          { title: 'mean ms', align: 'right' },
          { title: 'p50 / p99 vs floor', align: 'right' },
        ],
        rows,
      ),
    ],
  };
}

async function runOn(storeLabel, storeUrl) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-bench-discord-'));
  const config = HubConfigSchema.parse({
    dataDir,
    storage: { url: storeUrl(dataDir) },
    auth: { ownerToken: OWNER },
    log: { level: 'silent' },
    server: { port: 0 },
    // The stand-in URL is never reached: these commands answer inside the 3 s window.
    discord: { publicKey: publicKeyHex, apiUrl: 'http://127.0.0.1:9/api' },
  });
  const hub = await createHub(config);
  try {
    const api = async (tool, input) => {
      const res = await fetch(`${hub.url}/api/tools/${tool}`, { method: 'POST', headers: { authorization: `Bearer ${OWNER}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
      return (await res.json()).value;
    };
    const send = async (payload) => {
      const body = JSON.stringify(payload);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      const start = process.hrtime.bigint();
      const res = await fetch(`${hub.url}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp }, body });
      const json = await res.json();
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      // A deferral (type 5) would break the "answered within the window" claim of the table.
      if (res.status !== 200 || json.type === 5 || String(json.data?.content ?? '').startsWith('❌')) throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
      return elapsed;
    };
    let n = 0;
    const command = (name, options, manager = false) => ({
      id: String(++n),
      application_id: '1',
      type: 2,
      token: `t${n}`,
      guild_id: '2',
      channel_id: '3',
      member: { user: { id: String(1000 + (n % 50)), username: 'p' }, roles: [], permissions: manager ? '32' : '0' },
      data: { name, options },
    });
    const sub = (name, options = []) => [{ type: 1, name, options }];

    // A linked channel with a running session and a full initiative order.
    const campaignId = (await api('create_campaign', { name: 'Bench', system: 'D&D 5e' })).campaign.id;
    const gmToken = (await api('create_access_token', { campaignId, name: 'Discord', role: 'gm' })).token;
    await send(command('campaign', sub('link', [{ name: 'token', type: 3, value: gmToken }]), true));
    await api('start_session', { campaignId });
    await api('add_combatants', { campaignId, combatants: [{ name: 'Goblin', count: 8, hp: 7 }, { name: 'Hero', kind: 'pc', count: 4, hp: 30 }] });

    const scenarios = [
      ['PING (floor)', () => ({ id: String(++n), application_id: '1', type: 1, token: 't' })],
      ['/roll 1d20+5 adv', () => command('roll', [{ name: 'expression', type: 3, value: '1d20+5 adv # attack' }])],
      ['/init next', () => command('init', sub('next'))],
    ];
    // The scenarios take turns round by round, so the floor and each command see the same heap, JIT
    // state and machine load (run one after another, the later ones paid for the garbage of the earlier).
    for (const [, make] of scenarios) for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: CONCURRENCY }, () => send(make()))); // warm-up
    const samples = scenarios.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, [, make]] of scenarios.entries()) samples[i].push(...(await Promise.all(Array.from({ length: CONCURRENCY }, () => send(make())))));
    }
    const results = scenarios.map(([label], i) => [label, summarize(samples[i])]);
    const floor = results[0][1];
    return results.map(([label, st]) => [storeLabel, label, st.n, ms(st.p50), ms(st.p99), ms(st.mean), label.includes('floor') ? '' : `${ratio(st.p50 / floor.p50)} / ${ratio(st.p99 / floor.p99)}`]);
  } finally {
    await hub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
