/**
 * PDF import on PDFs from three producers: Mizan's own dossier (PDFKit),
 * Chromium's print to PDF of a SaudiNewsNet article, and a real Egyptian
 * official-gazette PDF (tests/fixtures/import). The share of the source's
 * words found in the imported text in the same order is printed per producer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultRenderOptions, type DossierDocument, type ExportItem } from '../dossier/model';
import { readAmiriTtf } from '../dossier/fonts';
import { renderPdf } from '../dossier/pdfExporter';
import { repoRoot, sharedData, tempDir } from '../../../tests/support/paths';
import {
  dropRunningLines,
  foldPresentationForms,
  repairDetachedMarks,
  repairLamAlef,
  repairMirroredBrackets,
  repairVisualOrder,
} from './pdfParagraphs';
import { parseFileAsync } from './registry';
import type { ParsedArticle, ParsedRecord } from './types';

const fixture = (name: string) => join(repoRoot, 'tests', 'fixtures', 'import', name);

/**
 * Words after folding white space (and the marks a PDF's text layer never
 * keeps: bidi controls, tatweel). Asharq al-Awsat writes decimals with a
 * right-to-left mark after the point ("38.\u200f57"): a browser shows them,
 * and a reader reads them, as "57.38" (its "5.\u200f0" is the 0.5 % a
 * dollar moves in a day), so the source is compared as displayed.
 */
function words(text: string): string[] {
  return foldPresentationForms(text)
    .replace(/([\d٠-٩]+)([.,])\u200f([\d٠-٩]+)/g, '$3$2$1')
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Share of the source's words found in the imported text in the same order (longest common subsequence). */
function wordsInOrder(source: string, imported: string): number {
  const a = words(source);
  const b = words(imported);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const next = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    row = next;
  }
  return a.length === 0 ? 1 : row[b.length]! / a.length;
}

const articles = (records: ParsedRecord[]): ParsedArticle[] => records.flatMap((r) => (r.ok ? [r.article] : []));

interface SourceArticle {
  title: string;
  content: string;
  source: string;
  date_extracted: string;
}

function snnArticles(count: number): SourceArticle[] {
  const day = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
  ) as SourceArticle[];
  return day.filter((r) => r.content.trim().length > 1500 && r.title.trim() !== '').slice(0, count);
}

const figures: string[] = [];

