import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

type Doc = PDFKit.PDFDocument;

export interface HandbookOptions {
  /** Add PDF bookmarks for the headings (the common case for published books). */
  outline?: boolean;
  /** Edition 2 changes the grappling rules, to test replacing a book. */
  edition?: 1 | 2;
}

const PROSE =
  'A creature that wants to act must first know where its foes stand. The GM describes the scene and each player says what their character does. ' +
  'Movement and position matter: a character who keeps to cover is harder to hit, and one who stands in the open draws every eye.';

function render(build: (doc: Doc) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 60, autoFirstPage: false, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  build(doc);
  doc.end();
  return done;
}

/** A page with the running header and the page number, the way printed books have them. */
function page(doc: Doc, n: number): void {
  doc.addPage();
  doc.font('Helvetica').fontSize(8).text('The Test Handbook', 60, 30, { lineBreak: false });
  doc.text(String(n), 290, 800, { lineBreak: false });
  doc.font('Helvetica').fontSize(10).text('', 60, 70);
}

const heading = (doc: Doc, text: string, size = 14) => doc.font('Helvetica-Bold').fontSize(size).text(text).font('Helvetica').fontSize(10).moveDown(0.3);
const para = (doc: Doc, text: string) => doc.text(text, { width: 470 }).moveDown(0.5);

/**
 * "The Test Handbook": a contents page; Chapter 1 Combat (Opportunity Attacks, Grappling, a page of
 * Mounted Combat in two columns whose lines pdf.js interleaves, Cover with a table); Chapter 2
 * Monsters (a Goblin stat block); Chapter 3 Spells (Fireball, Shield).
 */
