import { CLASS_NAMES, RACE_NAMES, type ToolRegistry } from '../../../core/index.js';
import { withTool, type Handler } from '../command-context.js';
import { errorReply } from '../embeds.js';
import type { Reply } from '../interaction.js';
import { inputFrom, optionsFrom, OptionType, type SlashOption } from '../slash-options.js';

const CHARACTER = ['class', 'ancestry', 'level', 'method', 'hpMethod', 'name', 'hints', 'seed', 'save'];
const NPC = ['genre', 'role', 'race', 'culture', 'level', 'challenge', 'seed', 'save'];
const ENCOUNTER = ['difficulty', 'environment', 'seed', 'addToInitiative'];

const sub = (name: string, description: string, options: SlashOption[]): SlashOption => ({ type: OptionType.Subcommand, name, description, options });
const choices = (names: readonly string[]) => names.map((n) => ({ name: n, value: n }));
const cut = (text: string, max = 1024) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

/** `/generate character|npc|encounter`, each subcommand's options derived from its tool's schema. */
export function generateCommand(registry: ToolRegistry) {
  const encounter = registry.get('generate_encounter')!.input;
  return {
    name: 'generate',
    description: 'Generate a character, an NPC or a balanced encounter',
    options: [
      sub('character', 'A legal D&D 5e (SRD) character', optionsFrom(registry.get('generate_character')!.input, CHARACTER, {
        class: { choices: choices(CLASS_NAMES) }, ancestry: { choices: choices(RACE_NAMES) }, save: { description: 'Keep it in the campaign\'s characters' },
      })),
      sub('npc', 'An NPC in any genre', optionsFrom(registry.get('generate_npc')!.input, NPC, {
        // 34 challenge ratings are more than Discord's 25 choices: typed instead, the tool checks them.
        challenge: { choices: undefined, description: 'Scale to a challenge rating: 0, 1/8, 1/4, 1/2 or 1-30', max_length: 4 }, save: { description: 'GM: keep it in the campaign' },
      })),
      sub('encounter', 'A balanced fight for your party', [
        // Discord has no list option: the party's levels come as text, e.g. "5,5,5,4".
        { type: OptionType.String, name: 'party', description: 'Character levels, comma-separated, e.g. 5,5,5,4', required: true, min_length: 1, max_length: 40 },
        ...optionsFrom(encounter, ENCOUNTER, { add_to_initiative: { description: 'GM: add them to the session\'s initiative' } }),
      ]),
    ],
  };
}

function characterReply(value: any, ephemeral: boolean): Reply {
  const c = value.character;
  const a = c.abilities;
  const cls = c.classes.map((k: any) => `${k.name}${k.subclass ? ` (${k.subclass})` : ''}`).join(' / ');
  const skills = Object.entries(c.skills).filter(([, s]: any) => s.proficiency === 'proficient' || s.proficiency === 'expertise').map(([k, s]: any) => `${k} ${signed(s.bonus)}`);
  const sc = c.spellcasting;
  const spells = sc && sc.spells.length
    ? `${sc.slots.length ? `Slots ${sc.slots.map((s: any) => s.max).join('/')}` : ''}${sc.pactSlots ? `Pact ${sc.pactSlots.max} × level ${sc.pactSlots.level}` : ''}${sc.saveDc ? ` · DC ${sc.saveDc}` : ''}\n${sc.spells.map((s: any) => s.name).join(', ')}`
    : null;
  return {
    type: 'message',
    ephemeral,
    embeds: [{
      title: c.name,
      description: `*Level ${c.level} ${c.race} ${cls}, ${c.background}*`,
      color: 0x2e86de,
      fields: [
        { name: 'Combat', value: `AC ${c.ac} · HP ${c.hp.max} · Speed ${c.speed} ft · Initiative ${signed(c.initiativeBonus)} · Proficiency +${c.proficiencyBonus}` },
        { name: 'Abilities', value: `STR ${a.str} DEX ${a.dex} CON ${a.con} INT ${a.int} WIS ${a.wis} CHA ${a.cha} (${value.generation.method})` },
        { name: 'Skills', value: cut(skills.join(', ') || 'none') },
        { name: 'Attacks', value: cut(c.attacks.map((x: any) => `${x.name} ${x.toHit === null ? '' : signed(x.toHit)} (${x.damage} ${x.damageType ?? ''})`).join('\n') || 'none') },
        ...(spells ? [{ name: 'Spells', value: cut(spells) }] : []),
        { name: 'Backstory', value: cut(value.backstory.text) },
      ],
      footer: value.savedAs ? { text: `Saved to the campaign (${value.savedAs})` } : undefined,
    }],
  };
}

