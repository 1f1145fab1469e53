/**
 * Encodings, on fixtures made at test time by encoding real text from
 * ../shared/data (never committed copies): the seed, SaudiNewsNet articles
 * and titles, BBC's one Latin-1 file, French and Spanish pages.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { seedPath, sharedData } from '../../../tests/support/paths';
import { decodeText, normalizeCharsetLabel, sniffDeclaredCharset } from './decode';
import { parseFile } from './registry';
import { detectSingleByte } from './singleByte';
import { codeOf, failure } from '../../../tests/support/importErrors';

const seed = readFileSync(seedPath, 'utf8');

function saudiSample(file: string, every: number): Array<{ title: string; content: string }> {
  const records = JSON.parse(gunzipSync(readFileSync(sharedData('saudinewsnet', file))).toString('utf8')) as Array<{
    title: string;
    content: string;
  }>;
  return records.filter((r, i) => i % every === 0 && r.content.trim() !== '');
}

/** Text of a saved page, tags removed: real French/Spanish/English prose with accents and typographic quotes. */
function pageProse(name: string): string {
  return readFileSync(sharedData('html-pages', `${name}.html`), 'utf8')
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');
}

describe('Unicode encodings', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(Buffer.from(seed), 'a.txt')).toEqual({ text: seed, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed)]), 'b.txt')).toEqual({
      text: seed,
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 little- and big-endian, with a byte-order mark or without one', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const withBom = iconv.encode(seed, encoding, { addBOM: true });
      expect(withBom[0]! + withBom[1]!).toBe(0xff + 0xfe);
      expect(decodeText(withBom, 'x.txt')).toEqual({ text: seed, encoding });
      expect(decodeText(iconv.encode(seed, encoding), 'x.txt')).toEqual({ text: seed, encoding });
      const english = 'The harbour reopened on Monday after a week of storms, officials said on Tuesday morning.';
      expect(decodeText(iconv.encode(english, encoding), 'x.txt')).toEqual({ text: english, encoding });
    }
  });

  it('refuses broken UTF-8 and UTF-16 instead of storing replacement characters', () => {
    const damaged = Buffer.concat([
      Buffer.from(seed.slice(0, 2000)),
      Buffer.from([0xc7, 0xe1]),
      Buffer.from(seed.slice(2000, 4000)),
    ]);
    expect(codeOf(() => decodeText(damaged, 'mixed.txt'))).toBe('IMPORT_DECODE_FAILED');
    expect(() => decodeText(damaged, 'mixed.txt')).toThrow(
      /mixed\.txt: mostly UTF-8 but 2 byte\(s\) are not .*line \d+/,
    );
    const bomButLatin = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('café olé', 'windows-1252')]);
    expect(codeOf(() => decodeText(bomButLatin, 'bom.txt'))).toBe('IMPORT_DECODE_FAILED');
    const oddUtf16 = Buffer.concat([
      iconv.encode('Hello world, this is text', 'utf-16le', { addBOM: true }),
      Buffer.from([0x41]),
    ]);
    expect(codeOf(() => decodeText(oddUtf16, 'odd.txt'))).toBe('IMPORT_DECODE_FAILED');
  });
});

