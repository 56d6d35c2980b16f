import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type { z } from 'zod';

/**
 * A schema the MCP SDK lists as JSON Schema but does not enforce: the tool registry validates every
 * call itself, so MCP clients get the same field-naming errors as every other transport.
 */
export function listedSchema(schema: z.ZodType): StandardSchemaWithJSON {
  const std = schema['~standard'] as unknown as StandardSchemaWithJSON['~standard'];
  // Stateless HTTP builds a server per request; converting each schema once, not per request, saves
  // up to half a millisecond a call for the larger schemas.
  const cache = new Map<string, Record<string, unknown>>();
  const memo = (io: 'input' | 'output') => (options: { target: string }) => {
    const key = `${io}:${options.target}`;
    if (!cache.has(key)) cache.set(key, std.jsonSchema[io](options as never) as Record<string, unknown>);
    return cache.get(key)!;
  };
  return {
    '~standard': {
      version: 1,
      vendor: 'ttrpg-hub',
      validate: (value: unknown) => ({ value }),
      jsonSchema: { input: memo('input'), output: memo('output') },
    },
  } as StandardSchemaWithJSON;
}
