/**
 * How well the HTML importer extracts the 45 real saved pages of
 * ../shared/data/html-pages (python-goose's suite: each page's expected
 * opening, and for some its title and language), scored as html.test.ts
 * asserts it, so a speed change can show it reads the pages as before:
 *
 *   opening     the expected opening (60 characters) within our first 600
 *   starts      our text starts with it
 *   title       the suite's title, outlet name taken out (7 pages)
 *   language    the suite's meta_lang (22 pages)
 *   dated       pages given a day-precise date
 *
 * --save FILE writes every page's extraction (title, body, HTML, author,
 * source, date, language, address) as JSON; --against FILE lists the
 * pages whose extraction differs from such a file, field by field.
 *
 *   node dist/bench/htmlScore.js [--save FILE] [--against FILE]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../main/core/importers/registry';
import { stripOutletFromTitle } from '../main/core/importers/html';
import { printTable, sharedData } from './support';

interface Expected {
  cleaned_text: string;
  title?: string;
  meta_lang?: string | null;
}

type Extraction = Record<'title' | 'body' | 'bodyHtml' | 'author' | 'source' | 'date' | 'lang' | 'dir' | 'url', string>;

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function extract(path: string): Extraction {
  const [record] = parseFile(path, readFileSync(path));
  if (!record?.ok)
    return { title: '', body: '', bodyHtml: '', author: '', source: '', date: '', lang: '', dir: '', url: '' };
  const a = record.article;
  return {
    title: a.title,
    body: a.body,
    bodyHtml: a.bodyHtml ?? '',
    author: a.author ?? '',
    source: a.source ?? '',
    date: a.published ? `${a.published.original} (${a.published.iso ?? '?'}, ${a.published.precision ?? '?'})` : '',
    lang: a.lang,
    dir: a.dir,
    url: a.url ?? '',
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const dir = sharedData('html-pages');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const got: Record<string, Extraction> = {};
  let opening = 0;
  let starts = 0;
  let titled = 0;
  let titles = 0;
  let withLang = 0;
  let langs = 0;
  let dated = 0;
  const missed: string[] = [];
  for (const name of names) {
    const expected = (
      JSON.parse(readFileSync(join(dir, name.replace(/\.html$/, '.json')), 'utf8')) as { expected: Expected }
    ).expected;
    const e = extract(join(dir, name));
    got[name] = e;
    const want = squash(expected.cleaned_text).slice(0, 60);
    const body = squash(e.body);
    if (body.slice(0, 600).includes(want)) opening++;
    else missed.push(name);
    if (body.startsWith(want)) starts++;
    if (expected.title) {
      titled++;
      const outlets = [e.source, e.url ? new URL(e.url).hostname.replace(/^www\./, '') : ''].filter((n) => n !== '');
      if (e.title === stripOutletFromTitle(squash(expected.title), outlets)) titles++;
    }
    if (expected.meta_lang) {
      withLang++;
      if (e.lang === expected.meta_lang) langs++;
    }
    if (/, day\)$/.test(e.date)) dated++;
  }
  const rows: Array<[string, string]> = [
    ['opening in first 600', `${opening}/${names.length}${missed.length ? ` (missed: ${missed.join(', ')})` : ''}`],
    ['text starts with it', `${starts}/${names.length}`],
    ['title', `${titles}/${titled}`],
    ['language', `${langs}/${withLang}`],
    ['dated (day)', `${dated}/${names.length}`],
  ];
  const save = option('--save');
  if (save) writeFileSync(save, JSON.stringify(got, null, 1));
  const against = option('--against');
  if (against) {
    const before = JSON.parse(readFileSync(against, 'utf8')) as Record<string, Extraction>;
    const changed: string[] = [];
    for (const name of names) {
      const fields = (Object.keys(got[name]!) as Array<keyof Extraction>).filter(
        (k) => before[name]?.[k] !== got[name]![k],
      );
      if (fields.length > 0) changed.push(`${name} (${fields.join(', ')})`);
    }
    rows.push([
      `differs from ${against}`,
      changed.length === 0 ? 'no page' : `${changed.length}: ${changed.join('; ')}`,
    ]);
  }
  printTable(`bench:htmlScore — ${names.length} saved pages`, rows);
}

main();