function npcReply(value: any, ephemeral: boolean): Reply {
  const n = value.npc;
  const p = n.personality;
  return {
    type: 'message',
    ephemeral,
    embeds: [{
      title: n.name,
      description: cut(`*${n.race} ${n.role}, ${n.challenge ? `CR ${n.challenge}` : `level ${n.level}`} (${n.genre})*: ${n.appearance}.`, 4096),
      color: 0x8e44ad,
      fields: [
        { name: 'Personality', value: cut(`${p.traits.join('; ')}\n**Voice** ${p.voice} · **Mannerisms** ${p.mannerisms.join('; ')}\n**Ideal** ${p.ideal} · **Bond** ${p.bond} · **Flaw** ${p.flaw}`) },
        { name: 'Wants', value: cut(n.motivation) },
        { name: 'Hook', value: cut(n.hook) },
        // The secret is the GM's: shown only in the GM's private reply.
        ...(ephemeral ? [{ name: 'Secret (GM)', value: cut(n.secret) }] : []),
        { name: 'Stats', value: `AC ${n.stats.ac} · HP ${n.stats.hp} · Speed ${n.stats.speed} ft · Attack ${signed(n.stats.attack.toHit)} · Save DC ${n.stats.attack.saveDc}` },
        { name: 'Sheet', value: cut(Object.entries(n.sheet.attributes).map(([k, v]) => `${k} ${v}`).join(' · ')), inline: true },
        { name: 'Gear', value: cut(n.sheet.gear.join(', ')), inline: true },
        { name: 'Backstory', value: cut(n.backstory) },
      ],
      footer: value.savedAs ? { text: `Saved to the campaign (${value.savedAs})` } : undefined,
    }],
  };
}

function encounterReply(e: any, ephemeral: boolean): Reply {
  const t = e.thresholds;
  return {
    type: 'message',
    ephemeral,
    embeds: [{
      title: `⚔️ ${e.difficulty[0].toUpperCase()}${e.difficulty.slice(1)} encounter${e.environment ? ` (${e.environment})` : ''}`,
      description: cut(e.monsters.map((m: any) => `**${m.count} × ${m.name}** · CR ${m.challenge} · ${m.xp} XP each · AC ${m.ac} · HP ${m.hp} · ${m.source}`).join('\n'), 4096),
      color: 0xc0392b,
      fields: [
        { name: 'XP', value: `${e.xpTotal} × ${e.multiplier} = **${e.xpAdjusted}** adjusted${e.aboveDeadly ? ` (${e.aboveDeadly.percent}% above deadly)` : ''}` },
        { name: 'Party thresholds', value: `Easy ${t.easy} · Medium ${t.medium} · Hard ${t.hard} · Deadly ${t.deadly}` },
        ...(e.notes.length ? [{ name: 'Notes', value: cut(e.notes.join('\n')) }] : []),
        ...(e.added ? [{ name: 'Initiative', value: cut(`Added ${e.added.length} combatants: ${e.added.map((c: any) => `${c.name} (${c.initiative})`).join(', ')}`) }] : []),
      ],
    }],
  };
}

export const generateHandlers: Record<string, Handler> = {
  'generate character': (ctx) => withTool(ctx, 'generate_character', inputFrom(ctx.ix.options, CHARACTER), (v) => characterReply(v, false)),
  // The GM rolls up NPCs and fights before the players meet them: only the GM sees those.
  'generate npc': (ctx) => withTool(ctx, 'generate_npc', inputFrom(ctx.ix.options, NPC), (v) => npcReply(v, ctx.isGm)),
  'generate encounter': async (ctx) => {
    const party = String(ctx.ix.options.party ?? '').split(/[\s,;]+/).filter(Boolean);
    if (!party.length || party.some((l) => !/^\d{1,2}$/.test(l))) return errorReply('party: expected character levels separated by commas, e.g. 5,5,5,4');
    return withTool(ctx, 'generate_encounter', { ...inputFrom(ctx.ix.options, ENCOUNTER), partyLevels: party.map(Number) }, (v) => encounterReply(v, ctx.isGm));
  },
};
