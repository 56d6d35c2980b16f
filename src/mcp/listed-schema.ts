import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type { z } from 'zod';

/**
 * A schema the MCP SDK lists as JSON Schema but does not enforce: the tool registry validates every
 * call itself, so MCP clients get the same field-naming errors as every other transport.
 */
export function listedSchema(schema: z.ZodType): StandardSchemaWithJSON {
  const std = schema['~standard'] as unknown as StandardSchemaWithJSON['~standard'];
  return {
    '~standard': {
      version: 1,
      vendor: 'ttrpg-hub',
      validate: (value: unknown) => ({ value }),
      jsonSchema: std.jsonSchema,
    },
  } as StandardSchemaWithJSON;
}
