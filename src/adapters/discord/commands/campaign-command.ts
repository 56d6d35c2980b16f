import { CritRules, type Note, type ToolRegistry } from '../../../core/index.js';
import { withTool, type Handler } from '../command-context.js';
import { errorReply } from '../embeds.js';
import type { Reply } from '../interaction.js';
import { inputFrom, optionsFrom, OptionType, type SlashOption } from '../slash-options.js';

const sub = (name: string, description: string, options: SlashOption[] = []): SlashOption => ({ type: OptionType.Subcommand, name, description, options });
const done = (content: string, ephemeral = false): Reply => ({ type: 'message', content, ephemeral });

export function campaignCommand() {
  return {
    name: 'campaign',
    description: 'Link this channel to a hub campaign and set up the server',
    options: [
      sub('link', 'Link this channel to a campaign with a GM token from the hub', [
        { type: OptionType.String, name: 'token', description: 'A gm token from create_access_token (revoke it afterwards)', required: true, min_length: 20, max_length: 200 },
        { type: OptionType.Boolean, name: 'default', description: 'Also use this campaign in every channel of the server that is not linked' },
      ]),
      sub('unlink', 'Unlink this channel'),
      sub('info', 'Show the linked campaign'),
      sub('gmrole', 'Server managers: members with this role are GMs', [{ type: OptionType.Role, name: 'role', description: 'The GM role', required: true }]),
      sub('gmchannel', 'GM: send secret rolls to this channel', [{ type: OptionType.Channel, name: 'channel', description: 'A channel only GMs can read', required: true }]),
      sub('critrule', 'GM: how /roll crit:true doubles damage here', [
        { type: OptionType.String, name: 'rule', description: 'double-dice (5e), max-plus-roll, or double-total', required: true, choices: CritRules.map((r) => ({ name: r, value: r })) },
      ]),
    ],
  };
}

export function sessionCommand(registry: ToolRegistry) {
  return {
    name: 'session',
    description: 'Game sessions: start, end, notes and recap',
    options: [
      sub('start', 'GM: start a session', optionsFrom(registry.get('start_session')!.input, ['name'])),
      sub('end', 'GM: end the session'),
      sub('note', 'Add a note to the session', optionsFrom(registry.get('add_session_note')!.input, ['note', 'secret'])),
      sub('recap', 'Notes of the current (or last) session'),
    ],
  };
}

const guildOnly = (): Reply => errorReply('Use this in a server channel, not in a direct message.');

