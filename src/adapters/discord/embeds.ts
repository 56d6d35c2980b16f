import type { CombatantView, DiceRoll, EncounterView, HubError } from '../../core/index.js';
import type { ActionRow, Embed, Reply } from './interaction.js';

const GREEN = 0x2ecc71;
const RED = 0xe74c3c;
const BLUE = 0x5865f2;
const GREY = 0x95a5a6;

/** Dice as a player reads them: kept dice plain, dropped ones struck through, natural 20/1 in bold. */
export function diceLine(roll: DiceRoll): string {
  const terms = roll.terms.map((t) => {
    const dice = t.dice.map((d) => {
      const face = `${d.value}${d.exploded ? '!' : ''}${d.rerolled ? 'r' : ''}`;
      if (!d.kept) return `~~${face}~~`;
      return t.sides === 20 && (d.value === 20 || d.value === 1) ? `**${face}**` : face;
    });
    return `${t.notation} [${dice.join(', ')}]`;
  });
  return terms.join(' · ');
}

export function rollEmbed(rolls: DiceRoll[], roller: string, secret: boolean): Embed {
  const first = rolls[0]!;
  const crit = rolls.some((r) => r.critical);
  const fumble = rolls.some((r) => r.natural1 && !r.critical);
  const fields = rolls.map((r) => ({
    name: `${r.label ? `${r.label}: ` : ''}${r.notation}`.slice(0, 256),
    value: `${diceLine(r)}\n**${r.total}**${r.natural20 ? ' · Natural 20!' : r.critical ? ' · Critical!' : ''}${r.natural1 ? ' · Natural 1' : ''}`.slice(0, 1024),
  }));
  return {
    title: `${secret ? '🤫 ' : '🎲 '}${rolls.length === 1 ? `${first.label ?? first.expression}: ${first.total}` : `${rolls.length} rolls, total ${rolls.reduce((s, r) => s + r.total, 0)}`}`.slice(0, 256),
    color: crit ? GREEN : fumble ? RED : BLUE,
    fields: fields.slice(0, 25),
    footer: { text: `${roller}${secret ? ' · secret roll' : ''}` },
  };
}

/** The initiative list with the current turn marked, and the buttons a GM presses most. */
export function encounterEmbed(enc: EncounterView, title = 'Initiative'): Embed {
  const lines = enc.combatants.map((c) => {
    const hp = c.hp ? ` · ${c.hp.current}/${c.hp.max}${c.hp.temp ? `+${c.hp.temp}` : ''} HP` : c.health ? ` · ${c.health}` : '';
    const conditions = c.conditions.length ? ` · ${c.conditions.map((k) => (k.remainingRounds ? `${k.name} (${k.remainingRounds})` : k.name)).join(', ')}` : '';
    const marker = c.id === enc.currentId ? '▶' : '　';
    return `${marker} \`${String(c.initiative ?? '?').padStart(2)}\` ${c.id === enc.currentId ? `**${c.name}**` : c.name}${c.hidden ? ' *(hidden)*' : ''}${hp}${conditions}`;
  });
  return {
    title: enc.round > 0 ? `${title}: round ${enc.round}` : title,
    description: lines.length ? lines.join('\n').slice(0, 4096) : 'Nobody has joined yet: `/init join` or `/init add`.',
    color: GREY,
  };
}

export const turnButtons = (): ActionRow => ({
  type: 1,
  components: [
    { type: 2, style: 2, label: 'Previous', custom_id: 'init:prev' },
    { type: 2, style: 1, label: 'Next turn', custom_id: 'init:next' },
  ],
});

/** A "roll again" button; Discord limits a custom id to 100 characters, so long expressions get none. */
export function rollAgainButton(expression: string): ActionRow[] {
  const id = `roll:${expression}`;
  return id.length > 100 ? [] : [{ type: 1, components: [{ type: 2, style: 2, label: 'Roll again', custom_id: id }] }];
}

/** Errors are short, private, and say how to fix the input. */
export function errorReply(error: HubError | string): Reply {
  const message = typeof error === 'string' ? error : error.message;
  return { type: 'message', ephemeral: true, content: `❌ ${message}`.slice(0, 2000) };
}

/** Mentions the Discord users whose characters are up now and next. */
export function turnAnnouncement(enc: EncounterView): string | undefined {
  const i = enc.combatants.findIndex((c) => c.id === enc.currentId);
  if (i < 0) return undefined;
  const who = (c: CombatantView) => (c.ownerId?.startsWith('discord:') ? `<@${c.ownerId.slice(8)}> (${c.name})` : `**${c.name}**`);
  const next = enc.combatants[(i + 1) % enc.combatants.length]!;
  return `Round ${enc.round}: ${who(enc.combatants[i]!)} is up. Next: ${who(next)}.`;
}

