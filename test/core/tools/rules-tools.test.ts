import { afterEach, describe, expect, it } from 'vitest';
import { fail, viewEvent, type Embedder, type Progress } from '../../../src/core/index.js';
import { rulesFixture, type RulesFixture } from '../../helpers/rules-fixture.js';

let f: RulesFixture;
afterEach(() => f?.cleanup());

const add = (path: string, name = 'Test Handbook', extra: Record<string, unknown> = {}) => f.ok('add_source', { path, name, system: 'D&D 5e', ...extra });
const search = (query: string, extra: Record<string, unknown> = {}) => f.ok('search', { query, ...extra });
const top = async (query: string, extra: Record<string, unknown> = {}) => (await search(query, extra)).results[0];

describe('add_source and search', () => {
  it('ingests a book with headings, two columns, a table, a stat block and spells, and finds each with book, page and section', async () => {
    f = await rulesFixture();
    const { source, unchanged, warnings } = await add(f.files['handbook.pdf']!);
    expect(unchanged).toBe(false);
    expect(warnings).toEqual([]);
    expect(source).toMatchObject({ name: 'Test Handbook', system: 'D&D 5e', sourceType: 'rulebook', pages: 6, structure: 'outline', embedded: true });
    expect(source.contentTypes).toMatchObject({ spell: 2, stat_block: 1, table: 1 });

    expect(await top('Can I avoid an opportunity attack by teleporting?')).toMatchObject({
      source: { name: 'Test Handbook' },
      page: 2,
      sectionPath: ['CHAPTER 1: COMBAT', 'Opportunity Attacks'],
      section: 'CHAPTER 1: COMBAT > Opportunity Attacks',
      contentType: 'rule',
    });
    const fireball = await top('fireball damage', { contentType: 'spell' });
    expect(fireball).toMatchObject({ page: 6, contentType: 'spell', sectionPath: ['CHAPTER 3: SPELLS', 'Fireball'] });
    expect(fireball.text).toContain('8d6 fire damage');
    expect(await top('goblin armor class and hit points')).toMatchObject({ page: 5, contentType: 'stat_block', sectionPath: ['CHAPTER 2: MONSTERS', 'Goblin'] });

    // The table stays one passage, caption and rows together.
    const table = await top('half cover bonus to AC', { contentType: 'table' });
    expect(table).toMatchObject({ page: 4, sectionPath: ['CHAPTER 1: COMBAT', 'Cover'] });
    expect(table.text).toBe('Cover Bonuses\nDegree | AC bonus | Dexterity save bonus\nHalf cover | +2 | +2\nThree-quarters cover | +5 | +5\nTotal cover | Cannot be targeted | None');

    // Two columns whose lines pdf.js interleaves come back in reading order.
    const mounted = await top('knight charging on a warhorse');
    expect(mounted.page).toBe(3);
    expect(mounted.text).toMatch(/^A knight charging into battle on a warhorse, a wizard casting spells from the back of a griffon/);
    expect(mounted.text).toContain('A willing creature that is at least one size larger than you');

    // Running headers and page numbers are not part of any passage.
    const everything = await search('creature', { maxResults: 20 });
    expect(everything.results.length).toBeGreaterThan(3);
    for (const r of everything.results) expect(r.text).not.toContain('The Test Handbook');
  });

  it('recovers the same structure from the text alone when the PDF has no bookmarks', async () => {
    f = await rulesFixture();
    const { source } = await add(f.files['handbook-plain.pdf']!);
    expect(source).toMatchObject({ structure: 'text', pages: 6 });
    expect(source.contentTypes).toMatchObject({ spell: 2, stat_block: 1, table: 1 });
    expect(await top('opportunity attack')).toMatchObject({ page: 2, sectionPath: ['CHAPTER 1: COMBAT', 'Opportunity Attacks'] });
    expect(await top('fireball')).toMatchObject({ page: 6, contentType: 'spell', sectionPath: ['CHAPTER 3: SPELLS', 'Fireball'] });
    expect((await top('goblin nimble escape')).text).toContain('Scimitar. Melee Weapon Attack');
  });

  it('reports progress to the caller and as source.ingest_progress events that only GMs receive', async () => {
    f = await rulesFixture();
    const progress: Progress[] = [];
    const result = await f.core.registry.call('add_source', { path: f.files['handbook.pdf'], name: 'Test Handbook', system: 'D&D 5e' }, { actor: f.owner, progress: (p) => progress.push(p) });
    expect(result.ok).toBe(true);
    const phases = [...new Set(progress.map((p) => p.message!.split(':')[0]))];
    expect(phases).toEqual(['queued', 'reading', 'structuring', 'embedding', 'indexing', 'done']);
    expect(progress.map((p) => p.progress)).toEqual([...progress.map((p) => p.progress)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ progress: 100, total: 100 });

    const events = f.eventsOf('source.ingest_progress');
    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['queued', 'reading', 'structuring', 'embedding', 'indexing', 'done']));
    expect(events[0]).toMatchObject({ campaignId: null, name: 'Test Handbook', fileName: 'handbook.pdf' });
    for (const e of events) expect(viewEvent(e, 'table')).toBeNull();
  });

  it('changes nothing when the same file is added again, under any name', async () => {
    f = await rulesFixture();
    const first = await add(f.files['handbook.pdf']!);
    const again = await add(f.files['handbook.pdf']!, 'Another Name');
    expect(again).toMatchObject({ unchanged: true, source: { id: first.source.id, version: first.source.version }, job: { phase: 'unchanged' } });
    expect(again.job.message).toMatch(/Already in the library as "Test Handbook"/);
    expect((await f.ok('list_sources')).sources).toHaveLength(1);
  });

  it('replaces a book with a new edition atomically: searches see the old one until the new one is complete', async () => {
    f = await rulesFixture();
    const first = await add(f.files['handbook.pdf']!);
    const queued = await add(f.files['handbook-2e.pdf']!, 'Test Handbook', { wait: false });
    expect(queued).toMatchObject({ source: null, job: { name: 'Test Handbook', sourceId: first.source.id } });
    // While the new edition is read, the old one answers.
    expect((await top('grapple contested Athletics check')).text).toContain('contested by the target');
    const ingesting = await f.ok('list_sources');
    expect(ingesting.ingesting).toEqual([expect.objectContaining({ jobId: queued.job.jobId })]);

    await waitFor(async () => (await f.ok('list_sources')).ingesting.length === 0);
    const { sources } = await f.ok('list_sources');
    expect(sources).toEqual([expect.objectContaining({ id: first.source.id, addedAt: first.source.addedAt })]);
    expect(sources[0].version).not.toBe(first.source.version);
    expect((await top('grapple escape DC')).text).toContain('grapple escape DC of 8');
    const all = await search('grapple', { maxResults: 20 });
    expect(all.results.every((r: { text: string }) => !r.text.includes('contested by the target'))).toBe(true);
    // The old edition's passages and vectors are gone.
    expect(await f.core.deps.store.get(`rules:chunks:${first.source.id}:${first.source.version}`)).toBeUndefined();
    expect(await f.vectors.count(first.source.id, first.source.version)).toBe(0);
  });

  it('rejects files it cannot use with a clear error and leaves the library unchanged', async () => {
    f = await rulesFixture();
    const cases: [string, string, RegExp][] = [
      [f.files['notes.pdf']!, 'BAD_FILE', /notes\.pdf is not a PDF: it starts with "These ar", a PDF starts with "%PDF-"/],
      [f.files['encrypted.pdf']!, 'BAD_FILE', /encrypted\.pdf is encrypted and needs a password/],
      [f.files['scan.pdf']!, 'BAD_FILE', /scan\.pdf has no text layer on 3 of its 3 pages \(a scan\?\): run OCR/],
      ['/etc/hosts', 'FORBIDDEN', /\/etc\/hosts is outside the folders the hub may read books from/],
      [`${f.books}/missing.pdf`, 'NOT_FOUND', /There is no file at .*missing\.pdf/],
    ];
    for (const [path, code, message] of cases) {
      expect(await f.fail('add_source', { path, name: 'Bad', system: 'D&D 5e' }), path).toMatchObject({ code, field: 'path', message: expect.stringMatching(message) });
    }
    expect(await f.ok('list_sources')).toEqual({ sources: [], ingesting: [] });
    expect(await f.core.deps.store.get('rules:catalogue')).toMatchObject({ sources: [], pending: [] });
    expect((await search('grapple')).note).toMatch(/The library is empty/);
  });

  it('cancels an ingestion when the call is cancelled, leaving the library as it was', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    const controller = new AbortController();
    const call = f.core.registry.call('add_source', { path: f.files['long.pdf'], name: 'Long Book', system: 'D&D 5e' }, {
      actor: f.owner,
      signal: controller.signal,
      progress: (p) => void (p.message?.startsWith('reading: Read page') && controller.abort()),
    });
    const result = await call;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringMatching(/Ingestion of "Long Book" was cancelled; the library is unchanged/) } });
    const { sources, ingesting } = await f.ok('list_sources');
    expect(sources.map((s: { name: string }) => s.name)).toEqual(['Test Handbook']);
    expect(ingesting).toEqual([]);
    expect(await f.core.deps.store.get('rules:catalogue')).toMatchObject({ pending: [] });
    expect(f.eventsOf('source.ingest_progress').at(-1)).toMatchObject({ name: 'Long Book', phase: 'cancelled' });
  });

  it('removes a book with its passages and vectors', async () => {
    f = await rulesFixture();
    const { source } = await add(f.files['handbook.pdf']!);
    expect(await f.ok('remove_source', { source: 'test handbook' })).toMatchObject({ removed: { id: source.id }, cancelledJobs: 0 });
    expect((await search('fireball')).results).toEqual([]);
    expect(await f.vectors.count(source.id, source.version)).toBe(0);
    expect(await f.fail('remove_source', { source: 'Test Handbook' })).toMatchObject({ code: 'NOT_FOUND', field: 'source' });
  });
});

