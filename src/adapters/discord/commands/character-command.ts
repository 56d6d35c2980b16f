import { AbilityKeys, saveBonus, skillsOf, type CharacterSheet, type DiceRoll, type ToolRegistry } from '../../../core/index.js';
import { withTool, type CommandContext, type Handler } from '../command-context.js';
import { errorReply, rollEmbed } from '../embeds.js';
import type { Embed, Reply } from '../interaction.js';
import { optionsFrom, OptionType, type SlashOption } from '../slash-options.js';

const ROLL_FIELDS = ['advantage', 'disadvantage', 'bonus', 'secret'];
const characterOption = (required = false): SlashOption => ({ type: OptionType.String, name: 'character', description: 'Which character (default: your active one)', required, autocomplete: true });
const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
const ABILITY_NAMES = { str: 'Strength', dex: 'Dexterity', con: 'Constitution', int: 'Intelligence', wis: 'Wisdom', cha: 'Charisma' } as const;

export function characterCommand() {
  const sub = (name: string, description: string, options: SlashOption[] = []): SlashOption => ({ type: OptionType.Subcommand, name, description, options });
  return {
    name: 'character',
    description: 'Your characters: import from D&D Beyond or Roll20, show the sheet, choose the active one',
    options: [
      sub('import', 'Import (or refresh) a character from a D&D Beyond link or an exported file', [
        { type: OptionType.String, name: 'url', description: 'D&D Beyond character link', max_length: 500 },
        { type: OptionType.Attachment, name: 'file', description: 'An export: Roll20 VTT Enhancement Suite .json or campaign .zip, D&D Beyond .json' },
      ]),
      sub('sheet', 'Show a character sheet', [characterOption()]),
      sub('list', 'The characters of this campaign'),
      sub('select', 'Choose your active character (used by /check, /save, /attack)', [characterOption(true)]),
    ],
  };
}

const rollOptions = (registry: ToolRegistry) =>
  optionsFrom(registry.get('roll_check')!.input, ROLL_FIELDS, { bonus: { description: 'Extra modifier: 2, -1, 1d4 (bless)' }, secret: { description: 'Only you and the GM see the result' } });

export function checkCommand(registry: ToolRegistry) {
  return {
    name: 'check',
    description: 'Roll a skill or ability check with your character\'s bonus: stealth, perception, dex, initiative',
    options: [{ type: OptionType.String, name: 'check', description: 'Skill or ability (start typing)', required: true, autocomplete: true, max_length: 120 }, ...rollOptions(registry), characterOption()],
  };
}

export function saveCommand(registry: ToolRegistry) {
  return {
    name: 'save',
    description: 'Roll a saving throw with your character\'s bonus',
    options: [
      { type: OptionType.String, name: 'ability', description: 'Which save', required: true, choices: AbilityKeys.map((k) => ({ name: ABILITY_NAMES[k], value: k })) },
      ...rollOptions(registry),
      characterOption(),
    ],
  };
}

export function attackCommand(registry: ToolRegistry) {
  return {
    name: 'attack',
    description: 'Attack with one of your character\'s weapons or spells: to-hit and damage',
    options: [{ type: OptionType.String, name: 'attack', description: 'Weapon or spell (start typing)', required: true, autocomplete: true, max_length: 120 }, ...rollOptions(registry), characterOption()],
  };
}

