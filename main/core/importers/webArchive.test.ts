/**
 * Web archives through the import: WARC (plain and gzipped) and WACZ made of
 * SaudiNewsNet and BBC articles wrapped as pages, a truncated archive, and
 * provenance (original URL, capture time) on every article.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../preload/contract';
import { sharedData, tempDir } from '../../../tests/support/paths';
import { otherRecords, pageRecords, revisitRecord, type WarcPage } from '../../../bench/warcMaker';
import { createServices, type Services } from '../services';
import { emptyReport, importItems } from './importService';
import { parseForImport } from './parseTask';
import { previewTable } from './tablePreview';

function pages(): WarcPage[] {
  const day = JSON.parse(
    gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
  ) as Array<{ title: string; content: string; url: string }>;
  const arabic = day
    .filter((r) => r.title.trim() !== '' && r.content.length > 800)
    .slice(0, 4)
    .map((r, k) => ({
      url: `https://news.example.sa/article/${k}`,
      title: r.title.trim(),
      body: r.content,
      lang: 'ar',
      date: '2015-07-22T08:00:00Z',
    }));
  const english = ['business/001', 'tech/001'].map((name, k) => {
    const [title, ...rest] = execFileSync('tar', ['-xzOf', sharedData('bbc-fulltext.tar.gz'), `bbc/${name}.txt`])
      .toString('latin1')
      .split('\n');
    return {
      url: `https://news.example.co.uk/${name}`,
      title: title!.trim(),
      body: rest.join('\n'),
      lang: 'en',
      date: `2005-03-0${k + 1}T12:00:00Z`,
    };
  });
  return [...arabic, ...english];
}

async function warcBytes(list: WarcPage[], gzip: boolean): Promise<Buffer> {
  const parts: Uint8Array[] = [...(await otherRecords('2015-07-22T08:00:00Z', gzip))];
  for (const page of list) parts.push(...(await pageRecords(page, { gzip })));
  return Buffer.concat(parts);
}

/** A WACZ: a stored (uncompressed) ZIP with the WARC under archive/. */
function waczOf(warc: Buffer): Buffer {
  const name = Buffer.from('archive/data.warc');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt32LE(crc32(warc), 14);
  header.writeUInt32LE(warc.length, 18);
  header.writeUInt32LE(warc.length, 22);
  header.writeUInt16LE(name.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt32LE(crc32(warc), 16);
  entry.writeUInt32LE(warc.length, 20);
  entry.writeUInt32LE(warc.length, 24);
  entry.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + warc.length, 16);
  return Buffer.concat([header, name, warc, entry, name, end]);
}

