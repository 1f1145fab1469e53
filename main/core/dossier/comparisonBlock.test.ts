import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPdf } from '../../../tests/support/pdfReader';
import { compareTexts } from '../compare/comparison';
import { comparisonView, type ComparedText } from './comparisonBlock';
import type { DossierDocument } from './model';
import { defaultRenderOptions } from './model';
import { renderPdf } from './pdfExporter';

const riyadh: ComparedText = {
  source: 'الرياض',
  lang: 'ar',
  dir: 'rtl',
  body: 'قصفت ثلاث طائرات تركية مواقع لتنظيم داعش في سوريا فجر الجمعة. وقال رئيس الوزراء إن العمليات ستتواصل.',
};
const madina: ComparedText = {
  source: 'المدينة',
  lang: 'ar',
  dir: 'rtl',
  body: 'قصفت أربع طائرات تركية مواقع لتنظيم داعش في سوريا فجر الجمعة. وأعلنت الحكومة إغلاق الحدود.',
};
const english: ComparedText = {
  source: 'BBC',
  lang: 'en',
  dir: 'ltr',
  body: 'Turkish jets struck IS targets in Syria (3 sites) on Friday, see https://example.org/a?b=1 for more.',
};

const cellTexts = (rows: Array<{ cells: Array<{ text: string }> }>) => rows.map((r) => r.cells.map((c) => c.text));

describe('comparison tables', () => {
  it('marks the differing words of a reworded row and only those', () => {
    const view = comparisonView(
      [riyadh, madina],
      compareTexts([{ text: riyadh.body }, { text: madina.body }]),
      'ar',
      'rtl',
    );
    const [alignment] = view.tables;
    expect(alignment!.caption).toBe('الجمل المتقابلة');
    expect(alignment!.headers.map((h) => h.text)).toEqual(['صف', 'الرياض', 'المدينة']);
    const reworded = alignment!.rows.find((r) => r.cells[0]!.text.includes('~'))!;
    const marked = reworded.cells.slice(1).map((c) => c.marks.map(([s, e]) => c.text.slice(s, e)));
    expect(marked).toEqual([['ثلاث'], ['أربع']]);
    // Unique rows: the other source's cell is an empty mark, not a blank.
    const unique = alignment!.rows.filter((r) => r.cells[0]!.text.includes('+'));
    expect(unique.length).toBe(2);
    for (const r of unique) expect(r.cells.some((c) => c.text === '—' && c.tone === 'muted')).toBe(true);
  });

  it('gives every cell its own direction: an English source left to right in an Arabic table', () => {
    const view = comparisonView(
      [riyadh, english],
      compareTexts([{ text: riyadh.body }, { text: english.body }]),
      'ar',
      'rtl',
    );
    const rows = view.tables[0]!.rows;
    const englishCells = rows.map((r) => r.cells[2]!).filter((c) => c.text !== '—');
    expect(englishCells.length).toBeGreaterThan(0);
    for (const c of englishCells) expect(c.dir).toBe('ltr');
    for (const r of rows) expect(r.cells[0]!.dir).toBe('rtl');
  });

  it('puts more than three sources one sentence a row, the source named, a row group per aligned sentence', () => {
    const four = [riyadh, madina, { ...riyadh, source: 'اليوم' }, { ...madina, source: 'عكاظ' }];
    const view = comparisonView(four, compareTexts(four.map((a) => ({ text: a.body }))), 'ar', 'rtl');
    const alignment = view.tables[0]!;
    expect(alignment.headers.map((h) => h.text)).toEqual(['صف', 'المصدر', 'الجملة']);
    const first = alignment.rows.filter((r) => r.group === 0);
    expect(cellTexts(first).map((r) => r[1])).toEqual(['الرياض', 'المدينة', 'اليوم', 'عكاظ']);
    // The mark only on the group's first row.
    expect(first.map((r) => r.cells[0]!.text !== '')).toEqual([true, false, false, false]);
  });

  it('names dates and counted things in the facts table as a reader writes them, never as stored', () => {
    const order = (source: string, body: string): ComparedText => ({ source, lang: 'ar', dir: 'rtl', body });
    const texts = [
      order('الاقتصادية', 'صدر أمر ملكي يوم 22 يوليو 2015 بترقية وتعيين 125 قاضيا في وزارة العدل.'),
      order('الوئام', 'صدر أمر ملكي يوم 22 يوليو 2015 بترقية وتعيين 100 قاضٍ في وزارة العدل.'),
    ];
    const view = comparisonView(texts, compareTexts(texts.map((t) => ({ text: t.body }))), 'ar', 'rtl');
    const cells = view.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)));
    expect(cells.some((c) => /\d{4}-\d{2}/u.test(c))).toBe(false);
    expect(cells).toContain('22 تموز 2015');
    expect(cells).toContain('قاضي');
    expect(cells).not.toContain('قاضيا');
  });

  it('draws the table in a PDF where an English cell reads in order beside Arabic ones', async () => {
    const view = comparisonView(
      [riyadh, english],
      compareTexts([{ text: riyadh.body }, { text: english.body }]),
      'ar',
      'rtl',
    );
    const document: DossierDocument = {
      title: 'مقارنة',
      subtitle: null,
      author: null,
      description: null,
      lang: 'ar',
      dir: 'rtl',
      createdAt: '2025-03-01T09:30:00Z',
      keywords: [],
      sections: [],
      items: [
        {
          anchor: 'item-1',
          kind: 'comparison',
          // compare's default title; Amiri has no ↔.
          title: 'الرياض ↔ BBC',
          titleDir: 'rtl',
          lang: 'ar',
          dir: 'rtl',
          byline: null,
          bylineDir: 'rtl',
          blocks: [],
          annotation: null,
          citations: [],
          articleIds: [],
          comparison: view,
        },
      ],
    };
    const pdf = await renderPdf(document, defaultRenderOptions);
    const dir = mkdtempSync(join(tmpdir(), 'mizan-cmp-'));
    try {
      const file = join(dir, 'c.pdf');
      writeFileSync(file, pdf.bytes);
      // The English column alone (a reader reads lines across columns that share
      // a baseline): the leftmost 3 of 7.25 parts of the 467.28 pt text block.
      const crop = { x: 64, y: 60, width: Math.floor((467.28 * 3) / 7.25), height: 720 };
      const { text, contents } = await withPdf(file, async (read) => ({
        text: (await read.pageText(3, crop)).replace(/[\u2066-\u2069\u202a-\u202e]/g, ''),
        contents: await read.pageText(2),
      }));
      expect(text.replace(/\s+/g, ' ')).toContain(
        'Turkish jets struck IS targets in Syria (3 sites) on Friday, see https://example.org/a?b=1 for more.',
      );
      expect(text).toContain('BBC');
      expect(contents).toContain('–');
      expect(contents).not.toContain('↔');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
