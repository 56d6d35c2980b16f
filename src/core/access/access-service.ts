import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CampaignService } from '../campaigns/campaign-service.js';
import type { Member } from '../campaigns/campaign-schemas.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/event-bus.js';
import type { Random } from '../ports/random.js';
import type { Store } from '../ports/store.js';
import { fail, notFound, ok, type Result } from '../result.js';
import type { Actor, Role } from './actor.js';

const tokenKey = (hash: string) => `token:${hash}`;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface TokenRecord {
  memberId: string;
  campaignId: string;
}

export interface AccessDeps {
  store: Store;
  clock: Clock;
  random: Random;
  campaigns: CampaignService;
  events: EventBus;
  /** The owner token from configuration; compared in constant time, never stored. */
  ownerToken: string;
}

/**
 * Bearer tokens. The owner token comes from configuration; campaign tokens are minted by a GM,
 * shown once, and stored only as a SHA-256 hash. A token is valid while its campaign lists its member.
 */
export class AccessService {
  readonly #ownerHash: Buffer;
  readonly #tokenKinds: { prefix: string; resolve: (token: string) => Promise<Result<Actor>> }[] = [];
  constructor(private readonly deps: AccessDeps) {
    this.#ownerHash = createHash('sha256').update(deps.ownerToken).digest();
  }

  /**
   * Another kind of bearer token, recognised by its prefix: a signed-in browser's session token
   * (the accounts module). Every transport then accepts it, with the actor it resolves to.
   */
  registerTokenKind(prefix: string, resolve: (token: string) => Promise<Result<Actor>>): void {
    this.#tokenKinds.push({ prefix, resolve });
  }

  async authenticate(token: string | undefined | null): Promise<Result<Actor>> {
    if (!token) return fail('UNAUTHENTICATED', 'No token given: send "Authorization: Bearer <token>" (or auth.token on a socket)');
    const kind = this.#tokenKinds.find((k) => token.startsWith(k.prefix));
    if (kind) return kind.resolve(token);
    if (timingSafeEqual(createHash('sha256').update(token).digest(), this.#ownerHash)) return ok({ kind: 'owner', id: 'owner', name: 'Owner' });
    const record = await this.deps.store.get<TokenRecord>(tokenKey(hashToken(token)));
    if (record) {
      const campaign = await this.deps.campaigns.get(record.campaignId);
      const member = campaign.ok ? campaign.value.members.find((m) => m.id === record.memberId) : undefined;
      if (member) return ok({ kind: 'member', id: member.id, name: member.name, campaignId: record.campaignId, role: member.role });
    }
    return fail('UNAUTHENTICATED', 'This token is not valid (revoked, or for a deleted campaign): ask your GM for a new one');
  }

  /**
   * The actor of a member record, while the campaign still lists it: how a signed-in account that
   * proved a membership once acts in that campaign, with exactly the member's current role.
   */
  async actorForMember(campaignId: string, memberId: string): Promise<Result<Actor>> {
    const campaign = await this.deps.campaigns.get(campaignId);
    const member = campaign.ok ? campaign.value.members.find((m) => m.id === memberId) : undefined;
    if (!member) return fail('UNAUTHENTICATED', 'This membership was revoked (or its campaign deleted): ask your GM for a new token and link it again');
    return ok({ kind: 'member', id: member.id, name: member.name, campaignId, role: member.role });
  }

  /** Whether the member is still in the campaign: what keeps anything made with its token (a Twitch link) alive. */
  async isMember(campaignId: string, memberId: string): Promise<boolean> {
    const campaign = await this.deps.campaigns.get(campaignId);
    return campaign.ok && campaign.value.members.some((m) => m.id === memberId);
  }

  /** Mints a token for one campaign. The secret is returned once and never stored. */
  async issue(campaignId: string, name: string, role: Role): Promise<Result<{ token: string; member: Member }>> {
    const token = `tth_${randomBytes(32).toString('base64url')}`;
    const member: Member = { id: this.deps.random.id(), name, role, createdAt: this.deps.clock.now().toISOString() };
    // The token record is written before the campaign lists the member: until then the token is not valid.
    await this.deps.store.set<TokenRecord>(tokenKey(hashToken(token)), { memberId: member.id, campaignId });
    const added = await this.deps.campaigns.modify(campaignId, (c) => ok({ ...c, members: [...c.members, member] }));
    return added.ok ? ok({ token, member }) : added;
  }

  /** Revokes at once: the member leaves the campaign, so its token stops authenticating, and open sockets are told. */
  async revoke(campaignId: string, memberId: string, by: Actor): Promise<Result<Member>> {
    let removed: Member | undefined;
    const result = await this.deps.campaigns.modify(campaignId, (c) => {
      removed = c.members.find((m) => m.id === memberId);
      if (!removed) return notFound('Member', memberId, 'memberId');
      return ok({ ...c, members: c.members.filter((m) => m.id !== memberId) });
    });
    if (!result.ok) return result;
    await this.deps.events.publish({
      type: 'access.revoked',
      id: this.deps.random.id(),
      at: this.deps.clock.now().toISOString(),
      campaignId,
      sessionId: null,
      actor: { id: by.id, name: by.name },
      version: null,
      memberId,
      name: removed!.name,
    });
    return ok(removed!);
  }
}
