import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { coreTools, createCore, defineTool, fail, fixedClock, InMemoryEventBus, ok, ownerActor, seededRandom, type Logger } from '../../../src/core/index.js';
import { openStore } from '../../../src/stores/open-store.js';
import { coreFixture } from '../../helpers/core-fixture.js';

/** A logger that keeps what it is given, so a test can follow a correlation id into the log. */
function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj: obj as Record<string, unknown>, ...(msg ? { msg } : {}) });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return { logger, lines };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const boom = defineTool({
  name: 'boom',
  title: 'Boom',
  description: 'Always throws',
  input: z.object({}),
  output: z.object({}),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'none',
  async run() {
    throw new Error('database password is hunter2');
  },
});

const liar = defineTool({
  name: 'liar',
  title: 'Liar',
  description: 'Returns output that breaks its own schema',
  input: z.object({}),
  output: z.object({ count: z.number() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'none',
  run: async () => ok({ count: 'three' as unknown as number }),
});

const whoami = defineTool({
  name: 'whoami',
  title: 'Who am I',
  description: 'Echoes the resolved campaign and role, reporting progress on the way',
  input: z.object({ campaignId: z.string().optional(), refuse: z.boolean().default(false) }),
  output: z.object({ role: z.string(), campaignId: z.string().nullable() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'optional',
  async run(input, ctx) {
    ctx.progress({ progress: 1, total: 2, message: 'halfway' });
    if (input.refuse) return fail('STATE', 'not now', { field: 'refuse' });
    return ok({ role: ctx.role, campaignId: ctx.campaignId });
  },
  format: (out) => `${out.role} in ${out.campaignId ?? 'no campaign'}`,
});

describe('tool registry', () => {
  it('answers an unknown tool with UNKNOWN_TOOL listing the real ones', async () => {
    const f = await coreFixture();
    const r = await f.call('roll_dic', { expression: '1d20' });
    expect(!r.ok && r.error.code).toBe('UNKNOWN_TOOL');
    expect(r.text).toMatch(/^UNKNOWN_TOOL: There is no tool "roll_dic": expected one of roll_dice, create_campaign, /);
  });

  it('turns a thrown error into INTERNAL with a correlation id, keeping details in the log only', async () => {
    const { logger, lines } = recordingLogger();
    const f = await coreFixture({ extraTools: [boom], logger });
    const r = await f.call('boom');
    expect(!r.ok && r.error.code).toBe('INTERNAL');
    const message = r.ok ? '' : r.error.message;
    expect(message).toMatch(new RegExp(`^Internal error in boom \\(correlation id ${UUID.source}\\); the hub log has the details$`));
    expect(message).not.toMatch(/hunter2|Error:|\n\s+at /);

    const id = message.match(UUID)![0];
    const logged = lines.find((l) => l.level === 'error');
    expect(logged).toMatchObject({ msg: 'tool failed', obj: { tool: 'boom', correlationId: id } });
    expect(String(logged!.obj.err)).toMatch(/hunter2/);
    // A second failure gets its own id, so two reports can be told apart in the log.
    const again = await f.call('boom');
    expect(!again.ok && again.error.message.match(UUID)![0]).not.toBe(id);
  });

  it('treats output that breaks the tool\'s own schema as INTERNAL, not as a result', async () => {
    const f = await coreFixture({ extraTools: [liar] });
    const r = await f.call('liar');
    expect(!r.ok && r.error.code).toBe('INTERNAL');
    expect(r.text).toMatch(/^INTERNAL: Internal error in liar \(correlation id /);
  });

  it('names the offending field, dotted, when input is invalid', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const error = await f.fail('add_combatants', { campaignId, combatants: [{ name: 'Ok' }, { name: 'Bad', count: 0 }] });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'combatants.1.count' });
    expect(error.message).toMatch(/^Invalid input: combatants\.1\.count: Too small: expected number to be >=1/);
  });

  it('resolves the caller\'s campaign and role, passes progress through and uses the tool\'s own text', async () => {
    const f = await coreFixture({ extraTools: [whoami] });
    const campaignId = await f.campaign();
    const viewer = await f.member(campaignId, 'viewer');
    const progress: unknown[] = [];
    const r = await f.core.registry.call('whoami', undefined, { actor: viewer, progress: (p) => progress.push(p) });
    expect(r).toEqual({ ok: true, value: { role: 'viewer', campaignId }, text: `viewer in ${campaignId}` });
    expect(progress).toEqual([{ progress: 1, total: 2, message: 'halfway' }]);
    expect((await f.call('whoami')).text).toBe('gm in no campaign');
    const refused = await f.call('whoami', { refuse: true });
    expect(refused).toEqual({ ok: false, error: { code: 'STATE', message: 'not now', field: 'refuse' }, text: 'STATE: not now' });
  });

  it('falls back to JSON text for tools without a formatter', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const r = await f.call('get_campaign', { campaignId });
    expect(r.ok && JSON.parse(r.text)).toEqual(r.ok && r.value);
  });

  it('lists the core catalogue followed by extra tools, and refuses duplicate names', async () => {
    const f = await coreFixture({ extraTools: [boom] });
    const listed = f.core.registry.list().map((t) => t.name);
    expect(listed).toEqual([...coreTools.map((t) => t.name), 'boom']);
    expect(f.core.registry.get('roll_dice')?.title).toBe('Roll dice');
    expect(f.core.registry.get('nope')).toBeUndefined();

    const store = await openStore('memory://');
    const twice = () => createCore({ store, events: new InMemoryEventBus(), ownerToken: 't', clock: fixedClock(), random: seededRandom(1), extraTools: [boom, boom] });
    expect(twice).toThrow('Tool "boom" is defined twice');
  });

  it('never throws, even for an owner-only extra tool called with a campaign token', async () => {
    const ownerOnly = defineTool({ ...whoami, name: 'owner_only', access: 'owner' });
    const f = await coreFixture({ extraTools: [ownerOnly] });
    const campaignId = await f.campaign();
    const coGm = await f.member(campaignId, 'gm');
    const r = await f.call('owner_only', {}, coGm);
    expect(!r.ok && r.error).toMatchObject({ code: 'FORBIDDEN', message: 'owner_only needs the hub owner token; your token has the gm role' });
    expect((await f.call('owner_only', {}, ownerActor())).ok).toBe(true);
  });
});
