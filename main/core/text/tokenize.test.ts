import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { tokenize, type Token } from './tokenize';

function brief(tokens: Token[]): Array<[string, string]> {
  return tokens.map((t) => [t.kind, t.text]);
}

describe('tokenize', () => {
  it('splits Arabic words with clitics attached and keeps tashkeel and tatweel inside', () => {
    expect(brief(tokenize('وقال بايدن، في تدوينةٍ: لـ”إعادة'))).toEqual([
      ['word', 'وقال'],
      ['word', 'بايدن'],
      ['word', 'في'],
      ['word', 'تدوينةٍ'],
      ['word', 'لـ'],
      ['word', 'إعادة'],
    ]);
  });

  it('keeps numbers whole in both digit systems', () => {
    expect(brief(tokenize('2500 و2,500 و2.5 و٢٥٠٠ و٢٫٥ و١٢٬٥٠٠'))).toEqual([
      ['number', '2500'],
      ['word', 'و'],
      ['number', '2,500'],
      ['word', 'و'],
      ['number', '2.5'],
      ['word', 'و'],
      ['number', '٢٥٠٠'],
      ['word', 'و'],
      ['number', '٢٫٥'],
      ['word', 'و'],
      ['number', '١٢٬٥٠٠'],
    ]);
  });

  it('keeps numeric dates whole and rejects impossible ones', () => {
    expect(brief(tokenize('(26/7/2021) 2021-07-26 ٢٦/٧/٢٠٢١ 2015-07-21T10:00:00Z 31/2/2021'))).toEqual([
      ['date', '26/7/2021'],
      ['date', '2021-07-26'],
      ['date', '٢٦/٧/٢٠٢١'],
      ['date', '2015-07-21T10:00:00Z'],
      ['number', '31'],
      ['number', '2'],
      ['number', '2021'],
    ]);
  });

  it('keeps URLs and e-mail addresses whole without trailing punctuation', () => {
    expect(brief(tokenize('انظر https://www.spa.gov.sa/news?id=12. أو www.example.com، أو info@mizan.org.'))).toEqual([
      ['word', 'انظر'],
      ['url', 'https://www.spa.gov.sa/news?id=12'],
      ['word', 'أو'],
      ['url', 'www.example.com'],
      ['word', 'أو'],
      ['url', 'info@mizan.org'],
    ]);
  });

  it('handles Latin words inside Arabic text, apostrophes, acronyms and hashtags', () => {
    expect(brief(tokenize('قالت CNN إن Biden’s U.S. plan #السعودية_تتحدث G20'))).toEqual([
      ['word', 'قالت'],
      ['word', 'CNN'],
      ['word', 'إن'],
      ['word', 'Biden’s'],
      ['word', 'U.S.'],
      ['word', 'plan'],
      ['word', 'السعودية'],
      ['word', 'تتحدث'],
      ['word', 'G20'],
    ]);
  });

  it('reports offsets into the original string', () => {
    const text = 'حرية – (26/7/2021)';
    const t = tokenize(text);
    expect(t.map((x) => [x.start, x.end])).toEqual([
      [0, 4],
      [8, 17],
    ]);
  });

  const PIECES = fc.constantFrom(
    'الكاظمي',
    'وَالعِرَاقِ',
    'لـ',
    '،',
    ' ',
    '\n',
    '26/7/2021',
    '٢٥٠٠',
    '2,500',
    '2.5',
    '.',
    'U.S.',
    'Biden’s',
    'http://a.b/c?d=1',
    'x@y.com',
    '“',
    '”',
    '😀',
    '𝐀𝐁',
    '\u200c',
    '\u064b',
    '\u0640',
    'ﻻ',
    'e\u0301',
    '-',
    '/',
    '#',
    '@',
    '3D',
    'www.',
    'ab',
  );

  it('token offsets always point at the token text (property)', () => {
    const check = (s: string): void => {
      let last = 0;
      for (const tok of tokenize(s)) {
        expect(s.slice(tok.start, tok.end)).toBe(tok.text);
        expect(tok.end).toBeGreaterThan(tok.start);
        expect(tok.start).toBeGreaterThanOrEqual(last);
        last = tok.end;
      }
      for (const tok of analyze(s)) expect(s.slice(tok.start, tok.end)).toBe(tok.text);
    };
    fc.assert(
      fc.property(
        fc.array(PIECES, { maxLength: 30 }).map((a) => a.join('')),
        check,
      ),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 3000 });
  });
});