describe('who may use the library', () => {
  it('lets only the owner add or remove books; players and GMs search; viewers do not', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    const campaignId = await f.campaign();
    const gm = await f.member(campaignId, 'gm');
    const player = await f.member(campaignId, 'player');
    const viewer = await f.member(campaignId, 'viewer');
    for (const who of [gm, player]) {
      expect(await f.fail('add_source', { path: f.files['long.pdf'], name: 'X', system: 'D&D 5e' }, who)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await f.fail('remove_source', { source: 'Test Handbook' }, who)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await f.ok('search', { query: 'fireball' }, who)).results[0].sectionPath).toContain('Fireball');
    }
    expect(await f.fail('search', { query: 'fireball' }, viewer)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows GM-only books to GMs and to nobody else', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!, 'Secret Adventure', { gmOnly: true });
    const campaignId = await f.campaign();
    const gm = await f.member(campaignId, 'gm');
    const player = await f.member(campaignId, 'player');
    expect((await f.ok('search', { query: 'goblin' }, gm)).results.length).toBeGreaterThan(0);
    expect((await f.ok('list_sources', {}, gm)).sources).toHaveLength(1);
    expect((await f.ok('search', { query: 'goblin' }, player)).results).toEqual([]);
    expect((await f.ok('list_sources', {}, player)).sources).toEqual([]);
    expect(await f.fail('search', { query: 'goblin', book: 'Secret Adventure' }, player)).toMatchObject({ code: 'NOT_FOUND', field: 'book' });
  });
});

