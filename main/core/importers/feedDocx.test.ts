/**
 * Feeds (RSS 2.0, Atom) and Word documents on real files (tests/fixtures/import:
 * a Guardian RSS feed, a heise Atom feed, mammoth's own test documents), an
 * Arabic full-content feed made from SaudiNewsNet, and the inputs that are
 * not what their names say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedData } from '../../../tests/support/paths';
import { SUMMARY_TAG } from './feed';
import { parseFileAsync } from './registry';
import type { ParsedArticle, ParsedRecord } from './types';

const fixture = (name: string) => readFileSync(join(repoRoot, 'tests', 'fixtures', 'import', name));
const articles = (records: ParsedRecord[]): ParsedArticle[] => records.flatMap((r) => (r.ok ? [r.article] : []));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A ZIP archive (stored, no compression) holding the given files: what a renamed archive looks like. */
function zipOf(files: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, fileName, data);
    central.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

describe('RSS and Atom feeds', () => {
  it("a newspaper's RSS feed: an article per item, summaries marked as such", async () => {
    const records = await parseFileAsync('guardian.rss', fixture('guardian.rss'));
    const got = articles(records);
    expect(got.length).toBe(records.length);
    expect(got.length).toBeGreaterThan(40);
    const first = got[0]!;
    expect(first).toMatchObject({
      title: 'Trump State of the Union address promised unity but emphasized discord',
      author: 'David Smith in Washington',
      source: 'The Guardian',
      originFormat: 'rss',
      originPath: 'guardian.rss#1',
      url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
    });
    expect(first.published?.iso).toBe('2018-01-31');
    // The Guardian's feed carries a standfirst and the opening, not the story.
    expect(first.tags).toContain(SUMMARY_TAG);
  });

  it('an Atom feed with full content: the alternate link, published date, no summary mark', async () => {
    const got = articles(await parseFileAsync('heise.atom', fixture('heise.atom')));
    expect(got).toHaveLength(15);
    expect(got[0]).toMatchObject({
      title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      source: 'heise developer neueste Meldungen',
      originFormat: 'atom',
      lang: 'de',
    });
    expect(got[0]!.url).toMatch(/^http:\/\/www\.heise\.de\/developer\/meldung\/Java-Anwendungsserver/);
    expect(got[0]!.published?.iso).toBe('2016-02-01');
    expect(got[0]!.tags ?? []).not.toContain(SUMMARY_TAG);
  });

  it('an Arabic RSS feed with content:encoded: every article whole', async () => {
    const day = JSON.parse(
      gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-22.json.gz'))).toString('utf8'),
    ) as Array<{ title: string; content: string; url: string; source: string; author: string }>;
    const items = day.filter((r) => r.content.length > 600 && r.title.trim() !== '').slice(0, 5);
    const rss =
      '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>الشرق الأوسط</title>' +
      items
        .map(
          (r) =>
            `<item><title>${escape(r.title)}</title><link>${escape(r.url)}</link><pubDate>Wed, 22 Jul 2015 08:00:00 GMT</pubDate>` +
            `<description>${escape(r.content.slice(0, 100))}</description>` +
            `<content:encoded><![CDATA[${r.content
              .split(/\n+/)
              .map((p) => `<p>${escape(p)}</p>`)
              .join('')}]]></content:encoded></item>`,
        )
        .join('') +
      '</channel></rss>';
    const got = articles(await parseFileAsync('aawsat.xml', Buffer.from(rss)));
    expect(got.map((a) => a.title)).toEqual(items.map((r) => r.title.trim()));
    for (const [k, a] of got.entries()) {
      expect(a.lang).toBe('ar');
      expect(a.dir).toBe('rtl');
      expect(a.body.replace(/\s+/g, ' ')).toBe(items[k]!.content.replace(/\s+/g, ' ').trim());
      expect(a.tags ?? []).not.toContain(SUMMARY_TAG);
    }
  });

  it('a page or other XML named like a feed is refused naming the file', async () => {
    const page = readFileSync(sharedData('html-pages', 'test_cnn_arabic.html'));
    await expect(parseFileAsync('news.rss', page)).rejects.toMatchObject({
      code: 'IMPORT_PARSE_FAILED',
      message: expect.stringMatching(/^news\.rss: this is an HTML page, not an RSS or Atom feed; name it \.html/),
    });
    const sitemap = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url/></urlset>';
    await expect(parseFileAsync('sitemap.xml', Buffer.from(sitemap))).rejects.toThrow(
      /^sitemap\.xml: this is an XML document \(<urlset>\), not an RSS or Atom feed/,
    );
    await expect(
      parseFileAsync('empty.rss', Buffer.from('<rss version="2.0"><channel><title>x</title></channel></rss>')),
    ).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
  });
});

describe('Word documents (DOCX)', () => {
  it('paragraphs, tables and footnotes become the text; the first line the title', async () => {
    const [tables] = articles(await parseFileAsync('tables.docx', fixture('tables.docx')));
    expect(tables).toMatchObject({ title: 'Above', originFormat: 'docx' });
    expect(tables!.body).toBe('Above\n\nTop left\n\nTop right\n\nBottom left\n\nBottom right\n\nBelow');
    expect(tables!.bodyHtml).toContain('<table>');
    const [notes] = articles(await parseFileAsync('footnotes.docx', fixture('footnotes.docx')));
    expect(notes!.body).toContain('A tachyon walks into a bar.');
  });

  it('a renamed ZIP of something else, or a PDF named .docx, is refused naming the file', async () => {
    const zip = zipOf({ 'notes.txt': 'not a Word document', 'data/rows.csv': 'a,b\n1,2\n' });
    await expect(parseFileAsync('report.docx', zip)).rejects.toMatchObject({
      code: 'IMPORT_PARSE_FAILED',
      message: expect.stringMatching(/^report\.docx: not a Word document \(\.docx\)/),
    });
    await expect(parseFileAsync('paper.docx', fixture('multilang.pdf'))).rejects.toMatchObject({
      code: 'IMPORT_UNSUPPORTED_FORMAT',
      message: expect.stringMatching(/^paper\.docx: this is a PDF document/),
    });
  });
});
