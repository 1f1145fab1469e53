/**
 * library.previewTable, the look at a CSV/TSV file the UI's mapping dialog
 * is built from, on SaudiNewsNet records written as tables the way exports
 * come: Arabic headers, a newsroom tool's own column names, tabs, the old
 * Windows Arabic code page. The same answers in-process and over the web
 * host; bad files get the import's own error codes, naming the file. Then
 * the mapping the user chose imports exactly what it says.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MizanApi } from '../../preload/contract';
import { contractTargets, expectError } from '../support/contractTargets';
import { sharedData, tempDir } from '../support/paths';

type SaudiRecord = Record<'source' | 'url' | 'date_extracted' | 'title' | 'author' | 'content', string>;

const records = (
  JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-21.json.gz'))).toString('utf8'),
  ) as SaudiRecord[]
).slice(0, 12);

/** RFC 4180: every cell quoted, quotes doubled (bodies hold commas, quotes and line breaks). */
function table(header: string[], rows: string[][], delimiter = ','): string {
  const cell = (v: string) => (delimiter === '\t' ? v.replace(/[\t\r\n]+/g, ' ') : `"${v.replace(/"/g, '""')}"`);
  return [header, ...rows].map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

describe.each(contractTargets())('library.previewTable: $name', (target) => {
  let api: MizanApi;
  let stop: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir();
    ({ api, stop } = await target.start(join(dir, 'library.db')));
  });
  afterAll(async () => {
    await stop?.();
  });

  it('reads a CSV with Arabic headers: delimiter, encoding, columns, first rows, row count and the guessed mapping', async () => {
    const path = join(dir, 'سعودي.csv');
    // Bodies with line breaks inside quotes: rows are records, not lines.
    const rows = records.map((r) => [
      r.title,
      `${r.content.slice(0, 400)}\n\n«فقرة ثانية»، "مقتبسة"`,
      r.source,
      r.url,
      r.date_extracted,
    ]);
    writeFileSync(path, table(['العنوان', 'النص', 'الصحيفة', 'الرابط', 'التاريخ'], rows));
    const preview = await api['library.previewTable']({ path });
    expect(preview).toMatchObject({
      path,
      format: 'csv',
      delimiter: ',',
      encoding: 'utf-8',
      rowCount: 12,
      rowCountExact: true,
    });
    expect(preview.columns).toEqual(['العنوان', 'النص', 'الصحيفة', 'الرابط', 'التاريخ']);
    expect(preview.guessed).toEqual({
      title: 'العنوان',
      body: 'النص',
      source: 'الصحيفة',
      url: 'الرابط',
      date: 'التاريخ',
    });
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]![0]).toBe(records[0]!.title);
    expect(preview.rows[1]![2]).toBe('aawsat');
    // Cells are cut for the preview; the line break inside the quoted body survives.
    expect(preview.rows[0]![1]!.length).toBeLessThanOrEqual(301);
    expect(preview.rows[0]![1]).toContain(records[0]!.content.slice(0, 100));

    const three = await api['library.previewTable']({ path, rows: 3 });
    expect(three.rows).toHaveLength(3);
    expect(three.rows[2]![0]).toBe(records[2]!.title);
  });

  it('reads a TSV whose column names the importer cannot guess, and imports it with the mapping the user chose', async () => {
    const path = join(dir, 'export.tsv');
    const rows = records.slice(0, 4).map((r) => [r.title, r.content, r.source, r.date_extracted, r.url]);
    writeFileSync(path, table(['headline_txt', 'story', 'outlet', 'pub', 'web'], rows, '\t'));
    const preview = await api['library.previewTable']({ path });
    expect(preview).toMatchObject({
      format: 'tsv',
      delimiter: '\t',
      encoding: 'utf-8',
      rowCount: 4,
      columns: ['headline_txt', 'story', 'outlet', 'pub', 'web'],
    });
    // Only "outlet" is a name the importer knows.
    expect(preview.guessed).toEqual({ source: 'outlet' });
    expect(preview.rows[3]![2]).toBe(records[3]!.source);

    // Without a mapping the import says which columns there are.
    const unmapped = await api['library.importFiles']({ paths: [path] });
    expect(unmapped.errors[0]).toMatchObject({ code: 'IMPORT_PARSE_FAILED' });
    expect(unmapped.errors[0]!.message).toContain('"story"');

    // With the dialog's mapping: what is mapped is imported, and `pub` (left out) is not guessed.
    const report = await api['library.importFiles']({
      paths: [path],
      mapping: { title: 'headline_txt', body: 'story', source: 'outlet', url: 'web' },
      mappingComplete: true,
    });
    expect(report.errors).toEqual([]);
    expect(report.imported.map((a) => a.title)).toEqual(records.slice(0, 4).map((r) => r.title));
    const article = await api['library.getArticle']({ id: report.imported[0]!.id });
    // SaudiNewsNet's outlet codes resolve to the outlets' names.
    expect(article.source).toBe('الشرق الأوسط');
    expect(article.url).toBe(records[0]!.url);
    expect(article.publishedAt.original).toBeNull();
  });

  it('leaves a column the user left out alone even when its name would be guessed (mappingComplete)', async () => {
    const author = records[5]!.author.replace(/\s+/g, ' ');
    const csv = table(
      ['title', 'text', 'date', 'author'],
      [[records[5]!.title, records[5]!.content, '2015-07-21', records[5]!.author]],
    );
    const guessedReport = await api['library.importUploads']({
      files: [{ name: 'guessed.csv', contentBase64: b64(csv) }],
    });
    const guessed = await api['library.getArticle']({ id: guessedReport.imported[0]!.id });
    expect(guessed.publishedAt.iso).toBe('2015-07-21');
    expect(guessed.author).toBe(author);
    const other = csv.replace(records[5]!.content.slice(0, 30), 'نص آخر ');
    const completeReport = await api['library.importUploads']({
      files: [{ name: 'complete.csv', contentBase64: b64(other) }],
      mapping: { title: 'title', body: 'text', author: 'author' },
      mappingComplete: true,
    });
    const complete = await api['library.getArticle']({ id: completeReport.imported[0]!.id });
    expect(complete.publishedAt.iso).toBeNull();
    expect(complete.author).toBe(author);
  });

  it('decodes a Windows-1256 CSV, from a path and as an upload', async () => {
    const rows = records.slice(6, 10).map((r) => [r.title, r.content.slice(0, 300), r.author]);
    const bytes = iconv.encode(table(['العنوان', 'المحتوى', 'الكاتب'], rows, ';'), 'windows-1256');
    const path = join(dir, 'cp1256.csv');
    writeFileSync(path, bytes);
    const expectedTitle = iconv.decode(iconv.encode(records[6]!.title, 'windows-1256'), 'windows-1256');
    for (const preview of [
      await api['library.previewTable']({ path }),
      await api['library.previewTable']({ upload: { name: 'cp1256.csv', contentBase64: b64(bytes) } }),
    ]) {
      expect(preview).toMatchObject({
        delimiter: ';',
        encoding: 'windows-1256',
        rowCount: 4,
        columns: ['العنوان', 'المحتوى', 'الكاتب'],
      });
      expect(preview.rows[0]![0]).toBe(expectedTitle);
      expect(preview.guessed).toEqual({ title: 'العنوان', body: 'المحتوى', author: 'الكاتب' });
    }
  });

  it('scales the row count of an upload that carries only the beginning of a big file', async () => {
    const csv = table(
      ['title', 'body'],
      records.map((r) => [r.title, r.content.slice(0, 200)]),
    );
    const head = Buffer.from(csv).subarray(0, Buffer.from(csv).lastIndexOf(0x0a, Buffer.byteLength(csv) / 2) + 1);
    const preview = await api['library.previewTable']({
      upload: { name: 'big.csv', contentBase64: b64(head), size: Buffer.byteLength(csv) },
    });
    expect(preview.rowCountExact).toBe(false);
    expect(preview.rowCount).toBeGreaterThanOrEqual(9);
    expect(preview.rowCount).toBeLessThanOrEqual(15);
  });

  it('refuses what is not a table with the import codes, naming the file', async () => {
    const png = join(dir, 'logo.csv');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));
    expect((await expectError(api['library.previewTable']({ path: png }), 'IMPORT_BINARY')).message).toContain(
      'logo.csv: this is a PNG image',
    );
    const pngUpload = await expectError(
      api['library.previewTable']({ upload: { name: 'photo.png', contentBase64: b64(readFileSync(png)) } }),
      'IMPORT_BINARY',
    );
    expect(pngUpload.message).toContain('photo.png');

    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await expectError(api['library.previewTable']({ path: empty }), 'IMPORT_EMPTY')).message).toContain(
      'empty.csv',
    );
    const headerOnly = await expectError(
      api['library.previewTable']({ upload: { name: 'header.csv', contentBase64: b64('title,body\r\n\r\n') } }),
      'IMPORT_EMPTY',
    );
    expect(headerOnly.message).toContain('header.csv: no rows under the header');

    const json = await expectError(
      api['library.previewTable']({
        upload: { name: 'feed.json', contentBase64: b64('[{"title":"a","content":"b"}]') },
      }),
      'IMPORT_UNSUPPORTED_FORMAT',
    );
    expect(json.message).toContain('feed.json: not a table');

    // Mostly UTF-8 with stray bytes: decoding either way would show mojibake.
    const mixed = Buffer.concat([
      Buffer.from('العنوان,النص\r\nعنوان أول,نص عربي طويل\r\n'),
      Buffer.from([0xc7, 0xe1]),
      Buffer.from(',نص\r\n'),
    ]);
    expect(
      (
        await expectError(
          api['library.previewTable']({ upload: { name: 'mixed.csv', contentBase64: b64(mixed) } }),
          'IMPORT_DECODE_FAILED',
        )
      ).message,
    ).toContain('mixed.csv');

    const prose = `${'كلمات عربية كثيرة في سطر واحد بلا أعمدة '.repeat(10)}\nوسطر آخر\n`;
    expect(
      (
        await expectError(
          api['library.previewTable']({ upload: { name: 'notes.csv', contentBase64: b64(prose) } }),
          'IMPORT_PARSE_FAILED',
        )
      ).message,
    ).toContain('notes.csv: not a table');

    const missing = await expectError(
      api['library.previewTable']({ path: join(dir, 'gone.csv') }),
      'IMPORT_READ_FAILED',
    );
    expect(missing.message).toContain('gone.csv');
    await expectError(
      api['library.previewTable']({ path: png, upload: { name: 'x.csv', contentBase64: '' } }),
      'INVALID_ARGUMENT',
    );
  });

  it('lists the files an import of a folder would read, tables inside included, so the UI can map them', async () => {
    const folder = join(dir, 'أرشيف');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    mkdirSync(join(folder, '.cache'), { recursive: true });
    writeFileSync(join(folder, 'b-note.txt'), 'A title\nA body long enough to be an article of its own.');
    writeFileSync(join(folder, 'sub', 'export.csv'), table(['headline_txt', 'story'], [['t', 'body']]));
    writeFileSync(join(folder, '.hidden.csv'), 'x');
    writeFileSync(join(folder, '.cache', 'c.csv'), 'x');
    const listed = await api['library.listImportFiles']({ paths: [folder, join(dir, 'nowhere')] });
    // The import's own walk: names in order, hidden entries skipped, a missing path reported by name.
    expect(listed.files).toEqual([join(folder, 'b-note.txt'), join(folder, 'sub', 'export.csv')]);
    expect(listed.errors).toEqual([
      expect.objectContaining({ path: join(dir, 'nowhere'), code: 'IMPORT_READ_FAILED' }),
    ]);
  });
});