describe('search', () => {
  it('understands table talk and typos', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    const aoo = await search('does teleporting provoke an AoO?');
    expect(aoo.query.expansions).toEqual([
      { from: 'aoo', to: 'opportunity attack' },
      { from: 'teleporting', to: 'teleportation teleport' },
    ]);
    expect(aoo.results[0].sectionPath).toContain('Opportunity Attacks');
    const typo = await search('oportunity atack when i teleport');
    expect(typo.query.corrections).toEqual(expect.arrayContaining([expect.objectContaining({ from: 'oportunity' }), expect.objectContaining({ from: 'atack' })]));
    expect(typo.results[0].sectionPath).toContain('Opportunity Attacks');
    expect((await search('fierball damage')).results[0].sectionPath).toContain('Fireball');
  });

  it('answers a question the books do not cover with the nearest passages, labelled probably not in the books', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    const answer = await search('How do I configure a Kubernetes ingress controller?');
    expect(answer.confidence).toBe('not_found');
    expect(answer.note).toMatch(/Probably not in your books \(they never mention .*kubernetes/);
    for (const r of answer.results) expect(r.score).toBeLessThan(0.3);
    const text = (await f.call('search', { query: 'How do I configure a Kubernetes ingress controller?' })) as { ok: true; text: string };
    expect(text.text).toMatch(/Probably not in your books/);
  });

  it('searches a rewritten question too when a rewrite hook is given (off by default)', async () => {
    const asked: string[] = [];
    // A deterministic stand-in for the AI game master's rewrite: table talk to the book's words.
    f = await rulesFixture({ rules: { rewriteQuery: async (q) => (asked.push(q), /crouches/.test(q) ? 'half cover or three-quarters cover' : null) } });
    await add(f.files['handbook.pdf']!);
    const answer = await search('the bandit crouches out of sight, how much harder is he to hit?', { mode: 'keyword' });
    expect(asked).toEqual(['the bandit crouches out of sight, how much harder is he to hit?']);
    expect(answer.results.slice(0, 2).map((r: { sectionPath: string[] }) => r.sectionPath.at(-1))).toContain('Cover');
    expect(answer.query.text).toContain('half cover or three quarters cover');
    const plain = await rulesFixture();
    try {
      await plain.ok('add_source', { path: plain.files['handbook.pdf'], name: 'Test Handbook', system: 'D&D 5e' });
      const without = await plain.ok('search', { query: 'the bandit crouches out of sight, how much harder is he to hit?', mode: 'keyword' });
      expect(without.results.slice(0, 2).map((r: { sectionPath: string[] }) => r.sectionPath.at(-1))).not.toContain('Cover');
    } finally {
      plain.cleanup();
    }
  });

  it('refuses unknown arguments by name and accepts max_results for maxResults', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    const refused = await f.fail('search', { query: 'grapple', limit: 3 });
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(refused.message).toMatch(/limit/);
    expect((await search('grapple', { max_results: 2 })).results).toHaveLength(2);
  });

  it('adds neighbouring passages on request', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    const hit = await top('grapple Athletics check', { expand: 1 });
    expect(hit.context.before[0]).toContain('opportunity attack');
    expect(hit.context.after[0]).toContain('A knight charging');
    expect((await top('grapple Athletics check')).context).toBeUndefined();
  });

  it('caches repeated questions and forgets the answers when the library changes', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    expect((await search('fireball')).cached).toBe(false);
    expect((await search('Fireball ')).cached).toBe(true);
    await add(f.files['long.pdf']!, 'Long Book');
    expect((await search('fireball')).cached).toBe(false);
  });

  it('filters by book, system, source type and content type', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    await add(f.files['long.pdf']!, 'Long Book', { system: 'Other System', sourceType: 'flavor' });
    const names = async (extra: Record<string, unknown>) => [...new Set((await search('creature', { maxResults: 20, ...extra })).results.map((r: { source: { name: string } }) => r.source.name))];
    expect((await names({})).sort()).toEqual(['Long Book', 'Test Handbook']);
    expect(await names({ book: 'long book' })).toEqual(['Long Book']);
    expect(await names({ system: 'd&d 5e' })).toEqual(['Test Handbook']);
    expect(await names({ sourceType: 'flavor' })).toEqual(['Long Book']);
    expect((await search('creature', { contentType: 'narrative', maxResults: 20 })).results.every((r: { contentType: string }) => r.contentType === 'narrative')).toBe(true);
    expect(await f.fail('search', { query: 'x', book: 'Nope' })).toMatchObject({ code: 'NOT_FOUND', field: 'book', message: expect.stringMatching(/expected one of "Long Book", "Test Handbook"|expected one of "Test Handbook", "Long Book"/) });
  });

  it('keeps working by keywords, and says so, when no embedder answers', async () => {
    const down: Embedder = { id: 'down', embed: async () => fail('UNAVAILABLE', 'the embedding service does not answer') };
    f = await rulesFixture({ embedder: down });
    const { source, warnings } = await add(f.files['handbook.pdf']!);
    expect(source.embedded).toBe(false);
    expect(warnings).toEqual(['Keyword search only for now: the embedding service does not answer']);
    const answer = await search('fireball damage');
    expect(answer).toMatchObject({ mode: 'keyword', note: 'Keyword search only: the embedding service does not answer' });
    expect(answer.results[0].sectionPath).toContain('Fireball');
  });
});