export const campaignHandlers: Record<string, Handler> = {
  'campaign link': async (ctx) => {
    const { guildId, channelId } = ctx.ix;
    if (!guildId || !channelId) return guildOnly();
    if (!ctx.isGm) return errorReply('Only GMs (the GM role, or server managers while none is set) can link a channel.');
    const actor = await ctx.access.authenticate(String(ctx.ix.options.token));
    if (!actor.ok) return errorReply(actor.error);
    if (actor.value.kind !== 'owner' && !(actor.value.kind === 'member' && actor.value.role === 'gm')) {
      return errorReply('That token is not a GM token: create one with create_access_token and role "gm".');
    }
    // The owner token names no campaign; the GM then links with a campaign-scoped token.
    if (actor.value.kind !== 'member') return errorReply('Use a GM token of one campaign (create_access_token, role "gm"), not the owner token.');
    await ctx.settings.link(guildId, channelId, actor.value.campaignId);
    const campaignId = actor.value.campaignId;
    if (ctx.ix.options.default === true) await ctx.settings.update(guildId, (s) => ({ ...s, defaultCampaignId: campaignId }));
    const info = await ctx.registry.call('get_campaign', {}, { actor: actor.value });
    const name = info.ok ? (info.value.campaign as { name: string }).name : actor.value.campaignId;
    const scope = ctx.ix.options.default === true ? 'This channel (and every unlinked channel of the server)' : 'This channel';
    return done(`🔗 ${scope} now plays **${name}**. The link does not need the token any more: you may revoke it.`, true);
  },
  'campaign unlink': async (ctx) => {
    if (!ctx.ix.guildId || !ctx.ix.channelId) return guildOnly();
    if (!ctx.isGm) return errorReply('Only GMs can unlink a channel.');
    const was = await ctx.settings.unlink(ctx.ix.guildId, ctx.ix.channelId);
    if (was) await ctx.settings.update(ctx.ix.guildId, (s) => (s.defaultCampaignId === was ? { ...s, defaultCampaignId: null } : s));
    return done(was ? 'Unlinked: this channel no longer follows a campaign.' : 'This channel was not linked.', true);
  },
  'campaign info': (ctx) =>
    withTool(ctx, 'get_campaign', {}, ({ campaign }) => ({
      type: 'message',
      embeds: [{ title: campaign.name, description: `${campaign.system}\n${campaign.description}`.slice(0, 4000), fields: [{ name: 'Characters', value: campaign.data.characters.map((c: { name: string }) => c.name).join(', ').slice(0, 1024) || 'none yet' }] }],
    })),
  'campaign gmrole': async (ctx) => {
    if (!ctx.ix.guildId) return guildOnly();
    if ((ctx.ix.permissions & (1n << 5n)) === 0n) return errorReply('Only members who may manage the server can choose the GM role.');
    const roleId = String(ctx.ix.options.role);
    await ctx.settings.update(ctx.ix.guildId, (s) => ({ ...s, gmRoleId: roleId }));
    return done(`Members with <@&${roleId}> are now GMs here.`, true);
  },
  'campaign gmchannel': async (ctx) => {
    if (!ctx.ix.guildId) return guildOnly();
    if (!ctx.isGm) return errorReply('Only GMs can choose the GM channel.');
    const channelId = String(ctx.ix.options.channel);
    await ctx.settings.update(ctx.ix.guildId, (s) => ({ ...s, gmChannelId: channelId }));
    return done(`Secret rolls now go to <#${channelId}>.`, true);
  },
  'campaign critrule': async (ctx) => {
    if (!ctx.ix.guildId) return guildOnly();
    if (!ctx.isGm) return errorReply('Only GMs can choose the crit rule.');
    const rule = CritRules.find((r) => r === ctx.ix.options.rule);
    if (!rule) return errorReply(`Unknown crit rule: expected one of ${CritRules.join(', ')}`);
    await ctx.settings.update(ctx.ix.guildId, (s) => ({ ...s, critRule: rule }));
    return done(`Critical hits here now use **${rule}**.`, true);
  },
  'session start': (ctx) => withTool(ctx, 'start_session', inputFrom(ctx.ix.options, ['name']), ({ session }) => done(`📜 **${session.name}** has begun.`)),
  'session end': (ctx) =>
    withTool(ctx, 'get_session', {}, async ({ session }) => {
      if (!session) return errorReply('No session is running.');
      return withTool(ctx, 'end_session', { sessionId: session.id }, ({ session: s }) => done(`📕 **${s.name}** has ended: ${s.notes.length} notes, ${s.rollCount} rolls.`));
    }),
  'session note': (ctx) =>
    withTool(ctx, 'add_session_note', inputFrom(ctx.ix.options, ['note', 'secret']), ({ note }) => done(`📝 Noted${note.secret ? ' (GM only)' : ''}.`, note.secret)),
  'session recap': (ctx) =>
    withTool(ctx, 'list_sessions', {}, async ({ sessions }) => {
      const last = sessions.at(-1);
      if (!last) return errorReply('This campaign has no sessions yet.');
      return withTool(ctx, 'get_session', { sessionId: last.id }, ({ session }) => ({
        type: 'message',
        embeds: [
          {
            title: `Recap: ${session.name}`,
            description: (session.notes as Note[]).map((n) => `• ${n.text}`).join('\n').slice(0, 4000) || 'No notes yet: `/session note`.',
            footer: { text: `${session.status} · ${session.rollCount} rolls` },
          },
        ],
      }));
    }),
};
