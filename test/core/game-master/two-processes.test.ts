import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAnthropicStandIn, type LlmStandIn } from '../../helpers/llm-standins.js';
import { exited, spawnHub } from '../../helpers/spawn-hub.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

const USER_KEY = 'sk-ant-user-two-processes-0001';
const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-gm-2p-'));
const token = 'gm-two-process-owner-token-0123456789';
let llm: LlmStandIn;
let child: Awaited<ReturnType<typeof spawnHub>>;
let local: TestHub;

beforeAll(async () => {
  llm = await startAnthropicStandIn({ keys: ['sk-ant-hub', USER_KEY] });
  const ai = { ANTHROPIC_API_KEY: 'sk-ant-hub', ANTHROPIC_BASE_URL: llm.url, AI_PROVIDER: 'anthropic', AI_MODEL: 'claude-test-1' };
  // `npm start` as a child process, and a second hub in this process, on the same SQLite file and secret key.
  child = await spawnHub({ DATA_DIR: dataDir, HUB_OWNER_TOKEN: token, LOG_LEVEL: 'info', ...ai });
  local = await startTestHub({
    dataDir,
    storage: { url: `sqlite://${dataDir}/hub.sqlite` },
    auth: { ownerToken: token },
    ai: { provider: 'anthropic', anthropic: { apiKey: 'sk-ant-hub', baseUrl: llm.url, defaultModel: 'claude-test-1' } },
  });
}, 60_000);
afterAll(async () => {
  await local?.close();
  child?.child.kill('SIGTERM');
  if (child) await exited(child.child);
  await llm.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function ask(url: string, input: Record<string, unknown>) {
  const res = await fetch(`${url}/api/tools/ask_game_master`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  return (await res.json()) as any;
}

it('shares conversations, usage and sealed keys between two hub processes on the same data', async () => {
  // A key stored through one process is opened by the other (the same hub secret key file).
  expect((await local.api('set_ai_key', { provider: 'anthropic', apiKey: USER_KEY }, token)).body.value.stored).toBe(true);
  llm.script({ text: 'First answer, from the child.' }, { text: 'Second answer, from this process.' });
  const first = await ask(child.url, { message: 'Question one' });
  expect(first.ok).toBe(true);
  expect(llm.requests.at(-1)!.headers.authorization).toBe(`Bearer ${USER_KEY}`);
  const second = await ask(local.url, { message: 'Question two', conversationId: first.value.conversationId });
  expect(second.ok).toBe(true);
  // The second process continued the conversation the first one stored.
  const textOf = (m: any) => (typeof m.content === 'string' ? m.content : m.content.map((b: any) => b.text).join(''));
  expect(llm.requests.at(-1)!.body.messages.map(textOf)).toEqual(['Question one', 'First answer, from the child.', 'Question two']);
  const conv = (await local.api('get_conversation', { conversationId: first.value.conversationId }, token)).body.value;
  expect(conv.messages.map((m: any) => m.text)).toEqual(['Question one', 'First answer, from the child.', 'Question two', 'Second answer, from this process.']);
  // Both requests are in the one ledger, read from either process.
  const usage = await fetch(`${child.url}/api/tools/get_ai_usage`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"input":{}}' });
  expect(((await usage.json()) as any).value.hub.requests).toBe(2);
  // Nothing of the key in the child's log.
  expect(child.stderr()).not.toContain(USER_KEY);
  expect(child.stderr()).toMatch(/AI game master: anthropic/);
});
