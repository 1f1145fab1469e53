/**
 * Citations, notes and JSON Lines out of a real library: the seed and the
 * first 100 SaudiNewsNet articles of 2015-07-21, imported as a user would,
 * exported, and read back by the library that wrote each file.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../preload/contract/library';
import { seedPath, sharedData, tempDir } from '../../../tests/support/paths';
import { createServices, type Services } from '../services';
import { authorsOf, formatCitations, parseCitations } from './citations';

const ctx = { progress: () => undefined, signal: new AbortController().signal };
let library: Services;
let articles: ArticleSummary[];

async function allArticles(s: Services): Promise<ArticleSummary[]> {
  const page = await s.handlers['library.listArticles'](
    { offset: 0, limit: 1000, sort: 'importedAt', order: 'asc', filter: {} },
    ctx,
  );
  return page.items;
}

beforeAll(async () => {
  const dir = tempDir();
  const records = (
    JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-21.json.gz'))).toString('utf8')) as Array<{
      content: string;
    }>
  )
    .filter((r) => r.content.trim() !== '')
    .slice(0, 100);
  const sample = join(dir, 'saudinewsnet-sample.json');
  writeFileSync(sample, JSON.stringify(records));
  library = await createServices({ dbPath: join(dir, 'library.db'), host: 'test' });
  const report = await library.handlers['library.importFiles']({ paths: [seedPath, sample] }, ctx);
  expect(report.errors).toEqual([]);
  articles = await allArticles(library);
  expect(articles.length).toBeGreaterThanOrEqual(95); // a few SaudiNewsNet records repeat one another
}, 120_000);

afterAll(async () => {
  await library?.close();
});

interface ReadBack {
  id?: string;
  title?: string;
  author?: Array<{ literal?: string; family?: string; given?: string }>;
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  URL?: string;
}

function nameText(n: { literal?: string; family?: string; given?: string }): string {
  return n.literal ?? [n.given, n.family].filter(Boolean).join(' ');
}

describe('citations', () => {
  it.each(['bibtex', 'ris', 'csl-json'] as const)(
    '%s round-trips title, authors, date, outlet and URL of every article',
    async (format) => {
      const file = await library.handlers['export.citations'](
        { selection: { all: true }, format, style: 'chicago-author-date' },
        ctx,
      );
      expect(file.count).toBe(articles.length);
      expect(file.fileName).toMatch(/\.(bib|ris|json)$/);
      const back = parseCitations(file.text) as ReadBack[];
      expect(back).toHaveLength(articles.length);
      const arabicTitles = articles.filter((a) => /[\u0600-\u06FF]/.test(a.title)).length;
      expect(arabicTitles).toBeGreaterThan(90);
      const byId = new Map(back.map((item) => [item.id, item]));
      articles.forEach((a) => {
        const item = byId.get(`mizan${a.id}`)!;
        expect(item, `article ${a.id} in the file`).toBeDefined();
        expect(item.title, `title of ${a.id}`).toBe(a.title);
        expect(item['container-title'] ?? null, `outlet of ${a.id}`).toBe(a.source);
        // BibTeX writes an Arabic path percent-encoded (the URI form of the same address).
        expect(item.URL ? decodeURI(item.URL) : null, `url of ${a.id}`).toBe(a.url ? decodeURI(a.url) : null);
        const day = a.publishedAt.iso?.slice(0, 10).split('-').map(Number) ?? null;
        expect(item.issued?.['date-parts'][0] ?? null, `date of ${a.id}`).toEqual(day);
        const expectedAuthors = (authorsOf(a.author) ?? []).map(nameText);
        expect((item.author ?? []).map(nameText), `authors of ${a.id}`).toEqual(expectedAuthors);
      });
    },
  );

  it('writes Arabic as Arabic and gives each article a stable key', async () => {
    const [first] = articles;
    const bib = await library.handlers['export.citations'](
      { selection: { articleIds: [first!.id] }, format: 'bibtex', style: 'apa' },
      ctx,
    );
    expect(bib.text).toContain(`@article{mizan${first!.id},`);
    expect(bib.text).toContain(first!.title);
    const ris = await library.handlers['export.citations'](
      { selection: { articleIds: [first!.id] }, format: 'ris', style: 'apa' },
      ctx,
    );
    // Zotero reads TY NEWS as a newspaper article and Y1 as the full date.
    expect(ris.text).toMatch(/^TY {2}- NEWS\r\n/);
    expect(ris.text).toMatch(/\r\nY1 {2}- \d{4}\/\d{1,2}\/\d{1,2}\//);
  });

  it("keeps LaTeX's special characters in BibTeX as text", () => {
    const title = 'Profits & losses: 5% of $100_000 {net} #1 ~ ^ \\ «داعش» يروج لـ{دولته}';
    const text = formatCitations([{ id: 'mizan1', type: 'article-newspaper', title }], 'bibtex', 'apa');
    expect((parseCitations(text)[0] as ReadBack).title).toBe(title);
  });

  it('formats a bibliography in the chosen style', async () => {
    const seed = articles.find((a) => a.source === 'حرية')!;
    const chicago = await library.handlers['export.citations'](
      { selection: { articleIds: [seed.id] }, format: 'text', style: 'chicago-author-date' },
      ctx,
    );
    expect(chicago.text).toContain(seed.title);
    expect(chicago.text).toContain('2021');
    const apa = await library.handlers['export.citations'](
      { selection: { articleIds: [seed.id] }, format: 'text', style: 'apa' },
      ctx,
    );
    expect(apa.text).toContain('(2021, July 26)');
  });

  it('words a formatted citation in Arabic when asked: months and "accessed", titles as written', async () => {
    const seed = articles.find((a) => a.source === 'حرية')!;
    const chicago = (
      await library.handlers['export.citations'](
        { selection: { articleIds: [seed.id] }, format: 'text', style: 'chicago-author-date', language: 'ar' },
        ctx,
      )
    ).text;
    expect(chicago).toContain(seed.title);
    expect(chicago).toContain('26 يوليو');
    expect(chicago).not.toMatch(/July|Accessed/);
    // An article with a URL gets the date it was read (imported) after it.
    const online = articles.find((a) => a.url !== null && a.lang === 'ar')!;
    const harvard = (language: 'ar' | 'en') =>
      library.handlers['export.citations'](
        { selection: { articleIds: [online.id] }, format: 'text', style: 'harvard', language },
        ctx,
      );
    const arabic = (await harvard('ar')).text;
    expect(arabic).toContain(`«${online.title}`);
    expect(arabic).toContain('تاريخ الاطلاع');
    expect((await harvard('en')).text).toMatch(/Accessed/);
  });

  it('splits Latin bylines into people and keeps Arabic names whole', () => {
    expect(authorsOf('By John Smith and Jane Doe')).toEqual([
      { family: 'Smith', given: 'John' },
      { family: 'Doe', given: 'Jane' },
    ]);
    expect(authorsOf('Smith, John')).toEqual([{ family: 'Smith', given: 'John' }]);
    expect(authorsOf('محمد بن عبدالله الشهري، سعد القحطاني')).toEqual([
      { literal: 'محمد بن عبدالله الشهري' },
      { literal: 'سعد القحطاني' },
    ]);
    expect(authorsOf('  ')).toBeUndefined();
  });

  it('exports a search narrowed by the list filter, and a filtered list', async () => {
    const outlet = articles.find((a) => a.source !== 'حرية' && a.sourceId !== null)!;
    const ofOutlet = articles.filter((a) => a.sourceId === outlet.sourceId);
    const listed = await library.handlers['export.citations'](
      { selection: { filter: { sourceIds: [outlet.sourceId!] } }, format: 'csl-json', style: 'apa' },
      ctx,
    );
    expect(listed.count).toBe(ofOutlet.length);
    const word = ofOutlet[0]!.title.split(/\s+/).find((w) => w.length > 4)!;
    const searched = await library.handlers['export.citations'](
      { selection: { query: word, filter: { sourceIds: [outlet.sourceId!] } }, format: 'csl-json', style: 'apa' },
      ctx,
    );
    const items = JSON.parse(searched.text) as ReadBack[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i['container-title']))).toEqual(new Set([outlet.source]));
  });

  it('names what is wrong with a selection', async () => {
    await expect(
      library.handlers['export.citations']({ selection: { collectionId: 999 }, format: 'bibtex', style: 'apa' }, ctx),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      library.handlers['export.citations'](
        { selection: { query: 'لاتوجدهذهالكلمةابدا' }, format: 'bibtex', style: 'apa' },
        ctx,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no articles to export') });
  });
});

describe('notes as Markdown', () => {
  it('gives each annotated article its citation, a link back, its quotes and notes', async () => {
    const seed = articles.find((a) => a.source === 'حرية')!;
    const body = (await library.handlers['library.getArticle']({ id: seed.id }, ctx)).body;
    const start = body.indexOf('الكاظمي');
    expect(start).toBeGreaterThan(0);
    await library.handlers['highlights.create'](
      { articleId: seed.id, start, end: start + 'الكاظمي'.length, color: 'yellow', note: 'who negotiates' },
      ctx,
    );
    await library.handlers['notes.create']({ articleId: seed.id, title: 'Follow up', body: 'Compare with SPA.' }, ctx);
    const { files } = await library.handlers['export.notes']({ selection: { all: true }, layout: 'one-file' }, ctx);
    expect(files).toHaveLength(1);
    const md = files[0]!.text;
    expect(files[0]!.count).toBe(1); // only the annotated article
    expect(md).toContain(`## ${seed.title}`);
    expect(md).toContain(`(mizan://article/${seed.id})`);
    expect(md).toMatch(/^> .*الكاظمي/m);
    expect(md).toContain('who negotiates');
    expect(md).toContain('### Follow up');
    const perArticle = await library.handlers['export.notes'](
      { selection: { articleIds: [seed.id] }, layout: 'per-article' },
      ctx,
    );
    expect(perArticle.files[0]!.fileName).toMatch(/\(\d+\)\.md$/);
    expect(perArticle.files[0]!.text.startsWith(`# ${seed.title}`)).toBe(true);
  });
});

describe('notes of an imported PDF', () => {
  /** A three-page report written with PDFKit: one paragraph a page, each naming its page in words. */
  async function threePagePdf(path: string): Promise<string[]> {
    const { default: PDFDocument } = await import('pdfkit');
    const paragraphs = ['first', 'second', 'third'].map(
      (nth) =>
        `The ${nth} page of the report describes the harbour works in detail, with the dates of each stage, ` +
        `the costs agreed by the council, and the names of the firms that tendered for the ${nth} contract.`,
    );
    const doc = new PDFDocument({ size: 'A4', info: { Title: 'Harbour works report', Author: 'Port Council' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    paragraphs.forEach((text, k) => {
      if (k > 0) doc.addPage();
      doc.fontSize(12).text(text, 72, 120, { width: 450 });
    });
    doc.end();
    await done;
    writeFileSync(path, Buffer.concat(chunks));
    return paragraphs;
  }

  it('cites each highlight by the page of the PDF it stands on', async () => {
    const dir = tempDir();
    const path = join(dir, 'report.pdf');
    await threePagePdf(path);
    const other = await createServices({ dbPath: join(dir, 'pdf.db'), host: 'test' });
    try {
      const report = await other.handlers['library.importFiles']({ paths: [path] }, ctx);
      expect(report.errors).toEqual([]);
      const id = report.imported[0]!.id;
      const body = (await other.handlers['library.getArticle']({ id }, ctx)).body;
      for (const word of ['third contract', 'second page']) {
        const start = body.indexOf(word);
        expect(start).toBeGreaterThan(0);
        await other.handlers['highlights.create'](
          { articleId: id, start, end: start + word.length, color: 'yellow', note: null },
          ctx,
        );
      }
      const { files } = await other.handlers['export.notes'](
        { selection: { articleIds: [id] }, layout: 'one-file' },
        ctx,
      );
      const md = files[0]!.text;
      expect(md).toMatch(/^> .*third contract.*\n> — p\. 3$/m);
      expect(md).toMatch(/^> .*second page.*\n> — p\. 2$/m);
    } finally {
      await other.close();
    }
  });
});

describe('JSON Lines', () => {
  it('imports back into another library as the same articles', async () => {
    const file = await library.handlers['export.jsonl']({ selection: { all: true } }, ctx);
    expect(file.count).toBe(articles.length);
    const dir = tempDir();
    const path = join(dir, file.fileName);
    writeFileSync(path, file.text);
    const other = await createServices({ dbPath: join(dir, 'other.db'), host: 'test' });
    try {
      const report = await other.handlers['library.importFiles']({ paths: [path] }, ctx);
      expect(report.errors).toEqual([]);
      const back = await allArticles(other);
      const view = (a: ArticleSummary) => ({
        title: a.title,
        author: a.author,
        source: a.source,
        published: a.publishedAt,
        url: a.url,
        lang: a.lang,
        dir: a.dir,
        tags: a.tags,
        wordCount: a.wordCount,
      });
      // The file lists the newest first: compare in one order.
      const byUrl = (list: ArticleSummary[]) =>
        [...list].sort((x, y) => `${x.url}${x.title}`.localeCompare(`${y.url}${y.title}`));
      const [there, here] = [byUrl(back), byUrl(articles)];
      expect(there.map(view)).toEqual(here.map(view));
      const bodies = async (s: Services, list: ArticleSummary[]) =>
        Promise.all(list.map(async (a) => (await s.handlers['library.getArticle']({ id: a.id }, ctx)).body));
      expect(await bodies(other, there)).toEqual(await bodies(library, here));
    } finally {
      await other.close();
    }
  }, 120_000);

  it('written straight to a file, holds the same lines, and never overwrites a file', async () => {
    const file = await library.handlers['export.jsonl']({ selection: { all: true } }, ctx);
    const path = join(tempDir(), 'library.jsonl');
    const written = await library.handlers['export.jsonlFile']({ selection: { all: true }, path }, ctx);
    expect(written).toMatchObject({ path, count: file.count, bytes: Buffer.byteLength(file.text) });
    expect(readFileSync(path, 'utf8')).toBe(file.text);
    await expect(library.handlers['export.jsonlFile']({ selection: { all: true }, path }, ctx)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      library.handlers['export.jsonlFile']({ selection: { all: true }, path: 'relative.jsonl' }, ctx),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('saved where the desktop app’s save dialog says: offered under the download’s name, a file replaced only by a complete one', async () => {
    const dir = tempDir();
    const offered: string[] = [];
    let answer: string | null = null;
    const desk = await createServices({
      dbPath: join(dir, 'desk.db'),
      host: 'test',
      chooseSavePath: async (name, filter) => {
        offered.push(`${name} (${filter.extensions.join(', ')})`);
        return answer;
      },
    });
    try {
      await desk.handlers['library.importFiles']({ paths: [seedPath] }, ctx);
      const all = { selection: { all: true as const } };
      const expected = await desk.handlers['export.jsonl'](all, ctx);
      // Cancelled: nothing written.
      expect(await desk.handlers['export.jsonlSaveAs'](all, ctx)).toEqual({ path: null, bytes: 0, count: 0 });
      expect(offered).toEqual([`${expected.fileName} (jsonl)`]);
      expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl'))).toEqual([]);

      // The person chose a file that exists (the dialog asked them to confirm): until the new one is whole, the old stays.
      const path = join(dir, 'chosen.jsonl');
      writeFileSync(path, 'the file that was there\n');
      answer = path;
      mkdirSync(`${path}.partial`);
      await expect(desk.handlers['export.jsonlSaveAs'](all, ctx)).rejects.toThrow();
      expect(readFileSync(path, 'utf8')).toBe('the file that was there\n');
      rmSync(`${path}.partial`, { recursive: true });
      expect(await desk.handlers['export.jsonlSaveAs'](all, ctx)).toEqual({
        path,
        bytes: Buffer.byteLength(expected.text),
        count: expected.count,
      });
      expect(readFileSync(path, 'utf8')).toBe(expected.text);
      expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
    } finally {
      await desk.close();
    }
    // Hosts without a save dialog (the web host, the CLI) say so.
    await expect(library.handlers['export.jsonlSaveAs']({ selection: { all: true } }, ctx)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('no save dialog'),
    });
  });
});
