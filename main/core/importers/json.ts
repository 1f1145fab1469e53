/**
 * JSON arrays (SaudiNewsNet's shape: {source, url, date_extracted, title,
 * author, content}), objects holding such an array, and JSON Lines. Each
 * record stands alone: a bad record is reported and the rest import.
 */
import { buildArticle } from './article';
import { decodeText } from './decode';
import { ImportError, type Importer, type ParsedRecord, type SourceFile } from './types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Field names seen in the wild, in order of preference.
const FIELDS = {
  title: ['title', 'headline', 'name'],
  body: ['content', 'body', 'text', 'article', 'maintext', 'description'],
  source: ['source', 'outlet', 'publisher', 'site', 'site_name', 'source_name'],
  author: ['author', 'byline', 'authors', 'writer'],
  date: ['published', 'publishedAt', 'published_at', 'date_published', 'datePublished', 'date', 'pubDate', 'date_extracted'],
  url: ['url', 'link', 'canonical_url', 'href'],
  lang: ['lang', 'language'],
} as const;

function pick(record: Record<string, Json>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) {
      const strings = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      if (strings.length > 0) return strings.join(', ');
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof value['name'] === 'string') {
      return value['name'];
    }
  }
  return null;
}

function recordsOf(data: Json, path: string): Json[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['articles', 'items', 'data', 'results', 'records']) {
      const inner = data[key];
      if (Array.isArray(inner)) return inner;
    }
    return [data];
  }
  throw new ImportError('IMPORT_PARSE_FAILED', `${path}: JSON holds neither an article nor a list of articles`);
}

function parseRecord(record: Json, index: number, file: SourceFile, encoding: string, format: string): ParsedRecord {
  const where = `${file.path}#${index + 1}`;
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return { ok: false, error: { path: where, code: 'IMPORT_PARSE_FAILED', message: `${where}: record ${index + 1} is not an object` } };
  }
  const body = pick(record, FIELDS.body);
  const title = pick(record, FIELDS.title);
  if (!body || body.trim() === '') {
    const named = title ? ` ("${title.slice(0, 60)}")` : '';
    return { ok: false, error: { path: where, code: 'IMPORT_EMPTY', message: `${where}: record ${index + 1}${named} has no article text` } };
  }
  const article = buildArticle({
    title: title ?? body.split('\n')[0]!.slice(0, 200),
    body,
    author: pick(record, FIELDS.author),
    source: pick(record, FIELDS.source),
    date: pick(record, FIELDS.date),
    url: pick(record, FIELDS.url),
    lang: pick(record, FIELDS.lang),
    originPath: where,
    originFormat: format,
    encoding,
  });
  return { ok: true, article };
}

function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return message;
  const offset = Number(pos[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

export const jsonImporter: Importer = {
  id: 'json',
  label: 'JSON (array of articles)',
  extensions: ['.json'],
  parse(file) {
    const { text, encoding } = decodeText(file.bytes, file.path);
    let data: Json;
    try {
      data = JSON.parse(text) as Json;
    } catch (error) {
      throw new ImportError('IMPORT_PARSE_FAILED', `${file.path}: invalid JSON: ${describeJsonError(error, text)}`);
    }
    return recordsOf(data, file.path).map((r, i) => parseRecord(r, i, file, encoding, 'json'));
  },
};

export const jsonLinesImporter: Importer = {
  id: 'jsonl',
  label: 'JSON Lines',
  extensions: ['.jsonl', '.ndjson'],
  parse(file) {
    const { text, encoding } = decodeText(file.bytes, file.path);
    const out: ParsedRecord[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        out.push(parseRecord(JSON.parse(line) as Json, i, file, encoding, 'jsonl'));
      } catch (error) {
        const where = `${file.path}#${i + 1}`;
        const reason = error instanceof Error ? error.message : String(error);
        out.push({ ok: false, error: { path: where, code: 'IMPORT_PARSE_FAILED', message: `${where}: line ${i + 1} is not valid JSON: ${reason}` } });
      }
    });
    if (out.length === 0) throw new ImportError('IMPORT_EMPTY', `${file.path}: no records`);
    return out;
  },
};
