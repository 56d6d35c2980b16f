import { z } from 'zod';
import { roleRank, type Actor, type Role } from '../access/actor.js';
import type { AnyTool } from '../registry/define-tool.js';
import type { LlmToolSpec } from './llm-provider.js';

/** The game master's own tools: it never calls itself or manages keys, usage and conversations. */
export const gameMasterToolNames = new Set(['ask_game_master', 'list_ai_providers', 'set_ai_key', 'list_conversations', 'get_conversation', 'get_ai_usage']);

/**
 * Tools for people and adapters rather than for a conversation: token and membership management,
 * destructive or bulk campaign operations, file paths on the hub, and the Foundry module's sync.
 * Leaving them out keeps the catalogue small enough for local models and the model out of trouble.
 */
export const notForTheGameMaster = new Set([
  'create_access_token',
  'revoke_access_token',
  'list_members',
  'delete_campaign',
  'rollback_campaign',
  'get_campaign_history',
  'export_campaign',
  'import_campaign',
  'add_source',
  'remove_source',
  'set_active_personality',
  'select_character',
  'relay_roll',
  'set_turn',
]);

const specs = new WeakMap<AnyTool, LlmToolSpec>();

/** A tool as a model sees it: the JSON Schema of its input, derived from its zod schema as MCP lists it. */
export function toolSpec(tool: AnyTool): LlmToolSpec {
  let spec = specs.get(tool);
  if (!spec) {
    const schema = z.toJSONSchema(tool.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete schema.$schema;
    spec = { name: tool.name, description: `${tool.title}. ${tool.description}`.slice(0, 1024), inputSchema: schema };
    specs.set(tool, spec);
  }
  return spec;
}

/**
 * The registry's tools this caller could use: owner-only tools for the owner only, and none above the
 * caller's role (the registry would refuse them anyway; offering them only wastes the model's turns).
 */
export function offeredTools(tools: readonly AnyTool[], actor: Actor, role: Role): AnyTool[] {
  return tools.filter((t) => {
    if (gameMasterToolNames.has(t.name) || notForTheGameMaster.has(t.name)) return false;
    if (t.access === 'owner') return actor.kind === 'owner';
    return roleRank(role) >= roleRank(t.access);
  });
}

/** The same spec without the fields' descriptions: for models whose context cannot hold the full catalogue. */
export function compactSpec(spec: LlmToolSpec): LlmToolSpec {
  // Only schema annotations go: a field that happens to be named "description" stays.
  const strip = (node: unknown, isPropertyMap = false): unknown => {
    if (Array.isArray(node)) return node.map((n) => strip(n));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (!isPropertyMap && key === 'description' && typeof value === 'string') continue;
      out[key] = strip(value, !isPropertyMap && (key === 'properties' || key === 'patternProperties'));
    }
    return out;
  };
  return { ...spec, description: spec.description.split('. ')[0]!, inputSchema: strip(spec.inputSchema) as Record<string, unknown> };
}
