import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
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
