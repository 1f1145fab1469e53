import { describe, expect, it } from 'vitest';
import { withoutKerningSpaces } from './pdfDrawnWords';

describe('spaces PDF.js put inside a drawn word', () => {
  const drawn = new Set(['المحتويات', 'في', 'سوريا', 'الجمهورية', 'و', 'قال', 'وقال']);

  it('joins the parts of a word the page drew whole, punctuation and presentation forms aside', () => {
    expect(withoutKerningSpaces('المحتو يات في سور يا،', drawn)).toBe('المحتويات في سوريا،');
    expect(withoutKerningSpaces('الجمهور ي ة', drawn)).toBe('الجمهورية');
    expect(withoutKerningSpaces('ﺳﻮﺭ ﻳﺎ', drawn)).toBe('ﺳﻮﺭﻳﺎ');
  });

  it('keeps a space between two words the page drew apart', () => {
    expect(withoutKerningSpaces('في سوريا', drawn)).toBe('في سوريا');
    expect(withoutKerningSpaces('سور يا', new Set(['سور', 'يا']))).toBe('سور يا');
  });
});
