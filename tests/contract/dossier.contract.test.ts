/**
 * Dossiers through the contract, against the services in-process and the
 * real web host over HTTP: editing, and exporting the seed + 20 SaudiNewsNet
 * + 5 BBC articles to PDF and offline HTML. The PDF is read back as a
 * reader's tools would see it (text in reading order, metadata, outline,
 * links, fonts, page images: tests/support/pdfReader.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Article, type MizanApi, type Progress } from '../../preload/contract';
import { dateLocale, formatIsoDate } from '../../common/text/dates';
import { repoRoot, seedPath, sharedData, tempDir } from '../support/paths';
import { contractTargets, expectError } from '../support/contractTargets';
import { type PdfFile, withPdf } from '../support/pdfReader';

const targets = contractTargets({ now: () => new Date('2025-03-01T09:30:00Z') });

// ---------------------------------------------------------------------------
// Reading the PDFs

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * Amiri joins some letter pairs with a connecting glyph of its own (ك after
 * ال, for instance), which PDFKit's ToUnicode names U+0640 TATWEEL: a
 * stretching mark that text search ignores (Mizan's analyzer strips it).
 */
const TATWEEL = /\u0640/g;

/** The text with its bidi marks removed and white space collapsed. */
function flat(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(TATWEEL, '').replace(/\s+/g, ' ').trim();
}

/**
 * Letters and digits only, in order. A reader rebuilds logical order from
 * glyph positions: it turns wide gaps inside a word into spaces (Amiri kerns
 * ر/و before ي by 0.12 em, over its 0.1 em word gap), and may move
 * punctuation next to digits or brackets at the edge of right-to-left runs
 * (poppler's pdftotext does). Letters and digits keep their order: that is
 * what this compares.
 */
function letters(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(TATWEEL, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Every page drawn to `dir/<prefix>-N.png` at 60 dpi, for a person to look at. */
async function renderPages(pdf: PdfFile, dir: string, prefix: string): Promise<void> {
  for (let n = 1; n <= pdf.pages; n++) await pdf.renderPng(n, join(dir, `${prefix}-${n}.png`), 60);
}

// ---------------------------------------------------------------------------
// The material: the seed, 20 SaudiNewsNet articles, 5 BBC articles

function writeMaterial(dir: string): string[] {
  const day = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
  ) as Array<{ content: string }>;
  const twenty = day.filter((r) => r.content.trim().length > 400).slice(0, 20);
  const snn = join(dir, 'saudinewsnet-20.json');
  writeFileSync(snn, JSON.stringify(twenty));
  const bbc = ['business/001', 'business/002', 'politics/001', 'tech/001', 'sport/001'].map((name) => {
    const file = join(dir, `bbc-${name.replace('/', '-')}.txt`);
    writeFileSync(file, execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), `bbc/${name}.txt`]));
    return file;
  });
  return [seedPath, snn, ...bbc];
}

