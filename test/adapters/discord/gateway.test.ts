import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ID, commandPayload, opt, startDiscordStandIn, sub } from '../../helpers/discord-standin.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

// The real discord.js Client logs in to a local stand-in of Discord's REST API and gateway.
let discord: Awaited<ReturnType<typeof startDiscordStandIn>>;
let hub: TestHub;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  hub = await startTestHub({ discord: { token: 'bot.token.for-tests', applicationId: APP_ID, apiUrl: discord.apiUrl, shards: 1 } });
  await discord.ready;
});
afterAll(async () => {
  await hub.close();
  await discord.close();
});

describe('Discord gateway bot', () => {
  it('answers a slash command dispatched over the gateway through the interaction callback', async () => {
    const payload = commandPayload('roll', [opt('expression', '1d20+5 adv # stealth')]);
    discord.dispatch('INTERACTION_CREATE', payload);
    const callback = await discord.waitFor((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`, 'the /roll callback');
    expect(callback.method).toBe('POST');
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.embeds[0].title).toMatch(/^🎲 stealth: \d+$/);
    expect(callback.body.data.embeds[0].fields[0].name).toBe('stealth: 2d20kh1+5');
  });

  it('posts rolls and turns made elsewhere into the linked channel, and does not echo its own', async () => {
    const campaignId = (await hub.api('create_campaign', { name: 'Gateway Games', system: 'D&D 5e' })).body.value.campaign.id;
    const gmToken = (await hub.api('create_access_token', { campaignId, name: 'Discord', role: 'gm' })).body.value.token;
    const link = commandPayload('campaign', [sub('link', [opt('token', gmToken)])], { manager: true, channelId: '777' });
    discord.dispatch('INTERACTION_CREATE', link);
    await discord.waitFor((c) => c.path.startsWith(`/interactions/${link.id}/`), 'the link reply');
    await hub.api('start_session', { campaignId });

    // A roll through the HTTP API (as Foundry or the web would) reaches the channel.
    await hub.api('roll_dice', { campaignId, expression: '1d8+2 # longsword' });
    const posted = await discord.waitFor((c) => c.method === 'POST' && c.path === '/channels/777/messages' && c.body.embeds?.[0]?.title?.includes('longsword'), 'the posted roll');
    expect(posted.body.embeds[0].footer.text).toBe('Owner');

    // A roll made in the linked channel itself is answered there and not posted again.
    const own = commandPayload('roll', [opt('expression', '1d4 # own roll')], { channelId: '777' });
    discord.dispatch('INTERACTION_CREATE', own);
    await discord.waitFor((c) => c.path.startsWith(`/interactions/${own.id}/`), 'the own-roll reply');
    await hub.api('roll_dice', { campaignId, expression: '1d6 # marker' });
    await discord.waitFor((c) => c.path === '/channels/777/messages' && c.body.embeds?.[0]?.title?.includes('marker'), 'the marker roll');
    expect(discord.calls.filter((c) => c.path === '/channels/777/messages' && c.body.embeds?.[0]?.title?.includes('own roll'))).toHaveLength(0);

    // Secret rolls never reach the table channel.
    await hub.api('roll_dice', { campaignId, expression: '1d20 # hidden', secret: true });
    await hub.api('add_combatants', { campaignId, combatants: [{ name: 'Wight', initiative: 15 }] });
    await hub.api('next_turn', { campaignId });
    await discord.waitFor((c) => c.path === '/channels/777/messages' && /Round 1: \*\*Wight\*\* is up/.test(c.body.content ?? ''), 'the turn announcement');
    expect(discord.calls.some((c) => c.path === '/channels/777/messages' && JSON.stringify(c.body).includes('hidden'))).toBe(false);
  });

  it('registers the commands per server with `ttrpg-hub discord:register`', async () => {
    // Asynchronously: the stand-in answering the CLI lives in this process.
    const run = await promisify(execFile)(process.execPath, [resolve('bin/ttrpg-hub.js'), 'discord:register', '--guild', '222'], {
      env: { ...process.env, DISCORD_TOKEN: 'bot.token.for-tests', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: discord.apiUrl },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('Registered /roll, /init, /hp, /campaign, /session, /npc, /rules, /ask in server 222\n');
    const put = discord.calls.find((c) => c.method === 'PUT' && c.path === `/applications/${APP_ID}/guilds/222/commands`)!;
    const roll = put.body.find((c: { name: string }) => c.name === 'roll');
    expect(roll.options[0]).toMatchObject({ name: 'expression', type: 3, required: true, max_length: 1000 });
    const add = put.body.find((c: { name: string }) => c.name === 'init').options.find((o: { name: string }) => o.name === 'add');
    expect(add.options.map((o: { name: string }) => o.name)).toContain('initiative_bonus');
  });
});
