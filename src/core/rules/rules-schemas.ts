import { z } from 'zod';

/** A rulebook answers rules questions; a flavor source (novel, setting, adventure) is lore and narrative. */
export const SourceTypeSchema = z.enum(['rulebook', 'flavor']);
export type SourceType = z.infer<typeof SourceTypeSchema>;

/**
 * What a passage is. Spells, stat blocks, magic items and tables are recognised from their layout so
 * a search can ask for "only spells"; everything else is a rule (rulebooks) or narrative (flavor).
 */
export const ContentTypeSchema = z.enum(['rule', 'spell', 'stat_block', 'item', 'table', 'narrative']);
export type ContentType = z.infer<typeof ContentTypeSchema>;

export const ContentTypes = ContentTypeSchema.options;

/** Tone, perspective and vocabulary of a system's books, for the AI game master to speak in. */
export const PersonalityProfileSchema = z.object({
  system: z.string(),
  tone: z.string().describe('Dominant tone, e.g. "authoritative", "mysterious", "grim"'),
  perspective: z.string().describe('"instructional (second person)", "first-person" or "omniscient (third person)"'),
  styleDescriptors: z.array(z.string()).describe('The strongest tones, strongest first'),
  commonPhrases: z.array(z.string()),
  vocabulary: z.array(z.object({ term: z.string(), frequency: z.number() })).describe('Characteristic terms, per 10,000 words'),
  toneScores: z.record(z.string(), z.number()).describe('Tone markers per 10,000 words'),
  words: z.number().int().describe('Words analysed'),
  sources: z.array(z.string()).describe('Names of the books the profile comes from'),
});
export type PersonalityProfile = z.infer<typeof PersonalityProfileSchema>;

/** Raw counts kept per book, merged into a system's profile on request. */
export const ProfileStatsSchema = z.object({
  words: z.number().int(),
  pronouns: z.object({ second: z.number(), first: z.number(), third: z.number() }),
  tones: z.record(z.string(), z.number()),
  terms: z.record(z.string(), z.number()),
  phrases: z.record(z.string(), z.number()),
});
export type ProfileStats = z.infer<typeof ProfileStatsSchema>;

/** A book in the library. `version` is the content hash of the PDF whose chunks are live. */
export const SourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  system: z.string(),
  sourceType: SourceTypeSchema,
  gmOnly: z.boolean().describe('Only GMs find it in search (adventures, secrets)'),
  fileName: z.string(),
  version: z.string().describe('SHA-256 of the PDF, first 16 hex digits'),
  pages: z.number().int(),
  chunks: z.number().int(),
  sections: z.number().int(),
  contentTypes: z.record(z.string(), z.number().int()).describe('Chunks per content type'),
  structure: z.enum(['outline', 'text']).describe('Headings came from the PDF bookmarks or were recognised in the text'),
  embedded: z.boolean().describe('Its passages have vectors (false: keyword search only)'),
  addedAt: z.string(),
  updatedAt: z.string(),
});
export type Source = z.infer<typeof SourceSchema>;

/** One passage of a book, with what a citation needs. */
export const ChunkSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  version: z.string(),
  /** Position in the book, for neighbours. */
  ord: z.number().int(),
  page: z.number().int(),
  pageEnd: z.number().int(),
  sectionPath: z.array(z.string()),
  contentType: ContentTypeSchema,
  text: z.string(),
});
export type Chunk = z.infer<typeof ChunkSchema>;

export const IngestPhaseSchema = z.enum(['queued', 'reading', 'structuring', 'embedding', 'indexing', 'done', 'unchanged', 'failed', 'cancelled']);
export type IngestPhase = z.infer<typeof IngestPhaseSchema>;

/** Where an ingestion stands; `progress` of `total` steps. */
export const IngestStatusSchema = z.object({
  jobId: z.string(),
  sourceId: z.string(),
  name: z.string(),
  fileName: z.string(),
  phase: IngestPhaseSchema,
  progress: z.number(),
  total: z.number(),
  message: z.string(),
});
export type IngestStatus = z.infer<typeof IngestStatusSchema>;

export const SearchHitSchema = z.object({
  chunkId: z.string(),
  text: z.string(),
  source: z.object({ id: z.string(), name: z.string(), system: z.string(), sourceType: SourceTypeSchema }),
  page: z.number().int(),
  pageEnd: z.number().int(),
  pages: z.string().describe('The pages the passage spans, e.g. "173" or "173-174"'),
  sectionPath: z.array(z.string()).describe('The titles from the chapter down to the passage\'s own heading'),
  section: z.string().describe('The section path joined with " > "'),
  contentType: ContentTypeSchema,
  score: z.number().describe('0 to 1: how much of the question\'s weight (rare words count most) the passage contains'),
  context: z
    .object({ before: z.array(z.string()), after: z.array(z.string()), section: z.string().describe('The whole section the passage belongs to') })
    .optional()
    .describe('With expand: neighbouring passages and the whole section'),
  alsoIn: z.array(z.string()).optional().describe('Other books with the very same passage (shown once)'),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const ConfidenceSchema = z.enum(['strong', 'weak', 'not_found']);

export const SearchModeSchema = z.enum(['hybrid', 'keyword', 'vector']);
export type SearchMode = z.infer<typeof SearchModeSchema>;
