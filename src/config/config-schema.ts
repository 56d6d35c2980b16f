import { z } from 'zod';
import { DiceLimitsSchema } from '../core/index.js';

const url = (schemes: string[]) =>
  z.string().refine((v) => schemes.some((s) => v.toLowerCase().startsWith(`${s}:`)), `expected a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`);

/** The whole configuration of a hub. Every key has a default, so an empty file (or none) runs. */
export const HubConfigSchema = z.strictObject({
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1').describe('Interface to listen on; 0.0.0.0 to accept other machines'),
      port: z.number().int().min(0).max(65535).default(3000).describe('HTTP, socket.io and MCP port (0: any free port)'),
      allowedOrigins: z
        .array(z.string().min(1))
        .default([])
        .describe('Browser origins (hostnames) allowed to call /mcp and the sockets, besides localhost'),
      tls: z
        .strictObject({
          cert: z.string().min(1).optional().describe('PEM certificate (chain) file: with key, the hub serves https:// and wss:// itself'),
          key: z.string().min(1).optional().describe('PEM private key file for the certificate'),
        })
        .refine((t) => !t.cert === !t.key, 'expected both cert and key (TLS_CERT and TLS_KEY), or neither')
        .optional(),
    })
    .prefault({}),
  publicUrl: z
    .url()
    .optional()
    .describe('The address users and other machines reach the hub at (OAuth redirects, the Foundry manifest); default: the address it listens on'),
  dataDir: z.string().min(1).default('data').describe('Where the SQLite file and the generated owner token live (default: data/ in the installation folder)'),
  storage: z
    .strictObject({
      url: url(['sqlite', 'redis', 'rediss', 'postgres', 'postgresql', 'memory'])
        .optional()
        .describe('keyv store URL; default sqlite://<dataDir>/hub.sqlite, or REDIS_URL / DATABASE_URL when set'),
      namespace: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected lowercase letters, digits and "-"')
        .default('ttrpg-hub')
        .describe('Prefix of every key (and of the Redis event stream), so several hubs can share one server'),
    })
    .prefault({}),
  redisUrl: url(['redis', 'rediss']).optional().describe('Redis: storage, and live events shared by every hub process'),
  databaseUrl: url(['postgres', 'postgresql']).optional().describe('Postgres for storage'),
  auth: z
    .strictObject({
      ownerToken: z
        .string()
        .min(24, 'expected at least 24 characters, e.g. from `openssl rand -base64 32`')
        .optional()
        .describe('The hub owner\'s bearer token; generated into <dataDir>/owner-token when unset'),
      secretKey: z
        .string()
        .min(1)
        .optional()
        .describe('32 bytes in base64 (`openssl rand -base64 32`): encrypts stored tokens and API keys; generated into <dataDir>/secret-key when unset'),
      oauth: z
        .strictObject({
          discord: z
            .strictObject({
              clientId: z.string().regex(/^\d+$/, 'expected the numeric OAuth2 client id').optional().describe('Default: discord.applicationId'),
              clientSecret: z.string().min(1).optional().describe('Enables "Sign in with Discord"'),
            })
            .prefault({}),
          twitch: z
            .strictObject({
              clientId: z.string().min(1).optional().describe('Default: twitch.clientId'),
              clientSecret: z.string().min(1).optional().describe('Enables "Sign in with Twitch"'),
              idUrl: z.url().default('https://id.twitch.tv').describe('Twitch OAuth base URL (a local stand-in in tests)'),
            })
            .prefault({}),
          providers: z
            .array(
              z.strictObject({
                name: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'expected a lowercase name for the /auth/<name> URL'),
                label: z.string().min(1).max(40).optional(),
                authorizationUrl: z.url(),
                tokenUrl: z.url(),
                userInfoUrl: z.url(),
                revocationUrl: z.url().optional(),
                clientId: z.string().min(1),
                clientSecret: z.string().min(1),
                scope: z.array(z.string().min(1)).default([]),
                idField: z.string().min(1).default('sub').describe('Where the user-info answer has the user id (dotted path)'),
                nameField: z.string().min(1).default('name'),
              }),
            )
            .default([])
            .refine((list) => !list.some((p) => p.name === 'discord' || p.name === 'twitch'), 'discord and twitch are built in: configure them under auth.oauth.discord / twitch')
            .describe('Generic OAuth2 providers (authorization code + PKCE), each at /auth/<name>'),
          sessionDays: z.number().int().min(1).max(365).default(30).describe('How long a web sign-in lasts'),
        })
        .prefault({}),
    })
    .prefault({}),
  backup: z
    .strictObject({
      intervalHours: z.number().min(0).max(720).default(0).describe('Write a backup this often (0: never; `ttrpg-hub backup` works any time)'),
      dir: z.string().min(1).optional().describe('Where scheduled backups go (default <dataDir>/backups)'),
      keep: z.number().int().min(1).max(1000).default(7).describe('How many scheduled backups to keep'),
    })
    .prefault({}),
  metrics: z
    .strictObject({
      token: z.string().min(24, 'expected at least 24 characters, e.g. from `openssl rand -base64 32`').optional().describe('A bearer token for /metrics only (the owner token always works)'),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      format: z.enum(['auto', 'pretty', 'json']).default('auto').describe('auto: readable lines on a terminal, JSON lines otherwise'),
    })
    .prefault({}),
  twitch: z
    .strictObject({
      clientId: z.string().min(1).optional().describe('The extension\'s client id (Twitch developer console)'),
      extensionSecret: z.string().min(1).optional().describe('The extension secret, base64 as the console shows it'),
      ownerId: z.string().regex(/^\d+$/, 'expected the numeric Twitch user id of the extension owner').optional(),
      apiUrl: z.url().default('https://api.twitch.tv/helix').describe('Twitch API base URL (a local stand-in in tests)'),
      minIntervalMs: z.number().int().min(600).max(60_000).default(1000).describe('At most one PubSub message per channel this often (Twitch allows 100 a minute)'),
    })
    .prefault({}),
  obs: z
    .strictObject({
      url: z.string().regex(/^wss?:\/\//, 'expected ws:// or wss://').optional().describe('obs-websocket v5 address, e.g. ws://127.0.0.1:4455'),
      password: z.string().optional(),
      campaignId: z.string().optional().describe('Only this campaign drives the scenes (default: any)'),
      combatScene: z.string().optional().describe('Scene to show when combat starts'),
      idleScene: z.string().optional().describe('Scene to show when combat ends'),
    })
    .prefault({}),
  discord: z
    .strictObject({
      token: z.string().min(1).optional().describe('Bot token: enables the gateway (slash commands over a websocket) and posting to channels'),
      applicationId: z.string().regex(/^\d+$/, 'expected the numeric application id').optional(),
      publicKey: z
        .string()
        .regex(/^[0-9a-f]{64}$/i, 'expected the 64-hex-digit public key from the Developer Portal')
        .optional()
        .describe('Enables the HTTP interactions endpoint /discord/interactions'),
      apiUrl: z.url().default('https://discord.com/api').describe('Discord REST base URL (a local stand-in in tests)'),
      shards: z.union([z.literal('auto'), z.number().int().min(1)]).default('auto'),
      deferAfterMs: z.number().int().min(0).max(2800).default(2000).describe('Answer "thinking..." when a command takes longer, then edit (0: always)'),
    })
    .prefault({}),
  rules: z
    .strictObject({
      allowedFolders: z
        .array(z.string().min(1))
        .default([])
        .describe('Folders add_source may read PDFs from, besides <dataDir>/books (the CLI may read any file you name)'),
      maxFileMb: z.number().int().min(1).max(2000).default(300).describe('Largest PDF accepted, in MB'),
      vectorStore: z.enum(['chroma', 'memory']).default('chroma').describe('chroma: CHROMA_URL, else a local Chroma started by the hub; memory: in-process only'),
      chromaUrl: url(['http', 'https']).optional().describe('An existing Chroma server; unset: the hub starts one (data in <dataDir>/chroma)'),
      embedder: z
        .strictObject({
          kind: z.enum(['offline', 'local', 'openai', 'ollama', 'none', 'hashing']).default('offline').describe('offline: pre-trained word vectors shipped in an npm package (SIF), no network; hashing: lexical fallback; local: a sentence model; none: keyword search only'),
          model: z.string().min(1).optional().describe('Default: Xenova/all-MiniLM-L6-v2 (local), text-embedding-3-small (openai), nomic-embed-text (ollama)'),
          url: z.url().optional().describe('API base URL; default https://api.openai.com/v1 or http://127.0.0.1:11434'),
          apiKey: z.string().min(1).optional(),
          modelPath: z.string().min(1).optional().describe('A folder holding the local model, for machines without network'),
          dimensions: z.number().int().min(32).max(4096).default(256).describe('Vector size of the hashing embedder'),
        })
        .prefault({}),
      fusion: z
        .strictObject({
          method: z.enum(['rrf', 'weighted']).default('weighted').describe('weighted: normalised scores summed with the weights; rrf: reciprocal-rank fusion'),
          keywordWeight: z.number().min(0).max(10).default(1),
          vectorWeight: z.number().min(0).max(10).optional().describe('Default 0.2 with the offline word vectors, 0.3 with hashing, 1 with a sentence model or API'),
          rrfK: z.number().int().min(1).max(1000).default(60),
        })
        .prefault({}),
      minScore: z.number().min(0).max(1).default(0.3).describe('Answers whose best passages cover less of the question are labelled weak (nothing is dropped)'),
      reranker: z
        .strictObject({
          url: url(['http', 'https']).describe('Base URL of a rerank API (POST <url>/rerank, as llama.cpp, vLLM, LocalAI, Jina and Cohere serve it)'),
          model: z.string({ error: 'expected the reranking model\'s name (RERANKER_MODEL), e.g. bge-reranker-v2-m3' }).min(1).describe('The reranking model, e.g. bge-reranker-v2-m3'),
          apiKey: z.string().min(1).optional(),
        })
        .optional()
        .describe('A cross-encoder that reorders the best 30 candidates of each search (off unless set)'),
      queryRewrite: z
        .boolean({ error: 'expected true or false' })
        .default(false)
        .describe('Let the AI provider reword each question into rulebook terms and search both wordings (costs one short model call per new question)'),
    })
    .prefault({}),
  ai: z
    .strictObject({
      provider: z.string().min(1).optional().describe('The default AI provider id: anthropic, openai, or a server id below; default: the first with a key'),
      model: z.string().min(1).optional().describe('The default model of the default provider'),
      fallback: z.array(z.string().min(1)).default([]).describe('Provider ids tried in this order when the chosen one fails (empty: no fallback)'),
      anthropic: z
        .strictObject({
          apiKey: z.string().min(1).optional().describe('The hub\'s Anthropic key (ANTHROPIC_API_KEY)'),
          baseUrl: url(['http', 'https']).optional().describe('Anthropic API base URL (ANTHROPIC_BASE_URL)'),
          defaultModel: z.string().min(1).default('claude-sonnet-5-5'),
          models: z.array(z.string().min(1)).default([]).describe('Models to offer before the provider\'s own list is fetched'),
        })
        .prefault({}),
      openai: z
        .strictObject({
          apiKey: z.string().min(1).optional().describe('The hub\'s OpenAI key (OPENAI_API_KEY)'),
          baseUrl: url(['http', 'https']).optional().describe('OpenAI-compatible base URL (OPENAI_BASE_URL), e.g. http://127.0.0.1:11434/v1 for Ollama'),
          defaultModel: z.string().min(1).default('gpt-4o-mini'),
          models: z.array(z.string().min(1)).default([]),
        })
        .prefault({}),
      servers: z
        .array(
          z.strictObject({
            id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'expected lowercase letters, digits and "-"'),
            label: z.string().min(1).max(60),
            baseUrl: url(['http', 'https']).describe('OpenAI-compatible base URL ending in /v1'),
            apiKey: z.string().min(1).optional(),
            models: z.array(z.string().min(1)).default([]),
          }),
        )
        .default([])
        .describe('Further OpenAI-compatible servers (Ollama, LM Studio, llama.cpp, vLLM)'),
      pricingFile: z.string().min(1).optional().describe('USD per million tokens by model; default config/pricing.yaml'),
      limits: z
        .strictObject({
          dailyUsd: z.number().min(0).optional().describe('Hub-wide spending per UTC day (AI_DAILY_LIMIT_USD); 0 refuses every request'),
          monthlyUsd: z.number().min(0).optional().describe('Hub-wide spending per UTC month (AI_MONTHLY_LIMIT_USD)'),
          userDailyUsd: z.number().min(0).optional().describe('Each user\'s spending per UTC day'),
          userMonthlyUsd: z.number().min(0).optional().describe('Each user\'s spending per UTC month'),
        })
        .prefault({}),
      mcpServers: z
        .array(
          z
            .strictObject({
              id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'expected lowercase letters, digits and "-" (tools are named <id>__<tool>)'),
              command: z.string().min(1).optional().describe('stdio: the program to start'),
              args: z.array(z.string()).default([]),
              env: z.record(z.string(), z.string()).default({}).describe('Extra environment variables for the stdio program'),
              url: url(['http', 'https']).optional().describe('Streamable HTTP: the server\'s MCP endpoint'),
              headers: z.record(z.string(), z.string()).default({}).describe('HTTP headers, e.g. authorization'),
              allowTools: z.array(z.string().min(1)).min(1, 'expected the names of the tools to offer (or ["*"] for all)').describe('The tools offered to the game master'),
              access: z.enum(['player', 'gm', 'owner']).default('gm').describe('Who may have the game master use them'),
            })
            .refine((s) => (s.command === undefined) !== (s.url === undefined), 'expected either command (stdio) or url (Streamable HTTP), not both'),
        )
        .default([])
        .describe('External MCP servers whose tools the game master may use (seed 004); only the owner edits the configuration'),
      maxToolRounds: z.number().int().min(1).max(50).default(8).describe('Model turns per question (each may call tools)'),
      // Thinking models (adaptive thinking on by default) spend part of this before the answer.
      maxOutputTokens: z.number().int().min(64).max(64_000).default(4096),
      timeoutMs: z.number().int().min(1000).max(600_000).default(60_000).describe('A provider silent this long counts as a timeout'),
      retries: z.number().int().min(0).max(5).default(2).describe('Retries per provider on 429, 5xx and timeouts'),
    })
    .prefault({}),
  dice: DiceLimitsSchema.strict().prefault({}),
  limits: z
    .strictObject({
      maxItemsPerType: z.number().int().min(1).max(1_000_000).default(2000).describe('Characters, NPCs, ... per campaign, each'),
      recentRolls: z.number().int().min(0).max(1000).default(50).describe('Newest dice rolls returned with a session (the whole log is kept)'),
      maxNotes: z.number().int().min(1).max(100_000).default(2000).describe('Notes per session'),
      maxImportMb: z
        .number()
        .min(1)
        .max(200)
        .default(8)
        .describe('Largest character export or campaign bundle accepted by the import tools, in MB (every other request keeps the 256 KB cap)'),
      maxNoteBytes: z.number().int().min(1000).max(100_000_000).default(1_000_000).describe('Characters of notes per session (each note is at most 10,000)'),
    })
    .prefault({}),
  dndbeyond: z
    .strictObject({
      apiUrl: z.url().default('https://character-service.dndbeyond.com/character/v5').describe("D&D Beyond's character service (a local stand-in in tests); /character/<id> is appended"),
      authUrl: z.url().default('https://auth-service.dndbeyond.com/v1/cobalt-token').describe('Where a CobaltSession cookie is exchanged for a short-lived token (private characters)'),
      timeoutMs: z.number().int().min(1000).max(120_000).default(15_000).describe('Give up on a D&D Beyond request after this long'),
    })
    .prefault({}),
});
export type HubConfig = z.infer<typeof HubConfigSchema>;

/** Where the store lives: an explicit URL, else Postgres, else Redis, else the SQLite file in the data folder. */
export function storeUrl(config: HubConfig): string {
  return config.storage.url ?? config.databaseUrl ?? config.redisUrl ?? `sqlite://${config.dataDir}/hub.sqlite`;
}
