import type { CombatantView, EncounterView, ToolRegistry } from '../../../core/index.js';
import { withTool, type CommandContext, type Handler } from '../command-context.js';
import { encounterEmbed, errorReply, turnAnnouncement, turnButtons } from '../embeds.js';
import type { Reply } from '../interaction.js';
import { inputFrom, optionsFrom, OptionType, type SlashOption } from '../slash-options.js';

const combatantOption: SlashOption = { type: OptionType.String, name: 'combatant', description: 'Who (start typing a name)', required: true, autocomplete: true };
const NEW_MONSTER = ['name', 'count', 'initiative', 'initiativeBonus', 'hp', 'ac', 'hidden'];
const HP_FIELDS = ['damage', 'healing', 'tempHp', 'setHp', 'maxHp'];

export function initCommand(registry: ToolRegistry) {
  const newCombatant = (registry.get('add_combatants')!.input.shape.combatants as unknown as { element: Parameters<typeof optionsFrom>[0] }).element;
  const condition = registry.get('add_condition')!.input;
  const sub = (name: string, description: string, options: SlashOption[] = []): SlashOption => ({ type: OptionType.Subcommand, name, description, options });
  return {
    name: 'init',
    description: 'Initiative tracker',
    options: [
      sub('join', 'Join initiative with your character', [
        ...optionsFrom(newCombatant, ['initiativeBonus', 'initiative', 'hp', 'name'], { name: { description: 'Character name (default: your name)' } }),
      ]),
      sub('add', 'GM: add monsters or NPCs', optionsFrom(newCombatant, NEW_MONSTER, { name: { required: true } })),
      sub('next', 'End the current turn and start the next'),
      sub('prev', 'GM: step back one turn'),
      sub('list', 'Show the initiative order'),
      sub('remove', 'GM: remove a combatant', [combatantOption]),
      sub('end', 'GM: end combat and clear the order'),
      sub('effect', 'Put a condition on a combatant', [combatantOption, ...optionsFrom(condition, ['name', 'rounds', 'ticksOn'], { name: { name: 'condition' } })]),
      sub('uneffect', 'Remove a condition', [combatantOption, { type: OptionType.String, name: 'condition', description: 'Condition name', required: true }]),
    ],
  };
}

export function hpCommand(registry: ToolRegistry) {
  return {
    name: 'hp',
    description: 'Damage, heal, or set hit points of a combatant',
    options: [combatantOption, ...optionsFrom(registry.get('change_hp')!.input, HP_FIELDS)],
  };
}

const showEncounter = (enc: EncounterView, extra?: string, update = false): Reply => ({
  type: 'message',
  content: extra,
  embeds: [encounterEmbed(enc)],
  components: enc.combatants.length ? [turnButtons()] : [],
  update,
});

const turn = (tool: string, update = false): Handler => (ctx) =>
  withTool(ctx, tool, {}, (v) => {
    const expired = (v.expired as { name: string; condition: string }[]).map((e) => `${e.name} is no longer ${e.condition}.`);
    return showEncounter(v.encounter, [turnAnnouncement(v.encounter), ...expired].filter(Boolean).join('\n'), update);
  });

const combatantInput = (ctx: CommandContext) => ({ combatantId: String(ctx.ix.options.combatant) });

export const initHandlers: Record<string, Handler> = {
  'init join': async (ctx) => {
    const input = inputFrom(ctx.ix.options, ['initiativeBonus', 'initiative', 'hp', 'name']);
    // A player with an imported character joins as that character: name, AC, HP and bonus from the sheet.
    const sheet = input.name === undefined && ctx.campaignId ? await ctx.call('get_character', {}) : null;
    const who = sheet?.ok ? { characterId: sheet.value.character.id } : { name: ctx.ix.user.name };
    return withTool(ctx, 'add_combatants', { combatants: [{ ...who, ...input, kind: 'pc' }] }, (v) =>
      showEncounter(v.encounter, `${(v.added as CombatantView[])[0]?.name} joins with initiative ${(v.added as CombatantView[])[0]?.initiative}.`),
    );
  },
  'init add': (ctx) =>
    withTool(ctx, 'add_combatants', { combatants: [{ kind: 'monster', ...inputFrom(ctx.ix.options, NEW_MONSTER) }] }, (v) => ({
      ...showEncounter(v.encounter),
      // Adding hidden monsters in public would give them away.
      ephemeral: ctx.ix.options.hidden === true,
    })),
  'init next': turn('next_turn'),
  'init prev': turn('previous_turn'),
  'init list': (ctx) =>
    withTool(ctx, 'get_session', {}, (v) => (v.session ? showEncounter(v.session.encounter) : errorReply('No session is running: a GM starts one with `/session start`.'))),
  'init remove': (ctx) => withTool(ctx, 'remove_combatant', combatantInput(ctx), (v) => showEncounter(v.encounter)),
  'init end': (ctx) => withTool(ctx, 'end_combat', {}, () => ({ type: 'message', content: '⚔️ Combat is over.' })),
  'init effect': (ctx) =>
    withTool(ctx, 'add_condition', { ...combatantInput(ctx), name: ctx.ix.options.condition, ...inputFrom(ctx.ix.options, ['rounds', 'ticksOn']) }, (v) => showEncounter(v.encounter)),
  'init uneffect': (ctx) => withTool(ctx, 'remove_condition', { ...combatantInput(ctx), name: ctx.ix.options.condition }, (v) => showEncounter(v.encounter)),
  hp: (ctx) => withTool(ctx, 'change_hp', { ...combatantInput(ctx), ...inputFrom(ctx.ix.options, HP_FIELDS) }, (v) => showEncounter(v.encounter)),
  // Buttons under the initiative list: edit that message in place.
  'init:next': turn('next_turn', true),
  'init:prev': turn('previous_turn', true),
};

/** Combatant names for autocomplete, as the caller may see them (no hidden ones for players). */
export async function combatantChoices(ctx: CommandContext): Promise<Reply> {
  if (!ctx.campaignId) return { type: 'choices', choices: [] };
  const result = await ctx.call('get_session', {});
  const typed = String(ctx.ix.options[ctx.ix.focused ?? ''] ?? '').toLowerCase();
  const combatants = (result.ok && result.value.session?.encounter.combatants) || [];
  return {
    type: 'choices',
    choices: (combatants as CombatantView[]).filter((c) => c.name.toLowerCase().includes(typed)).map((c) => ({ name: c.name.slice(0, 100), value: c.id })),
  };
}
