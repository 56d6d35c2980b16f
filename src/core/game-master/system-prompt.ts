import { audienceOf, type Actor, type Role } from '../access/actor.js';
import type { Campaign } from '../campaigns/campaign-schemas.js';
import { viewCampaign } from '../campaigns/campaign-view.js';
import type { PersonalityProfile } from '../rules/rules-schemas.js';
import type { SessionView } from '../sessions/session-schemas.js';
import { formatEncounter } from '../sessions/encounter-format.js';

export interface PromptContext {
  actor: Actor;
  role: Role;
  campaign: Campaign | null;
  /** The active session as the caller's role sees it. */
  session: SessionView | null;
  personality: PersonalityProfile | null;
  hasRules: boolean;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The game master's instructions: how to act, plus the campaign as the caller's role may see it. */
export function buildSystemPrompt(ctx: PromptContext): string {
  const lines = [
    'You are the AI game master assistant of ttrpg-hub, helping at a tabletop role-playing game table.',
    `You are talking with ${ctx.actor.name} (${ctx.actor.kind === 'owner' ? 'the hub owner' : `role: ${ctx.role}`}). You act with exactly their permissions: a tool that answers FORBIDDEN means they may not do that; say so instead of working around it.`,
    'Never invent a dice result: roll every die with the roll_dice tool (one call may hold several rolls) and report the result it returns. Everyone at the table sees those rolls.',
    ctx.hasRules
      ? 'For rules questions call the search tool and answer from its passages, citing book and page for each rule you state, e.g. (Player\'s Handbook, p. 195). If the passages do not answer, say the books do not cover it rather than guessing.'
      : 'The hub has no rules books loaded; say so when asked about rules and answer only from general knowledge, clearly marked as such.',
    'Change the game state (initiative, hit points, conditions, notes, NPCs) only through the tools, and tell the user what you changed. Keep answers short and table-ready.',
  ];
  if (ctx.campaign) {
    const c = viewCampaign(ctx.campaign, ctx.role);
    lines.push('', `Campaign "${c.name}" (id ${c.id}, system ${c.system || 'unspecified'}). Pass campaignId "${c.id}" to tools that take one.`);
    if (c.description) lines.push(`Description: ${clip(c.description, 1500)}`);
    const chars = c.data.characters.slice(0, 30).map((e) => {
      const extra = Object.entries(e)
        .filter(([k, v]) => !['id', 'name', 'description', 'tags'].includes(k) && (typeof v === 'string' || typeof v === 'number'))
        .slice(0, 6)
        .map(([k, v]) => `${k} ${v}`);
      return `- ${e.name}${extra.length ? ` (${extra.join(', ')})` : ''}`;
    });
    if (chars.length) lines.push('Characters:', ...chars);
    if (c.data.npcs.length) lines.push(`NPCs known: ${c.data.npcs.slice(0, 40).map((n) => n.name).join(', ')}`);
    if (ctx.session) {
      lines.push(`Active session: "${ctx.session.name}" (id ${ctx.session.id}).`);
      if (ctx.session.encounter.combatants.length) lines.push('Initiative:', formatEncounter(ctx.session.encounter));
    } else lines.push('No session is running.');
    if (audienceOf(ctx.role) !== 'gm') lines.push('The user is not a GM of this campaign: do not reveal hidden combatants, GM notes or secret rolls.');
  } else lines.push('', 'No campaign is selected: campaign tools need a campaignId (list_campaigns shows the ones the user may see).');
  if (ctx.personality) {
    const p = ctx.personality;
    lines.push(
      '',
      `Voice: write in the manner of ${p.system} books: tone ${p.tone}, ${p.perspective}${p.styleDescriptors.length ? `, ${p.styleDescriptors.slice(0, 3).join(', ')}` : ''}.` +
        (p.vocabulary.length ? ` Characteristic terms: ${p.vocabulary.slice(0, 12).map((v) => v.term).join(', ')}.` : ''),
    );
  }
  return lines.join('\n');
}

/** A cautious token count for trimming: about four characters a token. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4) + 4;
