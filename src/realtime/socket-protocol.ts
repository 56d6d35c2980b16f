import { z } from 'zod';
import { CampaignSchema, IdSchema, RoleSchema, SessionViewSchema, type HubError } from '../core/index.js';

/**
 * The socket.io protocol of the hub, shared by the Foundry module, the overlays and the web chat.
 *
 * Client -> hub (each with an acknowledgement callback):
 * - `subscribe` {campaignId}: join the campaign's live events; the ack carries a snapshot.
 * - `unsubscribe` {campaignId}
 * - `tool` {name, input}: call a tool as the socket's actor; the ack carries the result.
 * Hub -> client: one socket event per hub event type (`dice.rolled`, `initiative.updated`, ...),
 * already narrowed to what the socket's role may see.
 *
 * A client keeps the newest state it has seen: every state event carries the version of the
 * session or campaign it came from, and so does the snapshot.
 */
export const SubscribeSchema = z.object({ campaignId: IdSchema });
export const ToolRequestSchema = z.object({ name: z.string().min(1).max(64), input: z.record(z.string(), z.unknown()).default({}) });

export const SnapshotSchema = z.object({
  role: RoleSchema,
  campaign: CampaignSchema,
  session: SessionViewSchema.nullable(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export type Ack<T> = (reply: { ok: true; value: T } | { ok: false; error: HubError }) => void;

export const roomFor = (campaignId: string, audience: 'gm' | 'table') => `campaign:${campaignId}:${audience}`;
