import { describe, expect, it } from 'vitest';
import { formatCitation, formatNumber, formatPublished, labelsFor, urlLine } from './labels';
import type { CitationData } from './model';

const LRI = '\u2066';
const PDI = '\u2069';

const seed: CitationData = {
  outlet: 'حرية',
  title: 'أعلن الرئيس الأميركي',
  author: null,
  publishedOriginal: '(26/7/2021)',
  publishedIso: '2021-07-26',
  url: null,
  accessed: '2025-03-01',
  lang: 'ar',
};

describe('citations', () => {
  it('writes an Arabic citation with «», ، and dates in the reader’s form, the month named', () => {
    const { sentence, url } = formatCitation(seed);
    expect(sentence).toBe(
      `«أعلن الرئيس الأميركي». حرية، ${LRI}(26/7/2021)${PDI} 26 تموز 2021. تاريخ الاطلاع: 1 آذار 2025.`,
    );
    expect(sentence).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(url).toBeNull();
  });

  it('writes an English citation with author, title, outlet, both dates and the URL apart', () => {
    const { sentence, url } = formatCitation({
      ...seed,
      lang: 'en',
      outlet: 'BBC',
      title: 'Ad sales boost Time Warner profit',
      author: 'A. Writer',
      url: 'http://news.bbc.co.uk/1',
    });
    expect(sentence).toBe(
      'A. Writer. “Ad sales boost Time Warner profit.” BBC, (26/7/2021) [26 July 2021]. Accessed: 1 March 2025.',
    );
    expect(url).toBe('http://news.bbc.co.uk/1');
  });

  it('names the date only when the written date does not already hold it', () => {
    expect(formatPublished({ publishedOriginal: '2015-07-22 02:51:32', publishedIso: '2015-07-22' }, 'ltr')).toBe(
      '2015-07-22 02:51:32',
    );
    expect(formatPublished({ publishedOriginal: '26 تموز 2021', publishedIso: '2021-07-26' }, 'rtl')).toBe(
      '26 تموز 2021',
    );
    expect(formatPublished({ publishedOriginal: '(26/7/2021)', publishedIso: '2021-07-26' }, 'ltr')).toBe(
      '(26/7/2021) [26 July 2021]',
    );
    expect(formatPublished({ publishedOriginal: null, publishedIso: '2021-07' }, 'rtl')).toBe('تموز 2021');
    expect(formatPublished({ publishedOriginal: null, publishedIso: null }, 'ltr')).toBeNull();
  });

  it('counts items in Arabic grammar and numbers pages in either digit set', () => {
    const ar = labelsFor('ar');
    expect([1, 2, 3, 11].map(ar.items)).toEqual(['مادة واحدة', 'مادتان', '3 مواد', '11 مادة']);
    expect(labelsFor('en').items(2)).toBe('2 items');
    expect(formatNumber(120, 'arab')).toBe('١٢٠');
    expect(formatNumber(120, 'latn')).toBe('120');
  });
});

describe('citations in the other direction', () => {
  const FSI = '\u2068';

  it('isolates a Latin title and outlet inside an Arabic citation, and only those', () => {
    const { sentence } = formatCitation({ ...seed, outlet: 'BBC عربي', title: 'Windows 10: a?b=1' });
    expect(sentence.startsWith(`«${FSI}Windows 10: a?b=1${PDI}». ${FSI}BBC عربي${PDI}، `)).toBe(true);
    expect(formatCitation(seed).sentence).not.toContain(FSI);
  });

  it('lays a URL with an Arabic path out in the page direction, its Latin parts isolated', () => {
    const url = 'http://www.al-madina.com/node/620856/تركيا-تقصف-مواقع-«داعش»-في-سوريا.html?weekly';
    expect(urlLine(url, 'rtl')).toEqual({
      text: `${LRI}http://www.al-madina.com/node/620856/${PDI}تركيا-تقصف-مواقع-«داعش»-في-سوريا${LRI}.html?weekly${PDI}`,
      dir: 'rtl',
    });
    const ascii = 'http://www.alwatan.com.sa/Politics/News_Detail.aspx?ArticleID=229912&CategoryID=1';
    expect(urlLine(ascii, 'rtl')).toEqual({ text: ascii, dir: 'ltr' });
    expect(urlLine(url, 'ltr')).toEqual({ text: url, dir: 'ltr' });
  });
});