function sheetEmbed(s: CharacterSheet): Embed {
  const classes = s.classes.map((c) => `${c.name} ${c.level}${c.subclass ? ` (${c.subclass})` : ''}`).join(' / ') || `Level ${s.level}`;
  const abilities = AbilityKeys.map((k) => `${k.toUpperCase()} ${s.abilities[k]} (${signed(Math.floor((s.abilities[k] - 10) / 2))})`).join(' · ');
  const saves = AbilityKeys.map((k) => `${k.toUpperCase()} ${signed(saveBonus(s, k))}${s.saves[k]?.proficiency === 'proficient' ? '•' : ''}`).join(' · ');
  const skills = skillsOf(s).filter((k) => (s.skills[k.key]?.proficiency ?? 'none') !== 'none').map((k) => `${k.label} ${signed(k.bonus)}${s.skills[k.key]?.proficiency === 'expertise' ? '••' : ''}`).join(', ');
  const attacks = s.attacks.slice(0, 10).map((a) => `**${a.name}** ${a.toHit === null ? '' : `${signed(a.toHit)} · `}${a.damage}${a.damageType ? ` ${a.damageType}` : ''}`).join('\n');
  const sc = s.spellcasting;
  const fields = [
    { name: 'Combat', value: `AC ${s.ac} · HP ${s.hp.current}/${s.hp.max}${s.hp.temp ? ` (+${s.hp.temp} temp)` : ''} · Speed ${s.speed} ft · Initiative ${signed(s.initiativeBonus)} · Proficiency ${signed(s.proficiencyBonus)}` },
    { name: 'Abilities', value: abilities },
    { name: 'Saves', value: saves },
    { name: 'Skills', value: skills || 'no proficiencies' },
    ...(attacks ? [{ name: 'Attacks', value: attacks }] : []),
    ...(sc ? [{ name: 'Spellcasting', value: `${sc.ability ? `${sc.ability.toUpperCase()} · ` : ''}save DC ${sc.saveDc ?? '-'} · attack ${sc.attackBonus === null ? '-' : signed(sc.attackBonus)} · slots ${sc.slots.map((x) => `${x.level}: ${x.max - x.used}/${x.max}`).join(', ') || 'none'} · ${sc.spells.length} spells` }] : []),
  ].map((f) => ({ ...f, value: f.value.slice(0, 1024) }));
  return {
    title: s.name,
    description: [s.race, classes, s.background].filter(Boolean).join(' · '),
    color: 0x2e86c1,
    fields,
    footer: { text: `Imported from ${s.source.provider} · passive perception ${s.senses.passivePerception}` },
  };
}

/** Reads an uploaded file as import data: JSON as text, a zip archive as base64. */
async function attachmentData(ctx: CommandContext, id: string): Promise<{ ok: true; data: string } | { ok: false; reply: Reply }> {
  const file = ctx.ix.attachments[id];
  if (!file || !ctx.fetchAttachment) return { ok: false, reply: errorReply('The attached file did not arrive: attach it again.') };
  const max = ctx.maxImportBytes ?? 8 * 1024 * 1024;
  if (file.size > max) return { ok: false, reply: errorReply(`${file.filename} is ${(file.size / 1024 / 1024).toFixed(1)} MB: the import limit is ${Math.round(max / 1024 / 1024)} MB.`) };
  const bytes = await ctx.fetchAttachment(file.url, max);
  if (!bytes.ok) return { ok: false, reply: errorReply(bytes.error) };
  const zip = bytes.value[0] === 0x50 && bytes.value[1] === 0x4b;
  return { ok: true, data: zip ? bytes.value.toString('base64') : bytes.value.toString('utf8') };
}

async function rollFor(ctx: CommandContext, check: string): Promise<Reply> {
  const o = ctx.ix.options;
  const input: Record<string, unknown> = { check };
  for (const key of ROLL_FIELDS) if (o[key] !== undefined) input[key] = o[key];
  if (o.character !== undefined) input.character = String(o.character);
  if (ctx.guild.critRule) input.critical = ctx.guild.critRule;
  return withTool(ctx, 'roll_check', input, async (v) => {
    const rolls = v.rolls as DiceRoll[];
    const secret = v.secret === true;
    const embed = rollEmbed(rolls, `${v.character.name} · ${ctx.ix.user.name}`, secret);
    if (v.kind === 'attack' && v.damage !== null && rolls.length > 1) embed.title = `${secret ? '🤫' : '⚔️'} ${v.character.name}: ${v.check}: ${rolls[0]!.total} to hit, ${v.damage} damage`;
    if (secret && ctx.guild.gmChannelId) await ctx.post(ctx.guild.gmChannelId, { embeds: [embed], allowed_mentions: { parse: [] } });
    return { type: 'message', ephemeral: secret, content: secret ? (ctx.guild.gmChannelId ? 'Sent to the GM.' : 'Secret roll: the GM sees it in the hub.') : undefined, embeds: [embed] };
  });
}

