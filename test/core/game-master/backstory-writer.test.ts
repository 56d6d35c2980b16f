import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiStandIn, type LlmStandIn } from '../../helpers/llm-standins.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

let standIn: LlmStandIn;
let hub: TestHub;

beforeAll(async () => {
  standIn = await startOpenAiStandIn();
  hub = await startTestHub({ ai: { provider: 'openai', openai: { apiKey: 'sk-test', baseUrl: standIn.url, defaultModel: 'gpt-test' } } });
});
afterAll(async () => {
  await hub?.close();
  await standIn.close();
});

describe('backstories written by the AI game master', () => {
  it('asks the configured provider for a generated NPC\'s backstory, counts its usage, and falls back to templates when it fails', async () => {
    standIn.script({ text: 'Mirela once sold maps of places that do not exist.', usage: { input: 120, output: 14 } });
    const npc = (await hub.api('generate_npc', { role: 'merchant', seed: 5 })).body.value;
    expect(npc.npc).toMatchObject({ backstory: 'Mirela once sold maps of places that do not exist.', backstorySource: 'writer' });
    const sent = standIn.requests.at(-1)!.body;
    expect(JSON.stringify(sent.messages)).toMatch(/backstory/i);
    expect(sent.tools ?? []).toEqual([]);
    expect((await hub.api('get_ai_usage', {})).body.value.user).toMatchObject({ inputTokens: 120, outputTokens: 14 });

    standIn.script({ status: 500, message: 'down' }, { status: 500, message: 'down' }, { status: 500, message: 'down' });
    expect((await hub.api('generate_npc', { role: 'merchant', seed: 6 })).body.value.npc.backstorySource).toBe('template');
  });
});
