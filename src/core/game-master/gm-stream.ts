import { z } from 'zod';

/**
 * What the AI game master streams while it answers: over sockets (event `gm.stream` to the asking
 * socket only), as Discord message edits, and to the Foundry panel. One schema, so every surface
 * renders the same pieces: text as it arrives, each tool call and its result, then the end.
 */
export const GmStreamChunkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), requestId: z.string(), conversationId: z.string(), provider: z.string(), model: z.string() }),
  z.object({ type: z.literal('text'), requestId: z.string(), delta: z.string() }),
  z.object({ type: z.literal('tool_call'), requestId: z.string(), callId: z.string(), name: z.string(), input: z.unknown() }),
  z.object({
    type: z.literal('tool_result'),
    requestId: z.string(),
    callId: z.string(),
    name: z.string(),
    ok: z.boolean(),
    /** The tool's structured output (a dice roll, search hits, an encounter) or its error. */
    result: z.unknown(),
    /** One line a person can read, e.g. "2d20kh1+5: [16, 5d]+5 = 21". */
    summary: z.string(),
  }),
  z.object({
    type: z.literal('done'),
    requestId: z.string(),
    conversationId: z.string(),
    usage: z.object({ inputTokens: z.number(), outputTokens: z.number(), costUsd: z.number().nullable() }),
  }),
  z.object({ type: z.literal('error'), requestId: z.string(), code: z.string(), message: z.string() }),
]);
export type GmStreamChunk = z.infer<typeof GmStreamChunkSchema>;
