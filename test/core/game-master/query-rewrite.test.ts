import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startOpenAiStandIn, type LlmStandIn } from '../../helpers/llm-standins.js';
import { handbookPdf, writeFiles } from '../../helpers/pdf-fixtures.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

// RULES_QUERY_REWRITE: the provider rewords table talk into rulebook terms and both wordings are searched.
let hub: TestHub;
let llm: LlmStandIn;
let books: string;
beforeAll(async () => {
  books = mkdtempSync(join(tmpdir(), 'ttrpg-books-'));
  writeFiles(books, { 'handbook.pdf': await handbookPdf({ outline: true }) });
  llm = await startOpenAiStandIn();
  hub = await startTestHub({
    rules: { allowedFolders: [books], vectorStore: 'memory', queryRewrite: true },
    ai: { provider: 'openai', openai: { apiKey: 'sk-hub', baseUrl: llm.url, defaultModel: 'gpt-test' }, retries: 0 },
  });
  expect((await hub.api('add_source', { path: 'handbook.pdf', name: 'Test Handbook', system: 'D&D 5e' })).body.ok).toBe(true);
}, 60_000);
afterAll(async () => {
  await hub.close();
  await llm.close();
  rmSync(books, { recursive: true, force: true });
});

const question = 'What happens to my paladin when his steed gets shot out from under him?';

it('searches the rulebook terms the model gives beside the question, which shares no word with the rule', async () => {
  llm.script({ text: 'mounted combat: mount knocked prone, rider falls off\n(extra lines are ignored)' });
  const res = await hub.api('search', { query: question, maxResults: 5 });
  expect(res.body.ok).toBe(true);
  expect(res.body.value.results[0].sectionPath).toContain('Mounted Combat');
  expect(res.body.value.query.text).toMatch(/\| mounted combat mount knocked prone rider falls off$/);
  // One short request, with the question as the user's message and an instruction not to answer it.
  expect(llm.requests).toHaveLength(1);
  expect(llm.requests[0]!.body.messages.at(-1)).toMatchObject({ role: 'user', content: question });
  expect(JSON.stringify(llm.requests[0]!.body.messages[0])).toMatch(/Do not answer the question/);
  // Charged to the person who searched, under the game master's spending limits.
  expect((await hub.api('get_ai_usage', {})).body.value.user).toMatchObject({ requests: 1 });
});

it('searches the question as asked when the provider fails', async () => {
  llm.script({ status: 500, message: 'upstream exploded' });
  const res = await hub.api('search', { query: 'Can a knight on a warhorse use the cover of walls?', maxResults: 5 });
  expect(res.body.ok).toBe(true);
  expect(res.body.value.results).toHaveLength(5);
  expect(res.body.value.query.text).not.toContain('|');
  expect(llm.requests).toHaveLength(2);
});

it('does not reword the searches the game master\'s own model makes: they are in rulebook terms already', async () => {
  const before = llm.requests.length;
  llm.script({ toolCalls: [{ name: 'search', input: { query: 'mounted combat controlling a mount' } }] }, { text: 'Your mount acts on your initiative.' });
  const res = await hub.api('ask_game_master', { message: 'Does my horse get its own turn?' });
  expect(res.body.ok).toBe(true);
  expect(res.body.value.toolCalls[0]).toMatchObject({ name: 'search', ok: true });
  // Two model turns of the game master, and no rewrite request between them.
  expect(llm.requests.length - before).toBe(2);
  expect(llm.requests.slice(before).every((r) => !JSON.stringify(r.body).includes('Do not answer the question'))).toBe(true);
});
