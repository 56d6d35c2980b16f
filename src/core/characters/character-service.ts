import type { Actor } from '../access/actor.js';
import type { CampaignService } from '../campaigns/campaign-service.js';
import type { Campaign, Entity } from '../campaigns/campaign-schemas.js';
import type { Clock } from '../ports/clock.js';
import type { Random } from '../ports/random.js';
import type { SecretBox } from '../ports/secret-box.js';
import type { Store } from '../ports/store.js';
import { fail, ok, type Result } from '../result.js';
import type { CharacterImporter } from './character-importer.js';
import { CharacterSheetSchema, type CharacterSheet, type CharacterSheetInput } from './character-sheet.js';
import { validateSheet } from './character-validation.js';

export interface CharacterDeps {
  store: Store;
  clock: Clock;
  random: Random;
  secrets: SecretBox;
  campaigns: CampaignService;
  importers: readonly CharacterImporter[];
  limits: { maxImportBytes: number };
}

export type Owner = CharacterSheet['owner'];

/** Who an actor is as a character owner: a Discord user (adapter actors are "discord:<id>") or a hub member. */
export function ownerOf(actor: Actor): Owner {
  const discord = /^discord:(\d{5,25})$/.exec(actor.id)?.[1];
  if (discord) return { discordUserId: discord, memberId: null };
  return { discordUserId: null, memberId: actor.kind === 'owner' ? null : actor.id };
}

/** True when the actor plays this character. */
export function owns(sheet: CharacterSheet, actor: Actor): boolean {
  const me = ownerOf(actor);
  return (me.discordUserId !== null && sheet.owner.discordUserId === me.discordUserId) || (me.memberId !== null && sheet.owner.memberId === me.memberId);
}

/** The actor id that plays the character (for combatant mentions), or null when nobody does. */
export const ownerActorId = (sheet: CharacterSheet): string | null =>
  sheet.owner.discordUserId ? `discord:${sheet.owner.discordUserId}` : sheet.owner.memberId;

const activeKey = (campaignId: string, actorId: string) => `character-active:${campaignId}:${actorId}`;
const credentialKey = (provider: string, actorId: string) => `character-credential:${provider}:${actorId}`;

/** The characters of a campaign: its `characters` entities, each a full universal sheet. */
export function sheetsOf(campaign: Campaign): CharacterSheet[] {
  const sheets: CharacterSheet[] = [];
  for (const entity of campaign.data.characters) {
    // Entities added by hand through update_campaign_data may not be sheets; they are not characters here.
    const parsed = CharacterSheetSchema.safeParse(entity);
    if (parsed.success) sheets.push(parsed.data);
  }
  return sheets;
}

/** Finds a character by id, else by name (exact, then unique prefix, case-insensitive). */
export function findSheet(sheets: CharacterSheet[], ref: string, field = 'character'): Result<CharacterSheet> {
  const byId = sheets.find((s) => s.id === ref);
  if (byId) return ok(byId);
  const q = ref.trim().toLowerCase();
  const exact = sheets.filter((s) => s.name.toLowerCase() === q);
  const candidates = exact.length > 0 ? exact : sheets.filter((s) => s.name.toLowerCase().startsWith(q) || s.name.toLowerCase().includes(q));
  if (candidates.length === 1) return ok(candidates[0]!);
  const known = sheets.map((s) => `${s.name} (${s.id})`).join(', ') || 'none yet: import one with import_character';
  if (candidates.length > 1) return fail('VALIDATION', `"${ref}" matches several characters: ${candidates.map((s) => s.name).join(', ')}; give the id`, { field });
  return fail('NOT_FOUND', `No character "${ref}" in this campaign: the characters are ${known}`, { field });
}

/** Characters: import (refreshing by source), lookup, the active character per user, provider credentials. */
export class CharacterService {
  constructor(private readonly deps: CharacterDeps) {}

  get importers(): readonly CharacterImporter[] {
    return this.deps.importers;
  }

  get maxImportBytes(): number {
    return this.deps.limits.maxImportBytes;
  }

  async list(campaignId: string): Promise<Result<CharacterSheet[]>> {
    const campaign = await this.deps.campaigns.get(campaignId);
    return campaign.ok ? ok(sheetsOf(campaign.value)) : campaign;
  }

  /** The named character, or the actor's active one, or the only one the actor owns. */
  async resolve(campaignId: string, ref: string | undefined, actor: Actor): Promise<Result<CharacterSheet>> {
    const sheets = await this.list(campaignId);
    if (!sheets.ok) return sheets;
    if (ref) return findSheet(sheets.value, ref);
    const activeId = await this.deps.store.get<string>(activeKey(campaignId, actor.id));
    const active = activeId ? sheets.value.find((s) => s.id === activeId) : undefined;
    if (active) return ok(active);
    const mine = sheets.value.filter((s) => owns(s, actor));
    if (mine.length === 1) return ok(mine[0]!);
    return fail('VALIDATION', mine.length > 1
      ? `You have ${mine.length} characters here (${mine.map((s) => s.name).join(', ')}): name one, or pick one with select_character`
      : 'You have no character in this campaign: import one with import_character, or name one', { field: 'character' });
  }

