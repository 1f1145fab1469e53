/**
 * A dossier holding saved comparisons of real SaudiNewsNet coverage of one
 * story (the first Turkish air strikes on ISIS in Syria, 2015-07-24: see
 * main/core/compare/README.md), exported through the services to PDF and
 * offline HTML, and read back as a reader's tools see it: the PDF's text
 * for the aligned table (sentences in logical order, row marks, every
 * source's column), page images for the eye, and the HTML parsed for its
 * tables.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, Comparison, MizanApi } from '../../preload/contract';
import { repoRoot, sharedData, tempDir } from '../support/paths';
import { contractTargets } from '../support/contractTargets';
import { type PdfFile, openPdf } from '../support/pdfReader';

const target = contractTargets({ now: () => new Date('2025-03-01T09:30:00Z') })[0]!;

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Letters and digits only, in order (see dossier.contract.test.ts for what a reader does to the rest). */
function letters(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/\u0640/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The story's articles, one per outlet (hand-read: all four report the first Turkish raids). */
const STORY = [
  'http://www.alriyadh.com/1067711',
  'http://www.al-madina.com/node/621016/تركيا-سلاح-الجو-يقصف-مواقع-«داعش»-شمال-سوريا.html',
  'http://www.3alyoum.com/news/pol/a/سلاح-الجو-التركي-يقصف-مواقع-لداعش-في-سو/',
  'http://www.alyaum.com/article/4079982',
];
/** URLs with a query string (one with an Arabic path), for the citations' bidi. */
const QUERY_URLS = [
  'http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=229912&CategoryID=1',
  'http://www.al-madina.com/node/620856/تركيا-تقصف-مواقع-«داعش»-في-سوريا.html?weekly',
];

function writeMaterial(dir: string): string {
  const days = ['2015-07-24', '2015-07-25'].flatMap(
    (d) =>
      JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', `${d}.json.gz`))).toString('utf8')) as Array<{
        url: string;
      }>,
  );
  const chosen = [...STORY, ...QUERY_URLS].map((url) => {
    const r = days.find((x) => x.url === url);
    if (!r) throw new Error(`not in 2015-07-24/25: ${url}`);
    return r;
  });
  const file = join(dir, 'turkish-strikes.json');
  writeFileSync(file, JSON.stringify(chosen));
  return file;
}

