import { describe, expect, it } from 'vitest';
import { coreTools, ownerActor } from '../../../src/core/index.js';
import { compactSpec, offeredTools, toolSpec } from '../../../src/core/game-master/tool-catalogue.js';

describe("the game master's tool catalogue", () => {
  it('offers the table tools but not token management, destructive bulk operations or adapter sync', () => {
    const names = offeredTools(coreTools, ownerActor(), 'gm').map((t) => t.name);
    for (const wanted of ['roll_dice', 'search', 'roll_check', 'add_combatants', 'generate_encounter', 'get_campaign']) expect(names).toContain(wanted);
    for (const unwanted of ['create_access_token', 'delete_campaign', 'import_campaign', 'relay_roll', 'ask_game_master', 'set_ai_key']) expect(names).not.toContain(unwanted);
  });

  it('fits a small model: the compact catalogue is under half the size and keeps every field', () => {
    const full = offeredTools(coreTools, ownerActor(), 'gm').map(toolSpec);
    const compact = full.map(compactSpec);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length * 0.6);
    for (const [i, spec] of compact.entries()) expect(Object.keys((spec.inputSchema.properties ?? {}) as object)).toEqual(Object.keys((full[i]!.inputSchema.properties ?? {}) as object));
  });
});
