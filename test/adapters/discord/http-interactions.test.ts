import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayload, opt, startDiscordStandIn, sub } from '../../helpers/discord-standin.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

let discord: Awaited<ReturnType<typeof startDiscordStandIn>>;
let hub: TestHub;
let campaignId: string;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  hub = await startTestHub({ discord: { publicKey: discord.publicKeyHex, apiUrl: discord.apiUrl } });
  campaignId = (await hub.api('create_campaign', { name: 'Discord Dungeon', system: 'D&D 5e' })).body.value.campaign.id;
});
afterAll(async () => {
  await hub.close();
  await discord.close();
});

/** POSTs an interaction signed with the application's key, as Discord does. */
async function send(payload: unknown, headers?: Record<string, string>) {
  const body = JSON.stringify(payload);
  const res = await fetch(`${hub.url}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(headers ?? discord.sign(body)) }, body });
  return { status: res.status, body: (await res.json()) as any };
}

describe('Discord HTTP interactions endpoint', () => {
  it('answers PING and refuses bad, missing or stale signatures with 401', async () => {
    expect(await send({ id: '1', application_id: '1', type: 1, token: 't' })).toEqual({ status: 200, body: { type: 1 } });
    const body = JSON.stringify({ id: '1', application_id: '1', type: 1, token: 't' });
    const forged = discord.sign(JSON.stringify({ id: '2', application_id: '1', type: 1, token: 't' }));
    expect((await send(JSON.parse(body), { ...forged })).status).toBe(401);
    expect((await send(JSON.parse(body), {})).status).toBe(401);
    expect((await send(JSON.parse(body), discord.sign(body, String(Math.floor(Date.now() / 1000) - 3600)))).status).toBe(401);
  });

  it('rejects a signed but malformed payload with 400 naming what is wrong', async () => {
    const res = await fetch(`${hub.url}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', ...discord.sign('{"type":') }, body: '{"type":' });
    expect(res.status).toBe(400);
    const missing = await send({ type: 2, id: '1' });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/application_id/);
  });

  it('rolls dice with a breakdown embed and a roll-again button, even outside a campaign', async () => {
    const { body } = await send(commandPayload('roll', [opt('expression', '4d6kh3 # strength')]));
    expect(body.type).toBe(4);
    const embed = body.data.embeds[0];
    expect(embed.title).toMatch(/^🎲 strength: \d+$/);
    expect(embed.fields[0].value).toMatch(/4d6kh3 \[.*~~\d~~.*\]/); // the dropped die is struck through
    expect(body.data.components[0].components[0]).toMatchObject({ label: 'Roll again', custom_id: 'roll:4d6kh3 # strength' });
    expect(body.data.flags).toBe(0);
  });

  it('rolls critical damage by the server\'s crit rule, which only a GM may change', async () => {
    const player = await send(commandPayload('campaign', [sub('critrule', [opt('rule', 'max-plus-roll')])]));
    expect(player.body.data.content).toMatch(/Only GMs/);
    await send(commandPayload('campaign', [sub('critrule', [opt('rule', 'max-plus-roll')])], { manager: true, guildId: '223' }));
    const { body } = await send(commandPayload('roll', [opt('expression', '2d6+3 # greatsword'), opt('crit', true)], { guildId: '223' }));
    expect(body.data.embeds[0].fields[0].name).toBe('greatsword: 12+2d6+3');
    const plain = await send(commandPayload('roll', [opt('expression', '2d6+3'), opt('crit', true)], { guildId: '224' }));
    expect(plain.body.data.embeds[0].fields[0].name).toBe('4d6+3'); // the default rule doubles the dice
  });

  it('generates an NPC with its stat block', async () => {
    const { body } = await send(commandPayload('npc', [opt('role', 'innkeeper'), opt('level', 3)]));
    const embed = body.data.embeds[0];
    expect(embed.description).toMatch(/^\*\w+ innkeeper, level 3\*: /);
    expect(embed.fields.map((f: { name: string }) => f.name)).toEqual(['Personality', 'Hook', 'Stats', 'Skills', 'Gear']);
    expect(embed.fields[2].value).toMatch(/^AC \d+ · HP \d+ · Speed \d+ ft\nSTR \d+ \([+-]\d+\)/);
  });

  it('answers bad dice notation privately with how to fix it', async () => {
    const { body } = await send(commandPayload('roll', [opt('expression', '1d20+')]));
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/^❌ Could not read "1d20\+" at position 6/);
  });

  it('links a channel with a GM token, then runs initiative with mentions, GM checks and autocomplete', async () => {
    const gmToken = (await hub.api('create_access_token', { campaignId, name: 'Discord', role: 'gm' })).body.value.token;
    const notManager = await send(commandPayload('campaign', [sub('link', [opt('token', gmToken)])]));
    expect(notManager.body.data.content).toMatch(/Only GMs/);
    const linked = await send(commandPayload('campaign', [sub('link', [opt('token', gmToken), opt('default', true)])], { manager: true, userId: '900', name: 'Dungeon Master' }));
    expect(linked.body.data).toMatchObject({ flags: 64, content: expect.stringContaining('every unlinked channel of the server) now plays **Discord Dungeon**') });
    // Another channel of the server, not linked itself, follows the default campaign.
    const info = await send(commandPayload('campaign', [sub('info')], { channelId: '999' }));
    expect(info.body.data.embeds[0].title).toBe('Discord Dungeon');

    const noSession = await send(commandPayload('init', [sub('join', [opt('initiative', 17)])]));
    expect(noSession.body.data.content).toMatch(/No session is active/);
    await send(commandPayload('session', [sub('start', [opt('name', 'Night one')])], { manager: true }));

    const joined = await send(commandPayload('init', [sub('join', [opt('initiative', 17), opt('hp', 24)])], { userId: '444', name: 'Alice' }));
    expect(joined.body.data.content).toBe('Alice joins with initiative 17.');
    const refused = await send(commandPayload('init', [sub('add', [opt('name', 'Goblin'), opt('count', 2)])]));
    expect(refused.body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^❌ Players may add only their own characters/) });
    await send(commandPayload('init', [sub('add', [opt('name', 'Goblin'), opt('count', 2), opt('initiative', 12), opt('hp', 7)])], { manager: true }));

    const next = await send(commandPayload('init', [sub('next')]));
    // The goblins tie on 12 and bonus 0: the random tie-break decides which goes first.
    expect(next.body.data.content).toMatch(/^Round 1: <@444> \(Alice\) is up\. Next: \*\*Goblin [12]\*\*\.$/);
    expect(next.body.data.embeds[0].description).toMatch(/▶ `17` \*\*Alice\*\*/);
    expect(next.body.data.allowed_mentions).toEqual({ parse: ['users'] });

    const choices = await send({ ...commandPayload('hp', [{ name: 'combatant', type: 3, value: 'gob', focused: true }]), type: 4 });
    expect(choices.body.type).toBe(8);
    expect(choices.body.data.choices.map((c: { name: string }) => c.name).sort()).toEqual(['Goblin 1', 'Goblin 2']);
    const goblin = choices.body.data.choices[0].value;
    const hit = await send(commandPayload('hp', [opt('combatant', goblin), opt('damage', 5)]));
    // Players may not damage monsters; the GM may, and the table sees the goblin bloodied.
    expect(hit.body.data.content).toMatch(/^❌ Only the GM can change Goblin [12]/);
    const gmHit = await send(commandPayload('hp', [opt('combatant', goblin), opt('damage', 5)], { manager: true }));
    expect(gmHit.body.data.embeds[0].description).toMatch(/Goblin [12] · 2\/7 HP/);

    const button = await send({ ...commandPayload('init', []), type: 3, data: { custom_id: 'init:next', component_type: 2 } });
    expect(button.body.type).toBe(7); // edits the initiative message in place
    expect(button.body.data.content).toMatch(/Round 1: \*\*Goblin [12]\*\* is up/);
  });

  it('keeps a secret roll private and still tells the hub\'s GM', async () => {
    const events: any[] = [];
    const stop = hub.core.deps.events.subscribe((e) => events.push(e));
    const { body } = await send(commandPayload('roll', [opt('expression', '1d20+3 # insight'), opt('secret', true)]));
    stop();
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0].title).toMatch(/^🤫 insight/);
    expect(events.find((e) => e.type === 'dice.rolled')).toMatchObject({ secret: true, campaignId, actor: { id: 'discord:444', name: 'Alice' } });
  });
});

describe('Discord deferral', () => {
  it('acknowledges at once and edits the answer in when a command is slow', async () => {
    const slow = await startTestHub({ discord: { publicKey: discord.publicKeyHex, apiUrl: discord.apiUrl, deferAfterMs: 0 } });
    try {
      const payload = commandPayload('roll', [opt('expression', '2d6+1')]);
      const body = JSON.stringify(payload);
      const res = await fetch(`${slow.url}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', ...discord.sign(body) }, body });
      expect(await res.json()).toEqual({ type: 5 });
      const edit = await discord.waitFor((c) => c.method === 'PATCH' && c.path === `/webhooks/${payload.application_id}/${payload.token}/messages/@original`, 'the edit');
      expect(edit.body.embeds[0].title).toMatch(/^🎲 2d6\+1: \d+$/);
    } finally {
      await slow.close();
    }
  });
});
