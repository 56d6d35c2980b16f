import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../../helpers/test-hub.js';

// Issue 14, defect 7: a player could grow one session to 20 MB, rewritten on every change, and a
// deeply nested item answered 500.
let hub: TestHub;
let campaignId: string;
let playerToken: string;
beforeAll(async () => {
  hub = await startTestHub({ limits: { maxNoteBytes: 50_000 } });
  campaignId = (await hub.api('create_campaign', { name: 'Bounded', system: 'D&D 5e' })).body.value.campaign.id;
  playerToken = (await hub.api('create_access_token', { campaignId, name: 'Pat', role: 'player' })).body.value.token;
  await hub.api('start_session', { campaignId });
});
afterAll(() => hub.close());

const recordSize = async () => {
  const { id } = (await hub.api('get_session', { campaignId })).body.value.session;
  return JSON.stringify(await hub.core.deps.store.get(`session:${id}`)).length;
};

describe('records that stay small', () => {
  it('keeps notes beside the session, so one change writes a bounded amount however many notes there are', async () => {
    const before = await recordSize();
    for (let i = 0; i < 5; i++) expect((await hub.api('add_session_note', { campaignId, note: `${i} ${'x'.repeat(9_990)}` }, playerToken)).status).toBe(200);
    expect(await recordSize()).toBeLessThan(before + 2000);
    const next = await hub.api('next_turn', { campaignId });
    expect(next.status).toBeLessThan(500);
    const notes = (await hub.api('get_session', { campaignId })).body.value.session.notes;
    expect(notes).toHaveLength(5);
    expect(notes[4].text.startsWith('4 ')).toBe(true);
  });

  it('refuses a note past the per-session size cap with a LIMIT naming the cap, and stores nothing', async () => {
    const v = (await hub.api('get_session', { campaignId })).body.value.session.version;
    const res = await hub.api('add_session_note', { campaignId, note: 'y'.repeat(9_990) }, playerToken);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'LIMIT', field: 'note' });
    expect(res.body.error.message).toMatch(/50000/);
    const after = (await hub.api('get_session', { campaignId })).body.value.session;
    expect(after.version).toBe(v);
    expect(after.notes).toHaveLength(5);
    // Counted for list_sessions without reading the notes.
    expect((await hub.api('list_sessions', { campaignId })).body.value.sessions[0].notes).toBe(5);
  });

  it('answers 400 VALIDATION, not 500, for an item nested 6000 deep, and changes nothing', async () => {
    // Written by hand: JSON.stringify itself overflows the stack on this.
    const deep = `${'{"d":'.repeat(6000)}"bottom"${'}'.repeat(6000)}`;
    const v = (await hub.api('get_campaign', { campaignId })).body.value.campaign.version;
    const body = `{"input":{"campaignId":"${campaignId}","operation":"add","dataType":"npcs","item":{"name":"Deep","lore":${deep}}}}`;
    const raw = await fetch(`${hub.url}/api/tools/update_campaign_data`, { method: 'POST', headers: { authorization: `Bearer ${OWNER_TOKEN}`, 'content-type': 'application/json' }, body });
    const res = { status: raw.status, body: (await raw.json()) as any };
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toMatch(/deep|nested/i);
    expect((await hub.api('get_campaign', { campaignId })).body.value.campaign.version).toBe(v);
  });
});
