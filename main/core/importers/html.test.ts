/**
 * The HTML importer on 45 real saved news pages (python-goose's test suite,
 * with what an extractor is expected to find), one of them Arabic, and on
 * pages written here to pin down each metadata source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../tests/support/paths';
import { cleanAuthor, stripOutletFromTitle, trimLeadingMetadata } from './html';
import { stripInert } from './stripInert';
import { parseFile } from './registry';
import { ImportError, type ParsedArticle } from './types';

const pagesDir = sharedData('html-pages');

function article(path: string, bytes: Uint8Array): ParsedArticle {
  const records = parseFile(path, bytes);
  expect(records).toHaveLength(1);
  const [record] = records;
  if (!record?.ok) throw new Error(`expected an article from ${path}, got ${JSON.stringify(record)}`);
  return record.article;
}

const page = (html: string, name = 'page.html') => article(name, Buffer.from(html));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Expected {
  cleaned_text: string;
  title?: string;
  meta_lang?: string | null;
}

describe('the 45 saved pages of the goose test suite', () => {
  const names = readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const results = names.map((name) => {
    const expected = (
      JSON.parse(readFileSync(`${pagesDir}/${name.replace(/\.html$/, '.json')}`, 'utf8')) as { expected: Expected }
    ).expected;
    const got = article(`${pagesDir}/${name}`, readFileSync(`${pagesDir}/${name}`));
    return { name, expected, got };
  });

  it('imports every page', () => {
    expect(results).toHaveLength(45);
    for (const { name, got } of results) {
      expect(got.body.length, name).toBeGreaterThan(200);
      expect(got.bodyHtml, name).toBeTruthy();
      expect(got.originFormat).toBe('html');
    }
  });

  /**
   * Measured: the expected opening (first 60 characters) is in the first
   * 600 characters of our text on 44 of 45 pages, and our text starts with
   * it on 18 (16 before pages naming their itemprop=articleBody were taken
   * at their word). The miss is BBC Chinese, where Readability puts a photo
   * caption first and the expected text skips a paragraph ours keeps.
   * Where ours does not start with it, Readability kept a deck, caption or
   * share bar above the story.
   */
  it('finds the article text: the expected opening within the first 600 characters on 44 of 45 pages', () => {
    const found = results.filter(({ expected, got }) =>
      squash(got.body).slice(0, 600).includes(squash(expected.cleaned_text).slice(0, 60)),
    );
    const starts = results.filter(({ expected, got }) =>
      squash(got.body).startsWith(squash(expected.cleaned_text).slice(0, 60)),
    );
    expect(found.length).toBeGreaterThanOrEqual(44);
    expect(starts.length).toBeGreaterThanOrEqual(18);
    expect(results.filter((r) => !found.includes(r)).map((r) => r.name)).toEqual(['test_bbc_chinese.html']);
  });

  it('takes the container a page names as its articleBody, where Readability picked a decoy or a share bar', () => {
    const byName = Object.fromEntries(results.map((r) => [r.name, r.got]));
    // Readability chose the page's "Not an Actual Content TextNode" decoy here.
    expect(byName['test_articlebody_itemprop.html']!.body).toMatch(/^Search-and-rescue teams were mobilized/);
    expect(byName['test_lefigaro.html']!.body).toMatch(/^«Dans le cadre de l'effort de restructuration budgétaire/);
    // A named container with less than an article's worth of text (a teaser) is not taken alone.
    const teaser = page(`<html><body><div itemprop="articleBody"><p>Short teaser.</p></div>
      <div class="story"><p>${'The council voted to reopen the harbour on Monday, after a week of repairs. '.repeat(8)}</p></div></body></html>`);
    expect(teaser.body).toMatch(/The council voted/);
  });

  it('finds the title where the suite gives one (7 pages), without the outlet name goose keeps', () => {
    const titled = results.filter((r) => r.expected.title);
    expect(titled).toHaveLength(7);
    for (const { name, expected, got } of titled) {
      const outlets = [got.source, got.url ? new URL(got.url).hostname.replace(/^www\./, '') : null].filter(
        (n): n is string => !!n,
      );
      expect(got.title, name).toBe(stripOutletFromTitle(squash(expected.title!), outlets));
    }
  });

  it('finds the language where the suite gives one (22 pages)', () => {
    const withLang = results.filter((r) => r.expected.meta_lang);
    expect(withLang).toHaveLength(22);
    for (const { name, expected, got } of withLang) expect(got.lang, name).toBe(expected.meta_lang);
  });

  it('reads the Arabic CNN page: title, date, outlet, language, direction, address, text', () => {
    const ar = results.find((r) => r.name === 'test_cnn_arabic.html')!.got;
    expect(ar.title).toBe('معارضون يسيطرون على مخازن للصواريخ بريف دمشق');
    expect(ar.lang).toBe('ar');
    expect(ar.dir).toBe('rtl');
    expect(ar.source).toBe('CNNArabic');
    expect(ar.published).toEqual({ original: '04 آب/اغسطس 2013', iso: '2013-08-04', precision: 'day' });
    expect(ar.url).toBe('http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html');
    expect(
      ar.body.startsWith('دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة أن فصائل مسلحة معارضة لنظام الرئيس بشار الأسد'),
    ).toBe(true);
    expect(ar.bodyHtml).toContain('<h2>معارضون يسيطرون على مخازن للصواريخ بريف دمشق</h2>');
  });

  it('takes dates from meta tags, JSON-LD, hAtom, date-named elements and bylines, as written', () => {
    const byName = Object.fromEntries(results.map((r) => [r.name.replace(/^test_|\.html$/g, ''), r.got]));
    expect(byName['okaymarketing']!.published).toEqual({
      original: '2014-06-30T16:54:02+00:00',
      iso: '2014-06-30',
      precision: 'day',
    });
    expect(byName['aolNews']!.published).toEqual({
      original: '2010-08-13T16:39:00-04:00',
      iso: '2010-08-13',
      precision: 'day',
    });
    expect(byName['cnn1']!.published).toEqual({ original: 'August 13, 2010', iso: '2010-08-13', precision: 'day' });
    expect(byName['cnet']!.published?.iso).toBe('2010-08-18');
    expect(byName['cnet']!.author).toBe('Marguerite Reardon');
    expect(byName['time']!.author).toBe('Bryan Walsh');
    expect(byName['politico']!.published?.iso).toBe('2010-10-09');
    const dated = results.filter((r) => r.got.published?.iso).length;
    expect(dated).toBeGreaterThanOrEqual(33);
  });
});

