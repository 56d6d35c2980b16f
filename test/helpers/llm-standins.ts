import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ThinkingLedger, type WireThinking } from './anthropic-thinking-rules.js';

/**
 * Local stand-ins of the Anthropic Messages API and the OpenAI Chat Completions API. They speak the
 * real streaming wire formats (Anthropic: named SSE events message_start, content_block_start/delta/stop
 * with text_delta and input_json_delta, message_delta with usage, message_stop, ping, error; OpenAI:
 * `data:` chunks with content and tool_calls deltas, finish_reason, a usage-only final chunk when
 * stream_options.include_usage, `[DONE]`), their error bodies and 429 with retry-after. The hub reaches
 * them through the real SDKs by base URL. Each POST takes the next scripted step and is recorded.
 *
 * The Anthropic stand-in also behaves as a thinking model (Claude Sonnet 5.5): a step may stream
 * `thinking` blocks (thinking_delta, then signature_delta) and `redacted_thinking` blocks, and a request
 * is refused with 400 invalid_request_error, before any step is taken, when the real model would refuse
 * it (see anthropic-thinking-rules.ts): a continuation that drops or edits the thinking blocks it sent,
 * or changed what came before them, sampling parameters, thinking disabled, forced tool_choice, prefill.
 */

export interface ToolCallStep {
  name: string;
  input: unknown;
  id?: string;
}

/** A thinking block to stream: its text ('' as with display "omitted"), or a redacted block's data. */
export type ThinkingStep = string | { redacted: string };

export type Step =
  /**
   * A streamed answer: thinking blocks, text (in pieces), then tool calls, each after its `progress`
   * thinking block when given (Sonnet 5.5 returns text between tool calls as thinking), then usage.
   */
  | {
      thinking?: ThinkingStep[];
      progress?: ThinkingStep[];
      text?: string;
      toolCalls?: ToolCallStep[];
      usage?: { input: number; output: number };
      pieceDelayMs?: number;
      firstByteDelayMs?: number;
      model?: string;
    }
  /** An HTTP error with the provider's error body. */
  | { status: number; retryAfter?: number; message?: string }
  /** The stream starts, then fails with an error event after `text` (nothing when absent). */
  | { streamError: 'overloaded' | 'api_error'; text?: string }
  /** Accepts the request and never answers (cancellation, timeouts). */
  | { hang: true };