describe('dossier comparisons (services in-process)', () => {
  let api: MizanApi;
  let stop: () => Promise<void>;
  let dir: string;
  let articles: Article[] = [];
  let three: Comparison;
  let dossierId: number;
  let exported: PdfFile | undefined;
  const results = join(repoRoot, 'test-results', 'dossier-comparison');

  beforeAll(async () => {
    dir = tempDir('mizan-dossier-cmp-');
    ({ api, stop } = await target.start(join(dir, 'library.db')));
    const report = await api['library.importFiles']({ paths: [writeMaterial(dir)] });
    expect(report.errors).toEqual([]);
    articles = [];
    for (const a of report.imported) articles.push(await api['library.getArticle']({ id: a.id }));
    expect(articles.map((a) => a.url)).toEqual([...STORY, ...QUERY_URLS]);
    const [riyadh, madina, ayn, yaum, watan, madinaQuery] = articles.map((a) => a.id) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const c3 = await api['compare.saveComparison']({
      title: 'تركيا تقصف مواقع داعش في سوريا: ثلاث صحف',
      articleIds: [riyadh, madina, ayn],
    });
    const c4 = await api['compare.saveComparison']({
      title: 'تركيا تقصف مواقع داعش في سوريا: أربع صحف',
      articleIds: [riyadh, madina, ayn, yaum],
    });
    three = await api['compare.articles']({ articleIds: [riyadh, madina, ayn] });
    const d = await api['dossier.create']({
      title: 'الضربات التركية الأولى',
      items: [
        { kind: 'comparison', id: c3.id },
        { kind: 'comparison', id: c4.id },
        { kind: 'article', id: watan },
        { kind: 'article', id: madinaQuery },
      ],
    });
    dossierId = d.id;
    rmSync(results, { recursive: true, force: true });
    mkdirSync(results, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await exported?.close();
    await stop?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The sentence text of a row's cell, as the table shows it. */
  const cellText = (c: Comparison, row: number, article: number): string =>
    c.rows[row]!.cells[article]!.map((s) =>
      c.articles[article]!.body.slice(c.sentences[article]![s]!.start, c.sentences[article]![s]!.end),
    ).join(' ');

  it("draws a comparison as an aligned table with row marks, every source's sentences in logical order, the header on every page", async () => {
    const pdf = join(results, 'comparison.pdf');
    const result = await api['dossier.exportPdf']({ dossierId, path: pdf });
    const read = (exported = await openPdf(pdf));
    for (let n = 1; n <= read.pages; n++) await read.renderPng(n, join(results, `page-${n}.png`), 70);
    expect(readdirSync(results).filter((f) => /^page-\d+\.png$/.test(f))).toHaveLength(result.pages!);

    const pages: string[] = [];
    for (let n = 1; n <= result.pages!; n++) pages.push(await read.pageText(n));
    const has = (page: string, words: string) => letters(page).includes(letters(words));
    const caption = 'الجمل المتقابلة';
    const first = pages.findIndex((p) => has(p, caption));
    const coverage = pages.findIndex((p) => has(p, 'خريطة التغطية'));
    expect(first).toBeGreaterThan(0);
    expect(coverage).toBeGreaterThan(first);
    // The three-source table: its pages are those from its caption to the coverage map.
    const tablePages = pages.slice(first, coverage + 1);
    const table = tablePages.join('\n');
    const outlets = three.articles.map((a) => a.source!);
    expect(outlets).toEqual(['الرياض', 'المدينة', 'عين اليوم']);
    // The header row, outlets and the row column, repeated on every page the table continues on.
    for (const page of tablePages) {
      expect(page).toContain('صف');
      for (const o of outlets) expect(letters(page)).toContain(letters(o));
    }
    // A mark on every row: the symbol and the word, as many as the rows of each kind.
    const kinds = { shared: ['=', 'مشتركة'], reworded: ['~', 'معدّلة'], unique: ['+', 'منفردة'] } as const;
    for (const [kind, [symbol, word]] of Object.entries(kinds)) {
      const rows = three.rows.filter((r) => r.kind === kind).length;
      expect(rows).toBeGreaterThan(0);
      const marks = table.split('\n').filter((line) => line.includes(word) && line.includes(symbol) && /\d/.test(line));
      expect(marks.length, `${kind} marks`).toBe(rows);
    }
    // Every sentence of every source is in its column, its letters in logical
    // order. A reader reads lines across columns that share a baseline (an
    // untagged PDF says nothing of columns), so each column is read on its own
    // with a crop box: the table spans the 467.28 pt between the 64 pt margins
    // of an A4 page, columns 1.25 : 3 : 3 : 3 from the right (an Arabic dossier).
    const unit = 467.28 / 10.25;
    const columnText = async (a: number) => {
      const right = 595.28 - 64 - unit * (1.25 + 3 * a);
      const crop = { x: Math.ceil(right - 3 * unit), y: 60, width: Math.floor(3 * unit), height: 720 };
      const texts: string[] = [];
      for (const [i] of tablePages.entries()) texts.push(await read.pageText(first + i + 1, crop));
      return texts.join('\n');
    };
    // Compared on letters, in order; numbers on their own: poppler reads two
    // numbers around a bracket in an Arabic line as one left-to-right run
    // ("04,00 (01,00" comes out "01,00( 04,00") though they are drawn in order.
    const onlyLetters = (t: string) => letters(t).replace(/\p{N}/gu, '');
    const numbers = (t: string) => (t.match(/\p{N}+/gu) ?? []).sort();
    let checked = 0;
    for (let a = 0; a < 3; a++) {
      const raw = await columnText(a);
      const column = onlyLetters(raw);
      const columnNumbers = new Set(numbers(raw));
      let from = 0;
      for (const [r, row] of three.rows.entries()) {
        if (row.cells[a]!.length === 0) continue;
        const sentence = cellText(three, r, a);
        const at = column.indexOf(onlyLetters(sentence), from);
        expect(at, `row ${r + 1}, ${outlets[a]}`).toBeGreaterThanOrEqual(from);
        for (const n of numbers(sentence)) expect(columnNumbers.has(n), `row ${r + 1}, ${outlets[a]}: ${n}`).toBe(true);
        from = at;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(three.rows.length);
    // The four-source comparison is one row per sentence with its source named.
    const second = pages.findIndex((p, i) => i > coverage && has(p, caption));
    expect(second).toBeGreaterThan(coverage);
    expect(letters(pages[second]!)).toContain(letters('الجملة'));
    expect(letters(pages.slice(second).join(''))).toContain(letters('اليوم'));
  }, 180_000);

  it('keeps URLs in citations in logical order: a query string, an Arabic path', async () => {
    const pdf = join(results, 'comparison.pdf');
    const text = (await (exported ?? (exported = await openPdf(pdf))).text()).replace(BIDI_CONTROLS, '');
    // A URL of ASCII only: exactly as written, query string and all.
    expect(text).toContain(QUERY_URLS[0]);
    // A URL with an Arabic path: its parts in logical order on one line. A
    // reader may put a space where Amiri kerns ر before ي, and poppler swaps a
    // hyphen with the guillemet next to it («-داعش» for -«داعش») in its own
    // reordering.
    const line = text.split('\n').find((l) => l.includes('620856'))!;
    const bare = (s: string) => s.replace(/[\s«»-]/g, '');
    expect(bare(line)).toBe(bare(QUERY_URLS[1]!));
    expect(line.trim().startsWith('http://www.al-madina.com/node/620856/')).toBe(true);
    expect(line.trim().endsWith('.html?weekly')).toBe(true);
  });

  it('writes the same tables into the offline HTML dossier', async () => {
    const file = join(results, 'comparison.html');
    await api['dossier.exportHtml']({ dossierId, path: file });
    const html = readFileSync(file, 'utf8');
    const tables = [...html.matchAll(/<table class="cmp">([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
    // Two comparisons: alignment, coverage, ledger (and conflicts when there are some).
    expect(tables.length).toBeGreaterThanOrEqual(6);
    const alignment = tables[0]!;
    expect(alignment).toContain('<caption>الجمل المتقابلة</caption>');
    for (const o of three.articles) expect(alignment).toContain(`<th scope="col" dir="rtl">${o.source}</th>`);
    const rows = [...alignment.matchAll(/<tr( class="group")?>([\s\S]*?)<\/tr>/g)].slice(1);
    expect(rows).toHaveLength(three.rows.length);
    expect(alignment.match(/<mark class="diff">/g)?.length ?? 0).toBeGreaterThan(10);
    // Every sentence cell is searchable text in its own direction.
    const cells = [...alignment.matchAll(/<td dir="(rtl|ltr)" class="normal" data-field="body">([\s\S]*?)<\/td>/g)];
    expect(cells.length).toBeGreaterThan(three.rows.length);
    const plain = (s: string) =>
      s
        .replace(/<[^>]+>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    expect(plain(cells[0]![2]!)).toBe(
      cellText(
        three,
        three.rows.findIndex((r) => r.cells.some((c) => c.length > 0)),
        three.rows[0]!.cells.findIndex((c) => c.length > 0),
      ).replace(/\s/g, (c) => (c === ' ' ? c : ' ')),
    );
    expect(cells.every((c) => c[1] === 'rtl')).toBe(true);
    // Nothing that would need the network.
    expect(html).not.toMatch(/\ssrc="https?:|<link\s/);
  });
});
