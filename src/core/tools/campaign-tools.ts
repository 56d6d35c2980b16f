import { z } from 'zod';
import { CampaignSchema, CampaignSummarySchema, DataTypeSchema, EntitySchema } from '../campaigns/campaign-schemas.js';
import { viewCampaign } from '../campaigns/campaign-view.js';
import { roleIn } from '../access/actor.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok, type Result } from '../result.js';
import type { CoreDeps } from '../core-deps.js';
import { CharacterSheetSchema } from '../characters/character-sheet.js';
import { validateSheet } from '../characters/character-validation.js';
import { campaignIdField, expectedVersionField } from './fields.js';

const name = z.string().trim().min(1).max(120);
const system = z.string().trim().min(1).max(80).describe('Game system, e.g. "D&D 5e", "Pathfinder 2e", "Call of Cthulhu"');
const description = z.string().max(20_000);

export const createCampaign = defineTool({
  name: 'create_campaign',
  title: 'Create a campaign',
  description: 'Create a new campaign. The hub owner is its GM and can then invite players and viewers with create_access_token.',
  input: z.object({ name, system, description: description.optional() }),
  output: z.object({ campaign: CampaignSchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'owner',
  campaign: 'none',
  async run(input, { deps, actor }) {
    const created = await deps.campaigns.create(input, actor);
    return created.ok ? ok({ campaign: created.value }) : created;
  },
  format: ({ campaign }) => `Created campaign "${campaign.name}" (${campaign.system}), id ${campaign.id}`,
});

export const listCampaigns = defineTool({
  name: 'list_campaigns',
  title: 'List campaigns',
  description: 'List the campaigns you can see, with your role in each and the active session if one is running.',
  input: z.object({}),
  output: z.object({ campaigns: z.array(CampaignSummarySchema) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'none',
  async run(_input, { deps, actor }) {
    const campaigns = [];
    for (const c of await deps.campaigns.all()) {
      const role = roleIn(actor, c.id);
      if (!role) continue;
      const active = await deps.sessions.activeRecord(c);
      const { id, name, system, description, version, updatedAt } = c;
      campaigns.push({ id, name, system, description, version, updatedAt, activeSessionId: active?.id ?? null, role });
    }
    return ok({ campaigns });
  },
  format: ({ campaigns }) =>
    campaigns.length === 0 ? 'No campaigns yet: create one with create_campaign' : campaigns.map((c) => `${c.name} (${c.system}) id ${c.id}, you are ${c.role}`).join('\n'),
});

export const getCampaign = defineTool({
  name: 'get_campaign',
  title: 'Get campaign data',
  description: 'Get a campaign: its description and data (characters, NPCs, locations, plot points, quests), optionally one data type only. Players and viewers see the characters only.',
  input: z.object({ campaignId: campaignIdField, dataType: DataTypeSchema.optional().describe('Return only this kind of data') }),
  output: z.object({ campaign: CampaignSchema }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'required',
  async run(input, { deps, campaignId, role }) {
    const found = await deps.campaigns.get(campaignId!);
    if (!found.ok) return found;
    const campaign = viewCampaign(found.value, role);
    if (!input.dataType) return ok({ campaign });
    const data = Object.fromEntries(Object.entries(campaign.data).map(([k, v]) => [k, k === input.dataType ? v : []]));
    return ok({ campaign: { ...campaign, data: data as typeof campaign.data } });
  },
});

export const updateCampaign = defineTool({
  name: 'update_campaign',
  title: 'Rename or describe a campaign',
  description: 'Change a campaign\'s name, system or description. Creates a new version (see get_campaign_history).',
  input: z.object({ campaignId: campaignIdField, name: name.optional(), system: system.optional(), description: description.optional(), expectedVersion: expectedVersionField }),
  output: z.object({ campaign: CampaignSchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, campaignId, actor }) {
    const { name, system, description } = input;
    const updated = await deps.campaigns.updateInfo(campaignId!, { name, system, description }, input.expectedVersion, actor);
    return updated.ok ? ok({ campaign: updated.value }) : updated;
  },
  format: ({ campaign }) => `Campaign "${campaign.name}" is now at version ${campaign.version}`,
});

export const updateCampaignData = defineTool({
  name: 'update_campaign_data',
  title: 'Add, change or remove campaign data',
  description:
    'Add, update or remove one character, NPC, location, plot point or quest. Items need a name and may carry any other fields ' +
    '(class, level, faction, status...). update merges the given fields into the item. Each change creates a new version.',
  input: z
    .object({
      campaignId: campaignIdField,
      dataType: DataTypeSchema,
      operation: z.enum(['add', 'update', 'remove']),
      itemId: z.string().min(1).max(64).optional().describe('Required for update and remove'),
      item: z.record(z.string(), z.unknown()).optional().describe('The item (add) or the fields to change (update)'),
      expectedVersion: expectedVersionField,
    })
    .superRefine((v, ctx) => {
      if (v.operation !== 'add' && !v.itemId) ctx.addIssue({ code: 'custom', path: ['itemId'], message: `itemId is required to ${v.operation} an item` });
      if (v.operation !== 'remove' && !v.item) ctx.addIssue({ code: 'custom', path: ['item'], message: `item is required to ${v.operation} an item` });
      if (v.item && JSON.stringify(v.item).length > 64_000) ctx.addIssue({ code: 'custom', path: ['item'], message: 'item is larger than 64 KB' });
    }),
  output: z.object({ campaign: CampaignSchema, item: EntitySchema.nullable() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, campaignId, actor }) {
    const item = input.item ?? {};
    const checked = (input.operation === 'add' ? EntitySchema.omit({ id: true }) : EntitySchema.omit({ id: true }).partial()).safeParse(item);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return fail('VALIDATION', `Invalid input: item.${issue.path.join('.')}: ${issue.message}`, { field: `item.${issue.path.join('.')}` });
    }
    if (input.dataType === 'characters' && input.operation !== 'remove') {
      const kept = await keepsSheet(deps, campaignId!, input.operation, input.itemId, item);
      if (!kept.ok) return kept;
    }
    const change =
      input.operation === 'add'
        ? { operation: 'add' as const, dataType: input.dataType, item }
        : input.operation === 'update'
          ? { operation: 'update' as const, dataType: input.dataType, itemId: input.itemId!, item }
          : { operation: 'remove' as const, dataType: input.dataType, itemId: input.itemId! };
    const result = await deps.campaigns.changeData(campaignId!, change, input.expectedVersion, actor);
    return result.ok ? ok(result.value) : result;
  },
  format: ({ campaign }) => `${campaign.history.at(-1)?.summary ?? 'Updated'} (version ${campaign.version})`,
});

/**
 * Characters that are sheets stay sheets: an added item shaped like one, or an update of a stored
 * sheet, must still be a valid sheet, so surfaces that roll with it never meet a broken one.
 */
async function keepsSheet(deps: CoreDeps, campaignId: string, operation: 'add' | 'update', itemId: string | undefined, item: Record<string, unknown>): Promise<Result<void>> {
  let merged: Record<string, unknown> | null = null;
  if (operation === 'add' && 'abilities' in item) merged = { id: 'new', ...item };
  if (operation === 'update') {
    const campaign = await deps.campaigns.get(campaignId);
    const existing = campaign.ok ? campaign.value.data.characters.find((e) => e.id === itemId) : undefined;
    if (existing && CharacterSheetSchema.safeParse(existing).success) merged = { ...existing, ...item, id: existing.id };
  }
  if (!merged) return ok(undefined);
  const valid = validateSheet(merged, 'item');
  return valid.ok ? ok(undefined) : valid;
}

export const deleteCampaign = defineTool({
  name: 'delete_campaign',
  title: 'Delete a campaign',
  description: 'Delete a campaign with its sessions, history and access tokens. This cannot be undone; confirm must be the campaign\'s exact name.',
  input: z.object({ campaignId: campaignIdField, confirm: z.string().describe('The campaign\'s name, to guard against deleting the wrong one') }),
  output: z.object({ deleted: z.object({ id: z.string(), name: z.string() }) }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, campaignId, actor }) {
    const found = await deps.campaigns.get(campaignId!);
    if (!found.ok) return found;
    if (found.value.name !== input.confirm) {
      return fail('VALIDATION', `confirm must be the campaign's name "${found.value.name}"`, { field: 'confirm' });
    }
    const deleted = await deps.campaigns.delete(campaignId!, actor, async (c) => (await Promise.all(c.sessionIds.map((id) => deps.sessions.storageKeys(id)))).flat());
    return deleted.ok ? ok({ deleted: deleted.value }) : deleted;
  },
  format: ({ deleted }) => `Deleted campaign "${deleted.name}"`,
});
