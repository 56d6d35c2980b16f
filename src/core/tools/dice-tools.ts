import { z } from 'zod';
import { CritRules } from '../dice/chat-notation.js';
import { DiceRollSchema, type DiceRoll } from '../dice/dice-schemas.js';
import { defineTool } from '../registry/define-tool.js';
import { ok } from '../result.js';
import { campaignIdField, sessionIdField } from './fields.js';
import { recordRolls } from './roll-recording.js';

export const rollDice = defineTool({
  name: 'roll_dice',
  title: 'Roll dice',
  description:
    'Roll dice in standard notation with the full breakdown. Supports NdX, d%, dF, keep/drop (4d6kh3, 2d20kl1), ' +
    'exploding (8d6!, !!, !p), rerolls (r<2, ro1), targets (6d10>=7), cs/cf, min/max, math (floor((1d6+2)/2)), roll groups, ' +
    'and chat shorthand: "1d20+5 adv" / "dis", "crit19", a label after # or as trailing words ("1d20+3 stealth"), ' +
    'several rolls with ";" or "3x 1d20+5". In a campaign the roll is logged in the active session and shown to the table unless secret.',
  input: z.object({
    expression: z.string().min(1).max(1000).describe('e.g. "1d20+5 adv # stealth", "4d6dl1", "3x 1d20+4; 2d6+2"'),
    secret: z.boolean().default(false).describe('Only the GM (and the caller) see the result'),
    critical: z.enum(CritRules).optional().describe('Roll as critical-hit damage: double-dice (2d6+3 -> 4d6+3), max-plus-roll (12+2d6+3) or double-total'),
    campaignId: campaignIdField.optional(),
    sessionId: sessionIdField.optional().describe('Log the roll in this session (default: the campaign\'s active session)'),
  }),
  output: z.object({
    rolls: z.array(DiceRollSchema),
    total: z.number().describe('Sum of all the rolls\' totals'),
    secret: z.boolean(),
    campaignId: z.string().nullable(),
    sessionId: z.string().nullable().describe('The session the roll was logged in, if any'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'optional',
  async run(input, { deps, campaignId, campaign, actor }) {
    const rolled = deps.dice.roll(input.expression, input.critical ? { critical: input.critical } : {});
    if (!rolled.ok) return rolled;
    const rolls = rolled.value;
    // The scope's campaign record was read just before the (synchronous) roll: nothing came between.
    const recorded = await recordRolls(deps, { campaignId, sessionId: input.sessionId ?? null, campaign }, rolls, input.secret, actor);
    if (!recorded.ok) return recorded;
    const { sessionId } = recorded.value;
    return ok({ rolls, total: rolls.reduce((s, r) => s + r.total, 0), secret: input.secret, campaignId, sessionId });
  },
  format: (out) => out.rolls.map(describeRoll).join('\n') + (out.secret ? '\n(secret roll: only the GM sees it)' : ''),
});

/** "stealth: 2d20kh1+5: [11d, 14]+5 = 19 (natural 20!)" */
export function describeRoll(r: DiceRoll): string {
  const flags = [r.natural20 ? 'natural 20!' : r.critical ? 'critical!' : null, r.natural1 ? 'natural 1' : null].filter(Boolean);
  return `${r.label ? `${r.label}: ` : ''}${r.breakdown}${flags.length ? ` (${flags.join(', ')})` : ''}`;
}
