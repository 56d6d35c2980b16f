import type { DiceRoll, ToolRegistry } from '../../../core/index.js';
import type { CommandContext, Handler } from '../command-context.js';
import { rollAgainButton, rollEmbed } from '../embeds.js';
import type { Reply } from '../interaction.js';
import { optionsFrom, OptionType, type SlashOption } from '../slash-options.js';

export function rollCommand(registry: ToolRegistry): SlashOption & { description: string } {
  return {
    type: 1,
    name: 'roll',
    description: 'Roll dice: 1d20+5, 4d6kh3, 1d20+5 adv # stealth, 8d6!, 3x 1d20+2',
    options: [
      ...optionsFrom(registry.get('roll_dice')!.input, ['expression', 'secret'], {
        expression: { description: 'Dice to roll, e.g. 1d20+5 adv # stealth, 4d6kh3, 2d6+3; 1d8' },
        secret: { description: 'Only you and the GM see the result' },
      }),
      { type: OptionType.Boolean, name: 'crit', description: "Critical-hit damage, by this server's crit rule (/campaign critrule)" },
    ],
  };
}

async function roll(ctx: CommandContext, expression: string, secret: boolean, crit = false): Promise<Reply> {
  const result = await ctx.call('roll_dice', { expression, secret, ...(crit ? { critical: ctx.guild.critRule } : {}) });
  if (!result.ok) return { type: 'message', ephemeral: true, content: `❌ ${result.error.message}` };
  const rolls = result.value.rolls as DiceRoll[];
  const embed = rollEmbed(rolls, ctx.ix.user.name, secret);
  if (secret && ctx.guild.gmChannelId) await ctx.post(ctx.guild.gmChannelId, { embeds: [embed], allowed_mentions: { parse: [] } });
  return {
    type: 'message',
    ephemeral: secret,
    content: secret ? (ctx.guild.gmChannelId ? 'Sent to the GM.' : 'Secret roll: the GM sees it in the hub.') : undefined,
    embeds: [embed],
    components: secret ? [] : rollAgainButton(expression),
  };
}

export const rollHandlers: Record<string, Handler> = {
  roll: (ctx) => roll(ctx, String(ctx.ix.options.expression), ctx.ix.options.secret === true, ctx.ix.options.crit === true),
};

/** Buttons carry their action in the custom id: "roll:<expression>". */
export const rollAgain: Handler = (ctx) => roll(ctx, ctx.ix.path.slice('roll:'.length), false);
