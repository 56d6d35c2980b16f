import { z } from 'zod';
import { CampaignSchema, CampaignSnapshotSchema, HistoryEntrySchema } from '../campaigns/campaign-schemas.js';
import { defineTool } from '../registry/define-tool.js';
import { ok } from '../result.js';
import { campaignIdField, expectedVersionField } from './fields.js';

const version = z.number().int().min(1).describe('A version number from get_campaign_history');

export const getCampaignHistory = defineTool({
  name: 'get_campaign_history',
  title: 'Campaign history',
  description: 'List every version of a campaign (who changed what, when). With version, also return that version\'s content.',
  input: z.object({ campaignId: campaignIdField, version: version.optional() }),
  output: z.object({ currentVersion: z.number().int(), history: z.array(HistoryEntrySchema), snapshot: CampaignSnapshotSchema.nullable() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, campaignId }) {
    const found = await deps.campaigns.get(campaignId!);
    if (!found.ok) return found;
    let snapshot = null;
    if (input.version !== undefined) {
      const v = await deps.campaigns.getVersion(campaignId!, input.version);
      if (!v.ok) return v;
      snapshot = v.value;
    }
    return ok({ currentVersion: found.value.version, history: found.value.history, snapshot });
  },
  format: ({ history }) => history.map((h) => `v${h.version} ${h.at} ${h.actor.name}: ${h.summary}`).join('\n'),
});

export const rollbackCampaign = defineTool({
  name: 'rollback_campaign',
  title: 'Roll a campaign back',
  description: 'Restore the content of an earlier version. The rollback is itself a new version, so it can be undone too.',
  input: z.object({ campaignId: campaignIdField, version, expectedVersion: expectedVersionField }),
  output: z.object({ campaign: CampaignSchema }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, campaignId, actor }) {
    const result = await deps.campaigns.rollback(campaignId!, input.version, input.expectedVersion, actor);
    return result.ok ? ok({ campaign: result.value }) : result;
  },
  format: ({ campaign }) => `${campaign.history.at(-1)?.summary}; campaign is now at version ${campaign.version}`,
});
