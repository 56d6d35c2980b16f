import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayload, opt, startDiscordStandIn } from '../../helpers/discord-standin.js';
import { handbookPdf } from '../../helpers/pdf-fixtures.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

let discord: Awaited<ReturnType<typeof startDiscordStandIn>>;
let hub: TestHub;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  hub = await startTestHub({ discord: { publicKey: discord.publicKeyHex, apiUrl: discord.apiUrl }, rules: { vectorStore: 'memory', embedder: { kind: 'hashing' } } });
  mkdirSync(join(hub.dataDir, 'books'), { recursive: true });
  writeFileSync(join(hub.dataDir, 'books', 'handbook.pdf'), await handbookPdf({ outline: true }));
  const added = await hub.api('add_source', { path: 'handbook.pdf', name: 'The Test Handbook', system: 'D&D 5e' });
  if (!added.body.ok) throw new Error(added.body.error.message);
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

describe('Discord /rules', () => {
  it('answers table talk with the passage, book and page, in any channel', async () => {
    const reply = await send(commandPayload('rules', [opt('query', 'AoO when teleporting')], { channelId: 'not-linked' }));
    const embed = reply.data.embeds[0];
    expect(embed.title).toBe('📖 AoO when teleporting');
    expect(embed.description).toMatch(/^\*\*The Test Handbook, p\. \d+\*\* · .*Opportunity Attacks/);
    expect(embed.description).toMatch(/teleport/);
    expect(embed.footer.text).toMatch(/searched for: .*opportunity attack/);
  });

  it('says a question is probably not in the books before showing the nearest passages', async () => {
    const reply = await send(commandPayload('rules', [opt('query', 'How do I configure a Kubernetes ingress controller?')], { channelId: 'not-linked' }));
    expect(reply.data.embeds[0].description).toMatch(/^\*Probably not in your books .*kubernetes.*\*\n\n\*\*The Test Handbook, pp?\. /);
  });

  it('completes book names and pages through results with buttons', async () => {
    const choices = await send({ ...commandPayload('rules', [{ name: 'query', type: 3, value: 'x' }, { name: 'book', type: 3, value: 'test', focused: true }]), type: 4 });
    expect(choices.data.choices).toEqual([{ name: 'The Test Handbook (D&D 5e)', value: 'The Test Handbook' }]);
    const first = await send(commandPayload('rules', [opt('query', 'combat attack creature'), opt('book', 'The Test Handbook')]));
    const buttons = first.data.components[0]?.components;
    expect(first.data.embeds[0].footer.text).toMatch(/page 1\/\d+/);
    expect(buttons.map((b: { label: string; disabled: boolean }) => [b.label, b.disabled])).toEqual([['◀', true], ['▶', false]]);
    const second = await send({ ...commandPayload('rules', []), type: 3, data: { custom_id: buttons[1].custom_id, component_type: 2 } });
    expect(second.type).toBe(7);
    expect(second.data.embeds[0].footer.text).toMatch(/page 2\//);
    expect(second.data.embeds[0].description).not.toBe(first.data.embeds[0].description);
    const expired = await send({ ...commandPayload('rules', []), type: 3, data: { custom_id: 'rules:gone:1', component_type: 2 } });
    expect(expired.data.content).toMatch(/expired/);
  });
});
