import type { Actor } from '../access/actor.js';
import { defaultChunkOptions, type ChunkOptions } from './chunker.js';
import { defaultFusion, type FusionOptions } from './fusion.js';

/** The rules library's settings: where books may come from, how passages are cut and searched, and caching. */
export interface RulesOptions {
  /** Folders add_source may read PDFs from. */
  allowedFolders: string[];
  maxFileBytes: number;
  fusion: FusionOptions;
  minScore: number;
  chunk: ChunkOptions;
  embedBatch: number;
  /** Search answers kept for repeated questions, cleared whenever the library changes. */
  cacheSize: number;
  /** How often to look for changes made by another hub process (ms). */
  refreshMs: number;
  /** Optional query rewrite (table talk to rules terms), off by default; see SearchDeps.rewriteQuery. */
  rewriteQuery?: (query: string, actor: Actor, signal?: AbortSignal) => Promise<string | null>;
}

export const defaultRulesOptions: RulesOptions = {
  allowedFolders: [],
  maxFileBytes: 300 * 2 ** 20,
  fusion: defaultFusion,
  minScore: 0.3,
  chunk: defaultChunkOptions,
  embedBatch: 64,
  cacheSize: 256,
  refreshMs: 1000,
};
