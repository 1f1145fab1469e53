/**
 * Plain text. Two shapes are recognised:
 *  - the seed's: line 1 "Outlet – (26/7/2021)", then paragraphs; the title is
 *    the first sentence (or one given by the user);
 *  - the BBC set's: line 1 is the title, then the body.
 * Anything else: the first sentence is the title and the whole text the body.
 */
import { parseDate } from '../text/dates';
import { splitSentences } from '../text/sentences';
import { buildArticle, cleanLine } from './article';
import { decodeText } from './decode';
import { ImportError, type Importer, type ImportOptions, type ParsedRecord, type SourceFile } from './types';

const MAX_TITLE = 300;

/** "حرية – (26/7/2021)": an outlet, a dash, a date (brackets optional). */
const HEADER = /^(.{1,120}?)\s+[–—-]\s+(\(?[^()]{4,60}\)?)\s*$/u;

export interface SourceHeader {
  source: string;
  date: string;
}

export function parseSourceHeader(line: string): SourceHeader | null {
  const match = HEADER.exec(line.trim());
  if (!match) return null;
  const date = match[2]!.trim();
  if (!parseDate(date)) return null;
  return { source: match[1]!.trim(), date };
}

/** The first sentence, cut at a word boundary if it is very long. */
export function firstSentenceTitle(body: string): string {
  const firstParagraph = body.split('\n').find((line) => line.trim() !== '') ?? '';
  const sentence = splitSentences(firstParagraph)[0]?.text ?? firstParagraph;
  const title = cleanLine(sentence);
  if (title.length <= MAX_TITLE) return title;
  const cut = title.slice(0, MAX_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > MAX_TITLE / 2 ? space : MAX_TITLE)}…`;
}

function looksLikeTitleLine(line: string, rest: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= MAX_TITLE && rest.trim().length > 0 && !/[.!?؟:،,]$/u.test(t);
}

export function parsePlainText(
  text: string,
  file: SourceFile,
  encoding: string,
  options: ImportOptions,
  format = 'text',
): ParsedRecord[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  const firstIndex = lines.findIndex((l) => l.trim() !== '');
  if (firstIndex < 0) throw new ImportError('IMPORT_EMPTY', `${file.path}: the file holds no text`);
  const first = lines[firstIndex]!;
  const rest = lines.slice(firstIndex + 1).join('\n');

  const header = parseSourceHeader(first);
  let title: string;
  let body: string;
  let source: string | null = null;
  let date: string | null = null;
  if (header) {
    source = header.source;
    date = header.date;
    body = rest;
    if (body.trim() === '') throw new ImportError('IMPORT_EMPTY', `${file.path}: only a header line, no article text`);
    title = options.title ?? firstSentenceTitle(body);
  } else if (looksLikeTitleLine(first, rest)) {
    title = options.title ?? first;
    body = rest;
  } else {
    body = normalized;
    title = options.title ?? firstSentenceTitle(body);
  }
  return [
    {
      ok: true,
      article: buildArticle({ title, body, source, date, originPath: file.path, originFormat: format, encoding }),
    },
  ];
}

export const plainTextImporter: Importer = {
  id: 'text',
  label: 'Plain text',
  extensions: ['.txt', '.text'],
  parse(file, options) {
    const { text, encoding } = decodeText(file.bytes, file.path, { forced: options.encoding });
    return parsePlainText(text, file, encoding, options);
  },
};
