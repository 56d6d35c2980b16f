import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAnthropicStandIn, type LlmStandIn } from '../../helpers/llm-standins.js';
import { handbookPdf, writeFiles } from '../../helpers/pdf-fixtures.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

let hub: TestHub;
let llm: LlmStandIn;
let books: string;
beforeAll(async () => {
  books = mkdtempSync(join(tmpdir(), 'ttrpg-books-'));
  writeFiles(books, { 'handbook.pdf': await handbookPdf({ outline: true }) });
  llm = await startAnthropicStandIn();
  hub = await startTestHub({
    rules: { allowedFolders: [books], vectorStore: 'memory' },
    ai: { provider: 'anthropic', anthropic: { apiKey: 'sk-ant-hub', baseUrl: llm.url, defaultModel: 'claude-test-1' } },
  });
  expect((await hub.api('add_source', { path: 'handbook.pdf', name: 'Test Handbook', system: 'D&D 5e' })).body.ok).toBe(true);
}, 60_000);
afterAll(async () => {
  await hub.close();
  await llm.close();
  rmSync(books, { recursive: true, force: true });
});

it('answers a rules question from the books: the model searches and receives book and page to cite', async () => {
  llm.script({ toolCalls: [{ name: 'search', input: { query: 'how does grappling work' } }] }, (body) => {
    const found = body.messages.at(-1).content[0].content as string;
    const cite = /^1\. (.+?), p\. (\d+)/m.exec(found);
    return { text: cite ? `Make a grapple attack (${cite[1]}, p. ${cite[2]}).` : 'The books do not say.' };
  });
  const res = await hub.api('ask_game_master', { message: 'How does grappling work?' });
  expect(res.body.ok).toBe(true);
  const search = res.body.value.toolCalls[0];
  expect(search).toMatchObject({ name: 'search', ok: true });
  const top = search.result.results[0];
  expect(top.source.name).toBe('Test Handbook');
  expect(top.text).toMatch(/grapple/i);
  // The citation in the answer is the book and page the hub's search returned.
  expect(res.body.value.answer).toBe(`Make a grapple attack (Test Handbook, p. ${top.page}).`);
  // The model was told to cite, and that books are loaded.
  expect(llm.requests.at(-2)!.body.system).toMatch(/citing book and page/);
});