describe('personality', () => {
  it('describes a system from its books and keeps an active personality per campaign and for the hub', async () => {
    f = await rulesFixture();
    await add(f.files['handbook.pdf']!);
    const { profile, active } = await f.ok('get_system_personality', { system: 'd&d 5e' });
    expect(active).toBe(false);
    expect(profile).toMatchObject({ system: 'D&D 5e', perspective: 'instructional (second person)', sources: ['Test Handbook'] });
    expect(profile.vocabulary.map((v: { term: string }) => v.term)).toEqual(expect.arrayContaining(['creature', 'attack']));
    expect(profile.styleDescriptors.length).toBeGreaterThan(0);

    const campaignId = await f.campaign();
    const gm = await f.member(campaignId, 'gm');
    const player = await f.member(campaignId, 'player');
    expect(await f.ok('set_active_personality', { system: 'D&D 5e' }, gm)).toMatchObject({ scope: 'campaign', campaignId });
    expect(await f.ok('get_system_personality', {}, player)).toMatchObject({ profile: { system: 'D&D 5e' }, active: true });
    expect(await f.fail('set_active_personality', { system: 'D&D 5e' }, player)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.ok('set_active_personality', { system: 'D&D 5e' })).toMatchObject({ scope: 'hub', campaignId: null });
    expect(await f.fail('get_system_personality', { system: 'Call of Cthulhu' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/expected one of "D&D 5e"/) });
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
