import type { z } from 'zod';
import type { Actor, Role } from '../access/actor.js';
import type { Campaign } from '../campaigns/campaign-schemas.js';
import type { Result } from '../result.js';
import type { CoreDeps } from '../core-deps.js';
import type { GmStreamChunk } from '../game-master/gm-stream.js';

/** Who may call a tool: the hub owner only, or at least this role in the tool's campaign. */
export type Access = 'owner' | Role;

/**
 * Whether a tool works on a campaign. The campaign comes from `campaignId` in the input, else from
 * `sessionId`, else (for tokens scoped to one campaign) from the token.
 */
export type CampaignScope = 'required' | 'optional' | 'none';

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint?: boolean;
}

export interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

export interface ToolContext {
  actor: Actor;
  /** The caller's role in `campaignId` (or its own role when there is no campaign). */
  role: Role;
  campaignId: string | null;
  /**
   * The campaign's record as read to check the caller's role, when the input named the campaign
   * (read just before the tool runs, so a tool that only needs to look at it need not read it again).
   */
  campaign?: Campaign;
  deps: CoreDeps;
  signal: AbortSignal;
  /** Reports progress of long work; transports forward it (MCP progress notifications, socket events). */
  progress(p: Progress): void;
  /** Streams the AI game master's answer as it forms (sockets, Discord edits); a no-op where nobody listens. */
  stream(chunk: GmStreamChunk): void;
  /** The call was made by the AI game master's model, not typed by a person. */
  byGameMaster: boolean;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** A capability of the hub: schemas, annotations and who may call it, plus one function. */
export interface ToolDefinition<I extends AnyObject = AnyObject, O extends AnyObject = AnyObject> {
  /** snake_case, unique; the name MCP clients, Discord and the AI game master call it by. */
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  access: Access;
  campaign: CampaignScope;
  run(input: z.output<I>, ctx: ToolContext): Promise<Result<z.output<O>>>;
  /** A short human-readable rendering of a successful result (MCP text content, logs, chat). */
  format?(output: z.output<O>): string;
}

/** Declares a tool; the identity function that lets TypeScript infer input and output types. */
export const defineTool = <I extends AnyObject, O extends AnyObject>(tool: ToolDefinition<I, O>): ToolDefinition<I, O> => tool;

/** A tool whose types are erased, for catalogues. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDefinition<any, any>;
