import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import fc from 'fast-check';
import Keyv from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { fastDeserialize, fastSerialize } from '../../src/stores/keyv-serialization.js';
import { openStore } from '../../src/stores/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-serial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the store\'s fast deserializer', () => {
  it('reads rows written with keyv\'s default serializer exactly as keyv does, colons and all', async () => {
    const file = join(dir, 'hub.sqlite');
    const writer = new Keyv({ namespace: 'ns', store: new KeyvSqlite({ uri: `sqlite://${file}` }) });
    const values = [
      { text: ':) a smile', nested: [':colon', '::double', 'plain', 'say ":: hi"'], key: { ':odd': 1 } },
      { notes: ['no colons here'], n: 3, deep: { a: [1, 2, { b: null }] } },
      ':starts with a colon',
    ];
    for (const [i, v] of values.entries()) await writer.set(`k${i}`, v);
    const reference = await Promise.all(values.map((_, i) => writer.get(`k${i}`)));
    await writer.disconnect();
    const store = await openStore(`sqlite://${file}`, 'ns');
    for (const [i, expected] of reference.entries()) expect(await store.get(`k${i}`)).toEqual(expected);
    expect(reference[0]).toEqual(values[0]);
    await store.close();
  });
});

describe('the store\'s fast serializer', () => {
  // Strings that need keyv's escape, in every place a string can stand, plus look-alikes that do not.
  const colonish = fc.constantFrom(':', '::', ':x', ':base64:QUJD', 'a:', 'a,', 'a[', '"', '":', ',":', '[":', ':":', 'type', 'Buffer', '');
  const text = fc.oneof(fc.string(), colonish, fc.tuple(colonish, fc.string()).map(([a, b]) => a + b), fc.tuple(fc.string(), colonish).map(([a, b]) => a + b));
  const value = fc.letrec((tie) => ({
    leaf: fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true })),
    node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(text, tie('node'), { maxKeys: 5 }), fc.uint8Array({ maxLength: 8 }).map((a) => Buffer.from(a))),
  })).node;

  it('writes exactly what keyv\'s default serializer writes, for any JSON-like value with escapes, Buffers and Dates', () => {
    fc.assert(
      fc.property(value, (v) => {
        const row = { value: v, expires: undefined };
        expect(fastSerialize(row)).toBe(defaultSerialize(row));
      }),
      { numRuns: 3000 },
    );
  });

  it('and the fast deserializer reads any row keyv writes exactly as keyv reads it', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = defaultSerialize({ value: v, expires: undefined });
        expect(fastDeserialize(text)).toEqual(defaultDeserialize(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the default way for each pattern it must escape', () => {
    for (const v of [':a', [':a'], { k: ':a' }, { k: [1, ':a'] }, { ':k': 'v' }, { b: Buffer.from('hi') }, [Buffer.from('')], ['a,', ':b']]) {
      const row = { value: v, expires: undefined };
      expect(fastSerialize(row)).toBe(defaultSerialize(row));
    }
    expect(fastSerialize({ value: { k: ':a' } })).toBe('{"value":{"k":"::a"}}');
  });

  it('round-trips through the store: what is written reads back as it was', async () => {
    const store = await openStore('memory://', 'ns');
    const v = { at: new Date(0).toISOString(), notes: [':colon', 'plain'], raw: { ':key': 1 }, n: [1, null, 2.5] };
    await store.set('k', v);
    expect(await store.get('k')).toEqual(v);
    await store.close();
  });
});
