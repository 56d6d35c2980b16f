import { z } from 'zod';

/** Roles inside one campaign, weakest first. */
export const Roles = ['viewer', 'player', 'gm'] as const;
export const RoleSchema = z.enum(Roles);
export type Role = z.infer<typeof RoleSchema>;

export const roleRank = (role: Role): number => Roles.indexOf(role);

/**
 * Who is calling. Resolved once at the edge (from a bearer token, a socket handshake, a Discord user)
 * and passed to every tool call.
 * - `owner`: the hub's operator (the owner token, or the local stdio user); GM of every campaign.
 * - `member`: someone with one role (viewer, player, or co-GM) in one campaign: a token holder, or a
 *   chat user an adapter vouches for (a Discord user in a channel linked to the campaign).
 * - `guest`: a verified chat user outside any campaign; may roll dice and nothing else.
 */
export type Actor =
  | { kind: 'owner'; id: 'owner'; name: string }
  | { kind: 'member'; id: string; name: string; campaignId: string; role: Role }
  | { kind: 'guest'; id: string; name: string };

/** What events and logs say about who did something. */
export const ActorRefSchema = z.object({ id: z.string(), name: z.string() });
export type ActorRef = z.infer<typeof ActorRefSchema>;

export const actorRef = (actor: Actor): ActorRef => ({ id: actor.id, name: actor.name });

export const ownerActor = (name = 'Owner'): Actor => ({ kind: 'owner', id: 'owner', name });

/** The actor's role in a campaign (or, with no campaign, its own role), or null when it has none there. */
export function roleIn(actor: Actor, campaignId: string | null): Role | null {
  if (actor.kind === 'owner') return 'gm';
  if (actor.kind === 'guest') return campaignId === null ? 'player' : null;
  if (campaignId === null) return actor.role;
  return actor.campaignId === campaignId ? actor.role : null;
}

/** Which of the two audiences a role belongs to when events are fanned out. */
export type Audience = 'gm' | 'table';
export const audienceOf = (role: Role): Audience => (role === 'gm' ? 'gm' : 'table');
