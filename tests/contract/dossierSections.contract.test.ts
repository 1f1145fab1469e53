/**
 * A dossier's stored metadata and its sections through the contract, in-process
 * and over the real web host: editing (add, rename, reorder, delete sections;
 * move items between them), the coded errors, and what the exports make of
 * them (section headings with their own outline level and contents entries in
 * the PDF, section elements in the HTML, the stored author/language/
 * description used unless an export option overrides them).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierInfo, MizanApi } from '../../preload/contract';
import { contractTargets, expectError } from '../support/contractTargets';
import { withPdf } from '../support/pdfReader';
import { repoRoot, seedPath, sharedData, tempDir } from '../support/paths';

const targets = contractTargets({ now: () => new Date('2025-03-01T09:30:00Z') });

/** Letters and digits only (a reader's spacing and bidi marks vary; see dossier.contract.test.ts). */
function letters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

function bbcFile(dir: string, name: string): string {
  const file = join(dir, `bbc-${name.replace('/', '-')}.txt`);
  writeFileSync(file, execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), `bbc/${name}.txt`]));
  return file;
}

const order = (d: DossierInfo) => d.items.map((i) => [i.refId, i.sectionId]);

describe.each(targets)('dossier sections and metadata: $name', (target) => {
  let api: MizanApi;
  let stop: () => Promise<void>;
  let dir: string;
  let ids: number[] = [];
  const results = join(repoRoot, 'test-results', `dossier-sections-${target.slug}`);

  beforeAll(async () => {
    dir = tempDir('mizan-sections-');
    ({ api, stop } = await target.start(join(dir, 'library.db')));
    const files = [seedPath, ...['business/001', 'politics/001', 'tech/001', 'sport/001'].map((n) => bbcFile(dir, n))];
    const report = await api['library.importFiles']({ paths: files });
    expect(report.errors).toEqual([]);
    ids = report.imported.map((a) => a.id);
    expect(ids).toHaveLength(5);
    rmSync(results, { recursive: true, force: true });
    mkdirSync(results, { recursive: true });
  });
  afterAll(async () => {
    await stop?.();
  });

  it('stores a dossier’s subtitle, author, description and language, and clears them with null', async () => {
    const created = await api['dossier.create']({
      title: 'ملف',
      subtitle: 'فرعي',
      author: 'باحث',
      description: 'وصف الملف',
      lang: 'ar',
    });
    expect(created).toMatchObject({
      title: 'ملف',
      subtitle: 'فرعي',
      author: 'باحث',
      description: 'وصف الملف',
      lang: 'ar',
      sections: [],
      items: [],
    });
    const updated = await api['dossier.update']({ id: created.id, author: 'Another', lang: 'en', description: null });
    expect(updated).toMatchObject({ title: 'ملف', subtitle: 'فرعي', author: 'Another', description: null, lang: 'en' });
    // Blank text is "not set", like null.
    const blank = await api['dossier.update']({ id: created.id, subtitle: '   ' });
    expect(blank.subtitle).toBeNull();
    expect((await api['dossier.list']({})).find((d) => d.id === created.id)).toMatchObject({
      author: 'Another',
      lang: 'en',
    });

    const badLang = await expectError(
      api['dossier.update']({ id: created.id, lang: 'not a language' }),
      'INVALID_ARGUMENT',
    );
    expect(badLang.message).toMatch(/lang/);
    await expectError(api['dossier.update']({ id: created.id, title: '  ' }), 'INVALID_ARGUMENT');
    await expectError(api['dossier.update']({ id: 987_654, author: 'x' }), 'NOT_FOUND');
    // Nothing was half-written by the refused calls.
    expect(await api['dossier.get']({ id: created.id })).toMatchObject({
      title: 'ملف',
      author: 'Another',
      lang: 'en',
      subtitle: null,
    });
    await api['dossier.delete']({ id: created.id });
  });

  it('groups items into sections, moves and reorders them, and keeps positions grouped', async () => {
    const [a, b, c, d, e] = ids as [number, number, number, number, number];
    const dossier = await api['dossier.create']({
      title: 'Sections',
      items: [a, b, c, d].map((id) => ({ kind: 'article' as const, id })),
    });
    const item = (info: DossierInfo, ref: number) => info.items.find((i) => i.refId === ref)!.id;

    // A section taking c and d: they move after the unsectioned a, b.
    let s = await api['dossier.addSection']({
      id: dossier.id,
      title: 'Second part',
      itemIds: [item(dossier, c), item(dossier, d)],
    });
    const second = s.sections[0]!.id;
    expect(order(s)).toEqual([
      [a, null],
      [b, null],
      [c, second],
      [d, second],
    ]);
    // A section before it, given b.
    s = await api['dossier.addSection']({ id: dossier.id, title: 'First part', position: 1, itemIds: [item(s, b)] });
    const first = s.sections.find((x) => x.title === 'First part')!.id;
    expect(s.sections.map((x) => [x.title, x.position])).toEqual([
      ['First part', 1],
      ['Second part', 2],
    ]);
    expect(order(s)).toEqual([
      [a, null],
      [b, first],
      [c, second],
      [d, second],
    ]);
    expect(s.items.map((i) => i.position)).toEqual([1, 2, 3, 4]);

    // Move d to the start of the first section, then a to the end of the second.
    s = await api['dossier.moveItem']({ id: dossier.id, itemId: item(s, d), sectionId: first, index: 0 });
    expect(order(s)).toEqual([
      [a, null],
      [d, first],
      [b, first],
      [c, second],
    ]);
    s = await api['dossier.moveItem']({ id: dossier.id, itemId: item(s, a), sectionId: second });
    expect(order(s)).toEqual([
      [d, first],
      [b, first],
      [c, second],
      [a, second],
    ]);
    // Within a section, by reorder (the order applies per section).
    s = await api['dossier.reorder']({ id: dossier.id, itemIds: [item(s, a), item(s, b)] });
    expect(order(s)).toEqual([
      [b, first],
      [d, first],
      [a, second],
      [c, second],
    ]);
    // Added items go to the end of the section named.
    s = await api['dossier.addItems']({ id: dossier.id, items: [{ kind: 'article', id: e }], sectionId: first });
    expect(order(s)).toEqual([
      [b, first],
      [d, first],
      [e, first],
      [a, second],
      [c, second],
    ]);

    // Sections swap, items follow.
    s = await api['dossier.reorderSections']({ id: dossier.id, sectionIds: [second] });
    expect(order(s)).toEqual([
      [a, second],
      [c, second],
      [b, first],
      [d, first],
      [e, first],
    ]);
    s = await api['dossier.renameSection']({ id: dossier.id, sectionId: second, title: 'Background' });
    expect(s.sections.map((x) => x.title)).toEqual(['Background', 'First part']);

    // Deleting a heading keeps its items, in the section before it.
    s = await api['dossier.deleteSection']({ id: dossier.id, sectionId: first });
    expect(order(s)).toEqual([
      [a, second],
      [c, second],
      [b, second],
      [d, second],
      [e, second],
    ]);
    expect(s.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    s = await api['dossier.deleteSection']({ id: dossier.id, sectionId: second });
    expect(order(s)).toEqual([
      [a, null],
      [c, null],
      [b, null],
      [d, null],
      [e, null],
    ]);
    expect(s.sections).toEqual([]);

    // Coded errors, and nothing changed by them.
    const other = await api['dossier.create']({ title: 'Other' });
    const foreign = (await api['dossier.addSection']({ id: other.id, title: 'Elsewhere' })).sections[0]!.id;
    await expectError(api['dossier.moveItem']({ id: dossier.id, itemId: item(s, a), sectionId: foreign }), 'NOT_FOUND');
    await expectError(api['dossier.moveItem']({ id: dossier.id, itemId: 987_654, sectionId: null }), 'NOT_FOUND');
    await expectError(api['dossier.renameSection']({ id: dossier.id, sectionId: foreign, title: 'x' }), 'NOT_FOUND');
    await expectError(api['dossier.deleteSection']({ id: dossier.id, sectionId: 987_654 }), 'NOT_FOUND');
    await expectError(api['dossier.reorderSections']({ id: dossier.id, sectionIds: [foreign] }), 'INVALID_ARGUMENT');
    await expectError(
      api['dossier.addSection']({ id: dossier.id, title: 'x', itemIds: [987_654] }),
      'INVALID_ARGUMENT',
    );
    await expectError(api['dossier.addSection']({ id: dossier.id, title: ' ' }), 'INVALID_ARGUMENT');
    await expectError(api['dossier.addSection']({ id: 987_654, title: 'x' }), 'NOT_FOUND');
    const after = await api['dossier.get']({ id: dossier.id });
    expect(order(after)).toEqual(order(s));
    expect(after.sections).toEqual([]);
    await api['dossier.delete']({ id: other.id });
    await api['dossier.delete']({ id: dossier.id });
  });

  it('puts an item back in its section on undo, or unsectioned when its section is gone, and reads sections contiguously', async () => {
    const [a, b, c] = ids as [number, number, number];
    let d = await api['dossier.create']({
      title: 'Undo',
      items: [a, b, c].map((id) => ({ kind: 'article' as const, id })),
    });
    const itemOf = (ref: number) => d.items.find((i) => i.refId === ref)!.id;
    d = await api['dossier.addSection']({ id: d.id, title: 'S1', itemIds: [itemOf(b)] });
    d = await api['dossier.addSection']({ id: d.id, title: 'S2', itemIds: [itemOf(c)] });
    const [s1, s2] = d.sections.map((s) => s.id) as [number, number];
    expect(order(d)).toEqual([
      [a, null],
      [b, s1],
      [c, s2],
    ]);

    // Deleted and restored with nothing changed in between: back in S1, in place.
    let gone = await api['library.deleteArticles']({ ids: [b] });
    await api['library.restoreArticles']({ snapshots: gone.snapshots });
    d = await api['dossier.get']({ id: d.id });
    expect(order(d)).toEqual([
      [a, null],
      [b, s1],
      [c, s2],
    ]);

    // Deleted; its section deleted and the rest reordered; restored: unsectioned, and every section still contiguous.
    gone = await api['library.deleteArticles']({ ids: [b] });
    await api['dossier.deleteSection']({ id: d.id, sectionId: s1 });
    await api['dossier.moveItem']({ id: d.id, itemId: itemOf(a), sectionId: s2, index: 1 });
    const restored = await api['library.restoreArticles']({ snapshots: gone.snapshots });
    expect(restored.restored.map((r) => r.id)).toEqual([b]);
    d = await api['dossier.get']({ id: d.id });
    expect(order(d)).toEqual([
      [b, null],
      [c, s2],
      [a, s2],
    ]);
    expect(d.items.map((i) => i.position)).toEqual([1, 2, 3]);
    await api['dossier.delete']({ id: d.id });
  });

  it('exports sections as headings with their own outline level and contents entries, and the stored metadata', async () => {
    const [seed, b1, p1, t1, s1] = ids as [number, number, number, number, number];
    let d = await api['dossier.create']({
      title: 'Iraq and the BBC',
      subtitle: 'A test dossier',
      author: 'Mizan Tester',
      description: 'Why this dossier exists: sections, metadata and their rendering.',
      lang: 'en',
      items: [seed, b1, p1, t1, s1].map((id) => ({ kind: 'article' as const, id })),
    });
    const itemOf = (ref: number) => d.items.find((i) => i.refId === ref)!.id;
    d = await api['dossier.addSection']({
      id: d.id,
      title: 'Business and politics',
      itemIds: [itemOf(b1), itemOf(p1)],
    });
    d = await api['dossier.addSection']({ id: d.id, title: 'القسم العربي', itemIds: [itemOf(t1), itemOf(s1)] });
    d = await api['dossier.addSection']({ id: d.id, title: 'An empty section' });
    const path = join(results, 'sections.pdf');
    const result = await api['dossier.exportPdf']({ dossierId: d.id, path });
    expect(result.items).toBe(5);

    await withPdf(path, async (read) => {
      const info = await read.info();
      expect(info.author).toBe('Mizan Tester');
      expect(info.title).toBe('Iraq and the BBC');
      const cover = await read.pageText(1);
      expect(cover).toContain('Why this dossier exists');
      // English document: English labels, although most items' text is English anyway and the seed Arabic.
      const contents = await read.pageText(2);
      expect(contents).toContain('Contents');

      // Outline: the unsectioned seed at the top level, then each non-empty section with its items under it.
      const tree = await read.outline();
      expect(tree.map((e) => letters(e.title))).toEqual([
        letters(d.items[0]!.title),
        letters('Business and politics'),
        letters('القسم العربي'),
      ]);
      expect(tree[0]!.children).toEqual([]);
      expect(tree[1]!.children.map((e) => letters(e.title))).toEqual(d.items.slice(1, 3).map((i) => letters(i.title)));
      expect(tree[2]!.children.map((e) => letters(e.title))).toEqual(d.items.slice(3, 5).map((i) => letters(i.title)));
      // A section's heading is on the page of its first item.
      expect(tree[1]!.page).toBe(tree[1]!.children[0]!.page);
      expect(tree[2]!.page).toBe(tree[2]!.children[0]!.page);
      const sectionPage = await read.pageText(tree[2]!.page);
      expect(letters(sectionPage)).toContain(letters('القسم العربي'));
      // The contents list each section with the page it starts on, before its
      // items (a line holds all the text on its baseline, as pdftotext -layout).
      const tocLines = contents.split('\n').map((l) => l.trim());
      const line = tocLines.find((l) => l.startsWith('Business and politics'));
      expect(line?.replace(/\s+/g, ' ')).toBe(`Business and politics ${tree[1]!.page}`);
      expect(letters(contents).indexOf(letters('Business and politics'))).toBeLessThan(
        letters(contents).indexOf(letters(d.items[1]!.title)),
      );
      expect(letters(contents)).not.toContain(letters('An empty section'));
      for (const page of [1, 2, tree[1]!.page, tree[2]!.page]) {
        await read.renderPng(page, join(results, `page-${page}.png`), 60);
      }
    });

    // Export options still override what is stored.
    const overridden = join(results, 'overridden.pdf');
    await api['dossier.exportPdf']({ dossierId: d.id, path: overridden, author: 'Someone Else', lang: 'ar' });
    await withPdf(overridden, async (read) => {
      expect((await read.info()).author).toBe('Someone Else');
      expect(letters(await read.pageText(2))).toContain(letters('المحتويات'));
    });

    // The HTML dossier: a <section> per non-empty section holding its items, and nested contents.
    const htmlPath = join(results, 'sections.html');
    await api['dossier.exportHtml']({ dossierId: d.id, path: htmlPath });
    const html = readFileSync(htmlPath, 'utf8');
    const sections = [
      ...html.matchAll(
        /<section class="dossier-section" id="([^"]+)"[^>]*>\n<h2 class="section-title"[^>]*>([^<]*)<\/h2>([\s\S]*?)<\/section>/g,
      ),
    ];
    expect(sections.map((m) => m[2])).toEqual(['Business and politics', 'القسم العربي']);
    expect([...sections[0]![3]!.matchAll(/<article id="(item-\d+)"/g)].map((m) => m[1])).toEqual(['item-2', 'item-3']);
    expect([...sections[1]![3]!.matchAll(/<article id="(item-\d+)"/g)].map((m) => m[1])).toEqual(['item-4', 'item-5']);
    expect(html).toContain('<p class="description" dir="auto">Why this dossier exists');
    expect(html).toMatch(/<li class="toc-section"><a href="#section-1"[^>]*>Business and politics<\/a>/);
    expect(html).toContain('<meta name="author" content="Mizan Tester">');
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
  });
});