  async activeId(campaignId: string, actor: Actor): Promise<string | null> {
    return (await this.deps.store.get<string>(activeKey(campaignId, actor.id))) ?? null;
  }

  async select(campaignId: string, sheet: CharacterSheet, actor: Actor): Promise<void> {
    await this.deps.store.set(activeKey(campaignId, actor.id), sheet.id);
  }

  /**
   * Stores sheets in one campaign version. A sheet from a source already in the campaign (same
   * provider and id) refreshes that character, keeping its hub id and owner; others are added.
   */
  async upsert(
    campaignId: string,
    inputs: CharacterSheetInput[],
    actor: Actor,
    options: { owner: Owner; reassign: boolean; isGm: boolean; expectedVersion?: number },
  ): Promise<Result<{ campaign: Campaign; results: { sheet: CharacterSheet; status: 'created' | 'refreshed' }[] }>> {
    const importedAt = this.deps.clock.now().toISOString();
    const changed = await this.deps.campaigns.changeDataWith(campaignId, 'characters', options.expectedVersion, actor, (list) => {
      let next = [...list];
      const results: { sheet: CharacterSheet; status: 'created' | 'refreshed' }[] = [];
      for (const [i, input] of inputs.entries()) {
        const source = { id: null, url: null, ...input.source, importedAt };
        const existingIndex = source.id
          ? next.findIndex((e) => {
              const s = (e as { source?: { provider?: string; id?: string | null } }).source;
              return s?.provider === source.provider && s.id === source.id;
            })
          : -1;
        const existing = existingIndex >= 0 ? CharacterSheetSchema.safeParse(next[existingIndex]) : null;
        if (existing?.success && !options.isGm && !owns(existing.data, actor)) {
          return fail('FORBIDDEN', `${existing.data.name} is another player's character: only its player or the GM may refresh it`, { field: 'data' });
        }
        const id = existingIndex >= 0 ? next[existingIndex]!.id : this.deps.random.id();
        // A refresh keeps the character's player unless a GM names another one.
        const owner = existing?.success && !options.reassign ? existing.data.owner : options.owner;
        const sheet = validateSheet({ ...input, id, owner, source }, inputs.length > 1 ? `characters.${i}` : 'character');
        if (!sheet.ok) return sheet;
        const entity = sheet.value as unknown as Entity;
        if (existingIndex >= 0) next = next.map((e, j) => (j === existingIndex ? entity : e));
        else next.push(entity);
        results.push({ sheet: sheet.value, status: existingIndex >= 0 ? 'refreshed' : 'created' });
      }
      const summary = results.length === 1 ? `${results[0]!.status === 'created' ? 'Imported' : 'Refreshed'} character "${results[0]!.sheet.name}"` : `Imported ${results.length} characters`;
      return ok({ list: next, value: results, summary });
    });
    return changed.ok ? ok({ campaign: changed.value.campaign, results: changed.value.value }) : changed;
  }

  /** Replaces one stored sheet after `change` (validated before storing). */
  async modify(
    campaignId: string,
    ref: string,
    actor: Actor,
    options: { isGm: boolean; expectedVersion?: number; verb: string },
    change: (sheet: CharacterSheet) => Result<CharacterSheet | null>,
  ): Promise<Result<{ campaign: Campaign; sheet: CharacterSheet }>> {
    const changed = await this.deps.campaigns.changeDataWith(campaignId, 'characters', options.expectedVersion, actor, (list) => {
      const found = findSheet(sheetsOf({ data: { characters: list } } as Campaign), ref);
      if (!found.ok) return found;
      if (!options.isGm && !owns(found.value, actor)) {
        return fail('FORBIDDEN', `${found.value.name} is not your character: players may change only their own characters`, { field: 'character' });
      }
      const next = change(found.value);
      if (!next.ok) return next;
      if (next.value === null) {
        return ok({ list: list.filter((e) => e.id !== found.value.id), value: found.value, summary: `Removed character "${found.value.name}"` });
      }
      const sheet = validateSheet({ ...next.value, id: found.value.id });
      if (!sheet.ok) return sheet;
      return ok({ list: list.map((e) => (e.id === found.value.id ? (sheet.value as unknown as Entity) : e)), value: sheet.value, summary: `${options.verb} character "${sheet.value.name}"` });
    });
    return changed.ok ? ok({ campaign: changed.value.campaign, sheet: changed.value.value }) : changed;
  }

  /** Seals and keeps a provider credential for this actor; never logged, never returned. */
  async saveCredential(provider: string, actor: Actor, credential: string): Promise<void> {
    await this.deps.store.set(credentialKey(provider, actor.id), this.deps.secrets.seal(credential));
  }

  async credential(provider: string, actor: Actor): Promise<string | undefined> {
    const sealed = await this.deps.store.get<string>(credentialKey(provider, actor.id));
    if (!sealed) return undefined;
    try {
      return this.deps.secrets.open(sealed);
    } catch {
      // Sealed under another hub key (the key was replaced): as good as none; the user gives it again.
      return undefined;
    }
  }
}
