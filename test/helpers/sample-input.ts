/** Ids the generated inputs point at: the fixture's campaign, session and combatant. */
export interface SampleIds {
  campaignId: string;
  sessionId: string;
  combatantId: string;
}

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; const?: unknown; items?: Schema; minimum?: number; minItems?: number; anyOf?: Schema[]; oneOf?: Schema[] };

/** By field name, values that make sense for any tool; other fields get a value of their type. */
const named: Record<string, (ids: SampleIds) => unknown> = {
  campaignId: (ids) => ids.campaignId,
  sessionId: (ids) => ids.sessionId,
  combatantId: (ids) => ids.combatantId,
  expression: () => '1d20+1',
  note: () => 'a note',
  query: () => 'grapple',
  confirm: () => 'not the name',
  memberId: () => 'nobody',
  itemId: () => 'nothing',
  sourceId: () => 'nothing',
  item: () => ({ name: 'Sample' }),
  // Optional in some schemas (a combatant named by its characterId instead), required in meaning.
  name: () => 'Sample',
};

/**
 * A valid-looking input for a tool, built from its JSON Schema (as /api/tools publishes it): every
 * required field, plus the well-known ones (campaignId, sessionId, item...) when the tool takes them. Used to drive every tool of the registry,
 * so a tool added tomorrow is covered without touching the tests.
 */
export function sampleInput(schema: Schema, ids: SampleIds): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const props = schema.properties ?? {};
  for (const key of Object.keys(props)) {
    if (!(schema.required ?? []).includes(key) && !(key in named)) continue;
    out[key] = sampleValue(key, props[key]!, ids);
  }
  return out;
}

function sampleValue(key: string, s: Schema, ids: SampleIds): unknown {
  if (named[key]) return named[key]!(ids);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sampleValue(key, alt.find((a) => a.type !== 'null') ?? alt[0]!, ids);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return 'Sample';
    case 'number':
    case 'integer':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'array':
      return s.minItems ? Array.from({ length: s.minItems }, () => sampleValue('', s.items ?? {}, ids)) : [];
    case 'object':
      return sampleInput(s, ids);
    default:
      return 'Sample';
  }
}
