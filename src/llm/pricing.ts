import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** One model's price in US dollars per million tokens, and its context window. */
export const ModelPriceSchema = z.strictObject({
  input: z.number().min(0).describe('USD per million input tokens'),
  output: z.number().min(0).describe('USD per million output tokens'),
  contextWindow: z.number().int().min(512).optional().describe('Tokens the model reads at most'),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

/** `config/pricing.yaml`: `models:` keyed by model name, `provider/model`, or a prefix ending in `*`. */
export const PricingTableSchema = z.strictObject({ models: z.record(z.string().min(1), ModelPriceSchema).default({}) });
export type PricingTable = z.infer<typeof PricingTableSchema>;

/** Reads the pricing file; a broken file is a configuration error naming the file and the key. */
export function loadPricing(file: string | undefined): PricingTable {
  if (!file || !existsSync(file)) return { models: {} };
  const parsed = PricingTableSchema.safeParse(parseYaml(readFileSync(file, 'utf8')) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Pricing file ${file} is invalid at ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The most specific entry: `provider/model`, `model`, then the longest matching `prefix*`. */
export function findPrice(table: PricingTable, provider: string, model: string): ModelPrice | null {
  const m = table.models;
  const exact = m[`${provider}/${model}`] ?? m[model];
  if (exact) return exact;
  let best: { len: number; price: ModelPrice } | null = null;
  for (const [key, price] of Object.entries(m)) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    const subject = prefix.includes('/') ? `${provider}/${model}` : model;
    if (subject.startsWith(prefix) && (!best || prefix.length > best.len)) best = { len: prefix.length, price };
  }
  return best?.price ?? null;
}

/** Cost in USD, rounded to a millionth of a dollar; null when the model has no price. */
export function costOf(price: ModelPrice | null, usage: { inputTokens: number; outputTokens: number }): number | null {
  if (!price) return null;
  return Math.round(((usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000) * 1e6) / 1e6;
}
