import { z } from 'zod';
import { roleRank, type Actor, type Role } from '../access/actor.js';
import type { AnyTool } from '../registry/define-tool.js';
import type { LlmToolSpec } from './llm-provider.js';

/** The game master's own tools: it never calls itself or manages keys, usage and conversations. */
export const gameMasterToolNames = new Set(['ask_game_master', 'list_ai_providers', 'set_ai_key', 'list_conversations', 'get_conversation', 'get_ai_usage']);

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
    if (gameMasterToolNames.has(t.name)) return false;
    if (t.access === 'owner') return actor.kind === 'owner';
    return roleRank(role) >= roleRank(t.access);
  });
}
