import { z } from 'zod';
import { BUNDLE_FORMAT, CampaignBundleSchema, parseBundle, type CampaignBundle } from '../campaigns/campaign-bundle.js';
import { CampaignSchema } from '../campaigns/campaign-schemas.js';
import { checkImportSize, decodeImportData, payloadBytes } from '../characters/import-payload.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok } from '../result.js';
import { campaignIdField } from './fields.js';

export const exportCampaign = defineTool({
  name: 'export_campaign',
  title: 'Export a campaign',
  description:
    `The whole campaign as one JSON bundle ("format": "${BUNDLE_FORMAT}"): content with every character sheet, sessions with notes, ` +
    'initiative and full dice logs, and the history. import_campaign reads it back, on this hub or another. Access tokens are not exported.',
  input: z.object({ campaignId: campaignIdField }),
  output: z.object({ bundle: CampaignBundleSchema }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(_input, { deps, campaignId }) {
    const found = await deps.campaigns.get(campaignId!);
    if (!found.ok) return found;
    const c = found.value;
    const sessions = [];
    for (const record of await deps.sessions.list(c)) {
      const { id, name, status, startedAt, endedAt, notes, encounter } = record;
      sessions.push({ id, name, status, startedAt, endedAt, notes, encounter, rolls: await deps.sessions.fullLog(record) });
    }
    const bundle: CampaignBundle = {
      format: BUNDLE_FORMAT,
      version: 1,
      exportedAt: deps.clock.now().toISOString(),
      campaign: { id: c.id, name: c.name, system: c.system, description: c.description, createdAt: c.createdAt, updatedAt: c.updatedAt, version: c.version },
      data: c.data,
      sessions,
      history: c.history,
    };
    return ok({ bundle });
  },
  format: ({ bundle }) =>
    `Campaign "${bundle.campaign.name}": ${Object.entries(bundle.data).map(([k, v]) => `${v.length} ${k}`).join(', ')}, ${bundle.sessions.length} sessions (the bundle is in the structured result)`,
});

export const importCampaign = defineTool({
  name: 'import_campaign',
  title: 'Import a campaign',
  description:
    'Create a campaign from a bundle made by export_campaign (as an object or JSON text): its content, characters and sessions come back as they were, ' +
    'under a new campaign id. Invite players again with create_access_token.',
  input: z.object({
    bundle: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).describe('The bundle from export_campaign'),
    name: z.string().trim().min(1).max(120).optional().describe('A new name (default: the bundle\'s)'),
  }),
  output: z.object({ campaign: CampaignSchema, sessions: z.number().int() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'owner',
  campaign: 'none',
  async run(input, ctx) {
    const { deps, actor } = ctx;
    const size = checkImportSize(payloadBytes(input.bundle), deps.characters.maxImportBytes, 'bundle');
    if (!size.ok) return size;
    const decoded = decodeImportData(input.bundle, 'bundle');
    if (!decoded.ok) return decoded;
    if (decoded.value instanceof Uint8Array) return fail('BAD_FILE', 'A campaign bundle is JSON, not a zip archive', { field: 'bundle' });
    const bundle = parseBundle(decoded.value);
    if (!bundle.ok) return bundle;
    const b = bundle.value;
    ctx.progress({ progress: 0, total: b.sessions.length + 1, message: 'Creating the campaign' });
    const created = await deps.campaigns.create({ name: input.name ?? b.campaign.name, system: b.campaign.system, description: b.campaign.description }, actor);
    if (!created.ok) return created;
    const content = { name: input.name ?? b.campaign.name, system: b.campaign.system, description: b.campaign.description, data: b.data };
    const filled = await deps.campaigns.replaceContent(created.value.id, content, undefined, actor, `Imported from a bundle exported ${b.exportedAt} (version ${b.campaign.version} there)`);
    if (!filled.ok) return filled;
    for (const [i, s] of b.sessions.entries()) {
      ctx.progress({ progress: i + 1, total: b.sessions.length + 1, message: `Session "${s.name}"` });
      const { id: _id, rolls, ...record } = s;
      const restored = await deps.sessions.restore(created.value.id, record, rolls);
      if (!restored.ok) return restored;
    }
    const campaign = await deps.campaigns.get(created.value.id);
    return campaign.ok ? ok({ campaign: campaign.value, sessions: b.sessions.length }) : campaign;
  },
  format: ({ campaign, sessions }) => `Imported campaign "${campaign.name}" as ${campaign.id}: ${campaign.data.characters.length} characters, ${sessions} sessions`,
});
