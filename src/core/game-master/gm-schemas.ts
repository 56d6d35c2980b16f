import { z } from 'zod';

/** One tool call the game master made, as the answer, the stored conversation and the page show it. */
export const GmToolCallSchema = z.object({
  callId: z.string(),
  name: z.string(),
  input: z.unknown(),
  ok: z.boolean(),
  /** One line a person can read. */
  summary: z.string(),
  /** The tool's structured output, or its error. */
  result: z.unknown(),
});
export type GmToolCall = z.infer<typeof GmToolCallSchema>;

export const GmUsageSchema = z.object({ inputTokens: z.number(), outputTokens: z.number(), costUsd: z.number().nullable() });

export const ConversationMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  toolCalls: z.array(GmToolCallSchema).optional(),
  at: z.string(),
});
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>;

/** A conversation: stored under one key, owned by one user, in at most one campaign. */
export const ConversationSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  campaignId: z.string().nullable(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messages: z.array(ConversationMessageSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const ConversationSummarySchema = z.object({ id: z.string(), title: z.string(), campaignId: z.string().nullable(), updatedAt: z.string(), messageCount: z.number().int() });
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const UsageTotalsSchema = z.object({ todayUsd: z.number(), monthUsd: z.number(), requests: z.number().int(), inputTokens: z.number().int(), outputTokens: z.number().int() });
export type UsageTotals = z.infer<typeof UsageTotalsSchema>;

/** Spending limits in US dollars; null: no limit. */
export const AiLimitsSchema = z.object({
  dailyUsd: z.number().nullable(),
  monthlyUsd: z.number().nullable(),
  userDailyUsd: z.number().nullable(),
  userMonthlyUsd: z.number().nullable(),
});
export type AiLimits = z.infer<typeof AiLimitsSchema>;

export const AskInputShape = {
  message: z.string().trim().min(1).max(8000).describe('What you ask the AI game master'),
  campaignId: z.string().min(1).max(64).optional().describe('The campaign it works in (its characters, session, initiative)'),
  conversationId: z.string().min(1).max(64).optional().describe('Continue this conversation (see list_conversations); a new one when absent'),
  provider: z.string().min(1).max(40).optional().describe('AI provider id (see list_ai_providers); default: the hub\'s'),
  model: z.string().min(1).max(120).optional().describe('Model of that provider; default: the provider\'s default'),
};

export const AskOutputSchema = z.object({
  conversationId: z.string(),
  answer: z.string(),
  toolCalls: z.array(GmToolCallSchema),
  provider: z.string(),
  model: z.string(),
  usage: GmUsageSchema,
});
export type AskOutput = z.infer<typeof AskOutputSchema>;