describe.each(targets)('dossier contract: $name', (target) => {
  let api: MizanApi;
  let stop: () => Promise<void>;
  let dir: string;
  let articles: Article[] = [];
  let dossierId: number;
  const results = join(repoRoot, 'test-results', `dossier-${target.slug}`);

  beforeAll(async () => {
    dir = tempDir('mizan-dossier-');
    ({ api, stop } = await target.start(join(dir, 'library.db')));
    const report = await api['library.importFiles']({ paths: writeMaterial(dir) });
    expect(report.errors).toEqual([]);
    expect(report.imported).toHaveLength(26);
    articles = [];
    for (const a of report.imported) articles.push(await api['library.getArticle']({ id: a.id }));
    rmSync(results, { recursive: true, force: true });
    mkdirSync(results, { recursive: true });
  });
  afterAll(async () => {
    await stop?.();
  });

  it('creates, fills, reorders, renames and deletes dossiers', async () => {
    const [a, b, c, d] = articles.map((x) => x.id);
    const created = await api['dossier.create']({
      title: 'تجربة',
      items: [
        { kind: 'article', id: a! },
        { kind: 'article', id: b! },
      ],
    });
    expect(created.items.map((i) => i.refId)).toEqual([a, b]);
    expect(created.itemCount).toBe(2);
    // Inserting before position 2, and not twice what is already there.
    const added = await api['dossier.addItems']({
      id: created.id,
      items: [
        { kind: 'article', id: c! },
        { kind: 'article', id: a! },
        { kind: 'article', id: d! },
      ],
      position: 2,
    });
    expect(added.items.map((i) => i.refId)).toEqual([a, c, d, b]);
    expect(added.items.map((i) => i.position)).toEqual([1, 2, 3, 4]);
    expect(added.items[0]).toMatchObject({
      kind: 'article',
      articleId: a,
      title: articles[0]!.title,
      source: 'حرية',
      dir: 'rtl',
    });
    expect(added.items[0]!.publishedAt).toEqual({ original: '(26/7/2021)', iso: '2021-07-26', precision: 'day' });

    const reordered = await api['dossier.reorder']({
      id: created.id,
      itemIds: [added.items[3]!.id, added.items[2]!.id],
    });
    expect(reordered.items.map((i) => i.refId)).toEqual([b, d, a, c]);
    const removed = await api['dossier.removeItem']({ id: created.id, itemId: reordered.items[1]!.id });
    expect(removed.items.map((i) => [i.refId, i.position])).toEqual([
      [b, 1],
      [a, 2],
      [c, 3],
    ]);
    const renamed = await api['dossier.rename']({ id: created.id, title: 'Test dossier', subtitle: 'three articles' });
    expect(renamed).toMatchObject({ title: 'Test dossier', subtitle: 'three articles', itemCount: 3 });
    expect((await api['dossier.list']({})).map((x) => x.id)).toContain(created.id);

    await expectError(
      api['dossier.addItems']({ id: created.id, items: [{ kind: 'article', id: 999_999 }] }),
      'NOT_FOUND',
    );
    await expectError(
      api['dossier.addItems']({ id: created.id, items: [{ kind: 'highlight', id: 999_999 }] }),
      'NOT_FOUND',
    );
    await expectError(api['dossier.reorder']({ id: created.id, itemIds: [123_456] }), 'INVALID_ARGUMENT');
    await expectError(api['dossier.removeItem']({ id: created.id, itemId: 123_456 }), 'NOT_FOUND');
    await api['dossier.delete']({ id: created.id });
    await expectError(api['dossier.get']({ id: created.id }), 'NOT_FOUND');
    await expectError(api['dossier.delete']({ id: created.id }), 'NOT_FOUND');
  });

  it('exports the seed, 20 SaudiNewsNet and 5 BBC articles to a PDF a reader can use', async () => {
    const dossier = await api['dossier.create']({
      title: 'العراق والولايات المتحدة: ملف صحفي',
      subtitle: 'انسحاب القوات القتالية الأميركية (2021) وأخبار أخرى',
      items: articles.map((a) => ({ kind: 'article' as const, id: a.id })),
    });
    dossierId = dossier.id;
    const pdf = join(results, 'dossier.pdf');
    const events: Progress[] = [];
    const result = await api['dossier.exportPdf'](
      { dossierId, path: pdf, author: 'Mizan test suite' },
      { onProgress: (p) => events.push(p) },
    );
    expect(result.path).toBe(pdf);
    expect(result.items).toBe(26);
    expect(result.bytes).toBe(statSync(pdf).size);
    expect(result.contentBase64).toBeUndefined();
    if (target.slug === 'inprocess') expect(events.at(-1)).toMatchObject({ done: events.at(-1)!.total });

    await withPdf(pdf, async (read) => {
      // Metadata and page count.
      const meta = await read.info();
      expect(meta.title).toBe('العراق والولايات المتحدة: ملف صحفي');
      expect(meta.author).toBe('Mizan test suite');
      expect(meta.subject).toBe('انسحاب القوات القتالية الأميركية (2021) وأخبار أخرى');
      expect(meta.keywords).toContain('حرية');
      expect(meta.keywords).toContain('الشرق الأوسط');
      expect(meta.creator).toBe('Mizan');
      if (target.slug === 'inprocess') expect(meta.creationDate).toMatch(/^2025-03-01T09:30:00/);
      else expect(meta.creationDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(meta.pages).toBe(result.pages);
      expect(result.pages).toBeGreaterThan(26);
      expect(meta.pageSize).toMatch(/595\.\d+ x 841\.\d+/);
      expect((await read.fontNames()).join('\n')).toMatch(/Amiri/);

      // Every title, and the seed's key phrases in logical order.
      const text = await read.text();
      const all = letters(text);
      for (const a of articles) expect(all, `title of article ${a.id}`).toContain(letters(a.title));
      const seedText = flat(text);
      expect(seedText).toContain('الأراضي العراقية');
      expect(seedText).toContain('(26/7/2021)');
      // A reader may move the space after a number in a right-to-left line
      // before it (poppler's reorderText gives "حوالي  2500جندي", whatever
      // made the PDF); so the order of the words is checked without their spaces.
      const unspaced = seedText.replace(/ /g, '');
      expect(unspaced).toContain('حوالي2500جنديمنذ');
      expect(unspaced).toContain('القواتمن3000جندي');
      expect(seedText).toContain('Ad sales boost Time Warner profit');
      expect(seedText).toContain('Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)');

      // The outline: one entry per item, in order, pointing at where it starts.
      const outline = await read.outline();
      expect(outline.map((o) => o.title.replace(/\s+/g, ' '))).toEqual(
        articles.map((a) => a.title.replace(/\s+/g, ' ')),
      );

      // The contents: its page numbers (digits alone, below the header's 60 pt
      // and above the footer's 66) in item order.
      const texts = await read.positionedText();
      const pageHeight = await read.pageHeight();
      const contentsPages = [
        ...new Set(texts.filter((t) => t.page > 1 && t.page < outline[0]!.page).map((t) => t.page)),
      ];
      expect(contentsPages.length).toBeGreaterThan(0);
      const numbers = texts
        .filter(
          (t) => contentsPages.includes(t.page) && /^\d+$/.test(t.text.trim()) && t.top < pageHeight - 66 && t.top > 60,
        )
        .sort((x, y) => x.page - y.page || x.top - y.top)
        .map((t) => Number(t.text.trim()));
      expect(numbers).toEqual(outline.map((o) => o.page));

      // Each number is the page where the item's heading is: its title is on that
      // page, and on no earlier page after the contents.
      const lastContents = Math.max(...contentsPages);
      const pages: string[] = [];
      for (let n = 1; n <= result.pages!; n++) pages.push(letters(await read.pageText(n)));
      for (const [i, a] of articles.entries()) {
        const page = numbers[i]!;
        const title = letters(a.title);
        expect(pages[page - 1], `item ${i + 1} on page ${page}`).toContain(title);
        const first = pages.findIndex((p, k) => k + 1 > lastContents && p.includes(title));
        expect(first + 1, `first page with item ${i + 1}'s title`).toBe(page);
      }

      // A citation under every item: author, title, outlet, date (as written and
      // as its reader writes it, the month named, never ISO) in that order after
      // the item's label, then the URL and the date accessed (named too); the
      // URL is also a link to exactly that address.
      const links = new Set((await read.links()).filter((l) => /^https?:/.test(l)).map((l) => decodeURI(l)));
      for (const [i, a] of articles.entries()) {
        const start = numbers[i]!;
        const end = i + 1 < articles.length ? numbers[i + 1]! - 1 : result.pages!;
        const itemText = pages.slice(start - 1, end).join('');
        const label = letters(a.lang === 'ar' ? 'المرجع:' : 'Citation:');
        const at = itemText.lastIndexOf(label);
        expect(at, `citation of item ${i + 1}`).toBeGreaterThan(0);
        const citation = itemText.slice(at);
        const named = (iso: string) => formatIsoDate(iso, dateLocale(a.lang))!;
        const published =
          a.publishedAt.iso && !(a.publishedAt.original ?? '').includes(a.publishedAt.iso)
            ? named(a.publishedAt.iso)
            : null;
        const parts = [a.author, a.title, a.source, a.publishedAt.original, published]
          .filter((p): p is string => !!p)
          .map(letters);
        let from = 0;
        for (const part of parts) {
          const found = citation.indexOf(part, from);
          expect(found, `"${part}" in the citation of item ${i + 1}: ${citation.slice(0, 300)}`).toBeGreaterThanOrEqual(
            from,
          );
          from = found + part.length;
        }
        expect(citation.slice(from), `date accessed of item ${i + 1}`).toContain(
          letters(named(a.importedAt.slice(0, 10))),
        );
        expect(citation, `no ISO date in the citation of item ${i + 1}`).not.toContain(
          letters(a.importedAt.slice(0, 10)),
        );
        if (a.url) {
          // Host and ASCII path; a URL wraps across lines, where a reader may reorder its parts.
          expect(citation, `URL of item ${i + 1}`).toContain(
            letters(a.url.replace(/^\w+:\/\//, '').replace(/[^\x00-\x7f].*$/, '')),
          );
          expect(links.has(decodeURI(encodeURI(a.url))) || links.has(a.url), `link to ${a.url}`).toBe(true);
        }
      }

      // Pages render; the images are kept for a person to look at.
      await renderPages(read, results, 'page');
    });
    const images = readdirSync(results).filter((f) => /^page-\d+\.png$/.test(f));
    expect(images).toHaveLength(result.pages!);
    for (const image of images) expect(statSync(join(results, image)).size).toBeGreaterThan(3000);
  });

  it("exports an excerpt with its note and a research note, each under its article's citation", async () => {
    const seed = articles[0]!;
    const quote = 'لا حاجة لوجود قوات مقاتلة أجنبية على الأراضي العراقية';
    const start = seed.body.indexOf(quote);
    expect(start).toBeGreaterThan(0);
    const highlight = await api['highlights.create']({
      articleId: seed.id,
      start,
      end: start + quote.length,
      note: 'تصريح الكاظمي قبل الزيارة',
    });
    const note = await api['notes.create']({
      articleId: seed.id,
      title: 'للمقارنة',
      body: 'قارن مع رواية البنتاغون (2500 جندي).',
    });
    const bbc = articles[21]!;
    const dossier = await api['dossier.create']({
      title: 'مقتطفات',
      items: [
        { kind: 'highlight', id: highlight.id },
        { kind: 'note', id: note.id },
        { kind: 'article', id: bbc.id },
      ],
    });
    expect(dossier.items.map((i) => [i.kind, i.articleId])).toEqual([
      ['highlight', seed.id],
      ['note', seed.id],
      ['article', bbc.id],
    ]);
    const pdf = join(results, 'excerpts.pdf');
    const result = await api['dossier.exportPdf']({ dossierId: dossier.id, path: pdf });
    const text = await withPdf(pdf, async (read) => {
      await renderPages(read, results, 'excerpts');
      return { body: await read.text(), outline: await read.outline() };
    });
    const body = letters(text.body);
    expect(body).toContain(letters(`مقتطف من: ${seed.title}`));
    expect(body).toContain(letters(quote));
    expect(body).toContain(letters('ملاحظة: تصريح الكاظمي قبل الزيارة'));
    expect(body).toContain(letters('قارن مع رواية البنتاغون (2500 جندي)'));
    // One citation per item: the seed's twice (excerpt, note), the BBC article's once.
    expect(body.split('المرجع').length - 1).toBe(2);
    expect(body.split('Citation').length - 1).toBe(1);
    expect(text.outline.map((o) => o.title)).toEqual([`مقتطف من: ${seed.title}`, 'للمقارنة', bbc.title]);
    expect(result.pages).toBeGreaterThanOrEqual(4);
  });

  it('exports a list of articles without a stored dossier, and returns the bytes when no path is given', async () => {
    const ids = articles.slice(21, 23).map((a) => a.id);
    const result = await api['dossier.exportPdf']({
      articleIds: ids,
      title: 'Two BBC articles',
      numerals: 'arab',
      align: 'start',
    });
    expect(result.path).toBeNull();
    const bytes = Buffer.from(result.contentBase64!, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.byteLength).toBe(result.bytes);
    const file = join(dir, 'two.pdf');
    writeFileSync(file, bytes);
    await withPdf(file, async (read) => {
      expect((await read.info()).title).toBe('Two BBC articles');
      expect((await read.info()).pages).toBe(result.pages);
      // English document, Arabic-Indic page numbers as asked.
      expect(flat(await read.pageText(2))).toMatch(/Contents/);
      expect(await read.pageText(3)).toMatch(/٣/);
    });

    const html = await api['dossier.exportHtml']({ articleIds: ids });
    expect(Buffer.from(html.contentBase64!, 'base64').toString('utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(html.pages).toBeNull();
  });

  it('writes the offline HTML dossier: one file, no network, its own search index', async () => {
    const path = join(results, 'dossier.html');
    const result = await api['dossier.exportHtml']({ dossierId, path });
    expect(result).toMatchObject({ path, items: 26, pages: null });
    const html = readFileSync(path, 'utf8');
    expect(result.bytes).toBe(Buffer.byteLength(html));
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain("default-src 'none'");
    // No resource from anywhere: no src/href/url() to the network, no external script or style.
    expect(html).not.toMatch(/\b(src|srcset)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toMatch(/@font-face[\s\S]*?font-family: 'Amiri'[\s\S]*?url\(data:font\//);
    expect(html).toContain('id="mizan-index"');
    for (const a of articles) {
      expect(html).toContain(
        a.title
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;'),
      );
    }
    expect((html.match(/class="citation"/g) ?? []).length).toBe(26);
    expect(html).toMatch(/<p dir="ltr" data-field="body">Quarterly profits/);
    expect(html).toMatch(/<p dir="rtl" data-field="body">وقال الكاظمي لوكالة/);
  });

  it('refuses what it cannot export, and stops when cancelled', async () => {
    await expectError(api['dossier.exportPdf']({ dossierId, path: 'relative.pdf' }), 'INVALID_ARGUMENT');
    await expectError(api['dossier.exportPdf']({ dossierId, path: join(dir, 'wrong.html') }), 'INVALID_ARGUMENT');
    await expectError(
      api['dossier.exportHtml']({ dossierId, path: join(dir, 'no-such-folder', 'x.html') }),
      'INVALID_ARGUMENT',
    );
    await expectError(api['dossier.exportPdf']({ dossierId, articleIds: [articles[0]!.id] }), 'INVALID_ARGUMENT');
    await expectError(api['dossier.exportPdf']({ dossierId: 999_999 }), 'NOT_FOUND');
    const empty = await api['dossier.create']({ title: 'Empty' });
    await expectError(api['dossier.exportPdf']({ dossierId: empty.id }), 'INVALID_ARGUMENT');

    const target = join(dir, 'cancelled.pdf');
    const controller = new AbortController();
    const pending = api['dossier.exportPdf'](
      { dossierId, path: target },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expectError(pending, 'CANCELLED');
    expect(readdirSync(dir).filter((f) => f.startsWith('cancelled.pdf'))).toEqual([]);
  });
});
