/**
 * Markdown with front matter, CSV/TSV with a column mapping, and the same
 * mapping on JSON: each article part found by name or where the user says.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { seedPath, sharedData } from '../../../tests/support/paths';
import { sniffDelimiter } from './csv';
import { parseMappingSpec } from './fields';
import { markdownToText } from './markdown';
import { parseFile } from './registry';
import { failure } from '../../../tests/support/importErrors';
import { type ImportOptions, type ParsedArticle, type ParsedRecord } from './types';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function articles(records: ParsedRecord[]): ParsedArticle[] {
  return records.filter((r): r is Extract<ParsedRecord, { ok: true }> => r.ok).map((r) => r.article);
}

/** CSV quoting: every cell quoted, inner quotes doubled (Excel's way). */
function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(delimiter);
}

const snn = JSON.parse(
  gunzipSync(readFileSync(sharedData('saudinewsnet', '2015-07-21.json.gz'))).toString('utf8'),
) as Array<Record<string, string>>;

describe('Markdown', () => {
  const seed = readFileSync(seedPath, 'utf8').split('\n').slice(1).join('\n');

  it('takes metadata from YAML front matter and keeps the body as text', () => {
    const md = `---
title: "بايدن يستضيف الكاظمي"
author: سارة أحمد
source: حرية
date: 26/7/2021
url: https://hurriya.example/2021/07/26
tags: [العراق, واشنطن]
---

${seed}`;
    const [a] = articles(parseFile('kadhimi.md', utf8(md)));
    expect(a).toMatchObject({
      title: 'بايدن يستضيف الكاظمي',
      author: 'سارة أحمد',
      source: 'حرية',
      url: 'https://hurriya.example/2021/07/26',
      lang: 'ar',
      dir: 'rtl',
      tags: ['العراق', 'واشنطن'],
      originFormat: 'markdown',
      published: { original: '26/7/2021', iso: '2021-07-26', precision: 'day' },
    });
    expect(a!.body.startsWith('أعلن الرئيس الأميركي، جو بايدن')).toBe(true);
    expect(a!.body).not.toContain('---');
  });

  it('takes metadata from TOML front matter (+++, as Hugo writes it), dates as written', () => {
    const md = `+++
title = "بايدن يستضيف الكاظمي"
date = 2021-07-26T10:30:00+03:00
tags = ["العراق", "واشنطن"]
url = "https://hurriya.example/2021/07/26"
[author]
name = "سارة أحمد"
+++

${seed}`;
    const [a] = articles(parseFile('kadhimi-hugo.md', utf8(md)));
    expect(a).toMatchObject({
      title: 'بايدن يستضيف الكاظمي',
      author: 'سارة أحمد',
      url: 'https://hurriya.example/2021/07/26',
      tags: ['العراق', 'واشنطن'],
      published: { iso: '2021-07-26' },
    });
    expect(a!.published?.original).toContain('2021-07-26T10:30:00');
    expect(a!.body.startsWith('أعلن الرئيس الأميركي، جو بايدن')).toBe(true);
    expect(a!.body).not.toContain('+++');
    const bad = failure(() => parseFile('bad-hugo.md', utf8('+++\ntitle = "unclosed\n+++\nText')));
    expect(bad.code).toBe('IMPORT_PARSE_FAILED');
    expect(bad.message).toMatch(/^bad-hugo\.md: the front matter is not valid TOML/);
  });

  it('strips the markup sensibly: headings, emphasis, links, images, code, lists, quotes, tables', () => {
    const { text, heading } = markdownToText(`# Harbour reopens

The **harbour** reopened on _Monday_ after a [week of storms](https://example.org/storms "storms"), officials said.
Snake_case_names and 2*3*4 stay as they are.

![The breakwater at dawn](img/dawn.jpg)

## What happened

- Boats stayed ashore
* The \`outer wall\` cracked
1. First inspection

> "We were lucky," the harbour master said.

| Day | Ships |
|-----|------:|
| Mon | 12 |

\`\`\`
raw   code   kept
\`\`\`

<div class="note">HTML <b>inside</b> markdown</div>

[storms]: https://example.org/storms
Footnote here[^1].
`);
    expect(heading).toBe('Harbour reopens');
    expect(text).toContain('The harbour reopened on Monday after a week of storms, officials said.');
    expect(text).toContain('Snake_case_names and 2*3*4 stay as they are.');
    expect(text).toContain('The breakwater at dawn');
    expect(text).toContain('\nWhat happened\n');
    expect(text).toContain('• Boats stayed ashore');
    expect(text).toContain('• The outer wall cracked');
    expect(text).toContain('1. First inspection');
    expect(text).toContain('"We were lucky," the harbour master said.');
    expect(text).toContain('Day\tShips');
    expect(text).toContain('Mon\t12');
    expect(text).toContain('raw   code   kept');
    expect(text).toContain('HTML inside markdown');
    expect(text).toContain('Footnote here.');
    expect(text).not.toMatch(/https:|\*\*|^#|\[|\]|<div|```/m);
  });

  it('uses the first heading as the title when the front matter has none, and refuses bad YAML by line', () => {
    const [a] = articles(
      parseFile('note.md', utf8('# Budget agreed\n\nThe council agreed the budget on Friday after a long debate.')),
    );
    expect(a!.title).toBe('Budget agreed');
    expect(a!.body).toBe('The council agreed the budget on Friday after a long debate.');
    const bad = failure(() => parseFile('bad.md', utf8('---\ntitle: [unclosed\n---\nText')));
    expect(bad.code).toBe('IMPORT_PARSE_FAILED');
    expect(bad.message).toMatch(/^bad\.md: the front matter is not valid YAML/);
    expect(failure(() => parseFile('empty.md', utf8('---\ntitle: x\n---\n'))).code).toBe('IMPORT_EMPTY');
  });
});

describe('CSV and TSV', () => {
  const rows = snn.filter((r) => r['content']!.trim() !== '').slice(0, 5);

  it('imports one article per row with a column mapping, reporting a row without text by its number', () => {
    const header = ['headline', 'text', 'outlet', 'published', 'link', 'writer'];
    const lines = [
      csvLine(header),
      ...rows.map((r) =>
        csvLine([r['title']!, r['content']!, r['source']!, r['date_extracted']!, r['url']!, r['author']!]),
      ),
    ];
    lines.splice(3, 0, csvLine(['A row with a headline but no text', '', 'okaz', '2015-07-21', '', '']));
    const options: ImportOptions = {
      mapping: parseMappingSpec('title=headline,body=text,source=outlet,date=published,url=link,author=writer'),
    };
    const records = parseFile('export.csv', utf8(lines.join('\r\n')), options);
    expect(records).toHaveLength(6);
    const bad = records[2];
    expect(bad).toEqual({
      ok: false,
      error: {
        path: 'export.csv#4',
        code: 'IMPORT_EMPTY',
        message: 'export.csv#4: row 4 ("A row with a headline but no text") has no article text in column "text"',
      },
    });
    const [first] = articles(records);
    expect(first).toMatchObject({
      title: rows[0]!['title'],
      source: rows[0]!['source'],
      author: rows[0]!['author'],
      url: rows[0]!['url'],
      originPath: 'export.csv#2',
      originFormat: 'csv',
      published: { original: rows[0]!['date_extracted'], iso: '2015-07-21', precision: 'day' },
    });
    expect(first!.body).toBe(articles(parseFile('a.json', utf8(JSON.stringify([rows[0]]))))[0]!.body);
  });

  it('finds columns by their usual names without a mapping, and names the columns when it cannot', () => {
    const csv = [
      csvLine(['Title', 'Body', 'Date', 'Tags']),
      csvLine(['Budget agreed', 'The council agreed the budget on Friday.', '2020-03-01', 'council; budget']),
    ].join('\n');
    const [a] = articles(parseFile('plain.csv', utf8(csv)));
    expect(a).toMatchObject({
      title: 'Budget agreed',
      body: 'The council agreed the budget on Friday.',
      tags: ['council', 'budget'],
      published: { iso: '2020-03-01' },
    });
    const noBody = failure(() => parseFile('odd.csv', utf8('headline,words\nA,B\n')));
    expect(noBody.code).toBe('IMPORT_PARSE_FAILED');
    expect(noBody.message).toMatch(
      /odd\.csv: no column holds the article text .*--map body=COLUMN.*"headline", "words"/,
    );
    const wrongMap = failure(() => parseFile('odd.csv', utf8('headline,words\nA,B\n'), { mapping: { body: 'text' } }));
    expect(wrongMap.message).toBe('odd.csv: no column "text" for body; the columns are "headline", "words"');
  });

  it('reads semicolon CSV from European spreadsheets, TSV, and a Windows-1256 export', () => {
    expect(sniffDelimiter('a;b;"c,d"\n1;2;3')).toBe(';');
    const semi = [
      csvLine(['titre', 'texte'], ';'),
      csvLine(['Budget', 'Le conseil a voté le budget, vendredi.'], ';'),
    ].join('\n');
    expect(articles(parseFile('fr.csv', utf8(semi)))[0]).toMatchObject({
      title: 'Budget',
      body: 'Le conseil a voté le budget, vendredi.',
    });
    const tsv = [
      'title\tcontent\tsource',
      ...rows.map((r) => `${r['title']}\t${r['content']!.replace(/[\t\n]+/g, ' ')}\t${r['source']}`),
    ].join('\n');
    const fromTsv = articles(parseFile('export.tsv', utf8(tsv)));
    expect(fromTsv).toHaveLength(5);
    expect(fromTsv[0]!.originFormat).toBe('tsv');
    const cp1256 = iconv.encode(
      [csvLine(['title', 'content']), csvLine([rows[1]!['title']!, rows[1]!['content']!])].join('\r\n'),
      'windows-1256',
    );
    const [ar] = articles(parseFile('arabic.csv', cp1256));
    expect(ar!.encoding).toBe('windows-1256');
    expect(ar!.title).toBe(rows[1]!['title']);
  });

  it('refuses a broken file with the reason', () => {
    const broken = failure(() => parseFile('broken.csv', utf8('title,content\n"unclosed,text\n')));
    expect(broken.code).toBe('IMPORT_PARSE_FAILED');
    expect(broken.message).toMatch(/^broken\.csv: not readable as CSV/);
    expect(failure(() => parseFile('header-only.csv', utf8('title,content\n'))).code).toBe('IMPORT_EMPTY');
  });
});

describe('mappings', () => {
  it('parses the CLI form and refuses nonsense', () => {
    expect(parseMappingSpec('title=headline, body=text ,date=pub date')).toEqual({
      title: 'headline',
      body: 'text',
      date: 'pub date',
    });
    expect(() => parseMappingSpec('titel=headline')).toThrow(/unknown field "titel"/);
    expect(() => parseMappingSpec('title')).toThrow(/not FIELD=COLUMN/);
    expect(() => parseMappingSpec('title=a,title=b')).toThrow(/mapped twice/);
  });

  it('applies to JSON records too', () => {
    const json = JSON.stringify([
      { hed: 'Budget agreed', copy: 'The council agreed the budget on Friday.', paper: 'Coast Times' },
    ]);
    const [a] = articles(
      parseFile('feed.json', utf8(json), { mapping: { title: 'hed', body: 'copy', source: 'paper' } }),
    );
    expect(a).toMatchObject({
      title: 'Budget agreed',
      body: 'The council agreed the budget on Friday.',
      source: 'Coast Times',
    });
    const [missing] = parseFile('feed.json', utf8(json), { mapping: { body: 'text' } });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_EMPTY', message: 'feed.json#1: record 1 has no article text in "text"' },
    });
  });
});
