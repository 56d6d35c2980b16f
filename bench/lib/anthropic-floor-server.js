// A minimal Anthropic Messages stand-in for the game-master bench: answers "roll N" with N roll_dice
// tool_use blocks, anything carrying tool results (or any other question) with a short streamed text.
import { createServer } from 'node:http';

const sse = (res, event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

export async function startAnthropicFloor() {
  const server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ data: [{ type: 'model', id: 'bench-model', display_name: 'bench', created_at: '2026-01-01T00:00:00Z' }], has_more: false, first_id: 'bench-model', last_id: 'bench-model' }));
    }
    const body = JSON.parse(raw);
    const last = body.messages.at(-1);
    const tools = typeof last.content === 'string' ? Number(/^roll (\d+)/.exec(last.content)?.[1] ?? 0) : 0;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    sse(res, 'message_start', { type: 'message_start', message: { id: 'msg_bench', type: 'message', role: 'assistant', content: [], model: body.model, stop_reason: null, stop_sequence: null, usage: { input_tokens: 50, output_tokens: 1 } } });
    if (tools > 0) {
      for (let i = 0; i < tools; i++) {
        sse(res, 'content_block_start', { type: 'content_block_start', index: i, content_block: { type: 'tool_use', id: `toolu_${i}`, name: 'roll_dice', input: {} } });
        sse(res, 'content_block_delta', { type: 'content_block_delta', index: i, delta: { type: 'input_json_delta', partial_json: '{"expression":"1d20+5"}' } });
        sse(res, 'content_block_stop', { type: 'content_block_stop', index: i });
      }
    } else {
      sse(res, 'content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
      for (const piece of ['The ', 'answer ', 'is ', 'here.']) sse(res, 'content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
      sse(res, 'content_block_stop', { type: 'content_block_stop', index: 0 });
    }
    sse(res, 'message_delta', { type: 'message_delta', delta: { stop_reason: tools ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: 10 } });
    sse(res, 'message_stop', { type: 'message_stop' });
    res.end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