export function handbookPdf(options: HandbookOptions = {}): Promise<Buffer> {
  return render((doc) => {
    const mark = (title: string, parent?: PDFKit.PDFOutline) => (options.outline ? (parent ?? doc.outline).addItem(title) : undefined);

    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(24).text('The Test Handbook', { align: 'center' }).moveDown();
    doc.font('Helvetica').fontSize(11);
    for (const [t, p] of [['Combat', 2], ['Opportunity Attacks', 2], ['Grappling', 2], ['Mounted Combat', 3], ['Cover', 4], ['Monsters', 5], ['Spells', 6]] as const) doc.text(`${t} ${p}`);

    page(doc, 2);
    const combat = mark('CHAPTER 1: COMBAT');
    heading(doc, 'CHAPTER 1: COMBAT', 18);
    para(doc, `${PROSE} This chapter explains how a fight unfolds round by round.`);
    mark('Opportunity Attacks', combat);
    heading(doc, 'Opportunity Attacks');
    para(doc, 'You can make an opportunity attack when a hostile creature that you can see moves out of your reach. To make the opportunity attack, you use your reaction to make one melee attack against the provoking creature.');
    para(doc, 'You can avoid provoking an opportunity attack by taking the Disengage action. You also do not provoke one when you teleport.');
    mark('Grappling', combat);
    heading(doc, 'Grappling');
    para(
      doc,
      options.edition === 2
        ? 'When you want to grab a creature, you make a special melee attack called a grapple. The target escapes with a successful Acrobatics check against your grapple escape DC of 8 plus your proficiency bonus plus your Strength modifier.'
        : 'When you want to grab a creature or wrestle with it, you can use the Attack action to make a special melee attack, a grapple. The target must be no more than one size larger than you. You make a Strength (Athletics) check contested by the target.',
    );

    page(doc, 3);
    mark('Mounted Combat', combat);
    heading(doc, 'Mounted Combat');
    doc.font('Helvetica').fontSize(10);
    const left = [
      'A knight charging into battle on a warhorse,',
      'a wizard casting spells from the back of a',
      'griffon, or a cleric soaring through the sky',
      'on a pegasus all enjoy the benefits of speed',
      'and mobility that a mount can provide to them.',
      'A willing creature that is at least one size',
    ];
    const right = [
      'larger than you and that has an appropriate',
      'anatomy can serve as a mount, using these',
      'rules. Mounting or dismounting a creature costs',
      'an amount of movement equal to half your speed.',
      'If your mount is knocked prone you fall off and',
      'land prone in a space within five feet of it.',
    ];
    // Left and right lines share their baselines, so pdf.js reads them across, not down.
    left.forEach((l, i) => {
      doc.text(l, 60, 110 + i * 14, { lineBreak: false });
      doc.text(right[i]!, 320, 110 + i * 14, { lineBreak: false });
    });

    page(doc, 4);
    mark('Cover', combat);
    heading(doc, 'Cover');
    para(doc, 'Walls, trees, creatures and other obstacles can provide cover during combat, making a target more difficult to harm.');
    doc.font('Helvetica-Bold').text('Cover Bonuses', 60, 160);
    const rows = [
      ['Degree', 'AC bonus', 'Dexterity save bonus'],
      ['Half cover', '+2', '+2'],
      ['Three-quarters cover', '+5', '+5'],
      ['Total cover', 'Cannot be targeted', 'None'],
    ];
    doc.font('Helvetica');
    rows.forEach((row, i) => row.forEach((cell, j) => doc.text(cell, 60 + j * 160, 180 + i * 16, { lineBreak: false })));
    doc.text('A target with total cover cannot be targeted directly by an attack or a spell.', 60, 260, { width: 470 });

    page(doc, 5);
    const monsters = mark('CHAPTER 2: MONSTERS');
    heading(doc, 'CHAPTER 2: MONSTERS', 18);
    para(doc, 'Monsters are described by their statistics, called a stat block, which gives everything the GM needs to run them.');
    mark('Goblin', monsters);
    doc.font('Helvetica-Bold').fontSize(12).text('Goblin');
    doc.font('Helvetica').fontSize(10);
    for (const line of ['Small humanoid (goblinoid), neutral evil', 'Armor Class 15 (leather armor, shield)', 'Hit Points 7 (2d6)', 'Speed 30 ft.']) doc.text(line);
    const abilities = [['STR', 'DEX', 'CON', 'INT', 'WIS', 'CHA'], ['8 (-1)', '14 (+2)', '10 (+0)', '10 (+0)', '8 (-1)', '8 (-1)']];
    const y0 = doc.y + 4;
    abilities.forEach((row, i) => row.forEach((cell, j) => doc.text(cell, 60 + j * 60, y0 + i * 14, { lineBreak: false })));
    doc.text('', 60, y0 + 34);
    for (const line of [
      'Skills Stealth +6',
      'Challenge 1/4 (50 XP)',
      'Nimble Escape. The goblin can take the Disengage or Hide action as a bonus action on each of its turns.',
      'Scimitar. Melee Weapon Attack: +4 to hit, reach 5 ft., one target. Hit: 5 (1d6 + 2) slashing damage.',
    ])
      doc.text(line, { width: 470 });

    page(doc, 6);
    const spells = mark('CHAPTER 3: SPELLS');
    heading(doc, 'CHAPTER 3: SPELLS', 18);
    mark('Fireball', spells);
    doc.font('Helvetica-Bold').fontSize(12).text('Fireball');
    doc.font('Helvetica').fontSize(10);
    for (const line of ['3rd-level evocation', 'Casting Time: 1 action', 'Range: 150 feet', 'Components: V, S, M (a tiny ball of bat guano and sulfur)', 'Duration: Instantaneous']) doc.text(line);
    para(doc, 'A bright streak flashes from your pointing finger to a point you choose within range and then blossoms into an explosion of flame. Each creature in a 20-foot-radius sphere must make a Dexterity saving throw. A target takes 8d6 fire damage on a failed save, or half as much on a successful one.');
    mark('Shield', spells);
    doc.font('Helvetica-Bold').fontSize(12).text('Shield');
    doc.font('Helvetica').fontSize(10);
    for (const line of ['1st-level abjuration', 'Casting Time: 1 reaction', 'Range: Self', 'Components: V, S', 'Duration: 1 round']) doc.text(line);
    para(doc, 'An invisible barrier of magical force appears and protects you. Until the start of your next turn, you have a +5 bonus to AC, including against the triggering attack, and you take no damage from magic missile.');
  });
}

/** A long book (for progress and cancellation): `pages` pages of numbered rules. */
export function longPdf(pages: number): Promise<Buffer> {
  return render((doc) => {
    for (let i = 1; i <= pages; i++) {
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(14).text(`Rule Number ${i}`);
      doc.font('Helvetica').fontSize(10);
      for (let j = 0; j < 6; j++) doc.text(`${PROSE} Rule ${i} paragraph ${j} covers situation ${i * 7 + j}.`, { width: 470 }).moveDown(0.4);
    }
  });
}

/** Needs a password to open. */
export const encryptedPdf = () =>
  render(
    (doc) => {
      doc.addPage();
      doc.text('Secret rules that nobody may read without the password.');
    },
    { userPassword: 'hunter2', ownerPassword: 'owner', pdfVersion: '1.7' },
  );

/** Pages of drawings and no text at all, like a scan without OCR. */
export const imageOnlyPdf = () =>
  render((doc) => {
    for (let i = 0; i < 3; i++) {
      doc.addPage();
      doc.rect(60, 60, 400, 600).fill('#888');
    }
  });

/** Writes the buffers into a folder and returns their paths. */
export function writeFiles(dir: string, files: Record<string, Buffer | string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return [name, path];
    }),
  );
}