export const characterHandlers: Record<string, Handler> = {
  'character import': async (ctx) => {
    const { url, file } = ctx.ix.options;
    let input: Record<string, unknown>;
    if (file !== undefined) {
      const read = await attachmentData(ctx, String(file));
      if (!read.ok) return read.reply;
      input = { data: read.data };
    } else if (url !== undefined) {
      input = { url: String(url) };
    } else {
      return errorReply('Give a D&D Beyond link (url) or attach an exported file (file).');
    }
    return withTool(ctx, 'import_character', input, async (v) => {
      const imported = v.characters as { character: CharacterSheet; status: string }[];
      // The character just imported is the one a player means to play next.
      const mine = imported.filter((c) => c.character.owner.discordUserId === ctx.ix.user.id);
      if (mine.length === 1) await ctx.call('select_character', { character: mine[0]!.character.id });
      const names = imported.map((c) => `**${c.character.name}** (${c.status === 'created' ? 'new' : 'refreshed'})`).join(', ');
      return { type: 'message', content: `${ctx.ix.user.name} imported ${names}${mine.length === 1 ? ': now your active character.' : '.'}`, embeds: imported.slice(0, 3).map((c) => sheetEmbed(c.character)) };
    });
  },
  'character sheet': (ctx) =>
    withTool(ctx, 'get_character', ctx.ix.options.character !== undefined ? { character: String(ctx.ix.options.character) } : {}, (v) => ({ type: 'message', ephemeral: true, embeds: [sheetEmbed(v.character)] })),
  'character list': (ctx) =>
    withTool(ctx, 'list_characters', {}, (v) => {
      const list = v.characters as { name: string; classes: string; hp: string; ac: number; owner: { discordUserId: string | null }; active: boolean }[];
      const lines = list.map((c) => `${c.active ? '▶ ' : ''}**${c.name}**: ${c.classes}, AC ${c.ac}, HP ${c.hp}${c.owner.discordUserId ? ` · <@${c.owner.discordUserId}>` : ''}`);
      return { type: 'message', ephemeral: true, embeds: [{ title: 'Characters', description: (lines.join('\n') || 'No characters yet: `/character import`').slice(0, 4000), color: 0x2e86c1 }] };
    }),
  'character select': (ctx) =>
    withTool(ctx, 'select_character', { character: String(ctx.ix.options.character) }, (v) => ({ type: 'message', ephemeral: true, content: `Your active character is now **${v.character.name}**.` })),
  check: (ctx) => rollFor(ctx, String(ctx.ix.options.check)),
  save: (ctx) => rollFor(ctx, `${String(ctx.ix.options.ability)} save`),
  attack: (ctx) => rollFor(ctx, String(ctx.ix.options.attack)),
};

const typed = (ctx: CommandContext) => String(ctx.ix.options[ctx.ix.focused ?? ''] ?? '').toLowerCase();
const noChoices: Reply = { type: 'choices', choices: [] };

/** Autocomplete of the campaign's characters, the caller's own first. */
export async function characterChoices(ctx: CommandContext): Promise<Reply> {
  if (!ctx.campaignId) return noChoices;
  const r = await ctx.call('list_characters', {});
  if (!r.ok) return noChoices;
  const list = (r.value.characters as { id: string; name: string; classes: string; mine: boolean }[]).filter((c) => c.name.toLowerCase().includes(typed(ctx)));
  list.sort((a, b) => Number(b.mine) - Number(a.mine));
  return { type: 'choices', choices: list.slice(0, 25).map((c) => ({ name: `${c.name} (${c.classes})`.slice(0, 100), value: c.id })) };
}

/** Autocomplete of the caller's skills and abilities (for /check) or attacks (for /attack), with their bonuses. */
export async function rollChoices(ctx: CommandContext): Promise<Reply> {
  if (!ctx.campaignId) return noChoices;
  const r = await ctx.call('get_character', ctx.ix.options.character !== undefined ? { character: String(ctx.ix.options.character) } : {});
  if (!r.ok) return noChoices;
  const s = r.value.character as CharacterSheet;
  const q = typed(ctx);
  const choices =
    ctx.ix.focused === 'attack'
      ? s.attacks.map((a) => ({ name: `${a.name} (${a.toHit === null ? 'save' : signed(a.toHit)}, ${a.damage}${a.damageType ? ` ${a.damageType}` : ''})`, value: a.name }))
      : [
          ...skillsOf(s).map((k) => ({ name: `${k.label} (${signed(k.bonus)})`, value: k.key })),
          ...AbilityKeys.map((k) => ({ name: `${ABILITY_NAMES[k]} check (${signed(Math.floor((s.abilities[k] - 10) / 2))})`, value: k })),
          { name: `Initiative (${signed(s.initiativeBonus)})`, value: 'initiative' },
        ];
  return { type: 'choices', choices: choices.filter((c) => c.name.toLowerCase().includes(q)).slice(0, 25).map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) })) };
}
