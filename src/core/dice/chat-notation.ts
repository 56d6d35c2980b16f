import { fail, ok, type Result } from '../result.js';
import type { DiceLimits } from './dice-schemas.js';

/** What a player typed, separated into the library's notation and the table conventions around it. */
export interface ChatRoll {
  /** The text of this one roll as typed. */
  expression: string;
  /** Notation for @dice-roller/rpg-dice-roller. */
  notation: string;
  label: string | null;
  rollMode: 'normal' | 'advantage' | 'disadvantage';
  critRange: number;
}

const ADVANTAGE = new Set(['adv', 'advantage']);
const DISADVANTAGE = new Set(['dis', 'disadv', 'disadvantage']);
const CRIT = /^crit(?:=|:)?(\d{1,2})$/i;
// Words that belong to the notation even though they are letters (math functions of the library).
const NOTATION_WORDS = /^(abs|ceil|cos|exp|floor|log|max|min|pow|round|sign|sin|sqrt|tan)\(/i;
const REPEAT = /^(\d{1,4})\s*x\s+(.+)$/i;

/**
 * Splits a request into its rolls: `1d20+5; 2d6` is two rolls, `3x 1d20+5` is three.
 * The whole request is checked against the length limit before anything else.
 */
export function splitRolls(text: string, limits: DiceLimits): Result<string[]> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return fail('VALIDATION', 'The dice expression is empty: expected something like "1d20+5"', { field: 'expression' });
  if (trimmed.length > limits.maxExpressionLength) {
    return fail('LIMIT', `The dice expression is ${trimmed.length} characters long: the limit is ${limits.maxExpressionLength}`, {
      field: 'expression',
    });
  }
  const rolls: string[] = [];
  for (const part of trimmed.split(';').map((p) => p.trim()).filter(Boolean)) {
    const repeat = REPEAT.exec(part);
    const count = repeat ? Number(repeat[1]) : 1;
    if (count < 1) return fail('VALIDATION', `"${part}" repeats a roll ${count} times: expected at least 1`, { field: 'expression' });
    if (rolls.length + count > limits.maxRolls) {
      return fail('LIMIT', `That is more than ${limits.maxRolls} rolls in one request: split it up`, { field: 'expression' });
    }
    for (let i = 0; i < count; i++) rolls.push(repeat ? repeat[2]!.trim() : part);
  }
  if (rolls.length === 0) return fail('VALIDATION', 'The dice expression is empty: expected something like "1d20+5"', { field: 'expression' });
  return ok(rolls);
}

/**
 * Reads one roll as players type it in chat: the library's notation plus `adv`/`dis`,
 * a crit range (`crit19`), and a label after `#` or as trailing words (`1d20+5 stealth`).
 */
export function parseChatRoll(expression: string): Result<ChatRoll> {
  let body = expression.trim();
  let label: string | null = null;
  const hash = body.indexOf('#');
  if (hash >= 0) {
    label = body.slice(hash + 1).trim() || null;
    body = body.slice(0, hash).trim();
  }

  let rollMode: ChatRoll['rollMode'] = 'normal';
  let critRange = 20;
  const kept: string[] = [];
  for (const token of body.split(/\s+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    const crit = CRIT.exec(token);
    if (ADVANTAGE.has(lower) || DISADVANTAGE.has(lower)) {
      const mode = ADVANTAGE.has(lower) ? 'advantage' : 'disadvantage';
      if (rollMode !== 'normal' && rollMode !== mode) {
        return fail('DICE_NOTATION', 'A roll cannot have both advantage and disadvantage: they cancel, so leave both out', {
          field: 'expression',
        });
      }
      rollMode = mode;
    } else if (crit) {
      critRange = Number(crit[1]);
      if (critRange < 2 || critRange > 20) {
        return fail('DICE_NOTATION', `Crit range "${token}" is out of range: expected crit2 to crit20`, { field: 'expression' });
      }
    } else {
      kept.push(token);
    }
  }

  // Trailing plain words are a label ("1d20+5 stealth check"), unless they read as notation.
  const labelWords: string[] = [];
  while (kept.length > 0 && isLabelWord(kept[kept.length - 1]!)) labelWords.unshift(kept.pop()!);
  if (labelWords.length > 0) label = [labelWords.join(' '), label].filter(Boolean).join(' ');

  let notation = normaliseCase(kept.join(''));
  if (notation === '' && rollMode !== 'normal') notation = 'd20';
  if (notation === '') {
    return fail('DICE_NOTATION', `"${expression.trim()}" has no dice in it: expected something like "1d20+5"`, { field: 'expression' });
  }
  if (rollMode !== 'normal') {
    const keep = rollMode === 'advantage' ? 'kh1' : 'kl1';
    const withMode = notation.replace(/(^|[^\d.)])1?d20(?![\d%F]|[!krdmcsu<>=])/, `$12d20${keep}`);
    if (withMode === notation) {
      return fail('DICE_NOTATION', `${rollMode === 'advantage' ? 'Advantage' : 'Disadvantage'} needs a plain d20 to double, and "${notation}" has none`, {
        field: 'expression',
      });
    }
    notation = withMode;
  }
  return ok({ expression: expression.trim(), notation, label, rollMode, critRange });
}

function isLabelWord(token: string): boolean {
  if (!/^[a-z][a-z'’-]*$/i.test(token)) return false;
  if (/^d(\d|%|f)/i.test(token) || NOTATION_WORDS.test(token)) return false;
  return true;
}

/** The library wants a lowercase `d` and an uppercase `F`; players type either. */
function normaliseCase(notation: string): string {
  return notation.replace(/D(?=\d|%|F|f)/g, 'd').replace(/d[fF]/g, 'dF');
}

/** House rules for critical-hit damage. */
export const CritRules = ['double-dice', 'max-plus-roll', 'double-total'] as const;
export type CritRule = (typeof CritRules)[number];

/**
 * Rewrites a damage roll as a critical hit: "double-dice" rolls each die twice (2d6+3 -> 4d6+3, the
 * 5e rule), "max-plus-roll" adds the dice's maximum to a normal roll (2d6+3 -> 12+2d6+3), and
 * "double-total" doubles the whole result.
 */
export function criticalNotation(notation: string, rule: CritRule): Result<string> {
  const dice = /(^|[^\d.a-z])(\d*)d(\d+)/gi;
  if (!dice.test(notation)) return fail('DICE_NOTATION', `"${notation}" has no dice to double for a critical hit`, { field: 'expression' });
  if (rule === 'double-total') return ok(`(${notation})*2`);
  return ok(
    notation.replace(dice, (_m, before: string, count: string, sides: string) => {
      const n = count === '' ? 1 : Number(count);
      return rule === 'double-dice' ? `${before}${n * 2}d${sides}` : `${before}${n * Number(sides)}+${n}d${sides}`;
    }),
  );
}
