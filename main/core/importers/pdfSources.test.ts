/**
 * Real-world PDFs checked word by word against the source they were built
 * from (tests/fixtures/pdf, sources and licences in its README): the share of
 * the source's words found in the imported text in the same order, with the
 * scorer the dossier benchmark uses (bench/pdfWords.ts). Printed per producer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonInOrder, words } from '../../../bench/pdfWords';
import { latexText } from '../../../tests/support/latexText';
import { repoRoot } from '../../../tests/support/paths';
import { parseFileAsync } from './registry';

const fixture = (name: string) => join(repoRoot, 'tests', 'fixtures', 'pdf', name);

async function importedText(name: string): Promise<string> {
  const records = await parseFileAsync(name, readFileSync(fixture(name)));
  return records.flatMap((r) => (r.ok ? [`${r.article.title} ${r.article.body}`] : [])).join('\n');
}

/** Share of the source's words found in order, and how many words the source has. */
function score(source: string, imported: string): { share: number; total: number } {
  const expected = words(source);
  return { share: commonInOrder(expected, words(imported)) / expected.length, total: expected.length };
}

/** The text of an HTML page's body: tags dropped, character references read. */
function htmlText(html: string): string {
  return (
    html
      .replace(/<head>[^]*?<\/head>/, '')
      // An inline element's tags are no word break ("<code>U+0660</code>–<code>U+0669</code>"); a block's are.
      .replace(/<\/?(?:a|code|em|span|strong|b|i|sub|sup)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
  );
}

const figures: string[] = [];
const percent = (share: number) => `${(share * 100).toFixed(2)} %`;

describe('real-world PDFs against their source text', () => {
  it('XeTeX (xdvipdfmx): the Amiri documentation, kerned words whole, marks on their letter', async () => {
    const tex = readFileSync(fixture('amiri-documentation-ar.tex'), 'utf8');
    const text = await importedText('amiri-documentation-ar.pdf');
    const all = score(latexText(tex), text);
    // Its title and section titles are drawn in Reem Kufi, whose ToUnicode map names none of their letters
    // (pdftotext reads nothing there either): the words the PDF holds as text are scored apart.
    const body = score(latexText(tex, { headings: false }), text);
    figures.push(
      `XeTeX, Amiri documentation: ${all.total} words, ${percent(all.share)} in order; ` +
        `without the ${all.total - body.total} heading words it has no text for, ${percent(body.share)}`,
    );
    expect(all.share).toBeGreaterThanOrEqual(0.95);
    expect(body.share).toBeGreaterThanOrEqual(0.97);
    // Amiri kerns و/ر before ي by 0.12 em, which PDF.js reads as a space; XeTeX's word spaces are wider.
    for (const word of ['الطويلة،', 'الأميرية', 'الملايوية', 'تجاريه', 'التنويعة', 'الخنجرية', 'موزيلا'])
      expect(words(text)).toContain(word);
    expect(text).not.toMatch(/الطو يلة|الأمير ية|التنو يعة/);
    // "عبدالله" and "عبد الله" on one page: the one drawn apart stays apart.
    expect(text).toContain('بمسافة عبد الله لتظهر ”عبد الله“');
    // A word's last mark stays on its letter, inside the closing quote.
    expect(text).toContain('”موسىٰ“');
    expect(text).not.toMatch(/\p{L}“[\u064B-\u065F\u0670\u06E4]/u);
  }, 60_000);

  it('LibreOffice Writer: the same documentation, lines justified with gaps rather than spaces', async () => {
    const source = htmlText(readFileSync(fixture('amiri-documentation-ar.html'), 'utf8'));
    const text = await importedText('amiri-documentation-ar-libreoffice.pdf');
    const { share, total } = score(source, text);
    figures.push(`LibreOffice 7.4, Amiri documentation: ${total} words, ${percent(share)} in order`);
    // LibreOffice draws a line's spaces as a run of their own and leaves the word gaps of its Amiri runs with TJ
    // adjustments: read by space glyphs alone, whole phrases came back as one word (65.6 % in order).
    expect(share).toBeGreaterThanOrEqual(0.98);
    expect(text).toContain('الخط الأمیری خط نسخی موجه لطباعة الكتب و النصوص الطویلة، و هو إحیاء و محاكاة');
    expect(text).toContain('علىٰ حساب');
    expect(text).toContain('فتحصل علىٰ ”گ“');
    // Its punctuation is drawn in another font, into gaps PDF.js merges its words across (". ... الآخر و").
    expect(text).toContain('حساب الآخر. و لهذا');
    expect(text).toContain('منفردا: ”الله“، أو معطوفا بالفاء: ”فلله“،');
    expect(text).toContain('باللام: ”لله“.');
    // Its Arabic comma and semicolon alone in a quote (PDF.js puts an item with the semicolon in logical order).
    expect(text).toContain('فتصبح ”،؛“ بدلا من');
    // A right-to-left mark before the bracket laid it out from the right; a list bullet stands apart.
    expect(text).toContain('pnum (Proportional Numbers)');
    expect(text).toMatch(/^• مسبوقا بألف/m);
  }, 60_000);

  it('prints the figures per producer', () => {
    console.log(`PDF import against the source, words in order:\n  ${figures.join('\n  ')}`);
    expect(figures.length).toBeGreaterThan(0);
  });
});