describe('PDF import', () => {
  const dir = tempDir('mizan-pdf-');

  it("Mizan's own dossier PDF comes back as its articles, text in order", async () => {
    const sources = snnArticles(4);
    const item = (a: SourceArticle, k: number): ExportItem => ({
      anchor: `item-${k}`,
      kind: 'article',
      title: a.title.trim(),
      titleDir: 'rtl',
      lang: 'ar',
      dir: 'rtl',
      byline: `${a.source} · ${a.date_extracted.slice(0, 10)}`,
      bylineDir: 'rtl',
      blocks: a.content
        .split(/\n+/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .map((text) => ({ text, dir: 'rtl' as const })),
      annotation: null,
      citations: [],
      articleIds: [k + 1],
    });
    const doc: DossierDocument = {
      title: 'ملف اختبار',
      subtitle: null,
      author: 'Mizan tests',
      description: null,
      lang: 'ar',
      dir: 'rtl',
      createdAt: '2025-03-01T09:30:00Z',
      keywords: [],
      items: sources.map(item),
      sections: [],
    };
    const pdf = await renderPdf(doc, defaultRenderOptions);
    const records = await parseFileAsync('dossier.pdf', pdf.bytes);
    const got = articles(records);
    expect(got.map((a) => a.title)).toEqual(sources.map((s) => s.title.trim()));
    const shares = got.map((a, k) => wordsInOrder(sources[k]!.content, a.body));
    figures.push(
      `dossier (PDFKit): ${sources.length} articles, words in order ${shares.map((s) => (s * 100).toFixed(1)).join(' / ')} %`,
    );
    // Amiri kerns ر/و/ز before ي by 0.12 em, and PDF.js puts a space in any gap over 0.102 em ("مستو ياتها"):
    // the dossier gives such words their ActualText, which the import reads from the structure tree.
    for (const share of shares) expect(share).toBeGreaterThanOrEqual(0.99);
    expect(got.map((a) => a.body).join(' ')).not.toMatch(/مستو يات|\bر يال/);
    // Every paragraph of the kept HTML names its page, for citing by page.
    expect(got[0]!.bodyHtml).toMatch(/^<p title="Page \d+">/);
    expect(got[0]!.originPath).toBe('dossier.pdf#1');
  }, 60_000);

  const chromium = '/usr/bin/chromium';
  it.skipIf(!existsSync(chromium))(
    "Chromium's print to PDF: one article, headers/footers and page numbers dropped",
    async () => {
      const source = snnArticles(8).sort((a, b) => b.content.length - a.content.length)[0]!;
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const paragraphs = source.content
        .split(/\n+/)
        .filter((p) => p.trim() !== '')
        .map((p) => `<p>${escape(p.trim())}</p>`)
        .join('\n');
      const html = join(dir, 'article.html');
      writeFileSync(
        html,
        `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escape(source.title)}</title></head>` +
          `<body style="font-size:15pt"><h1>${escape(source.title)}</h1>${paragraphs}</body></html>`,
      );
      const out = join(dir, 'article.pdf');
      // With Chromium's own running header (date, title) and footer (address, "1/3").
      execFileSync(
        chromium,
        ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${out}`, `file://${html}`],
        {
          stdio: 'ignore',
          timeout: 60_000,
        },
      );
      const [article, ...more] = articles(await parseFileAsync(out, readFileSync(out)));
      expect(more).toHaveLength(0);
      expect(article!.title).toBe(source.title.trim());
      expect(article!.body).not.toContain('file://');
      expect(article!.body).not.toMatch(/^\d+\/\d+$/m);
      const share = wordsInOrder(source.content, article!.body);
      figures.push(
        `Chromium print to PDF: ${words(source.content).length} words, words in order ${(share * 100).toFixed(1)} %`,
      );
      expect(share).toBeGreaterThanOrEqual(0.99);
    },
    60_000,
  );

  // Amiri kerns "ر"/"و"/"ز" before "ي" and "ج" before "ن" by more than a tenth of an em, which PDF.js reads as a
  // space; Chromium draws every space as a glyph, so the words it drew are known. Tanween and shadda are drawn
  // before their letter in visual order, over the letter drawn before.
  const kerned = 'المحتويات سوريا بحرًا هزّ ريال فريق الجمهورية، تلفزيون مستوياتها.';
  it.skipIf(!existsSync(chromium))(
    "Chromium's print in Amiri: kerned words stay whole, real spaces stay, marks stay on their letter",
    async () => {
      const html = join(dir, 'kerned.html');
      const amiri = join(dir, 'amiri.ttf');
      writeFileSync(amiri, readAmiriTtf('regular'));
      writeFileSync(
        html,
        `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>نواة</title>` +
          `<style>@font-face{font-family:A;src:url(file://${amiri})} body{font:15pt A}</style></head>` +
          `<body><h1>نواة</h1><p>${kerned}</p><p>${kerned}</p></body></html>`,
      );
      const out = join(dir, 'kerned.pdf');
      execFileSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-pdf-header-footer',
          `--print-to-pdf=${out}`,
          `file://${html}`,
        ],
        { stdio: 'ignore', timeout: 60_000 },
      );
      const [article] = articles(await parseFileAsync(out, readFileSync(out)));
      expect(words(article!.body)).toEqual([...words(kerned), ...words(kerned)]);
    },
    60_000,
  );

  // Digits after an Arabic letter are Arabic numbers to the bidi algorithm: a dash does not join them, so a
  // browser lays "9-9-1429ه" out as "1429-9-9" from the left; a slash or a point does join them.
  const dated = [
    'الرياض في 9-9-1429ه أعلنت الوزارة نتائج الاجتماع.',
    'صدر القرار يوم 12/10/1430هـ وبدأ العمل به في 2021-07-26 بحسب البيان.',
    'حددت الفترة 1990–2000 وموعد 1-2-1431ه للمرحلة الثانية، وفق COVID-19 ورقم 45.',
  ];
  // What a dossier's citation writes: an ISO date in a left-to-right isolate, drawn in its own order.
  const isolated = 'نُشر في \u20662015-07-22 01:18:37\u2069 على الموقع.';
  const datedExpected = ['9-9-1429ه', '12/10/1430', '2021-07-26', '1990–2000', '1-2-1431ه', 'COVID-19', 'رقم 45'];
  it.skipIf(!existsSync(chromium))(
    'Hijri and ISO dates with dashes in Arabic text keep their order (Chromium)',
    async () => {
      const html = join(dir, 'dated.html');
      writeFileSync(
        html,
        `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تواريخ</title></head>` +
          `<body style="font-size:15pt"><h1>تواريخ</h1>${dated.map((p) => `<p>${p}</p>`).join('')}</body></html>`,
      );
      const out = join(dir, 'dated.pdf');
      execFileSync(
        chromium,
        ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${out}`, `file://${html}`],
        {
          stdio: 'ignore',
          timeout: 60_000,
        },
      );
      const [article] = articles(await parseFileAsync(out, readFileSync(out)));
      for (const date of datedExpected) expect(article!.body).toContain(date);
      expect(article!.body).not.toMatch(/1429-9-9|1431-2-1|26-07-2021|2000–1990/);
    },
    60_000,
  );

  it("Hijri dates drawn by bidi and ISO dates the dossier isolated both keep their order (Mizan's dossier)", async () => {
    const doc: DossierDocument = {
      title: 'تواريخ',
      subtitle: null,
      author: 'Mizan tests',
      description: null,
      lang: 'ar',
      dir: 'rtl',
      createdAt: '2025-03-01T09:30:00Z',
      keywords: [],
      items: [
        {
          anchor: 'item-0',
          kind: 'article',
          title: 'تواريخ',
          titleDir: 'rtl',
          lang: 'ar',
          dir: 'rtl',
          byline: null,
          bylineDir: 'rtl',
          blocks: [...dated, isolated].map((text) => ({ text, dir: 'rtl' as const })),
          annotation: null,
          citations: [],
          articleIds: [1],
        },
      ],
      sections: [],
    };
    const pdf = await renderPdf(doc, defaultRenderOptions);
    const [article] = articles(await parseFileAsync('dated.pdf', pdf.bytes));
    for (const date of datedExpected) expect(article!.body).toContain(date);
    expect(article!.body).toContain('2015-07-22 01:18:37');
    expect(article!.body).not.toMatch(/1429-9-9|1431-2-1|22-07-2015/);
  }, 60_000);

  it('a real Arabic PDF (Egyptian official gazette): logical order, ligatures and brackets as written', async () => {
    const [article] = articles(await parseFileAsync('gazette-ar.pdf', readFileSync(fixture('gazette-ar.pdf'))));
    expect(article!.lang).toBe('ar');
    expect(article!.title).toBe('قانون رقم 8 لسنة 2022');
    expect(article!.body).toContain('بشأن إصدار قانون المنشآت الفندقية والسياحية');
    expect(article!.body).toContain('القانون الآتى نصه');
    expect(article!.body).toContain('(المادة الأولى)');
    expect(article!.body).not.toMatch(/ا[اأإآ]ل/);
    // The lam-alef glyph stands for two letters; reading the line in logical order keeps them in order.
    for (const phrase of ['اللائحة التنفيذية', 'لا يجوز', 'عدم الإخلال', 'وفقًا لأحكامه', 'وطبقًا للإجراءات'])
      expect(article!.body).toContain(phrase);
    expect(article!.body).not.toMatch(/الالئحة|(^|\s)ال يجوز|ألحكامه|لإلجراءات/u);
    // A word with a mark is looked up by its letters; the page draws no space after this "لا".
    expect(article!.body).toContain('لاتُخل أحكام');
    expect(article!.body).toContain('لازمًا');
    // The reference: the phrases natural-pdf's own tests look for in this file.
    const expected = ['قانون', 'المنشآت الفندقية', 'رقم', 'لسنة', '2022'];
    const found = expected.filter((p) => article!.body.includes(p) || article!.title.includes(p));
    figures.push(
      `real-world gazette PDF: ${words(article!.body).length} words, ${found.length}/${expected.length} reference phrases`,
    );
    expect(found).toEqual(expected);
  }, 60_000);

  it('a real Arabic PDF made by Word (UAE decree-law): lam ligatures other than lam-alef back in order', async () => {
    const [article] = articles(await parseFileAsync('decree.pdf', readFileSync(fixture('decree-ar-word.pdf'))));
    expect(article!.lang).toBe('ar');
    // Sakkal Majalla draws lam-meem as one glyph, which reversing a word drawn in visual order turned to "امل".
    for (const phrase of ['الإمارات العربية المتحدة،', 'حقوق المعاقين،', 'أصدرنا المرسوم بقانون الآتي:', 'المادة (3)'])
      expect(article!.body).toContain(phrase);
    expect(article!.body).not.toMatch(/(^|\s)امل/u);
    // Its word space beside a bracket is narrower (0.157 em) than XeTeX's.
    expect(article!.body).toContain('ولم يتم (18) الثامنة عشرة');
    // Articles start at the tops of pages 2 and 3: alike in shape, not running lines.
    expect(article!.body).toMatch(/المادة \(2\)\s+نطاق تطبيق/u);
    expect(article!.body).toMatch(/المادة \(10\)\s+الإلغاءات/u);
    figures.push(`real-world Word PDF (UAE decree-law): ${words(article!.body).length} words, no source text`);
  }, 60_000);

  it('multilingual text keeps each script in order', async () => {
    const [article] = articles(await parseFileAsync('multilang.pdf', readFileSync(fixture('multilang.pdf'))));
    for (const phrase of ['Hello World', 'مرحبا بالعالم', 'Привет, мир', '你好世界'])
      expect(article!.body).toContain(phrase);
  });

  it('a scan without text is IMPORT_NO_TEXT naming the file; an encrypted PDF is IMPORT_ENCRYPTED', async () => {
    await expect(parseFileAsync('scan.pdf', readFileSync(fixture('scan-no-text.pdf')))).rejects.toMatchObject({
      code: 'IMPORT_NO_TEXT',
      message: expect.stringMatching(/^scan\.pdf: .*OCR/),
    });
    await expect(parseFileAsync('locked.pdf', readFileSync(fixture('encrypted.pdf')))).rejects.toMatchObject({
      code: 'IMPORT_ENCRYPTED',
      message: expect.stringMatching(/^locked\.pdf: .*password/),
    });
    await expect(parseFileAsync('broken.pdf', Buffer.from('%PDF-1.7\nnothing else'))).rejects.toMatchObject({
      code: expect.stringMatching(/IMPORT_PARSE_FAILED|IMPORT_NO_TEXT/),
    });
  });

  it('prints the figures per producer', () => {
    console.log(`PDF import, words of the source found in order:\n  ${figures.join('\n  ')}`);
    expect(figures.length).toBeGreaterThan(0);
  });
});

