import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayload, opt, startDiscordStandIn, sub } from '../../helpers/discord-standin.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

let discord: Awaited<ReturnType<typeof startDiscordStandIn>>;
let hub: TestHub;
const ALICE = { userId: '444444444444', name: 'Alice' };
const BOB = { userId: '555555555555', name: 'Bob' };
const rogueText = readFileSync(resolve('test/fixtures/characters/roll20-v2-rogue5.json'), 'utf8');

beforeAll(async () => {
  discord = await startDiscordStandIn();
  hub = await startTestHub({ discord: { publicKey: discord.publicKeyHex, apiUrl: discord.apiUrl } });
  const campaignId = (await hub.api('create_campaign', { name: 'Saltmarsh', system: 'D&D 5e' })).body.value.campaign.id;
  const gmToken = (await hub.api('create_access_token', { campaignId, name: 'Discord', role: 'gm' })).body.value.token;
  await send(commandPayload('campaign', [sub('link', [opt('token', gmToken), opt('default', true)])], { manager: true, userId: '900000000' }));
});
afterAll(async () => {
  await hub.close();
  await discord.close();
});

async function send(payload: unknown) {
  const body = JSON.stringify(payload);
  const res = await fetch(`${hub.url}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', ...discord.sign(body) }, body });
  return (await res.json()) as any;
}
/** A command with a file attached, as Discord sends it: the option holds an id into data.resolved.attachments. */
function withFile(attachment: ReturnType<typeof discord.attach>, who: typeof ALICE) {
  const payload = commandPayload('character', [sub('import', [{ name: 'file', type: 11, value: attachment.id }])], who) as any;
  payload.data.resolved = { attachments: { [attachment.id]: attachment } };
  return payload;
}
const autocomplete = (name: string, options: unknown[], who = ALICE) => ({ ...commandPayload(name, options, who), type: 4 });

describe('Discord character commands', () => {
  it('imports a Roll20 file attached to /character import and makes it the active character', async () => {
    const reply = await send(withFile(discord.attach('Pip.json', rogueText), ALICE));
    expect(reply.data.content).toBe('Alice imported **Pip Quickfingers** (new): now your active character.');
    expect(discord.calls.some((c) => c.method === 'GET' && c.path.endsWith('/Pip.json'))).toBe(true);
    expect(reply.data.embeds[0]).toMatchObject({ title: 'Pip Quickfingers', description: 'Lightfoot Halfling · Rogue 5 (Thief) · Criminal' });
    expect(reply.data.embeds[0].fields[0].value).toBe('AC 15 · HP 33/38 (+4 temp) · Speed 25 ft · Initiative +4 · Proficiency +3');
    const sheet = await send(commandPayload('character', [sub('sheet')], ALICE));
    expect(sheet.data.embeds[0].fields.find((f: any) => f.name === 'Skills').value).toMatch(/Stealth \+10••/);
  });

  it('autocompletes the caller\'s skills and attacks with their bonuses', async () => {
    const skills = await send(autocomplete('check', [{ name: 'check', type: 3, value: 'ste', focused: true }]));
    expect(skills.type).toBe(8);
    expect(skills.data.choices).toEqual([{ name: 'Stealth (+10)', value: 'stealth' }]);
    const attacks = await send(autocomplete('attack', [{ name: 'attack', type: 3, value: '', focused: true }]));
    expect(attacks.data.choices.map((c: any) => c.name)).toEqual(['Shortbow (+7, 1d6+4 Piercing)', 'Shortsword (+7, 1d6+4 Piercing)']);
  });

  it('/check stealth rolls d20 + 10 for the active character; /save dex + 7', async () => {
    const events: any[] = [];
    const stop = hub.core.deps.events.subscribe((e) => events.push(e));
    const reply = await send(commandPayload('check', [opt('check', 'stealth')], ALICE));
    stop();
    const embed = reply.data.embeds[0];
    expect(embed.fields[0].name).toBe('Pip Quickfingers: Stealth: 1d20+10');
    const total = Number(/: (\d+)$/.exec(embed.title)![1]);
    expect(embed.title).toMatch(/^🎲 Pip Quickfingers: Stealth: \d+$/);
    expect(total).toBeGreaterThanOrEqual(11);
    expect(total).toBeLessThanOrEqual(30);
    expect(embed.footer.text).toBe('Pip Quickfingers · Alice');
    // The same dice.rolled event every other surface (overlays, Foundry) listens to.
    expect(events.find((e) => e.type === 'dice.rolled')).toMatchObject({ actor: { id: `discord:${ALICE.userId}` }, rolls: [{ label: 'Pip Quickfingers: Stealth', total }] });
    const save = await send(commandPayload('save', [opt('ability', 'dex'), opt('advantage', true)], ALICE));
    expect(save.data.embeds[0].fields[0].name).toBe('Pip Quickfingers: Dexterity save: 2d20kh1+7');
  });

  it('/attack rolls to-hit and damage', async () => {
    const reply = await send(commandPayload('attack', [opt('attack', 'Shortsword')], ALICE));
    const embed = reply.data.embeds[0];
    const [hit, damage] = embed.fields;
    expect(hit.name).toBe('Pip Quickfingers: Shortsword (to hit): 1d20+7');
    expect(damage.name).toMatch(/^Pip Quickfingers: Shortsword \((critical )?Piercing\): (1d6|2d6)\+4$/);
    // The total is the bold number on its own line (a natural 20 or 1 among the dice is bold too).
    const toHit = Number(/\n\*\*(\d+)\*\*/.exec(hit.value)![1]);
    const dmg = Number(/\n\*\*(\d+)\*\*/.exec(damage.value)![1]);
    expect(embed.title).toMatch(new RegExp(`^⚔️ Pip Quickfingers: Shortsword: ${toHit} to hit, ${dmg} damage$`));
    expect(toHit).toBeGreaterThanOrEqual(8);
    expect(dmg).toBeGreaterThanOrEqual(5);
  });

  it('/init join enters the active character with its name, AC, HP and initiative bonus', async () => {
    await send(commandPayload('session', [sub('start', [opt('name', 'Night one')])], { manager: true, userId: '900000000' }));
    const joined = await send(commandPayload('init', [sub('join')], ALICE));
    expect(joined.data.content).toMatch(/^Pip Quickfingers joins with initiative (\d+)\.$/);
    const initiative = Number(/initiative (\d+)/.exec(joined.data.content)![1]);
    expect(initiative).toBeGreaterThanOrEqual(5);
    expect(initiative).toBeLessThanOrEqual(24);
    expect(joined.data.embeds[0].description).toMatch(/Pip Quickfingers · 33\/38\+4 HP/);
  });

  it('answers clearly without a character, for a Roll20 link, and for an oversized file (not downloaded)', async () => {
    expect((await send(commandPayload('check', [opt('check', 'stealth')], BOB))).data.content).toMatch(/^❌ You have no character in this campaign/);
    expect((await send(commandPayload('character', [sub('import', [opt('url', 'https://app.roll20.net/campaigns/details/1')])], BOB))).data.content).toMatch(/Roll20 has no public API/);
    const huge = discord.attach('huge.json', '{}', 50 * 1024 * 1024);
    const refused = await send(withFile(huge, BOB));
    expect(refused.data.content).toMatch(/huge\.json is 50\.0 MB: the import limit is 8 MB/);
    expect(discord.calls.some((c) => c.path.includes('huge.json'))).toBe(false);
    const html = await send(withFile(discord.attach('page.json', '<!DOCTYPE html><html><body>Log in</body></html>'), BOB));
    expect(html.data.content).toMatch(/HTML page, not a character export/);
    const list = await send(commandPayload('character', [sub('list')], BOB));
    expect(list.data.embeds[0].description).toBe(`**Pip Quickfingers**: Rogue 5 (Thief), AC 15, HP 33/38 · <@${ALICE.userId}>`);
  });
});