describe('Arabic and Western single-byte encodings', () => {
  it('reads the seed in Windows-1256 and in ISO-8859-6', () => {
    const cp1256 = decodeText(iconv.encode(seed, 'windows-1256'), 'seed-1256.txt');
    expect(cp1256).toEqual({ text: seed, encoding: 'windows-1256' });
    // ISO-8859-6 has no typographic dash or quotes: encode what it can hold.
    const holdable = seed.replace(/[–“”]/g, '-');
    const iso = decodeText(iconv.encode(holdable, 'iso-8859-6'), 'seed-8859-6.txt');
    expect(iso).toEqual({ text: holdable, encoding: 'iso-8859-6' });
  });

  it('the Windows-1256 copy of the seed is the same article (same content hash)', () => {
    const [a] = parseFile('seed.txt', Buffer.from(seed));
    const [b] = parseFile('seed-1256.txt', iconv.encode(seed, 'windows-1256'));
    if (!a?.ok || !b?.ok) throw new Error('both should import');
    expect(b.article.contentHash).toBe(a.article.contentHash);
    expect(b.article.source).toBe('حرية');
    expect(b.article.encoding).toBe('windows-1256');
  });

  it('reads BBC sport/199 (a real Latin-1 file) as Windows-1252', () => {
    const bytes = execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), 'bbc/sport/199.txt']);
    const decoded = decodeText(bytes, '199.txt');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('a £15.8m signing');
  });

  /**
   * Measured, not assumed: every 25th article of two SaudiNewsNet days (and
   * its title alone), encoded both Arabic ways, and slices of French,
   * Spanish and English pages in Windows-1252. A wrong guess is mojibake in
   * the library, so none is allowed; a refusal is allowed only for a few
   * very short texts (a two-word title).
   */
  it('never mistakes one single-byte encoding for another on real text', () => {
    const arabic = [...saudiSample('2015-07-22.json.gz', 25), ...saudiSample('2015-08-01.json.gz', 25)];
    expect(arabic.length).toBeGreaterThan(100);
    const western: string[] = [];
    for (const page of [
      'test_liberation',
      'test_lefigaro',
      'test_elpais',
      'test_elmondo1',
      'test_issue4',
      'test_yahoo',
    ]) {
      const prose = pageProse(page);
      for (let i = 0; i + 1200 < prose.length; i += 1000) western.push(prose.slice(i, i + 1200));
    }
    const cases: Array<{ text: string; encoding: string }> = [];
    for (const r of arabic) {
      for (const text of [r.content, r.content.slice(0, 200), r.title]) {
        cases.push({ text, encoding: 'windows-1256' });
        cases.push({ text: text.replace(/[^\u0000-\u007f\u0600-\u06ff]/g, ' '), encoding: 'iso-8859-6' });
      }
    }
    for (const text of western) {
      for (const slice of [text, text.slice(0, 120)]) cases.push({ text: slice, encoding: 'windows-1252' });
    }
    const tally = { right: 0, wrong: [] as string[], refused: [] as string[], ascii: 0 };
    for (const c of cases) {
      const bytes = iconv.encode(c.text, c.encoding);
      if (!bytes.some((b) => b >= 0x80)) {
        tally.ascii++;
        continue;
      }
      try {
        const got = decodeText(bytes, 'case.txt');
        if (got.encoding === c.encoding) tally.right++;
        else tally.wrong.push(`${c.encoding} read as ${got.encoding}: ${c.text.slice(0, 40)}`);
      } catch {
        tally.refused.push(`${c.encoding}: ${c.text.slice(0, 40)}`);
      }
    }
    expect(tally.wrong).toEqual([]);
    const decided = tally.right + tally.refused.length;
    expect(decided).toBeGreaterThan(800);
    expect(tally.refused.length / decided).toBeLessThan(0.01);
    for (const r of tally.refused) expect(r.length, `refused a long text: ${r}`).toBeLessThan(80);
  });

  it('refuses other encodings rather than guess (Cyrillic, Greek, Hebrew, Japanese)', () => {
    const samples: Array<[string, string]> = [
      [
        'Москва — столица России, крупнейший по численности населения город страны и один из крупнейших городов мира.',
        'koi8-r',
      ],
      ['Москва — столица России, крупнейший по численности населения город страны.', 'windows-1251'],
      ['Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από τις αρχαιότερες πόλεις του κόσμου.', 'windows-1253'],
      ['ירושלים היא בירת ישראל והעיר הגדולה ביותר בה, עם אוכלוסייה של כמעט מיליון תושבים.', 'windows-1255'],
      ['日本語のテキストです。東京は日本の首都です。', 'shift_jis'],
    ];
    for (const [text, encoding] of samples) {
      expect(
        codeOf(() => decodeText(iconv.encode(text, encoding), `${encoding}.txt`)),
        encoding,
      ).toBe('IMPORT_DECODE_FAILED');
    }
  });

  it('explains what it weighed', () => {
    const guess = detectSingleByte(iconv.encode(seed, 'windows-1256'));
    expect(guess.confident).toBe(true);
    const byName = Object.fromEntries(guess.scores.map((s) => [s.encoding, s]));
    expect(byName['windows-1256']!.arabicLogP).toBeGreaterThan(-3.3);
    expect(byName['windows-1252']!.score).toBeLessThan(0);
    expect(byName['iso-8859-6']!.invalid).toBeGreaterThan(0);
  });
});