describe('web archive import', () => {
  let services: Services | null = null;
  afterEach(async () => {
    await services?.close();
    services = null;
  });

  const article = async (id: number) =>
    (await services!.db.get<{ url: string; lang: string; originPath: string }>(
      'SELECT url, lang, origin_path AS originPath FROM articles WHERE id = ?',
      [id],
    ))!;

  async function importFile(path: string, signal = new AbortController().signal) {
    services = await createServices({ dbPath: join(tempDir(), 'library.db'), host: 'test' });
    const progress: Array<[number, number | null, string | undefined]> = [];
    const ctx: CallContext = { signal, progress: (done, total, label) => progress.push([done, total, label]) };
    const parser = {
      concurrency: 1,
      parse: async (p: string, bytes: Uint8Array, options: object) => parseForImport(p, bytes, options),
      preview: async (p: string, bytes: Uint8Array, options: Parameters<typeof previewTable>[2]) =>
        previewTable(p, bytes, options),
      close: async () => undefined,
    };
    const report = await importItems(
      { db: services.db, ...services.state, parser, now: () => new Date() },
      [{ kind: 'path', path }],
      {},
      ctx,
      emptyReport(),
    );
    return { report, progress };
  }

  for (const gzip of [false, true]) {
    it(`imports each HTML response of a ${gzip ? 'gzipped ' : ''}WARC as an article, with its URL and capture time`, async () => {
      const list = pages();
      const path = join(tempDir(), gzip ? 'crawl.warc.gz' : 'crawl.warc');
      writeFileSync(path, await warcBytes(list, gzip));
      const { report, progress } = await importFile(path);
      expect(report.errors).toEqual([]);
      expect(report.imported.map((a) => a.title)).toEqual(list.map((p) => p.title));
      const first = await article(report.imported[0]!.id);
      expect(first.url).toBe(list[0]!.url);
      expect(first.lang).toBe('ar');
      // The stylesheet and the redirect come first (records 1, 2); then a request and a response per page.
      expect(first.originPath).toBe(`${path}#4@2015-07-22T08:00:00Z`);
      const bbc = await article(report.imported[4]!.id);
      expect(bbc).toMatchObject({ lang: 'en', url: 'https://news.example.co.uk/business/001' });
      expect(progress.at(-1)?.[2]).toMatch(/crawl\.warc(\.gz)?: 6 pages/);
    });
  }

  it('a WACZ package: the WARCs of its archive/ folder', async () => {
    const list = pages().slice(0, 3);
    const path = join(tempDir(), 'crawl.wacz');
    writeFileSync(path, waczOf(await warcBytes(list, false)));
    const { report } = await importFile(path);
    expect(report.errors).toEqual([]);
    expect(report.imported.map((a) => a.title)).toEqual(list.map((p) => p.title));
  });

  it('a truncated record is a clear error; the records before it are imported', async () => {
    const list = pages();
    for (const gzip of [false, true]) {
      const whole = await warcBytes(list, gzip);
      const path = join(tempDir(), gzip ? 'cut.warc.gz' : 'cut.warc');
      writeFileSync(path, whole.subarray(0, whole.length - 300));
      const { report } = await importFile(path);
      expect(report.imported.map((a) => a.title)).toEqual(list.slice(0, -1).map((p) => p.title));
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]!.message).toMatch(
        new RegExp(`^${path.replace(/[.]/g, '\\.')}#\\d+: .*(cut short|cut or damaged)`),
      );
      await services!.close();
      services = null;
    }
  });

  it('a revisit (an unchanged re-capture) is a duplicate of the article its first capture became, or names the archive it needs', async () => {
    const list = pages().slice(0, 2);
    const path = join(tempDir(), 'recrawl.warc');
    const parts: Uint8Array[] = [await warcBytes(list, false)];
    parts.push(await revisitRecord(list[0]!, '2015-07-29T08:00:00Z'));
    parts.push(await revisitRecord(list[1]!, '2015-07-29T08:00:00Z', { sameArchive: false }));
    writeFileSync(path, Buffer.concat(parts));
    const { report } = await importFile(path);
    expect(report.imported.map((a) => a.title)).toEqual(list.map((p) => p.title));
    // Records: stylesheet, redirect, two (request, response) pairs, then the two revisits.
    expect(report.duplicates).toEqual([
      { path: `${path}#7@2015-07-29T08:00:00Z`, of: report.imported[0]!.id, title: list[0]!.title },
    ]);
    // The article keeps the revisit's date after its first capture's: found unchanged a week later.
    const first = await article(report.imported[0]!.id);
    expect(first.originPath).toMatch(new RegExp(`^${path.replace(/[.]/g, '\\.')}#\\d+@[^@]+Z@2015-07-29T08:00:00Z$`));
    expect((await article(report.imported[1]!.id)).originPath).not.toContain('2015-07-29');
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.path).toBe(`${path}#8@2015-07-29T08:00:00Z`);
    expect(report.errors[0]!.message).toContain(
      `first capture (${list[1]!.url} captured 2014-01-01T00:00:00Z) is in another archive`,
    );
  });

  it('a cancel stops the reading and keeps what is stored', async () => {
    const path = join(tempDir(), 'crawl.warc');
    writeFileSync(path, await warcBytes(pages(), false));
    const controller = new AbortController();
    controller.abort();
    const { report } = await importFile(path, controller.signal);
    expect(report.imported).toHaveLength(0);
    expect(report.errors.map((e) => e.code)).toEqual(['CANCELLED']);
  });
});
