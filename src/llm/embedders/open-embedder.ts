import { join } from 'node:path';
import type { HubConfig } from '../../config/config-schema.js';
import type { Embedder } from '../../core/index.js';
import { HashingEmbedder } from './hashing-embedder.js';
import { OllamaEmbedder, OpenAiEmbedder } from './http-embedder.js';
import { LocalModelEmbedder } from './local-model-embedder.js';
import { WordVectorEmbedder } from './word-vector-embedder.js';

/** The embedder the configuration names, or null for keyword-only search. */
export function openEmbedder(config: HubConfig['rules']['embedder'], dataDir: string): Embedder | null {
  switch (config.kind) {
    case 'none':
      return null;
    case 'offline':
      return new WordVectorEmbedder({ cacheDir: join(dataDir, 'models') });
    case 'hashing':
      return new HashingEmbedder(config.dimensions);
    case 'local':
      return new LocalModelEmbedder({ model: config.model ?? 'Xenova/all-MiniLM-L6-v2', modelPath: config.modelPath, cacheDir: join(dataDir, 'models') });
    case 'openai':
      return new OpenAiEmbedder({ url: config.url ?? 'https://api.openai.com/v1', model: config.model ?? 'text-embedding-3-small', apiKey: config.apiKey });
    case 'ollama':
      return new OllamaEmbedder({ url: config.url ?? 'http://127.0.0.1:11434', model: config.model ?? 'nomic-embed-text', apiKey: config.apiKey });
  }
}