describe("an encoding the user chooses (--encoding, the import's encoding)", () => {
  const turkish =
    "Türkiye Cumhuriyeti'nin başkenti Ankara'dır; en kalabalık şehri İstanbul'dur. Şehir, Boğaziçi'nin iki yakasına yayılır ve ağaçlı sokakları ünlüdür.";

  it('reads what detection cannot: Turkish Windows-1254 (read as Western when guessed) and the encodings it refuses', () => {
    const bytes = iconv.encode(turkish, 'windows-1254');
    let guessed: string | null = null;
    try {
      guessed = decodeText(bytes, 'tr.txt').text;
    } catch {
      // refused is as good as wrong here: either way the user has to say
    }
    expect(guessed).not.toBe(turkish);
    expect(decodeText(bytes, 'tr.txt', { forced: 'windows-1254' })).toEqual({
      text: turkish,
      encoding: 'windows-1254',
    });
    expect(decodeText(iconv.encode('Москва, столица России.', 'koi8-r'), 'ru.txt', { forced: 'KOI8-R' }).text).toBe(
      'Москва, столица России.',
    );
    expect(
      decodeText(iconv.encode('日本語のテキストです。', 'shift_jis'), 'ja.txt', { forced: 'shift_jis' }).text,
    ).toBe('日本語のテキストです。');
  });

  it('overrides detection and declarations, skipping only its own byte order mark', () => {
    // ISO-8859-6 bytes of the seed are detected as such; asked for as Windows-1256 they are read so (the user's word).
    expect(decodeText(iconv.encode(seed, 'windows-1256'), 'seed.txt', { forced: 'cp1256' })).toEqual({
      text: seed,
      encoding: 'windows-1256',
    });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf-16le')]);
    expect(decodeText(le, 'seed16.txt', { forced: 'utf-16le' }).text).toBe(seed);
    const page = Buffer.from('<html><head><meta charset="windows-1252"></head><body>Ankara</body></html>');
    expect(decodeText(page, 'p.html', { declared: 'windows-1252', forced: 'utf-8' }).encoding).toBe('utf-8');
  });

  it('still refuses bytes that are not valid in it, and a label it does not know, naming the file', () => {
    const wrong = failure(() => decodeText(iconv.encode(seed, 'windows-1256'), 'seed-1256.txt', { forced: 'utf-8' }));
    expect(wrong.code).toBe('IMPORT_DECODE_FAILED');
    expect(wrong.message).toMatch(
      /^seed-1256\.txt: read as utf-8 \(the encoding asked for\) but the byte at \d+ \(line \d+\) is not valid UTF-8$/,
    );
    const unknown = failure(() => decodeText(Buffer.from('text'), 'a.txt', { forced: 'klingon-8' }));
    expect(unknown.message).toBe('a.txt: "klingon-8" is not an encoding Mizan can read');
  });

  it('reaches every importer through the import options', () => {
    const bytes = iconv.encode(`Ankara\n${turkish}`, 'windows-1254');
    const [record] = parseFile('tr.txt', bytes, { encoding: 'windows-1254' });
    expect(record).toMatchObject({ ok: true, article: { title: 'Ankara', body: turkish, encoding: 'windows-1254' } });
    const md = iconv.encode(`---\ntitle: Ankara\n---\n\n${turkish}`, 'windows-1254');
    expect(parseFile('tr.md', md, { encoding: 'windows-1254' })[0]).toMatchObject({
      ok: true,
      article: { body: turkish },
    });
  });
});

describe('declared charsets', () => {
  it('finds <meta charset>, http-equiv and the XML declaration', () => {
    expect(sniffDeclaredCharset(Buffer.from('<html><head><meta charset="windows-1256"></head>'))).toBe('windows-1256');
    expect(
      sniffDeclaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6">')),
    ).toBe('ISO-8859-6');
    expect(sniffDeclaredCharset(Buffer.from('<?xml version="1.0" encoding="utf-8"?><html>'))).toBe('utf-8');
    expect(sniffDeclaredCharset(Buffer.from('<html><body>no declaration</body></html>'))).toBeNull();
    expect(normalizeCharsetLabel('ISO-8859-1')).toBe('windows-1252');
    expect(normalizeCharsetLabel('cp1256')).toBe('windows-1256');
    expect(normalizeCharsetLabel('asmo-708')).toBe('iso-8859-6');
    expect(normalizeCharsetLabel('x-no-such-charset')).toBeNull();
  });

  it("honours a page's declared charset, and valid UTF-8 over a wrong declaration", () => {
    const body = seed
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '')
      .join('</p><p>');
    const page = (charset: string) =>
      `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="${charset}"><title>الكاظمي في واشنطن</title></head><body><article><p>${body}</p></article></body></html>`;
    const [cp] = parseFile('page-1256.html', iconv.encode(page('windows-1256'), 'windows-1256'));
    if (!cp?.ok) throw new Error('should import');
    expect(cp.article.encoding).toBe('windows-1256');
    expect(cp.article.title).toBe('الكاظمي في واشنطن');
    expect(cp.article.body).toContain('2500 جندي');
    // Declared Latin-1, saved as UTF-8 (three of the 45 real pages do this).
    const [mislabelled] = parseFile('page.html', Buffer.from(page('iso-8859-1')));
    if (!mislabelled?.ok) throw new Error('should import');
    expect(mislabelled.article.encoding).toBe('utf-8');
    expect(mislabelled.article.body).toContain('2500 جندي');
    // Declared Latin-1 but holding Windows-1256 bytes: the Arabic statistics overrule the label.
    const [wrongLabel] = parseFile('page2.html', iconv.encode(page('iso-8859-1'), 'windows-1256'));
    if (!wrongLabel?.ok) throw new Error('should import');
    expect(wrongLabel.article.encoding).toBe('windows-1256');
    expect(wrongLabel.article.title).toBe('الكاظمي في واشنطن');
    // A declared encoding statistics cannot check (Korean) is trusted.
    const korean =
      '<html><head><meta charset="euc-kr"></head><body><p>경기도 용인에 자리 잡은 민간 시험인증 전문기업이 새로운 시험 시설을 열었다고 밝혔다.</p></body></html>';
    const [ko] = parseFile('ko.html', iconv.encode(korean, 'euc-kr'));
    if (!ko?.ok) throw new Error('should import');
    expect(ko.article.encoding).toBe('euc-kr');
    expect(ko.article.body).toContain('경기도 용인에');
  });
});
