import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayload, opt, startDiscordStandIn, sub } from '../../helpers/discord-standin.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

let discord: Awaited<ReturnType<typeof startDiscordStandIn>>;
let hub: TestHub;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  hub = await startTestHub({ discord: { publicKey: discord.publicKeyHex, apiUrl: discord.apiUrl } });
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
const generate = (name: string, options: unknown[], who: Parameters<typeof commandPayload>[2] = {}) => send(commandPayload('generate', [sub(name, options)], who));

describe('/generate', () => {
  it('registers character, npc and encounter with options from the tools\' schemas', async () => {
    const { commandDefinitions } = await import('../../../src/adapters/discord/command-router.js');
    const generateDef = commandDefinitions(hub.core.registry).find((c) => c.name === 'generate')!;
    const [character, npc, encounter] = generateDef.options as any[];
    expect(character.options.find((o: any) => o.name === 'class').choices.map((c: any) => c.value)).toContain('Wizard');
    expect(character.options.find((o: any) => o.name === 'method').choices.map((c: any) => c.value)).toEqual(['standard-array', 'point-buy', '4d6-drop-lowest']);
    expect(character.options.find((o: any) => o.name === 'level')).toMatchObject({ type: 4, min_value: 1, max_value: 20 });
    expect(npc.options.find((o: any) => o.name === 'genre').choices).toHaveLength(9);
    expect(encounter.options.map((o: any) => o.name)).toEqual(['party', 'difficulty', 'environment', 'seed', 'add_to_initiative']);
  });

  it('generates a character sheet as an embed', async () => {
    const body = await generate('character', [opt('class', 'Paladin'), opt('level', 5), opt('method', 'point-buy'), opt('seed', 12)]);
    const embed = body.data.embeds[0];
    expect(embed.description).toMatch(/^\*Level 5 .+ Paladin \(Oath of Devotion\), Acolyte\*$/);
    expect(embed.fields.map((f: any) => f.name)).toEqual(['Combat', 'Abilities', 'Skills', 'Attacks', 'Spells', 'Backstory']);
    expect(embed.fields[0].value).toMatch(/^AC \d+ · HP \d+ · Speed \d+ ft · Initiative [+-]\d+ · Proficiency \+3$/);
    expect(embed.fields[4].value).toMatch(/^Slots 4\/2/);
  });

  it('generates a genre NPC, keeping the secret for the GM', async () => {
    const player = await generate('npc', [opt('genre', 'cyberpunk'), opt('role', 'fixer')]);
    expect(player.data.embeds[0].description).toMatch(/ fixer, level 1 \(cyberpunk\)\*: /);
    expect(player.data.embeds[0].fields.map((f: any) => f.name)).not.toContain('Secret (GM)');
    const gm = await generate('npc', [opt('genre', 'cyberpunk'), opt('challenge', '3')], { manager: true });
    expect(gm.data.flags).toBe(64);
    expect(gm.data.embeds[0].fields.map((f: any) => f.name)).toContain('Secret (GM)');
    const bad = await generate('npc', [opt('genre', 'superhero'), opt('role', 'innkeeper')]);
    expect(bad.data.content).toMatch(/^❌ .*"vigilante"/);
  });

  it('balances an encounter for the party typed as levels, and explains a bad party', async () => {
    const body = await generate('encounter', [opt('party', '5, 5, 5, 4'), opt('difficulty', 'hard'), opt('environment', 'forest')]);
    const embed = body.data.embeds[0];
    expect(embed.title).toBe('⚔️ Hard encounter (forest)');
    expect(embed.fields[1].value).toBe('Easy 875 · Medium 1750 · Hard 2625 · Deadly 3800');
    const adjusted = Number(/\*\*(\d+(?:\.\d+)?)\*\* adjusted/.exec(embed.fields[0].value)![1]);
    expect(adjusted).toBeGreaterThanOrEqual(2625);
    expect(adjusted).toBeLessThan(3800);
    expect((await generate('encounter', [opt('party', 'five')])).data.content).toMatch(/party: expected character levels/);
    expect((await generate('encounter', [opt('party', '5,99')])).data.content).toMatch(/1 to 20/);
  });
});
