// The AI game master's own overhead, against a floor measured in the same run: the same Anthropic
// stand-in driven directly by the Anthropic SDK. The hub is driven as the web chat drives it, over
// socket.io (gm.ask, gm.stream). What the hub adds: the system prompt (campaign, session, personality),
// the tool catalogue as JSON Schema, the conversation read and write, limits and usage records, and
// for tool calls the registry call, the dice.rolled event and a second provider request.
import Anthropic from '@anthropic-ai/sdk';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { HubConfigSchema } from '../dist/config/config-schema.js';
import { createHub } from '../dist/server.js';
import { startAnthropicFloor } from './lib/anthropic-floor-server.js';
import { summarize } from './lib/stats.js';
import { markdownTable, ms, ratio } from './lib/table.js';

const CALLS = Number(process.env.BENCH_GM_CALLS ?? 200);
const WARMUP = 20;

export async function run() {
  const floor = await startAnthropicFloor();
  const tmp = mkdtempSync(join(tmpdir(), 'ttrpg-bench-gm-'));
  const ownerToken = randomBytes(24).toString('base64url');
  const hub = await createHub(
    HubConfigSchema.parse({
      dataDir: tmp,
      storage: { url: 'memory://' },
      auth: { ownerToken },
      log: { level: 'silent' },
      server: { port: 0 },
      ai: { provider: 'anthropic', anthropic: { apiKey: 'bench', baseUrl: floor.url, defaultModel: 'bench-model' } },
    }),
  );
  const socket = io(hub.url, { auth: { token: ownerToken }, transports: ['websocket'], reconnection: false });
  const sdk = new Anthropic({ apiKey: 'bench', authToken: null, baseURL: floor.url, maxRetries: 0 });
  try {
    await new Promise((resolve, reject) => (socket.once('connect', resolve), socket.once('connect_error', reject)));
    const created = await socket.emitWithAck('tool', { name: 'create_campaign', input: { name: 'Bench', system: 'D&D 5e' } });
    const campaignId = created.value.campaign.id;
    await socket.emitWithAck('tool', { name: 'start_session', input: { campaignId } });

    let n = 0;
    /** One question over the socket: ms to the first streamed text, and to the complete answer. */
    async function hubAsk(message) {
      const requestId = `b${n++}`;
      const t0 = performance.now();
      let first = NaN;
      const onChunk = (c) => c.requestId === requestId && c.type === 'text' && Number.isNaN(first) && (first = performance.now() - t0);
      socket.on('gm.stream', onChunk);
      // A new conversation each time, so history does not grow through the run.
      const reply = await socket.emitWithAck('gm.ask', { requestId, message, campaignId });
      socket.off('gm.stream', onChunk);
      if (!reply.ok) throw new Error(`gm.ask failed: ${reply.error.message}`);
      return { first, total: performance.now() - t0 };
    }
    /** The same turns straight from the SDK: the floor of a provider round trip. */
    async function floorAsk(turns) {
      const t0 = performance.now();
      let first = NaN;
      for (let i = 0; i < turns; i++) {
        const stream = await sdk.messages.create({ model: 'bench-model', max_tokens: 100, messages: [{ role: 'user', content: i === 0 ? 'hello' : 'again' }], stream: true });
        for await (const e of stream) if (e.type === 'content_block_delta' && Number.isNaN(first)) first = performance.now() - t0;
      }
      return { first, total: performance.now() - t0 };
    }

    // The five measures take turns call by call, the order rotating, so drift (JIT tiers, GC, a busy
    // neighbour on a shared machine) hits them all alike.
    const fns = [() => hubAsk('What is a saving throw?'), () => floorAsk(1), () => hubAsk('roll 1'), () => hubAsk('roll 5'), () => floorAsk(2)];
    const results = fns.map(() => []);
    for (let i = 0; i < WARMUP + CALLS; i++) {
      for (let k = 0; k < fns.length; k++) {
        const j = (i + k) % fns.length;
        const r = await fns[j]();
        if (i >= WARMUP) results[j].push(r);
      }
    }
    const [hubText, floorText, hubTool1, hubTool5, floorTwo] = results;

    const s = (rows, key) => summarize(rows.map((r) => r[key]));
    const ttftHub = s(hubText, 'first');
    const ttftFloor = s(floorText, 'first');
    const t1 = s(hubTool1, 'total');
    const t5 = s(hubTool5, 'total');
    const f2 = s(floorTwo, 'total');
    const cols = ['Measure', 'Calls', 'p50 ms', 'p99 ms', 'mean ms', 'vs floor (p50)'].map((title, i) => ({ title, align: i === 0 ? 'left' : 'right' }));
    const row = (label, st, floorSt) => [label, st.n, ms(st.p50), ms(st.p99), ms(st.mean), floorSt ? ratio(st.p50 / floorSt.p50) : '-'];
    const perCall = (t5.p50 - t1.p50) / 4;
    return {
      title: 'AI game master overhead',
      description:
        'Time to the first streamed token of an answer, over socket.io through the hub, against the same Anthropic stand-in read directly with the SDK (floor); ' +
        'and a whole question with tool calls (the model asks for roll_dice N times, the hub rolls, a second request answers) against two direct SDK requests. ' +
        `The stand-in answers at once, so every millisecond here is client, SDK or hub. ${CALLS} calls each after ${WARMUP} warm-up, one at a time.`,
      tables: [
        markdownTable(cols, [
          row('First token: SDK direct (floor)', ttftFloor),
          row('First token: hub over socket.io', ttftHub, ttftFloor),
          row('Two SDK requests (floor)', f2),
          row('Question with 1 tool call', t1, f2),
          row('Question with 5 tool calls', t5, f2),
        ]),
        `Added by the hub to the first token (p50): ${ms(ttftHub.p50 - ttftFloor.p50)} ms. Tool-loop cost per extra tool call (p50, 5 calls vs 1, /4): ${ms(perCall)} ms; ` +
          `a 1-call question over two provider requests: ${ms(t1.p50 - f2.p50)} ms above the floor.`,
      ],
    };
  } finally {
    socket.disconnect();
    await hub.close();
    await floor.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
