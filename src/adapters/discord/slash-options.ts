import { z } from 'zod';

/** Discord application command option types (API v10). */
export const OptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Number: 10, Attachment: 11 } as const;

export interface SlashOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: { name: string; value: string }[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  autocomplete?: boolean;
  options?: SlashOption[];
}

/** Discord wants lowercase names: initiativeBonus becomes initiative_bonus. */
export const optionName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const describe = (text: string | undefined, fallback: string) => {
  const full = text ?? fallback;
  const d = /^(.{20,}?[.;])\s/.exec(full)?.[1] ?? full;
  return d.length <= 100 ? d : `${d.slice(0, 97)}...`;
};

/**
 * Discord options derived from a tool's zod input schema, so a slash command never re-declares
 * what the tool already says: type, limits, choices, required-ness and description.
 */
export function optionsFrom(schema: z.ZodObject<z.ZodRawShape>, keys: string[], overrides: Record<string, Partial<SlashOption>> = {}): SlashOption[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, { type?: string; enum?: string[]; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; description?: string }>;
    required?: string[];
  };
  const options = keys.map((key) => {
    const p = json.properties[key];
    if (!p) throw new Error(`The tool schema has no field "${key}"`);
    const option: SlashOption = {
      type: p.enum ? OptionType.String : p.type === 'integer' ? OptionType.Integer : p.type === 'number' ? OptionType.Number : p.type === 'boolean' ? OptionType.Boolean : OptionType.String,
      name: optionName(key),
      description: describe(p.description, key),
      required: (json.required ?? []).includes(key) && !('default' in p),
    };
    if (p.enum) option.choices = p.enum.slice(0, 25).map((v) => ({ name: v, value: v }));
    if (p.minimum !== undefined && p.minimum >= -(2 ** 53)) option.min_value = p.minimum;
    if (p.maximum !== undefined && p.maximum <= 2 ** 53) option.max_value = p.maximum;
    if (p.minLength !== undefined) option.min_length = p.minLength;
    if (p.maxLength !== undefined) option.max_length = Math.min(p.maxLength, 6000);
    return { ...option, ...overrides[key] };
  });
  // Discord requires the required options first.
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

/** Turns Discord option values back into tool input keys (initiative_bonus -> initiativeBonus). */
export function inputFrom(values: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of keys) if (values[optionName(key)] !== undefined) input[key] = values[optionName(key)];
  return input;
}