describe('metadata a page states about itself', () => {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'بايدن يستضيف الكاظمي في البيت الأبيض',
    datePublished: '2021-07-26T09:30:00+03:00',
    author: { '@type': 'Person', name: 'سارة أحمد' },
    publisher: { '@type': 'Organization', name: 'حرية' },
  });
  const paragraphs = readFileSync(sharedData('seed', 'hurriya-2021-07-26.txt'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '');
  const arabicPage = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
    <title>بايدن يستضيف الكاظمي في البيت الأبيض | حرية</title>
    <link rel="canonical" href="/2021/07/26/kadhimi">
    <meta property="og:url" content="https://hurriya.example/2021/07/26/kadhimi?utm=x">
    <script type="application/ld+json">${ld}</script></head>
    <body><nav><a href="/">صفحة البداية للموقع</a></nav><article><h1>بايدن يستضيف الكاظمي في البيت الأبيض</h1>
    <p class="byline">بقلم سارة أحمد</p>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
    <footer>جميع الحقوق محفوظة</footer></body></html>`;

  it('prefers JSON-LD and canonical links, and keeps the date as written', () => {
    const a = page(arabicPage);
    expect(a.title).toBe('بايدن يستضيف الكاظمي في البيت الأبيض');
    expect(a.author).toBe('سارة أحمد');
    expect(a.source).toBe('حرية');
    expect(a.published).toEqual({ original: '2021-07-26T09:30:00+03:00', iso: '2021-07-26', precision: 'day' });
    expect(a.url).toBe('https://hurriya.example/2021/07/26/kadhimi');
    expect(a.lang).toBe('ar');
    expect(a.dir).toBe('rtl');
    expect(a.body.startsWith('أعلن الرئيس الأميركي، جو بايدن')).toBe(true);
    expect(a.body).toContain('2500 جندي');
    expect(a.body).not.toContain('صفحة البداية للموقع');
    expect(a.body).not.toContain('جميع الحقوق محفوظة');
  });

  it('reads Open Graph, article:* and <time datetime> when there is no JSON-LD', () => {
    const a = page(`<html><head><title>Harbour reopens - Coast Times</title>
      <meta property="og:site_name" content="Coast Times"><meta property="og:title" content="Harbour reopens after storms">
      <meta name="author" content="By Jane Roe"></head><body><article>
      <p>Posted <time datetime="2020-03-01T08:00:00Z">1 March</time></p>
      <p>The harbour reopened on Monday after a week of storms that kept the fishing fleet ashore, officials said on Tuesday.</p>
      <p>Port authority staff inspected the breakwater and found only minor damage to the outer wall, which crews repaired overnight.</p></article></body></html>`);
    expect(a).toMatchObject({
      title: 'Harbour reopens after storms',
      author: 'Jane Roe',
      source: 'Coast Times',
      lang: 'en',
      dir: 'ltr',
    });
    expect(a.published).toEqual({ original: '2020-03-01T08:00:00Z', iso: '2020-03-01', precision: 'day' });
  });

  it('trusts the text over a template that declares the wrong language or direction', () => {
    const a = page(
      `<html lang="en" dir="ltr"><head><title>خبر</title></head><body><article>${paragraphs
        .slice(0, 4)
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`,
    );
    expect(a.lang).toBe('ar');
    expect(a.dir).toBe('rtl');
  });

  it('falls back to a date written at the top of the text', () => {
    const a = page(
      `<html><body><article><p>Published August 14, 2010</p><p>${'The council met on Friday and agreed the budget after a long debate about roads and schools. '.repeat(6)}</p></article></body></html>`,
    );
    expect(a.published?.iso).toBe('2010-08-14');
    expect(a.body.startsWith('The council met on Friday')).toBe(true);
  });
});

describe('hidden elements', () => {
  it('keeps hidden text out of the article but still reads a date from a hidden element', () => {
    const story =
      '<p>The council met on Friday and agreed the budget after a long debate about roads and schools and the harbour.</p>'.repeat(
        4,
      );
    const a = page(`<html><body><article>${story}<div hidden><p>${'Hidden teaser text. '.repeat(30)}</p></div>
      <div style="display: none"><span class="dateline">August 14, 2010</span><p>${'Invisible promo. '.repeat(30)}</p></div>
      <aside aria-hidden="true"><p>${'Screen-reader skip. '.repeat(30)}</p></aside></article></body></html>`);
    expect(a.body).toMatch(/^The council met/);
    expect(a.body).not.toMatch(/Hidden teaser|Invisible promo|Screen-reader skip/);
    expect(a.published?.iso).toBe('2010-08-14');
  });
});

describe('difficult pages', () => {
  it('imports what text a malformed page has', () => {
    const a = page(
      '<html><body><div><p>Unclosed paragraph about the flood <b>bold <i>nested</div></span></p>The rest of the report follows here, with more words about the river and the rain.<table><tr><td>cell</body>',
    );
    expect(a.body).toContain('Unclosed paragraph about the flood');
    expect(a.body).toContain('The rest of the report follows here');
  });

  it('imports plain text saved as .html, and a fragment without <html>', () => {
    expect(
      page('Just words in a file, saved with an .html name by a careless tool, about the election results.').title,
    ).toBe('Just words in a file, saved with an .html name by a careless tool, about the election results.');
    expect(page('<p>A fragment: the minister resigned on Thursday.</p><p>Her deputy takes over.</p>').body).toContain(
      'Her deputy takes over.',
    );
  });

  it('refuses a page with no text, naming the reason', () => {
    expect(() =>
      page('<html><head><script>var x = 1;</script></head><body><img src="a.png"></body></html>', 'blank.html'),
    ).toThrow(ImportError);
    let caught: unknown = null;
    try {
      page('<html><body>   </body></html>', 'blank.html');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportError);
    expect((caught as ImportError).code).toBe('IMPORT_EMPTY');
    expect((caught as ImportError).message).toMatch(/^blank\.html: the page holds no article text/);
  });

  it('imports a Chromium MHTML archive (quoted-printable, charset in the part header)', () => {
    const html = readFileSync(`${pagesDir}/test_cnn_arabic.html`);
    // Quoted-printable as Chromium writes it: =XX for non-ASCII and '=', soft breaks at 76 columns.
    let qp = '';
    let line = '';
    for (const byte of html) {
      const piece =
        byte === 0x0a
          ? '\n'
          : byte >= 0x80 || byte === 0x3d || (byte < 0x20 && byte !== 0x09)
            ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
            : String.fromCharCode(byte);
      if (piece === '\n') {
        qp += `${line}\r\n`;
        line = '';
        continue;
      }
      if (line.length + piece.length > 75) {
        qp += `${line}=\r\n`;
        line = '';
      }
      line += piece;
    }
    qp += line;
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html',
      'Subject: =?utf-8?Q?x?=',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc123----"',
      '',
      '',
      '------MultipartBoundary--abc123----',
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html',
      '',
      qp,
      '------MultipartBoundary--abc123----',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-Location: http://arabic.cnn.com/logo.png',
      '',
      'iVBORw0KGgo=',
      '------MultipartBoundary--abc123------',
      '',
    ].join('\r\n');
    const a = article('saved.mhtml', Buffer.from(mhtml, 'latin1'));
    const direct = article('page.html', html);
    expect(a.originFormat).toBe('mhtml');
    expect(a.title).toBe(direct.title);
    expect(a.body).toBe(direct.body);
    expect(a.contentHash).toBe(direct.contentHash);
    expect(a.lang).toBe('ar');
  });

  it('reads a Windows-1256 page that declares its charset', () => {
    const html = readFileSync(`${pagesDir}/test_cnn_arabic.html`, 'utf8').replace(
      /charset=UTF-8/i,
      'charset=windows-1256',
    );
    const a = article('cp1256.html', iconv.encode(html, 'windows-1256'));
    expect(a.encoding).toBe('windows-1256');
    expect(a.title).toBe('معارضون يسيطرون على مخازن للصواريخ بريف دمشق');
  });
});

describe('title, byline and dateline clean-up', () => {
  it('takes the outlet out of a title, at either end', () => {
    expect(stripOutletFromTitle('Five Social Media Lessons for Business - BusinessWeek', ['BusinessWeek'])).toBe(
      'Five Social Media Lessons for Business',
    );
    expect(
      stripOutletFromTitle('TechCrunch | 2005 Zuckerberg Didn’t Want To Take Over The World', ['TechCrunch']),
    ).toBe('2005 Zuckerberg Didn’t Want To Take Over The World');
    expect(stripOutletFromTitle('Democrats to use Social Security - CNN.com', ['cnn.com'])).toBe(
      'Democrats to use Social Security',
    );
    expect(stripOutletFromTitle('بايدن يستضيف الكاظمي | حرية', ['حرية'])).toBe('بايدن يستضيف الكاظمي');
    expect(stripOutletFromTitle('Iraq - Washington talks resume', ['Reuters'])).toBe('Iraq - Washington talks resume');
  });

  it('reduces bylines to names', () => {
    expect(cleanAuthor('By: Marguerite Reardon August 18, 2010 3:21 PM PDT Print E-mail', [])).toBe(
      'Marguerite Reardon',
    );
    expect(cleanAuthor('Bryan Walsh Tuesday, Aug. 17, 2010', [])).toBe('Bryan Walsh');
    expect(cleanAuthor('9:39AM BST 05 Oct 2011', [])).toBeNull();
    expect(cleanAuthor('lefigaro.fr', [])).toBeNull();
    expect(cleanAuthor('Le Figaro', ['Le Figaro'])).toBeNull();
    expect(cleanAuthor('Authors', [])).toBeNull();
    expect(cleanAuthor('بقلم سارة أحمد', [])).toBe('سارة أحمد');
  });

  it('drops a repeated headline and a dateline above the story, nothing else', () => {
    const text =
      'Harbour reopens\n\nUpdated: August 13, 2010, 5:02 PM ET\n\nThe harbour reopened on Monday.\nSecond line.';
    expect(trimLeadingMetadata(text, 'Harbour reopens', null)).toBe('The harbour reopened on Monday.\nSecond line.');
    expect(
      trimLeadingMetadata('الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)\nدمشق، سوريا (CNN)', null, null),
    ).toBe('دمشق، سوريا (CNN)');
    expect(
      trimLeadingMetadata('On August 13, 2010 the council voted to close the harbour for a week.\nMore.', null, null),
    ).toMatch(/^On August 13/);
  });
});

describe('what is dropped before parsing', () => {
  it('drops comments, long scripts and whitespace at block edges, never between words or inside <pre>', () => {
    const code = `var x = ${'1 + '.repeat(200)}1;`;
    const html = `<ul>\n  <li>a</li>\n  <li> b </li>\n</ul><!-- note --><script>${code}</script><script>document.write('Aug 13')</script>
      <p><b>x</b> <i>y</i></p><div class="byline"><div>by</div> <a href="/p">David Gura</a></div><pre>\n  keep  <b>this</b>\n</pre>`;
    expect(stripInert(html)).toBe(
      `<ul><li>a</li><li> b </li></ul><script>document.write('Aug 13')</script><p><b>x</b> <i>y</i></p><div class="byline"><div>by</div> <a href="/p">David Gura</a></div><pre>\n  keep  <b>this</b>\n</pre>`,
    );
  });
});
