import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { seedPath, sharedData } from '../../../tests/support/paths';
import { contentHash } from './article';
import { parseSourceHeader } from './plainText';
import { importerFor, isImportable, parseFile } from './registry';
import { ImportError, type ParsedArticle, type ParsedRecord } from './types';
import { codeOf } from '../../../tests/support/importErrors';

function only(records: ParsedRecord[]): ParsedArticle {
  expect(records).toHaveLength(1);
  const [record] = records;
  if (!record?.ok) throw new Error(`expected an article, got ${JSON.stringify(record)}`);
  return record.article;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('plain text importer', () => {
  it('reads the seed: outlet and date from line 1, title = first sentence', () => {
    const article = only(parseFile(seedPath, readFileSync(seedPath)));
    expect(article.source).toBe('حرية');
    expect(article.published).toEqual({ original: '(26/7/2021)', iso: '2021-07-26', precision: 'day' });
    expect(article.title).toBe(
      'أعلن الرئيس الأميركي، جو بايدن، أنه سيستضيف رئيس مجلس الوزراء مصطفى الكاظمي، اليوم الاثنين، فيما أعرب عن تطلعه لتعزيز الشراكة بين الولايات المتحدة والعراق.',
    );
    expect(article.body.split('\n')[0]).toBe(article.title);
    expect(article.lang).toBe('ar');
    expect(article.dir).toBe('rtl');
    expect(article.wordCount).toBeGreaterThan(700);
    expect(article.originFormat).toBe('text');
  });

  it('takes a given title instead of the first sentence', () => {
    const article = only(parseFile(seedPath, readFileSync(seedPath), { title: 'زيارة الكاظمي' }));
    expect(article.title).toBe('زيارة الكاظمي');
  });

  it('recognises source headers and nothing else', () => {
    expect(parseSourceHeader('حرية – (26/7/2021)')).toEqual({ source: 'حرية', date: '(26/7/2021)' });
    expect(parseSourceHeader('Reuters - 2021-07-26')).toEqual({ source: 'Reuters', date: '2021-07-26' });
    expect(parseSourceHeader('Markets rally – investors cheer')).toBeNull();
    expect(parseSourceHeader('أعلن الرئيس الأميركي، جو بايدن')).toBeNull();
  });

  it("imports the BBC set's one Latin-1 file (a £ sign) as Windows-1252", () => {
    const bytes = execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), 'bbc/sport/199.txt']);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const article = only(parseFile('bbc/sport/199.txt', bytes));
    expect(article.title).toBe('Chelsea sack Mutu');
    expect(article.encoding).toBe('windows-1252');
    expect(article.body).toContain('a £15.8m signing from Parma');
    expect(article.body).not.toContain('\uFFFD');
  });

  it('reads the BBC shape: line 1 is the title', () => {
    const text = execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), 'bbc/business/001.txt']);
    const article = only(parseFile('bbc/business/001.txt', text));
    expect(article.title).toBe('Ad sales boost Time Warner profit');
    expect(article.body.startsWith('Quarterly profits at US media giant TimeWarner jumped 76%')).toBe(true);
    expect(article.lang).toBe('en');
    expect(article.dir).toBe('ltr');
    expect(article.source).toBeNull();
  });

  it('gives the same content hash to the same text however it is encoded or spaced', () => {
    const seed = readFileSync(seedPath, 'utf8');
    const a = only(parseFile('a.txt', utf8(seed)));
    const b = only(parseFile('b.txt', utf8(`\uFEFF${seed.replace(/\n/g, '\r\n').replace(/ /g, '  ')}`)));
    expect(b.contentHash).toBe(a.contentHash);
    expect(contentHash('الْأَمْرِيكِيَّة')).toBe(contentHash('الامريكيه'));
    expect(contentHash('one text')).not.toBe(contentHash('another text'));
  });
});

