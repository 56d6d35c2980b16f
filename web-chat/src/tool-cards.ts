import { h } from './dom.js';
import type { DiceRoll, EncounterView, SearchHit, ToolCallRecord } from './types.js';

/**
 * A tool call the game master made, drawn as a card a player can read: the dice with each die kept
 * or dropped and the total, the book and page a rule came from, the initiative order. The card is
 * created when the call starts and filled in when its result arrives.
 */
export function pendingToolCard(call: Pick<ToolCallRecord, 'callId' | 'name' | 'input'>): HTMLElement {
  return h('div', { class: `tool-card pending tool-${call.name}`, 'data-call-id': call.callId, 'data-tool': call.name, role: 'group', 'aria-label': `${label(call.name)}, running` }, h('div', { class: 'card-title' }, label(call.name)), h('div', { class: 'card-body hint' }, describeInput(call.input)));
}

/** Replaces a pending card's content with the result (or the error). */
export function fillToolCard(card: HTMLElement, call: Pick<ToolCallRecord, 'name' | 'ok' | 'result' | 'summary'>): void {
  card.classList.remove('pending');
  card.setAttribute('aria-label', label(call.name));
  const body = !call.ok ? errorBody(call) : call.name === 'roll_dice' ? diceBody(call.result) : call.name === 'search' ? citationBody(call.result) : hasEncounter(call.result) ? initiativeBody(call.result.encounter) : null;
  card.classList.toggle('failed', !call.ok);
  card.replaceChildren(h('div', { class: 'card-title' }, label(call.name)), body ?? h('div', { class: 'card-body' }, call.summary));
}

export function completeToolCard(call: ToolCallRecord): HTMLElement {
  const card = pendingToolCard(call);
  fillToolCard(card, call);
  return card;
}

const labels: Record<string, string> = { roll_dice: '🎲 Dice roll', search: '📖 Rules', roll_initiative: '⚔️ Initiative', add_combatants: '⚔️ Initiative', set_initiative: '⚔️ Initiative', next_turn: '⚔️ Turn', previous_turn: '⚔️ Turn', generate_npc: '🧑 NPC' };
const label = (name: string) => labels[name] ?? `🔧 ${name.replace(/_/g, ' ')}`;

function describeInput(input: unknown): string {
  if (!input || typeof input !== 'object') return 'Working…';
  const i = input as Record<string, unknown>;
  if (typeof i.expression === 'string') return `Rolling ${i.expression}…`;
  if (typeof i.query === 'string') return `Looking up “${i.query}”…`;
  return 'Working…';
}

function errorBody(call: { summary: string; result: unknown }): HTMLElement {
  const message = (call.result as { message?: string } | null)?.message ?? call.summary;
  return h('div', { class: 'card-body error' }, `Failed: ${message}`);
}

function diceBody(result: unknown): HTMLElement | null {
  const r = result as { rolls?: DiceRoll[]; total?: number } | null;
  if (!r?.rolls?.length) return null;
  return h(
    'div',
    { class: 'card-body' },
    ...r.rolls.map((roll) =>
      h(
        'div',
        { class: 'dice-roll', 'data-total': roll.total },
        h('div', { class: 'dice-head' }, h('span', { class: 'notation mono' }, roll.notation), roll.label ? h('span', { class: 'hint' }, ` ${roll.label}`) : null, roll.rollMode !== 'normal' ? h('span', { class: 'badge' }, roll.rollMode) : null),
        h(
          'div',
          { class: 'dice', 'aria-label': `Dice: ${roll.breakdown}` },
          ...roll.terms.flatMap((term) =>
            term.dice.map((die) =>
              h(
                'span',
                { class: `die ${die.kept ? 'kept' : 'dropped'}${die.critical ? ` crit-${die.critical}` : ''}`, title: `d${term.sides}: ${die.value}${die.kept ? '' : ' (dropped)'}${die.exploded ? ' (exploded)' : ''}`, 'data-kept': String(die.kept) },
                String(die.value),
              ),
            ),
          ),
        ),
        h('div', { class: 'breakdown mono small' }, roll.breakdown),
        h('div', { class: 'total' }, 'Total ', h('strong', { class: 'dice-total' }, String(roll.total)), roll.natural20 ? h('span', { class: 'badge crit' }, 'natural 20') : null, roll.natural1 ? h('span', { class: 'badge fumble' }, 'natural 1') : null),
      ),
    ),
    r.rolls.length > 1 ? h('div', { class: 'total' }, 'All rolls ', h('strong', {}, String(r.total))) : null,
  );
}

function citationBody(result: unknown): HTMLElement | null {
  const hits = (result as { results?: SearchHit[] } | null)?.results;
  if (!hits) return null;
  if (!hits.length) return h('div', { class: 'card-body hint' }, 'Nothing found in your books.');
  return h(
    'ul',
    { class: 'card-body citations plain' },
    ...hits.slice(0, 3).map((hit) =>
      h(
        'li',
        { class: 'citation' },
        h('cite', {}, h('span', { class: 'book' }, hit.source.name), ', ', h('span', { class: 'page' }, hit.pageEnd > hit.page ? `pp. ${hit.page}–${hit.pageEnd}` : `p. ${hit.page}`)),
        hit.section ? h('div', { class: 'hint small' }, hit.section) : null,
        h('blockquote', {}, excerpt(hit.text)),
      ),
    ),
  );
}

const excerpt = (text: string) => (text.length > 240 ? `${text.slice(0, 237).trimEnd()}…` : text);

const hasEncounter = (result: unknown): result is { encounter: EncounterView } => !!result && typeof result === 'object' && 'encounter' in result && !!(result as { encounter?: unknown }).encounter;

function initiativeBody(encounter: EncounterView): HTMLElement {
  const ordered = encounter.combatants;
  return h(
    'div',
    { class: 'card-body' },
    h('div', { class: 'hint' }, encounter.round > 0 ? `Round ${encounter.round}` : 'Before combat'),
    h(
      'ol',
      { class: 'initiative' },
      ...ordered.map((c) => h('li', { class: c.id === encounter.currentId ? 'current' : '', 'aria-current': c.id === encounter.currentId ? 'true' : null }, h('span', { class: 'init' }, c.initiative === null ? '–' : String(c.initiative)), ' ', c.name)),
    ),
  );
}
