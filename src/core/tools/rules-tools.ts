import { z } from 'zod';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok, type Result } from '../result.js';
import type { RulesLibrary } from '../rules/rules-library.js';
import { ConfidenceSchema, ContentTypeSchema, IngestStatusSchema, PersonalityProfileSchema, SearchHitSchema, SearchModeSchema, SourceSchema, SourceTypeSchema } from '../rules/rules-schemas.js';
import { campaignIdField } from './fields.js';

/**
 * The rules library: the hub's books, shared by every campaign (one copy of a rulebook serves all
 * tables). Only the hub owner adds or removes books, because add_source reads files on the hub's
 * machine; anyone with at least the player role searches, and only GMs see books marked GM-only.
 */

const library = (rules: RulesLibrary | null): Result<RulesLibrary> =>
  rules ? ok(rules) : fail('UNAVAILABLE', 'The rules library is not set up in this process (it needs a keyword index): run the hub with `ttrpg-hub start`');

const bookField = z.string().trim().min(1).max(120);

export const addSource = defineTool({
  name: 'add_source',
  title: 'Add a book to the rules library',
  description:
    'Add a PDF (rulebook or flavor source) to the rules library: its text, headings, tables, spells and stat blocks become searchable passages with book and page. ' +
    'The file must be in an allowed folder on the hub machine (rules.allowedFolders, or <dataDir>/books; a relative path is taken there). ' +
    'Adding the same file again changes nothing; a different file under an existing name replaces that book once it is fully read. ' +
    'Ingestion runs in the background with progress notifications; cancel the call to stop it. ' +
    'For very large books with a remote embedder, wait: false avoids client time-outs (which cancel the call).',
  input: z.object({
    path: z.string().trim().min(1).max(4096).describe('Path of the PDF on the hub machine'),
    name: bookField.describe('The book\'s name, e.g. "Player\'s Handbook"'),
    system: z.string().trim().min(1).max(80).describe('Game system, e.g. "D&D 5e", "Call of Cthulhu"'),
    sourceType: SourceTypeSchema.default('rulebook').describe('"rulebook" (rules) or "flavor" (novels, lore, adventures)'),
    gmOnly: z.boolean().default(false).describe('Only GMs find this book (adventures, secrets)'),
    wait: z.boolean().default(true).describe('Wait until the book is searchable; false returns at once (follow it with list_sources)'),
  }),
  output: z.object({ job: IngestStatusSchema, source: SourceSchema.nullable(), unchanged: z.boolean(), warnings: z.array(z.string()) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'owner',
  campaign: 'none',
  async run(input, ctx) {
    const lib = library(ctx.deps.rules);
    if (!lib.ok) return lib;
    const started = await lib.value.addSource(input, ctx.actor, (s) => ctx.progress({ progress: s.progress, total: 100, message: `${s.phase}: ${s.message}` }));
    if (!started.ok) return started;
    const { job, done } = started.value;
    if (!input.wait && job.phase !== 'unchanged') return ok({ job, source: null, unchanged: false, warnings: [] });
    // Cancelling the call (an MCP client's cancel, a closed connection) cancels the ingestion.
    const cancel = () => lib.value.cancel(job.jobId);
    ctx.signal.addEventListener('abort', cancel, { once: true });
    try {
      return await done;
    } finally {
      ctx.signal.removeEventListener('abort', cancel);
    }
  },
  format: ({ job, source, unchanged, warnings }) =>
    [
      unchanged ? job.message : source ? `Added "${source.name}" (${source.system}): ${source.chunks} passages from ${source.pages} pages` : `Ingestion of "${job.name}" queued (job ${job.jobId}): follow it with list_sources`,
      ...warnings.map((w) => `Note: ${w}`),
    ].join('\n'),
});

export const listSources = defineTool({
  name: 'list_sources',
  title: 'List the books in the rules library',
  description: 'List the books in the rules library (name, system, type, pages, passages), optionally of one system or type, and the ingestions in progress.',
  input: z.object({ system: z.string().trim().min(1).max(80).optional(), sourceType: SourceTypeSchema.optional() }),
  output: z.object({ sources: z.array(SourceSchema), ingesting: z.array(IngestStatusSchema) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'none',
  async run(input, { deps, role }) {
    const lib = library(deps.rules);
    if (!lib.ok) return lib;
    return ok(await lib.value.sources({ ...input, includeGmOnly: role === 'gm' }));
  },
  format: ({ sources, ingesting }) =>
    [
      ...(sources.length ? sources.map((s) => `${s.name} (${s.system}, ${s.sourceType}${s.gmOnly ? ', GM only' : ''}): ${s.pages} pages, ${s.chunks} passages, id ${s.id}`) : ['The library is empty: add a book with add_source']),
      ...ingesting.map((j) => `Ingesting "${j.name}": ${j.phase} ${j.progress}% (${j.message})`),
    ].join('\n'),
});

export const removeSource = defineTool({
  name: 'remove_source',
  title: 'Remove a book from the rules library',
  description: 'Remove a book (by id or name) with all its passages and vectors; an ingestion of it in progress is cancelled.',
  input: z.object({ source: bookField.describe('Book id or name (see list_sources)') }),
  output: z.object({ removed: SourceSchema.nullable(), cancelledJobs: z.number().int() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
  access: 'owner',
  campaign: 'none',
  async run(input, { deps }) {
    const lib = library(deps.rules);
    if (!lib.ok) return lib;
    return lib.value.remove(input.source);
  },
  format: ({ removed, cancelledJobs }) =>
    [removed ? `Removed "${removed.name}"` : null, cancelledJobs ? `Cancelled ${cancelledJobs} ingestion(s)` : null].filter(Boolean).join('; '),
});

export const search = defineTool({
  name: 'search',
  title: 'Search the rules library',
  description:
    'Search your books for a rules question, worded as players ask it ("my wizard is dragged underwater, how long can she hold her breath?"): ' +
    'keyword (BM25) and meaning-level vector search merged, table talk expanded, real typos corrected (and shown). ' +
    'Always returns maxResults passages, best first, each with book, pages, section title path and a 0-1 score of how much of the question it covers; ' +
    'confidence says "weak" when they answer only part of it and "not_found" when it is probably not in the books. ' +
    'Filter by book, system, source type or content type (spell, stat_block, item, table, rule, narrative); expand adds neighbouring passages and the whole section. ' +
    'Unknown arguments are refused; max_results is accepted for maxResults.',
  input: z.strictObject({
    query: z.string().trim().min(1).max(500),
    book: bookField.optional().describe('Only this book (id or name)'),
    system: z.string().trim().min(1).max(80).optional().describe('Only books of this system'),
    sourceType: SourceTypeSchema.optional(),
    contentType: ContentTypeSchema.optional(),
    maxResults: z.number().int().min(1).max(20).default(5).describe('Passages to return (always this many when the books have them)'),
    max_results: z.number().int().min(1).max(20).optional().describe('Alias of maxResults'),
    mode: SearchModeSchema.default('hybrid').describe('hybrid (default), keyword or vector'),
    expand: z.number().int().min(0).max(3).default(0).describe('Neighbouring passages to add on each side of a result, and the whole section'),
  }),
  output: z.object({
    results: z.array(SearchHitSchema),
    query: z.object({
      text: z.string().describe('The question as searched (jargon spelled out, typos corrected)'),
      expansions: z.array(z.object({ from: z.string(), to: z.string() })),
      corrections: z.array(z.object({ from: z.string(), to: z.string() })),
      unknown: z.array(z.string()).describe('Words no book contains'),
    }),
    mode: SearchModeSchema.describe('The mode used: hybrid falls back to keyword when vectors are unavailable'),
    confidence: ConfidenceSchema.describe('strong; weak (the passages answer only part of it); not_found (probably not in your books)'),
    note: z.string().nullable(),
    cached: z.boolean(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'none',
  async run(input, { deps, role, actor, byGameMaster }) {
    const lib = library(deps.rules);
    if (!lib.ok) return lib;
    return lib.value.search({
      query: input.query,
      // The game master's model already asks in rulebook terms: no second model call to reword it.
      ...(byGameMaster ? {} : { rewriteFor: actor }),
      ...(input.book ? { books: [input.book] } : {}),
      ...(input.system ? { systems: [input.system] } : {}),
      ...(input.sourceType ? { sourceType: input.sourceType } : {}),
      ...(input.contentType ? { contentTypes: [input.contentType] } : {}),
      maxResults: input.max_results ?? input.maxResults,
      mode: input.mode,
      expand: input.expand,
      includeGmOnly: role === 'gm',
    });
  },
  format: ({ results, query, note }) => {
    const lines = results.map(
      (r, i) =>
        `${i + 1}. ${r.source.name}, ${r.pageEnd > r.page ? 'pp.' : 'p.'} ${r.pages}: ${r.section} (${r.contentType}, score ${r.score}${r.score < 0.5 ? ', weak match' : ''})` +
        `${r.alsoIn ? ` also in ${r.alsoIn.join(', ')}` : ''}\n   ${r.text.replace(/\s+/g, ' ').slice(0, 300)}`,
    );
    const changes = [...query.expansions, ...query.corrections].map((c) => `${c.from} -> ${c.to}`);
    return [...(changes.length ? [`(searched for: ${query.text})`] : []), ...(lines.length ? lines : ['No passage answers this.']), ...(note ? [note] : [])].join('\n');
  },
});

export const getSystemPersonality = defineTool({
  name: 'get_system_personality',
  title: 'Get a game system\'s personality',
  description:
    'The voice of a game system, extracted from its books: tone, perspective, style, common phrases and characteristic vocabulary. ' +
    'Without a system: the active personality of the campaign, else of the hub.',
  input: z.object({ system: z.string().trim().min(1).max(80).optional(), campaignId: campaignIdField.optional() }),
  output: z.object({ profile: PersonalityProfileSchema, active: z.boolean() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'optional',
  async run(input, { deps, campaignId }) {
    const lib = library(deps.rules);
    if (!lib.ok) return lib;
    return lib.value.personality(input.system, campaignId);
  },
  format: ({ profile, active }) =>
    `${profile.system}${active ? ' (active)' : ''}: ${profile.tone}, ${profile.perspective}; style ${profile.styleDescriptors.join(', ') || 'neutral'}; ` +
    `vocabulary ${profile.vocabulary.slice(0, 10).map((v) => v.term).join(', ')}`,
});

export const setActivePersonality = defineTool({
  name: 'set_active_personality',
  title: 'Set the active personality',
  description: 'Choose the game system whose voice the AI game master uses: for a campaign (campaignId, or a campaign token), or for the whole hub (owner, no campaign).',
  input: z.object({ system: z.string().trim().min(1).max(80), campaignId: campaignIdField.optional() }),
  output: z.object({ profile: PersonalityProfileSchema, scope: z.enum(['campaign', 'hub']), campaignId: z.string().nullable() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'optional',
  async run(input, { deps, campaignId }) {
    const lib = library(deps.rules);
    if (!lib.ok) return lib;
    const set = await lib.value.setActivePersonality(input.system, campaignId);
    return set.ok ? ok({ profile: set.value.profile, scope: campaignId ? ('campaign' as const) : ('hub' as const), campaignId }) : set;
  },
  format: ({ profile, scope }) => `Active personality for the ${scope}: ${profile.system} (${profile.tone}, ${profile.perspective})`,
});

export const rulesTools = [addSource, listSources, removeSource, search, getSystemPersonality, setActivePersonality];