describe('PDF text repairs', () => {
  it('reverses a line stored in drawn order, keeping numbers and Latin words readable', () => {
    expect(repairVisualOrder('ةمكحملا تردصأ 2022 ةنس يف اهمكح')).toBe('حكمها في سنة 2022 أصدرت المحكمة');
    expect(repairVisualOrder('أصدرت المحكمة حكمها في القضية')).toBe('أصدرت المحكمة حكمها في القضية');
  });

  it('folds presentation forms, swaps mirrored brackets, repairs lam-alef named backwards', () => {
    expect(foldPresentationForms('ﺍﻟﻤﺤﻜﻤﺔ')).toBe('المحكمة');
    expect(repairMirroredBrackets(['منذ مارس )آذار( الماضي', '»قال« رئيس', 'see (below)'])).toEqual([
      'منذ مارس (آذار) الماضي',
      '«قال» رئيس',
      'see (below)',
    ]);
    expect(repairMirroredBrackets(['منذ مارس (آذار) الماضي', 'بين )'])).toEqual(['منذ مارس (آذار) الماضي', 'بين )']);
    expect(repairLamAlef('المادة األولى والقانون اآلتى')).toBe('المادة الأولى والقانون الآتى');
  });

  it('drops a running line whose numbers stay or move with the page, keeps headings alike only in shape', () => {
    const heights = new Map([1, 2, 3, 4].map((p) => [p, 800]));
    const top = (page: number, text: string) => ({ page, text, baseline: 780, size: 10, left: 50, right: 200 });
    const lines = [1, 2, 3, 4].flatMap((page) => [
      top(page, `Report 2022, page ${page} of 4`),
      top(page, `المادة (${[3, 5, 10, 12][page - 1]})`),
      { ...top(page, 'body'), baseline: 400 },
    ]);
    expect(dropRunningLines(lines, heights).map((l) => l.text)).toEqual([
      'المادة (3)',
      'body',
      'المادة (5)',
      'body',
      'المادة (10)',
      'body',
      'المادة (12)',
      'body',
    ]);
  });

  it("puts a word's last marks back on its letter when they come after the closing quote", () => {
    expect(repairDetachedMarks('كما في ”موسى“ٰ و ”الۤم“ۤ، أي ”ب“ِّ.')).toBe('كما في ”موسىٰ“ و ”الۤمۤ“، أي ”بِّ“.');
    expect(repairDetachedMarks('في جانب على ٰحساب الآخر')).toBe('في جانب علىٰ حساب الآخر');
    // LibreOffice: the shadda of "فلّ" after its closing quote and bracket.
    expect(repairDetachedMarks('(من الجذر ”فل“) ّیكفی')).toBe('(من الجذر ”فلّ“) یكفی');
    expect(repairDetachedMarks('الواو (ۥ) و')).toBe('الواو (ۥ) و');
    // A quote after a word without marks is left as it is.
    expect(repairDetachedMarks('التنوين و ”قال“ ثم')).toBe('التنوين و ”قال“ ثم');
  });
});
