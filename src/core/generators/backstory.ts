import type { Actor } from '../access/actor.js';
import type { Random } from '../ports/random.js';
import { pick } from './names.js';

/**
 * Writes a backstory from a prompt: the AI game master when a provider is configured. It may be
 * slow or fail; callers fall back to templates, so a generator never depends on a model.
 */
export type BackstoryWriter = (prompt: string, signal: AbortSignal, actor?: Actor) => Promise<string>;

export interface WrittenBackstory {
  text: string;
  source: 'writer' | 'template';
}

/** Asks the writer, falling back to the template when there is none, it fails or it answers nothing. */
export async function writeOrTemplate(writer: BackstoryWriter | null, prompt: string, signal: AbortSignal, template: () => string, actor?: Actor): Promise<WrittenBackstory> {
  if (writer) {
    try {
      const text = (await writer(prompt, signal, actor)).trim();
      if (text) return { text: text.slice(0, 4000), source: 'writer' };
    } catch {
      // A provider outage must not cost the GM the character: the template still reads well.
    }
  }
  return { text: template(), source: 'template' };
}

/** Fills `{slot}` markers from the values; unknown slots stay visible so a table bug shows in tests. */
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/**
 * Joins sentences drawn from several pools, each pool once, in order: with five to eight variants per
 * pool the combinations run into the tens of thousands, so two backstories rarely read alike.
 */
export function compose(random: Random, pools: readonly (readonly string[])[], values: Record<string, string>): string {
  return pools.map((pool) => fill(pick(random, pool), values)).join(' ');
}
