import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpReranker } from '../../src/llm/rerankers/http-reranker.js';
import { rulesFixture, type RulesFixture } from '../helpers/rules-fixture.js';

// A stand-in for the rerank API (POST /rerank {model, query, documents} -> {results: [{index,
// relevance_score}]}, best first), as llama.cpp's server, vLLM and Cohere answer it. It scores a
// document by how often it says the word the test asks it to favour.
let server: Server;
let url: string;
let favour = 'cover';
let failWith: number | null = null;
const requests: { model: string; query: string; documents: string[] }[] = [];
beforeAll(async () => {
  server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw);
    requests.push(body);
    if (req.url !== '/v1/rerank' || failWith) {
      res.writeHead(failWith ?? 404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'model not loaded' } }));
    }
    const results = (body.documents as string[])
      .map((d, index) => ({ index, relevance_score: (d.toLowerCase().match(new RegExp(favour, 'g')) ?? []).length / 10 }))
      .sort((a, b) => b.relevance_score - a.relevance_score);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'r1', model: body.model, results, usage: { total_tokens: 10 } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the rerank API client', () => {
  afterEach(() => {
    failWith = null;
  });

  it('sends the question and passages, and gives the scores back in the passages\' order', async () => {
    const reranker = new HttpReranker({ url, model: 'bge-reranker-v2-m3', apiKey: 'k' });
    const scores = await reranker.rerank('where is cover', ['no', 'cover cover', 'cover']);
    expect(scores).toEqual({ ok: true, value: [0, 0.2, 0.1] });
    expect(requests.at(-1)).toMatchObject({ model: 'bge-reranker-v2-m3', query: 'where is cover', documents: ['no', 'cover cover', 'cover'] });
  });

  it('says what the server answered when it refuses, and when it does not answer at all', async () => {
    failWith = 503;
    const refused = await new HttpReranker({ url, model: 'm' }).rerank('q', ['a']);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/HTTP 503.*model not loaded/) } });
    const gone = await new HttpReranker({ url: 'http://127.0.0.1:9/v1', model: 'm' }).rerank('q', ['a']);
    expect(gone).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/does not answer/) } });
  });
});

describe('search with a reranker', () => {
  let f: RulesFixture;
  afterEach(async () => {
    await f.core.deps.rules?.close();
    f.cleanup();
  });

  it('reorders the best candidates as the reranker scores them, and keeps its own order when it fails', async () => {
    f = await rulesFixture({ reranker: new HttpReranker({ url, model: 'm' }) });
    await f.ok('add_source', { path: f.files['handbook.pdf'], name: 'Handbook', system: 'D&D 5e' });
    favour = 'grappl';
    const grappling = await f.ok('search', { query: 'what happens in combat', mode: 'keyword', maxResults: 3 });
    expect(grappling.results[0].sectionPath).toContain('Grappling');
    favour = 'cover';
    const cover = await f.ok('search', { query: 'what happens in combat?', mode: 'keyword', maxResults: 3 });
    expect(cover.results[0].sectionPath).toContain('Cover');
    expect(requests.at(-1)!.documents.length).toBeGreaterThan(3);

    failWith = 500;
    const plain = await f.ok('search', { query: 'what happens in combat now', mode: 'keyword', maxResults: 3 });
    expect(plain.results).toHaveLength(3);
    expect(plain.note).toMatch(/^Not reranked: the reranker refused/);
    // Not kept in the answer cache: once the reranker is back, the same question is reranked.
    failWith = null;
    const again = await f.ok('search', { query: 'what happens in combat now', mode: 'keyword', maxResults: 3 });
    expect(again.note ?? '').not.toMatch(/Not reranked/);
    expect(again.results[0].sectionPath).toContain('Cover');
  });
});