describe('JSON importers', () => {
  it('reads a SaudiNewsNet day: every record, empty ones reported by number', () => {
    const path = sharedData('saudinewsnet', '2015-07-21.json.gz');
    const records = parseFile(path, readFileSync(path));
    expect(records).toHaveLength(2972);
    const bad = records.filter((r) => !r.ok);
    for (const r of bad) if (!r.ok) expect(r.error.message).toMatch(/#\d+: record \d+ .*has no article text/);
    const first = records[0];
    if (!first?.ok) throw new Error('first record should import');
    expect(first.article).toMatchObject({
      source: 'aawsat',
      author: 'لندن: رنيم حنوش',
      lang: 'ar',
      dir: 'rtl',
      originPath: `${path}#1`,
      published: { original: '2015-07-21 02:51:32', iso: '2015-07-21', precision: 'day' },
    });
  });

  it('reads JSON Lines, reporting the bad line and keeping the good ones', () => {
    const lines = [
      JSON.stringify({ title: 'First', content: 'The first article body.', source: 'Wire' }),
      '{"title": "broken',
      JSON.stringify({ headline: 'Second', body: 'The second article body.', date: '2020-03-01' }),
    ].join('\n');
    const records = parseFile('feed.jsonl', utf8(lines));
    expect(records.map((r) => r.ok)).toEqual([true, false, true]);
    const [, broken, second] = records;
    if (broken?.ok !== false || !second?.ok) throw new Error('unexpected shape');
    expect(broken.error).toMatchObject({ path: 'feed.jsonl#2', code: 'IMPORT_PARSE_FAILED' });
    expect(second.article).toMatchObject({ title: 'Second', published: { iso: '2020-03-01', precision: 'day' } });
  });

  it('accepts an object holding an articles array, and a single article object', () => {
    expect(
      parseFile('a.json', utf8(JSON.stringify({ articles: [{ title: 'T', text: 'Body text here.' }] }))),
    ).toHaveLength(1);
    expect(only(parseFile('b.json', utf8(JSON.stringify({ title: 'T', text: 'Body text here.' })))).title).toBe('T');
  });

  it('locates a syntax error', () => {
    try {
      parseFile('bad.json', utf8('[\n  {"title": "x",\n  }\n]'));
      throw new Error('should fail');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).message).toMatch(/^bad\.json: invalid JSON: .*line 3/);
    }
  });
});

describe('whole-file failures', () => {
  it('names each failure with its own code', () => {
    expect(codeOf(() => parseFile('empty.txt', new Uint8Array()))).toBe('IMPORT_EMPTY');
    expect(codeOf(() => parseFile('blank.txt', utf8('  \n\n \n')))).toBe('IMPORT_EMPTY');
    expect(codeOf(() => parseFile('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))).toBe(
      'IMPORT_BINARY',
    );
    // Eight bytes of random high bits and controls: no encoding reads them as words.
    expect(
      codeOf(() =>
        parseFile('noise.txt', new Uint8Array([0x8f, 0x9d, 0xc3, 0x01, 0xfe, 0x81, 0x90, 0xad, 0x9e, 0xdb])),
      ),
    ).toBe('IMPORT_DECODE_FAILED');
    expect(codeOf(() => parseFile('photo.png', new Uint8Array([1, 2, 3])))).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(codeOf(() => parseFile('fake.json.gz', utf8('not gzip')))).toBe('IMPORT_DECODE_FAILED');
  });

  it('reads Latin-1 bytes as Windows-1252 instead of refusing them', () => {
    const article = only(parseFile('latin.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6c, 0xe9])));
    expect(article.body).toBe('café olé');
    expect(article.encoding).toBe('windows-1252');
  });

  it('refuses images, archives and documents by their bytes, whatever their name', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => parseFile('scan.png', png))).toBe('IMPORT_BINARY');
    expect(codeOf(() => parseFile('article.txt', png))).toBe('IMPORT_BINARY');
    expect(codeOf(() => parseFile('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])))).toBe(
      'IMPORT_BINARY',
    );
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    expect(codeOf(() => parseFile('archive.zip', zip))).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(() => parseFile('articles.html', zip)).toThrow(/articles\.html: this is a ZIP archive.*extract it/);
    // PDF is read now (pdf.test.ts); under another name it is refused with the way to import it.
    expect(codeOf(() => parseFile('paper.txt', utf8('%PDF-1.7\n...')))).toBe('IMPORT_UNSUPPORTED_FORMAT');
    expect(() => parseFile('paper.txt', utf8('%PDF-1.7\n...'))).toThrow(
      /paper\.txt: this is a PDF document.*name it \.pdf/,
    );
  });

  it('refuses a file that decompresses beyond the size limit', () => {
    const big = gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x61));
    expect(codeOf(() => parseFile('huge.txt.gz', big, { maxBytes: 1024 * 1024 }))).toBe('IMPORT_TOO_LARGE');
    expect(only(parseFile('huge.txt.gz', big, { maxBytes: 4 * 1024 * 1024 })).wordCount).toBe(1);
  });

  it('knows its formats from one registry', () => {
    expect(importerFor('x.TXT')?.id).toBe('text');
    expect(importerFor('x.ndjson')?.id).toBe('jsonl');
    expect(isImportable('2015-07-21.json.gz')).toBe(true);
    expect(isImportable('notes.xyz')).toBe(false);
    for (const [name, id] of [
      ['page.HTML', 'html'],
      ['page.htm', 'html'],
      ['saved.mhtml', 'mhtml'],
      ['saved.mht', 'mhtml'],
      ['note.md', 'markdown'],
      ['export.csv', 'csv'],
      ['export.tsv', 'tsv'],
    ] as const) {
      expect(importerFor(name)?.id, name).toBe(id);
    }
  });
});
