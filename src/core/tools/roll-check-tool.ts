import { z } from 'zod';
import { resolveCheck } from '../characters/character-checks.js';
import { CritRules } from '../dice/chat-notation.js';
import { DiceRollSchema, type DiceRoll } from '../dice/dice-schemas.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok } from '../result.js';
import { characterField } from './character-tools.js';
import { describeRoll } from './dice-tools.js';
import { campaignIdField, sessionIdField } from './fields.js';
import { recordRolls } from './roll-recording.js';

const extraBonus = z
  .union([z.number().int().min(-50).max(50), z.string().trim().max(40).regex(/^[+-]?\s*(\d+d\d+|\d+)(\s*[+-]\s*(\d+d\d+|\d+))*$/i, 'expected a number or dice such as 2, -1 or 1d4')])
  .optional()
  .describe('Extra modifier: a number or dice, e.g. 2, -1, 1d4 (bless)');

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
const withSign = (text: string) => (/^[+-]/.test(text) ? text : `+${text}`);
// ";" separates rolls and "#" starts a label in dice notation: neither may come from a name.
const safe = (text: string) => text.replace(/[;#]/g, ' ').trim();

export const rollCheck = defineTool({
  name: 'roll_check',
  title: 'Roll a check for a character',
  description:
    'Roll with a character\'s own bonuses: a skill ("stealth"), an ability ("dex"), a save ("dex save"), "initiative", or an attack by name ' +
    '("longsword": to-hit, then damage, doubled dice on a natural 20). Without character, your active character (select_character). ' +
    'Shown to the table like any roll (Discord, overlays), labelled with the character\'s name.',
  input: z.object({
    campaignId: campaignIdField,
    character: characterField.optional(),
    check: z.string().trim().min(1).max(120).describe('e.g. stealth, dex, dex save, initiative, longsword'),
    advantage: z.boolean().default(false),
    disadvantage: z.boolean().default(false),
    bonus: extraBonus,
    secret: z.boolean().default(false).describe('Only the GM (and the caller) see the result'),
    critical: z.enum(CritRules).default('double-dice').describe('How a natural 20 on an attack changes its damage'),
    sessionId: sessionIdField.optional().describe('Log the roll in this session (default: the campaign\'s active session)'),
  }),
  output: z.object({
    character: z.object({ id: z.string(), name: z.string() }),
    check: z.string().describe('What was rolled, e.g. "Stealth" or "Longsword"'),
    kind: z.enum(['ability', 'save', 'skill', 'initiative', 'attack']),
    expression: z.string().describe('The d20 expression built from the sheet, e.g. "2d20kh1+10"'),
    rolls: z.array(DiceRollSchema).describe('The d20 roll, then the damage roll for an attack that has damage'),
    total: z.number().describe('The d20 roll\'s total (for an attack, the to-hit)'),
    damage: z.number().nullable().describe('Damage total for an attack, null otherwise'),
    secret: z.boolean(),
    sessionId: z.string().nullable(),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    const { deps } = ctx;
    const sheet = await deps.characters.resolve(ctx.campaignId!, input.character, ctx.actor);
    if (!sheet.ok) return sheet;
    const resolved = resolveCheck(sheet.value, input.check);
    if (!resolved.ok) return resolved;
    const r = resolved.value;
    const d20 = input.advantage && !input.disadvantage ? '2d20kh1' : input.disadvantage && !input.advantage ? '2d20kl1' : '1d20';
    const extra = input.bonus === undefined ? '' : typeof input.bonus === 'number' ? signed(input.bonus) : withSign(input.bonus.replace(/\s+/g, ''));
    const name = safe(sheet.value.name);
    const rolls: DiceRoll[] = [];
    let expression: string;
    if (r.kind === 'attack') {
      if (r.attack.toHit === null && !r.attack.damage) return fail('VALIDATION', `${r.attack.name} has neither an attack bonus nor damage to roll`, { field: 'check' });
      expression = r.attack.toHit === null ? '' : `${d20}${signed(r.attack.toHit)}${extra}`;
      if (expression) {
        const hit = deps.dice.roll(`${expression} # ${name}: ${safe(r.label)} (to hit)`);
        if (!hit.ok) return hit;
        rolls.push(hit.value[0]!);
      }
      if (r.attack.damage) {
        const crit = rolls[0]?.critical ?? false;
        const damage = deps.dice.roll(`${r.attack.damage} # ${name}: ${safe(r.label)} (${crit ? 'critical ' : ''}${r.attack.damageType ?? 'damage'})`, crit ? { critical: input.critical } : {});
        if (!damage.ok) return fail('VALIDATION', `The damage of ${r.attack.name} on the sheet ("${r.attack.damage}") cannot be rolled: ${damage.error.message}`, { field: 'check' });
        rolls.push(damage.value[0]!);
      }
    } else {
      expression = `${d20}${signed(r.bonus)}${extra}`;
      const rolled = deps.dice.roll(`${expression} # ${name}: ${safe(r.label)}`);
      if (!rolled.ok) return rolled;
      rolls.push(rolled.value[0]!);
    }
    const recorded = await recordRolls(deps, { campaignId: ctx.campaignId, sessionId: input.sessionId ?? null }, rolls, input.secret, ctx.actor);
    if (!recorded.ok) return recorded;
    const isAttack = r.kind === 'attack';
    const damageRoll = isAttack && r.attack.damage ? rolls.at(-1)! : null;
    return ok({
      character: { id: sheet.value.id, name: sheet.value.name },
      check: r.label,
      kind: r.kind,
      expression: expression || (damageRoll?.notation ?? ''),
      rolls,
      total: rolls[0]!.total,
      damage: damageRoll ? damageRoll.total : null,
      secret: input.secret,
      sessionId: recorded.value.sessionId,
    });
  },
  format: (out) => out.rolls.map(describeRoll).join('\n') + (out.secret ? '\n(secret roll: only the GM sees it)' : ''),
});
