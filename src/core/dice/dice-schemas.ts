import { z } from 'zod';

/** One die as it landed: its face, whether it counts, and what the modifiers did to it. */
export const DieSchema = z.object({
  value: z.number().describe('The face shown (after a re-roll, the new face)'),
  kept: z.boolean().describe('false when dropped (kh/kl/dh/dl) or otherwise excluded from the total'),
  exploded: z.boolean(),
  rerolled: z.boolean(),
  critical: z.enum(['success', 'failure']).nullable().describe('set by cs/cf modifiers or the crit range'),
});
export type Die = z.infer<typeof DieSchema>;

/** A group of identical dice in the expression, e.g. the `2d20kh1` of `2d20kh1+5`. */
export const DiceTermSchema = z.object({
  notation: z.string(),
  sides: z.union([z.number(), z.literal('%'), z.literal('F')]),
  dice: z.array(DieSchema).describe('The dice as they landed; a very wide roll lists only its first dice'),
  omittedDice: z.number().int().optional().describe('Dice rolled but not listed, to keep a stored roll small'),
  subtotal: z.number(),
});
export type DiceTerm = z.infer<typeof DiceTermSchema>;

/** The complete, explainable result of one dice expression. */
export const DiceRollSchema = z.object({
  id: z.string(),
  expression: z.string().describe('What was typed, e.g. "1d20+5 adv # stealth"'),
  notation: z.string().describe('The normalised notation that was rolled, e.g. "2d20kh1+5"'),
  label: z.string().nullable(),
  total: z.number(),
  breakdown: z.string().describe('Human-readable working, e.g. "2d20kh1+5: [11d, 14]+5 = 19"'),
  terms: z.array(DiceTermSchema),
  natural20: z.boolean().describe('A kept d20 shows 20'),
  natural1: z.boolean().describe('A kept d20 shows 1'),
  critical: z.boolean().describe('A kept d20 is within the crit range (20 unless critN is given)'),
  critRange: z.number().int(),
  rollMode: z.enum(['normal', 'advantage', 'disadvantage']),
  min: z.number().nullable().describe('null when it cannot be bounded cheaply (dice that re-roll or explode on low faces)'),
  max: z.number().nullable().describe('null when dice explode: there is no upper bound'),
});
export type DiceRoll = z.infer<typeof DiceRollSchema>;

/** Abuse limits. A request over any of them gets a LIMIT error naming the limit. */
export const DiceLimitsSchema = z.object({
  maxExpressionLength: z.number().int().min(10).max(10_000).default(200),
  maxDice: z.number().int().min(1).max(100_000).default(1000).describe('Dice per expression, before explosions'),
  maxSides: z.number().int().min(2).max(1_000_000).default(1000),
  maxRolls: z.number().int().min(1).max(1000).default(20).describe('Expressions per request (;-separated or Nx repeats)'),
  maxRolledDice: z.number().int().min(1).max(1_000_000).default(10_000).describe('Dice rolled per request, counting re-rolls and explosions'),
  maxRollMs: z.number().int().min(1).max(10_000).default(1000).describe('Time one request may spend rolling, in milliseconds: a backstop behind maxRolledDice'),
  maxBreakdownLength: z.number().int().min(100).max(1_000_000).default(2000).describe('Characters of working kept per roll'),
  maxListedDice: z.number().int().min(1).max(100_000).default(200).describe('Dice listed one by one per roll'),
});
export type DiceLimits = z.infer<typeof DiceLimitsSchema>;
