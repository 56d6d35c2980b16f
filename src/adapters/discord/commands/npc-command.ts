import type { ToolRegistry } from '../../../core/index.js';
import type { Handler } from '../command-context.js';
import { errorReply } from '../embeds.js';
import { inputFrom, optionsFrom } from '../slash-options.js';

const FIELDS = ['role', 'race', 'level', 'save'];

export function npcCommand(registry: ToolRegistry) {
  return {
    name: 'npc',
    description: 'Generate an NPC (name, look, personality, hook, stat block)',
    options: optionsFrom(registry.get('generate_npc')!.input, FIELDS, { save: { description: 'GM: keep it in the campaign' } }),
  };
}

const mod = (score: number) => {
  const m = Math.floor((score - 10) / 2);
  return `${score} (${m >= 0 ? '+' : ''}${m})`;
};

export const npcHandlers: Record<string, Handler> = {
  npc: async (ctx) => {
    const result = await ctx.call('generate_npc', inputFrom(ctx.ix.options, FIELDS));
    if (!result.ok) return errorReply(result.error);
    const { npc, savedAs } = result.value;
    const a = npc.stats.abilities;
    return {
      type: 'message',
      // The GM rolls up NPCs before players meet them: only the GM sees it unless it is shared.
      ephemeral: ctx.isGm,
      embeds: [
        {
          title: `${npc.name}`,
          description: `*${npc.race} ${npc.role}, level ${npc.level}*: ${npc.appearance}.`,
          color: 0x8e44ad,
          fields: [
            { name: 'Personality', value: `${npc.personality.traits.join('; ')}\n**Ideal** ${npc.personality.ideal} · **Bond** ${npc.personality.bond} · **Flaw** ${npc.personality.flaw}`.slice(0, 1024) },
            { name: 'Hook', value: npc.hook },
            { name: 'Stats', value: `AC ${npc.stats.ac} · HP ${npc.stats.hp} · Speed ${npc.stats.speed} ft\nSTR ${mod(a.str)} DEX ${mod(a.dex)} CON ${mod(a.con)} INT ${mod(a.int)} WIS ${mod(a.wis)} CHA ${mod(a.cha)}` },
            { name: 'Skills', value: Object.entries(npc.stats.skills).map(([k, v]) => `${k} +${v}`).join(', ') || 'none', inline: true },
            { name: 'Gear', value: npc.stats.gear.join(', '), inline: true },
          ],
          footer: savedAs ? { text: `Saved to the campaign (${savedAs})` } : undefined,
        },
      ],
    };
  },
};
