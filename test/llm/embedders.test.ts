import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashingEmbedder } from '../../src/llm/embedders/hashing-embedder.js';
import { OllamaEmbedder, OpenAiEmbedder } from '../../src/llm/embedders/http-embedder.js';
import { LocalModelEmbedder } from '../../src/llm/embedders/local-model-embedder.js';

interface Seen {
  method: string;
  path: string;
  auth: string | undefined;
  body: { model: string; input: string[] };
}

/**
 * A stand-in for the OpenAI and Ollama embedding endpoints, answering in their wire formats with a
 * vector derived from each text's length. The model "broken" is refused the way the real APIs refuse.
 */
let server: Server;
let base: string;
const seen: Seen[] = [];
beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw);
    seen.push({ method: req.method!, path: req.url!, auth: req.headers.authorization, body });
    const vec = (t: string) => [t.length, 1, 0];
    res.setHeader('content-type', 'application/json');
    if (body.model === 'broken') {
      res.statusCode = req.url === '/v1/embeddings' ? 401 : 404;
      res.end(JSON.stringify(req.url === '/v1/embeddings' ? { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } : { error: `model "broken" not found, try pulling it first` }));
      return;
    }
    if (req.url === '/v1/embeddings') {
      // OpenAI may return the items in any order; each carries its index.
      const data = body.input.map((t: string, index: number) => ({ object: 'embedding', index, embedding: vec(t) })).reverse();
      res.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 3, total_tokens: 3 } }));
    } else if (req.url === '/api/embed') {
      res.end(JSON.stringify({ model: body.model, embeddings: body.input.map(vec) }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('OpenAI embeddings', () => {
  it('posts the texts with the model and key and returns the vectors in input order', async () => {
    const embedder = new OpenAiEmbedder({ url: `${base}/v1`, model: 'text-embedding-3-small', apiKey: 'sk-test' });
    expect(embedder.id).toBe('openai:text-embedding-3-small');
    expect(await embedder.embed(['a', 'abc'])).toEqual({ ok: true, value: [[1, 1, 0], [3, 1, 0]] });
    expect(seen.at(-1)).toEqual({ method: 'POST', path: '/v1/embeddings', auth: 'Bearer sk-test', body: { model: 'text-embedding-3-small', input: ['a', 'abc'] } });
  });

  it('reports a refusal with the API\'s own message', async () => {
    const result = await new OpenAiEmbedder({ url: `${base}/v1`, model: 'broken', apiKey: 'sk-wrong' }).embed(['a']);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'The OpenAI embeddings API refused to embed with model "broken" (HTTP 401: Incorrect API key provided)' } });
  });
});

describe('Ollama embeddings', () => {
  it('posts to /api/embed and reads the embeddings', async () => {
    const embedder = new OllamaEmbedder({ url: base, model: 'nomic-embed-text' });
    expect(embedder.id).toBe('ollama:nomic-embed-text');
    expect(await embedder.embed(['four'])).toEqual({ ok: true, value: [[4, 1, 0]] });
    expect(seen.at(-1)).toMatchObject({ path: '/api/embed', auth: undefined, body: { model: 'nomic-embed-text', input: ['four'] } });
  });

  it('says so when the model is missing or the server does not answer', async () => {
    expect(await new OllamaEmbedder({ url: base, model: 'broken' }).embed(['a'])).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Ollama refused to embed with model "broken" (HTTP 404: model "broken" not found, try pulling it first)' },
    });
    const down = await new OllamaEmbedder({ url: 'http://127.0.0.1:9', model: 'nomic-embed-text' }).embed(['a']);
    expect(down).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/^Ollama at http:\/\/127\.0\.0\.1:9 does not answer/) } });
  });
});

describe('the offline embedder', () => {
  const embedder = new HashingEmbedder();
  const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
  const [fireball, typo, grapple, same] = ['fireball deals fire damage', 'firebal fire damage', 'grappling a creature', 'fireball deals fire damage'].map((t) => embedder.embedOne(t));

  it('gives unit vectors of the configured size, the same for the same text', async () => {
    expect(embedder.id).toBe('hash-v1-256');
    expect(fireball).toHaveLength(256);
    expect(cos(fireball!, fireball!)).toBeCloseTo(1, 6);
    expect(same).toEqual(fireball);
  });

  it('puts a misspelling near the word and unrelated text far away', () => {
    expect(cos(fireball!, typo!)).toBeGreaterThan(0.5);
    expect(cos(fireball!, grapple!)).toBeLessThan(0.2);
  });
});

let transformersInstalled = true;
try {
  createRequire(import.meta.url).resolve('@huggingface/transformers');
} catch {
  transformersInstalled = false;
}

describe('the local sentence model', () => {
  // Where the optional package is installed, test/llm/local-model-embedder.test.ts runs it end to end instead.
  it.skipIf(transformersInstalled)('reports clearly that its optional package is missing, and what to do', async () => {
    const result = await new LocalModelEmbedder({ model: 'Xenova/all-MiniLM-L6-v2', cacheDir: '/tmp/unused' }).embed(['a']);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/needs the optional package @huggingface\/transformers: run `npm install @huggingface\/transformers`/) } });
  });
});