export interface RecordedRequest {
  path: string;
  body: any;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface LlmStandIn {
  /** The base URL to give the SDK (Anthropic: the host; OpenAI: host + /v1). */
  url: string;
  requests: RecordedRequest[];
  /** Appends steps; a step may be a function of the request body. */
  script(...steps: (Step | ((body: any) => Step))[]): void;
  /** Keys the stand-in accepts (any key when empty). */
  keys: string[];
  models: string[];
  /** Milliseconds from receiving each streamed request to writing its first text delta. */
  firstTokenMs: number[];
  close(): Promise<void>;
}

type Flavour = 'anthropic' | 'openai';

export const startAnthropicStandIn = (options: { keys?: string[]; models?: string[] } = {}) => start('anthropic', options);
export const startOpenAiStandIn = (options: { keys?: string[]; models?: string[] } = {}) => start('openai', options);

async function start(flavour: Flavour, options: { keys?: string[]; models?: string[] }): Promise<LlmStandIn> {
  const queue: (Step | ((body: any) => Step))[] = [];
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  const ledger = new ThinkingLedger();
  const standIn = {
    url: '',
    requests,
    keys: options.keys ?? [],
    models: options.models ?? (flavour === 'anthropic' ? ['claude-test-1', 'claude-test-2'] : ['gpt-test', 'gpt-test-mini']),
    firstTokenMs: [] as number[],
    script: (...steps: (Step | ((body: any) => Step))[]) => void queue.push(...steps),
    close: async () => {
      for (const res of open) res.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };

  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const received = Date.now();
    const path = (req.url ?? '').split('?')[0]!;
    // Anthropic takes the key as x-api-key or (as SDK 1.x sends it) a bearer token.
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const key = flavour === 'anthropic' ? (req.headers['x-api-key'] ?? bearer) : bearer;
    if (standIn.keys.length && !standIn.keys.includes(String(key))) return error(res, flavour, 401, 'invalid x-api-key');
    if (req.method === 'GET' && /\/v1\/models$/.test(path)) {
      const data = standIn.models.map((id) => (flavour === 'anthropic' ? { type: 'model', id, display_name: id, created_at: '2026-01-01T00:00:00Z' } : { id, object: 'model', created: 1767225600, owned_by: 'standin' }));
      return json(res, 200, flavour === 'anthropic' ? { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null } : { object: 'list', data });
    }
    const expected = flavour === 'anthropic' ? '/v1/messages' : '/v1/chat/completions';
    if (req.method !== 'POST' || path !== expected) return error(res, flavour, 404, `${req.method} ${path} is not part of this API`);
    const body = JSON.parse(raw || '{}');
    requests.push({ path, body, headers: req.headers, at: received });
    const refused = flavour === 'anthropic' ? ledger.refusal(body) : null;
    if (refused) return error(res, flavour, 400, refused);
    const next = queue.shift();
    if (!next) return error(res, flavour, 500, 'the stand-in has no scripted reply left');
    const step = typeof next === 'function' ? next(body) : next;
    if ('status' in step) return error(res, flavour, step.status, step.message ?? `scripted ${step.status}`, step.retryAfter);
    open.add(res);
    res.on('close', () => open.delete(res));
    if ('hang' in step) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const write = (event: string, data: unknown) => {
      if (res.destroyed) return;
      res.write(flavour === 'anthropic' ? `event: ${event}\ndata: ${JSON.stringify(data)}\n\n` : `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    };
    const onFirstText = () => standIn.firstTokenMs.length < requests.length && standIn.firstTokenMs.push(Date.now() - received);
    if (flavour === 'anthropic') await anthropicStream(step, body, write, onFirstText, ledger);
    else await openAiStream(step, body, write, onFirstText);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  standIn.url = flavour === 'anthropic' ? `http://127.0.0.1:${port}` : `http://127.0.0.1:${port}/v1`;
  return standIn;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pieces = (text: string) => text.match(/.{1,12}/gs) ?? [];

type Write = (event: string, data: unknown) => void;

async function anthropicStream(step: Exclude<Step, { status: number } | { hang: true }>, body: any, write: Write, onFirstText: () => void, ledger: ThinkingLedger) {
  const model = ('model' in step && step.model) || body.model;
  const usage = 'usage' in step && step.usage ? step.usage : { input: 100, output: 20 };
  if ('firstByteDelayMs' in step && step.firstByteDelayMs) await sleep(step.firstByteDelayMs);
  write('message_start', {
    type: 'message_start',
    message: { id: `msg_${Date.now()}`, type: 'message', role: 'assistant', content: [], model, stop_reason: null, stop_sequence: null, usage: { input_tokens: usage.input, output_tokens: 1 } },
  });
  write('ping', { type: 'ping' });
  let index = 0;
  const sentThinking: WireThinking[] = [];
  const think = (block: ThinkingStep) => {
    if (typeof block !== 'string') {
      write('content_block_start', { type: 'content_block_start', index, content_block: { type: 'redacted_thinking', data: block.redacted } });
      sentThinking.push({ type: 'redacted_thinking', data: block.redacted });
    } else {
      const signature = ledger.signature(model);
      write('content_block_start', { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      for (const piece of pieces(block)) write('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } });
      write('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature } });
      sentThinking.push({ type: 'thinking', thinking: block, signature });
    }
    write('content_block_stop', { type: 'content_block_stop', index });
    index++;
  };
  for (const block of ('thinking' in step && step.thinking) || []) think(block);
  if (step.text) {
    write('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
    for (const piece of pieces(step.text)) {
      onFirstText();
      write('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } });
      if ('pieceDelayMs' in step && step.pieceDelayMs) await sleep(step.pieceDelayMs);
    }
    if ('streamError' in step) {
      write('error', { type: 'error', error: { type: step.streamError === 'overloaded' ? 'overloaded_error' : 'api_error', message: 'Overloaded' } });
      return;
    }
    write('content_block_stop', { type: 'content_block_stop', index });
    index++;
  }
  if ('streamError' in step) {
    write('error', { type: 'error', error: { type: step.streamError === 'overloaded' ? 'overloaded_error' : 'api_error', message: 'Overloaded' } });
    return;
  }
  const calls = step.toolCalls ?? [];
  const progress = ('progress' in step && step.progress) || [];
  const ids = calls.map((call) => call.id ?? ledger.toolUseId());
  for (const [i, call] of calls.entries()) {
    if (progress[i] !== undefined) think(progress[i]!);
    write('content_block_start', { type: 'content_block_start', index, content_block: { type: 'tool_use', id: ids[i], name: call.name, input: {} } });
    const json = JSON.stringify(call.input);
    write('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } });
    for (const part of json.match(/.{1,8}/gs) ?? []) write('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: part } });
    write('content_block_stop', { type: 'content_block_stop', index });
    index++;
  }
  ledger.issue(body, sentThinking, ids);
  write('message_delta', { type: 'message_delta', delta: { stop_reason: calls.length ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output } });
  write('message_stop', { type: 'message_stop' });
}

async function openAiStream(step: Exclude<Step, { status: number } | { hang: true }>, body: any, write: Write, onFirstText: () => void) {
  const model = ('model' in step && step.model) || body.model;
  const usage = 'usage' in step && step.usage ? step.usage : { input: 100, output: 20 };
  const id = `chatcmpl-${Date.now()}`;
  const chunk = (delta: unknown, finish: string | null = null) => ({
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_standin',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(body.stream_options?.include_usage ? { usage: null } : {}),
  });
  if ('firstByteDelayMs' in step && step.firstByteDelayMs) await sleep(step.firstByteDelayMs);
  write('', chunk({ role: 'assistant', content: '', refusal: null }));
  for (const piece of pieces(step.text ?? '')) {
    onFirstText();
    write('', chunk({ content: piece }));
    if ('pieceDelayMs' in step && step.pieceDelayMs) await sleep(step.pieceDelayMs);
  }
  if ('streamError' in step) {
    write('', { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } });
    return;
  }
  const calls = step.toolCalls ?? [];
  for (const [i, call] of calls.entries()) {
    write('', chunk({ tool_calls: [{ index: i, id: call.id ?? `call_${i}_${Date.now()}`, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const part of JSON.stringify(call.input).match(/.{1,8}/gs) ?? []) write('', chunk({ tool_calls: [{ index: i, function: { arguments: part } }] }));
  }
  write('', chunk({}, calls.length ? 'tool_calls' : 'stop'));
  if (body.stream_options?.include_usage) {
    write('', { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [], usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } });
  }
  write('', '[DONE]');
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const anthropicTypes: Record<number, string> = { 400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error', 429: 'rate_limit_error', 500: 'api_error', 529: 'overloaded_error' };

function error(res: ServerResponse, flavour: Flavour, status: number, message: string, retryAfter?: number) {
  const headers: Record<string, string> = retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
  if (flavour === 'anthropic') {
    headers['request-id'] = `req_${Date.now()}`;
    return json(res, status, { type: 'error', error: { type: anthropicTypes[status] ?? 'api_error', message }, request_id: headers['request-id'] }, headers);
  }
  const type = status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';
  const code = status === 429 ? 'rate_limit_exceeded' : status === 401 ? 'invalid_api_key' : null;
  return json(res, status, { error: { message, type, param: null, code } }, headers);
}
