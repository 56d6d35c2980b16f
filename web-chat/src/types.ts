// What the page receives from the hub. Hub-side schemas are imported as types only (nothing from
// src/ reaches the bundle); the AI game master's tool outputs mirror issue 10's contract.
export type { GmStreamChunk } from '../../src/core/game-master/gm-stream.js';
export type { HubStatus } from '../../src/http/hub-status.js';
export type { DiceRoll, SearchHit, EncounterView, CampaignSummary, Member, Role } from '../../src/core/index.js';

export interface HubError {
  code: string;
  message: string;
  field?: string;
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: HubError };

export interface AskInput {
  message: string;
  campaignId?: string;
  conversationId?: string;
  provider?: string;
  model?: string;
}

export interface ToolCallRecord {
  callId: string;
  name: string;
  input: unknown;
  ok: boolean;
  summary: string;
  result: unknown;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
}

export interface AskOutput {
  conversationId: string;
  answer: string;
  toolCalls: ToolCallRecord[];
  provider: string;
  model: string;
  usage: Usage;
}

export interface AiProvider {
  id: string;
  kind: 'anthropic' | 'openai';
  label: string;
  baseUrl: string;
  configured: boolean;
  hasUserKey: boolean;
  healthy: boolean;
  models: string[];
  defaultModel: string | null;
}

export interface AiProviders {
  defaultProvider: string | null;
  providers: AiProvider[];
  setupHint: string | null;
}

export interface ConversationSummary {
  id: string;
  title: string;
  campaignId: string | null;
  updatedAt: string;
  messageCount: number;
}

export interface Conversation {
  id: string;
  title: string;
  campaignId: string | null;
  messages: { role: 'user' | 'assistant'; text: string; toolCalls?: ToolCallRecord[]; at: string }[];
}

export interface UsageTotals {
  todayUsd: number;
  monthUsd: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

export interface AiUsage {
  user: UsageTotals;
  hub?: UsageTotals;
  limits: { dailyUsd: number | null; monthlyUsd: number | null; userDailyUsd: number | null; userMonthlyUsd: number | null };
}
