import { randomBytes } from 'node:crypto';
import type { ToolRegistry } from '../../../core/index.js';
import type { CommandContext, Handler } from '../command-context.js';
import { errorReply } from '../embeds.js';
import type { Reply } from '../interaction.js';
import { inputFrom, optionsFrom } from '../slash-options.js';

const FIELDS = ['query', 'book', 'contentType'];
const PER_PAGE = 3;
const RESULTS = 12;

interface Hit {
  text: string;
  source: { name: string };
  page: number;
  pages?: string;
  section: string;
  contentType: string;
  score: number;
}

export function rulesCommand(registry: ToolRegistry) {
  return {
    name: 'rules',
    description: 'Search your rulebooks: passage, book and page',
    options: optionsFrom(registry.get('search')!.input, FIELDS, {
      query: { description: 'The rules question, e.g. "grapple rules" or "AoO when teleporting"' },
      book: { description: 'Only this book', autocomplete: true },
      contentType: { description: 'Only spells, stat blocks, tables, ...' },
    }),
  };
}

type Remembered = { at: number; hits: Hit[]; query: string; note: string | null; searched: string; confidence?: string };

/**
 * /rules and its page buttons. Searches are kept for an hour (per router, in memory) so the buttons,
 * whose ids hold at most 100 characters, can find them again; after a restart they ask to search again.
 */
export function createRulesHandlers(): { handlers: Record<string, Handler>; pageButton: Handler } {
  const searches = new Map<string, Remembered>();
  const remember = (entry: Omit<Remembered, 'at'>) => {
    const id = randomBytes(6).toString('base64url');
    searches.set(id, { ...entry, at: Date.now() });
    for (const [key, value] of searches) if (Date.now() - value.at > 3_600_000 || searches.size > 500) searches.delete(key);
    return id;
  };

  function page(id: string, n: number, update: boolean): Reply {
    const found = searches.get(id);
    if (!found) return errorReply('This search has expired: run `/rules` again.');
    const pages = Math.max(1, Math.ceil(found.hits.length / PER_PAGE));
    const shown = found.hits.slice(n * PER_PAGE, (n + 1) * PER_PAGE);
    const description =
      shown.length === 0
        ? `No passage in your books answers this.${found.note ? `\n${found.note}` : ''}`
        : // A weak or absent answer says so before the nearest passages, in the search's own words.
          `${found.confidence && found.confidence !== 'strong' && found.note ? `*${found.note}*\n\n` : ''}` +
          shown.map((h) => `**${h.source.name}, ${h.pages?.includes('-') ? 'pp.' : 'p.'} ${h.pages ?? h.page}** · ${h.section} *(${h.contentType})*\n${h.text.replace(/\s+/g, ' ').slice(0, 580)}`).join('\n\n');
    const buttons = [
      { type: 2 as const, style: 2, label: '◀', custom_id: `rules:${id}:${n - 1}`, disabled: n === 0 },
      { type: 2 as const, style: 2, label: '▶', custom_id: `rules:${id}:${n + 1}`, disabled: n + 1 >= pages },
    ];
    return {
      type: 'message',
      update,
      embeds: [
        {
          title: `📖 ${found.query}`.slice(0, 256),
          description: description.slice(0, 4000),
          color: 0x3498db,
          footer: { text: `${found.searched !== found.query ? `searched for: ${found.searched} · ` : ''}page ${n + 1}/${pages}` },
        },
      ],
      components: pages > 1 ? [{ type: 1, components: buttons }] : [],
    };
  }

  return {
    handlers: {
      rules: async (ctx) => {
        const input = inputFrom(ctx.ix.options, FIELDS);
        const result = await ctx.call('search', { ...input, maxResults: RESULTS });
        if (!result.ok) return errorReply(result.error);
        const { results, query, note, confidence } = result.value as { results: Hit[]; query: { text: string }; note: string | null; confidence: string };
        return page(remember({ hits: results, query: String(input.query), note, searched: query.text, confidence }), 0, false);
      },
    },
    // The ◀ ▶ buttons: "rules:<search id>:<page>".
    pageButton: async (ctx) => {
      const [, id, n] = ctx.ix.path.split(':');
      return page(id ?? '', Math.max(0, Number(n) || 0), true);
    },
  };
}

/** Book names for the book option, from the caller's view of the library. */
export async function bookChoices(ctx: CommandContext): Promise<Reply> {
  const result = await ctx.call('list_sources', {});
  const typed = String(ctx.ix.options.book ?? '').toLowerCase();
  const sources = result.ok ? (result.value.sources as { name: string; system: string }[]) : [];
  return { type: 'choices', choices: sources.filter((s) => s.name.toLowerCase().includes(typed)).map((s) => ({ name: `${s.name} (${s.system})`.slice(0, 100), value: s.name })) };
}
