import { z } from 'zod';
import { RoleSchema } from '../access/actor.js';
import { MemberSchema } from '../campaigns/campaign-schemas.js';
import { defineTool } from '../registry/define-tool.js';
import { ok } from '../result.js';
import { campaignIdField } from './fields.js';

export const createAccessToken = defineTool({
  name: 'create_access_token',
  title: 'Invite a player, viewer or co-GM',
  description:
    'Create a token for one campaign: "player" (rolls dice, sees the table view), "viewer" (read-only, for stream overlays) or "gm" (co-GM). ' +
    'The token is shown once; give it to that person. Revoke it with revoke_access_token.',
  input: z.object({ campaignId: campaignIdField, name: z.string().trim().min(1).max(80).describe('Who the token is for, e.g. "Alice" or "OBS overlay"'), role: RoleSchema }),
  output: z.object({ token: z.string().describe('Secret: shown only now'), member: MemberSchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, campaignId }) {
    const issued = await deps.access.issue(campaignId!, input.name, input.role);
    return issued.ok ? ok(issued.value) : issued;
  },
  format: ({ token, member }) => `Token for ${member.name} (${member.role}), member id ${member.id}:\n${token}\nIt is shown only once.`,
});

export const listMembers = defineTool({
  name: 'list_members',
  title: 'List who has access',
  description: 'List the people and overlays that hold a token for this campaign, with their roles.',
  input: z.object({ campaignId: campaignIdField }),
  output: z.object({ members: z.array(MemberSchema) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(_input, { deps, campaignId }) {
    const found = await deps.campaigns.get(campaignId!);
    return found.ok ? ok({ members: found.value.members }) : found;
  },
  format: ({ members }) => (members.length ? members.map((m) => `${m.name} (${m.role}) id ${m.id}`).join('\n') : 'Nobody else has access yet'),
});

export const revokeAccessToken = defineTool({
  name: 'revoke_access_token',
  title: 'Revoke access',
  description: 'Revoke a member\'s token at once: every later request with it is refused.',
  input: z.object({ campaignId: campaignIdField, memberId: z.string().min(1).max(64).describe('From list_members') }),
  output: z.object({ revoked: MemberSchema }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, { deps, campaignId, actor }) {
    const revoked = await deps.access.revoke(campaignId!, input.memberId, actor);
    return revoked.ok ? ok({ revoked: revoked.value }) : revoked;
  },
  format: ({ revoked }) => `Revoked ${revoked.name} (${revoked.role})`,
});
