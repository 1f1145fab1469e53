import { describe, expect, it } from 'vitest';
import { joinsLeft, withLigaturesInOrder, withoutKerningSpaces } from './pdfDrawnWords';

describe('spaces PDF.js put inside a drawn word', () => {
  const drawnOnce = (words: string[]) => new Map(words.map((w) => [w, 1]));
  const drawn = () => drawnOnce(['المحتويات', 'في', 'سوريا', 'الجمهورية', 'و', 'قال', 'وقال']);

  it('joins the parts of a word the page drew whole, punctuation and presentation forms aside', () => {
    expect(withoutKerningSpaces('المحتو يات في سور يا،', drawn())).toBe('المحتويات في سوريا،');
    expect(withoutKerningSpaces('الجمهور ي ة', drawn())).toBe('الجمهورية');
    expect(withoutKerningSpaces('ﺳﻮﺭ ﻳﺎ', drawn())).toBe('ﺳﻮﺭﻳﺎ');
  });

  it('keeps a space between two words the page drew apart', () => {
    expect(withoutKerningSpaces('في سوريا', drawn())).toBe('في سوريا');
    expect(withoutKerningSpaces('سور يا', drawnOnce(['سور', 'يا']))).toBe('سور يا');
  });

  it('keeps apart two words drawn apart when the page also draws them as one word', () => {
    // The Amiri documentation: “عبدالله”, then “عبد الله”, each written twice on one page.
    const page = drawnOnce(['عبدالله', 'عبد', 'الله']);
    page.set('عبدالله', 2);
    const texts = ['عبدالله تظهر ”عبدالله“', 'بمسافة عبد الله لتظهر ”عبد الله“'];
    const joins = joinsLeft(page, texts);
    expect(texts.map((t) => withoutKerningSpaces(t, joins))).toEqual(texts);
    // Drawn once more than the text has it whole: one kerned split is joined.
    page.set('عبدالله', 3);
    expect(withoutKerningSpaces('عبد الله', joinsLeft(page, ['عبدالله', '”عبدالله“']))).toBe('عبدالله');
  });
});

describe('letters of a lam-alef glyph put back in order', () => {
  // The gazette draws "لا" and "تُخل" with no space between (lam-alef joins nothing after it): PDF.js reads "التُخل".
  const ligatures = new Map([
    ['التخل', 'لاتخل'],
    ['الالئحة', 'اللائحة'],
  ]);

  it('keeps the marks of a word on their letters', () => {
    expect(withLigaturesInOrder('التُخل أحكام', ligatures)).toBe('لاتُخل أحكام');
    expect(withLigaturesInOrder('الالئحةِ، الالئحة', ligatures)).toBe('اللائحةِ، اللائحة');
  });

  it('leaves a word the page did not draw with the glyph', () => {
    expect(withLigaturesInOrder('التخلي', ligatures)).toBe('التخلي');
  });
});
