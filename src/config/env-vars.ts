/** How one environment variable maps onto the configuration. This list is the documentation of the variables. */
export interface EnvVar {
  name: string;
  path: string[];
  type: 'string' | 'number' | 'list';
  description: string;
  example: string;
}

export const envVars: EnvVar[] = [
  { name: 'HOST', path: ['server', 'host'], type: 'string', description: 'Interface to listen on (0.0.0.0 for other machines)', example: '127.0.0.1' },
  { name: 'PORT', path: ['server', 'port'], type: 'number', description: 'Port for HTTP, socket.io and MCP', example: '3000' },
  { name: 'ALLOWED_ORIGINS', path: ['server', 'allowedOrigins'], type: 'list', description: 'Comma-separated browser origin hostnames allowed besides localhost', example: 'foundry.example.com' },
  { name: 'DATA_DIR', path: ['dataDir'], type: 'string', description: 'Folder for the SQLite file and the generated owner token', example: 'data' },
  { name: 'STORE_URL', path: ['storage', 'url'], type: 'string', description: 'keyv store URL: sqlite://, redis://, postgres:// or memory://', example: 'sqlite://data/hub.sqlite' },
  { name: 'STORE_NAMESPACE', path: ['storage', 'namespace'], type: 'string', description: 'Key prefix, so several hubs can share one Redis or Postgres', example: 'ttrpg-hub' },
  { name: 'REDIS_URL', path: ['redisUrl'], type: 'string', description: 'Redis server: events shared by every hub process, and storage when STORE_URL is unset', example: 'redis://127.0.0.1:6379' },
  { name: 'DATABASE_URL', path: ['databaseUrl'], type: 'string', description: 'Postgres server; used for storage when STORE_URL is unset (wins over REDIS_URL)', example: 'postgres://postgres@127.0.0.1/ttrpg' },
  { name: 'HUB_OWNER_TOKEN', path: ['auth', 'ownerToken'], type: 'string', description: 'Owner bearer token (at least 24 characters); generated when unset', example: '' },
  { name: 'HUB_SECRET_KEY', path: ['auth', 'secretKey'], type: 'string', description: 'Key for secrets at rest (32 bytes, base64: openssl rand -base64 32); generated into the data folder when unset', example: '' },
  { name: 'PUBLIC_URL', path: ['publicUrl'], type: 'string', description: 'Address users reach the hub at (OAuth redirects, Foundry manifest)', example: 'https://hub.example.com' },
  { name: 'LOG_LEVEL', path: ['log', 'level'], type: 'string', description: 'fatal, error, warn, info, debug, trace or silent', example: 'info' },
  { name: 'DISCORD_TOKEN', path: ['discord', 'token'], type: 'string', description: 'Discord bot token: enables the gateway bot', example: '' },
  { name: 'DISCORD_APPLICATION_ID', path: ['discord', 'applicationId'], type: 'string', description: 'Discord application id (for commands and replies)', example: '' },
  { name: 'DISCORD_PUBLIC_KEY', path: ['discord', 'publicKey'], type: 'string', description: 'Discord public key: enables the HTTP interactions endpoint', example: '' },
  { name: 'DISCORD_API_URL', path: ['discord', 'apiUrl'], type: 'string', description: 'Discord REST base URL', example: 'https://discord.com/api' },
  { name: 'DISCORD_SHARDS', path: ['discord', 'shards'], type: 'number', description: '"auto" or a shard count for large bots', example: 'auto' },
  { name: 'TWITCH_CLIENT_ID', path: ['twitch', 'clientId'], type: 'string', description: 'Twitch extension client id: enables the extension backend', example: '' },
  { name: 'TWITCH_EXTENSION_SECRET', path: ['twitch', 'extensionSecret'], type: 'string', description: 'Twitch extension secret (base64)', example: '' },
  { name: 'TWITCH_OWNER_ID', path: ['twitch', 'ownerId'], type: 'string', description: 'Twitch user id of the extension owner (signs PubSub messages)', example: '' },
  { name: 'TWITCH_API_URL', path: ['twitch', 'apiUrl'], type: 'string', description: 'Twitch API base URL', example: 'https://api.twitch.tv/helix' },
  { name: 'OBS_WEBSOCKET_URL', path: ['obs', 'url'], type: 'string', description: 'obs-websocket v5 address: enables scene switching', example: 'ws://127.0.0.1:4455' },
  { name: 'OBS_WEBSOCKET_PASSWORD', path: ['obs', 'password'], type: 'string', description: 'obs-websocket password', example: '' },
  { name: 'OBS_COMBAT_SCENE', path: ['obs', 'combatScene'], type: 'string', description: 'OBS scene to switch to when combat starts', example: '' },
  { name: 'OBS_IDLE_SCENE', path: ['obs', 'idleScene'], type: 'string', description: 'OBS scene to switch to when combat ends', example: '' },
  { name: 'DICE_MAX_EXPRESSION_LENGTH', path: ['dice', 'maxExpressionLength'], type: 'number', description: 'Longest dice expression accepted', example: '200' },
  { name: 'DICE_MAX_DICE', path: ['dice', 'maxDice'], type: 'number', description: 'Most dice in one expression', example: '1000' },
  { name: 'DICE_MAX_SIDES', path: ['dice', 'maxSides'], type: 'number', description: 'Most sides on one die', example: '1000' },
  { name: 'DICE_MAX_ROLLS', path: ['dice', 'maxRolls'], type: 'number', description: 'Most rolls in one request', example: '20' },
  { name: 'RULES_ALLOWED_FOLDERS', path: ['rules', 'allowedFolders'], type: 'list', description: 'Comma-separated folders add_source may read PDFs from (besides <dataDir>/books)', example: '/home/gm/rpg-books' },
  { name: 'RULES_MAX_FILE_MB', path: ['rules', 'maxFileMb'], type: 'number', description: 'Largest PDF accepted, in MB', example: '300' },
  { name: 'RULES_VECTOR_STORE', path: ['rules', 'vectorStore'], type: 'string', description: 'chroma (CHROMA_URL or a local Chroma the hub starts) or memory (in-process only)', example: 'chroma' },
  { name: 'CHROMA_URL', path: ['rules', 'chromaUrl'], type: 'string', description: 'Use this Chroma server instead of starting one', example: 'http://127.0.0.1:8000' },
  { name: 'EMBEDDER', path: ['rules', 'embedder', 'kind'], type: 'string', description: 'offline (no network), local (sentence model), openai, ollama or none (keywords only)', example: 'offline' },
  { name: 'EMBEDDER_MODEL', path: ['rules', 'embedder', 'model'], type: 'string', description: 'Embedding model name for local, openai or ollama', example: 'text-embedding-3-small' },
  { name: 'EMBEDDER_URL', path: ['rules', 'embedder', 'url'], type: 'string', description: 'Embedding API base URL (OpenAI-compatible or Ollama)', example: 'http://127.0.0.1:11434' },
  { name: 'EMBEDDER_API_KEY', path: ['rules', 'embedder', 'apiKey'], type: 'string', description: 'API key for the embedding API', example: 'sk-...' },
  { name: 'EMBEDDER_MODEL_PATH', path: ['rules', 'embedder', 'modelPath'], type: 'string', description: 'Folder holding the local sentence model (no download)', example: '/srv/models' },
  { name: 'RULES_FUSION', path: ['rules', 'fusion', 'method'], type: 'string', description: 'How keyword and vector rankings merge: rrf or weighted', example: 'rrf' },
  { name: 'RULES_KEYWORD_WEIGHT', path: ['rules', 'fusion', 'keywordWeight'], type: 'number', description: 'Weight of the keyword (BM25) ranking', example: '1' },
  { name: 'RULES_VECTOR_WEIGHT', path: ['rules', 'fusion', 'vectorWeight'], type: 'number', description: 'Weight of the vector ranking (default 0.4 offline, 1 semantic)', example: '0.4' },
  { name: 'RULES_MIN_SCORE', path: ['rules', 'minScore'], type: 'number', description: 'Least share of a question a passage must cover to be returned (0 to 1)', example: '0.3' },
  { name: 'DNDBEYOND_API_URL', path: ['dndbeyond', 'apiUrl'], type: 'string', description: 'D&D Beyond character service base URL', example: 'https://character-service.dndbeyond.com/character/v5' },
  { name: 'DNDBEYOND_AUTH_URL', path: ['dndbeyond', 'authUrl'], type: 'string', description: 'D&D Beyond auth service endpoint that exchanges a CobaltSession cookie for a token', example: 'https://auth-service.dndbeyond.com/v1/cobalt-token' },
  { name: 'DNDBEYOND_TIMEOUT_MS', path: ['dndbeyond', 'timeoutMs'], type: 'number', description: 'Give up on a D&D Beyond request after this many milliseconds', example: '15000' },
  { name: 'IMPORT_MAX_MB', path: ['limits', 'maxImportMb'], type: 'number', description: 'Largest character export or campaign bundle accepted by the import tools, in MB', example: '8' },
];
