import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handbookPdf, writeFiles } from '../helpers/pdf-fixtures.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let books: string;
beforeAll(async () => {
  books = mkdtempSync(join(tmpdir(), 'ttrpg-books-'));
  writeFiles(books, { 'handbook.pdf': await handbookPdf({ outline: true }) });
  hub = await startTestHub({ rules: { allowedFolders: [books], vectorStore: 'memory', embedder: { kind: 'hashing' } } });
});
afterAll(async () => {
  await hub.close();
  rmSync(books, { recursive: true, force: true });
});

it('reports add_source progress as MCP progress notifications, then answers searches with citations', async () => {
  const client = new Client({ name: 'test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${hub.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${OWNER_TOKEN}` } } }));
  const progress: { progress: number; total?: number; message?: string }[] = [];
  const added = (await client.callTool({ name: 'add_source', arguments: { path: 'handbook.pdf', name: 'Test Handbook', system: 'D&D 5e' } }, undefined, { onprogress: (p) => progress.push(p) })) as any;
  expect(added.isError).toBeFalsy();
  expect(added.content[0].text).toMatch(/^Added "Test Handbook" \(D&D 5e\): \d+ passages from 6 pages$/);
  expect(progress.length).toBeGreaterThan(3);
  expect(progress.at(-1)).toMatchObject({ progress: 100, total: 100, message: expect.stringMatching(/^done: /) });
  expect(progress.some((p) => p.message?.startsWith('reading: '))).toBe(true);

  const found = (await client.callTool({ name: 'search', arguments: { query: 'AoO when teleporting' } })) as any;
  expect(found.structuredContent.results[0]).toMatchObject({ source: { name: 'Test Handbook' }, page: 2, sectionPath: ['CHAPTER 1: COMBAT', 'Opportunity Attacks'] });
  expect(found.content[0].text).toMatch(/^\(searched for: .*opportunity attack.*\)\n1\. Test Handbook, p\. 2: CHAPTER 1: COMBAT > Opportunity Attacks \(rule, score [\d.]+\)/);
  await client.close();
});
