/**
 * Markdown notes and exports: metadata from front matter (YAML between
 * `---` lines, or TOML between `+++` lines as Hugo writes it), the body kept
 * as readable text with the markup taken out (links keep their words, images
 * their alt text, code its content, lists a bullet).
 */
import { parse as parseToml, TomlDate } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { buildArticle, cleanLine } from './article';
import { decodeText } from './decode';
import { resolveColumns, splitTags, type Field } from './fields';
import { firstSentenceTitle } from './plainText';
import { ImportError, type Importer, type ImportOptions, type ParsedRecord, type SourceFile } from './types';

type Yaml = null | boolean | number | string | Yaml[] | { [key: string]: Yaml };

export interface FrontMatter {
  data: Record<string, Yaml>;
  /** The text after the closing fence. */
  rest: string;
  /** Lines the front matter took, to report positions in the file. */
  lines: number;
}

/** TOML's values as the YAML reader gives them: dates as written (TomlDate keeps the form: 2021-07-26, or with time and offset). */
function fromToml(value: unknown): Yaml {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(fromToml);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromToml(v)]));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value === undefined || value === null ? null : String(value);
}

function parseFront(kind: 'YAML' | 'TOML', source: string, path: string): Yaml {
  try {
    return kind === 'YAML'
      ? (parseYaml(source, { schema: 'core', maxAliasCount: 50 }) as Yaml)
      : fromToml(parseToml(source));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ImportError('IMPORT_PARSE_FAILED', `${path}: the front matter is not valid ${kind}: ${reason}`);
  }
}

/** `---` YAML `---` or `+++` TOML `+++` at the very top; null when the file has none. */
export function splitFrontMatter(text: string, path: string): FrontMatter | null {
  const yaml = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  const toml = yaml ? null : /^\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/.exec(text);
  const m = yaml ?? toml;
  if (!m) return null;
  const data = parseFront(yaml ? 'YAML' : 'TOML', m[1]!, path);
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ImportError('IMPORT_PARSE_FAILED', `${path}: the front matter is not a set of "key: value" lines`);
  }
  return { data: data ?? {}, rest: text.slice(m[0].length), lines: m[0].split('\n').length - 1 };
}

function yamlText(value: Yaml | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(yamlText).filter((v): v is string => v !== null && v.trim() !== '');
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return yamlText(value['name'] ?? null);
}

function inline(text: string): string {
  return (
    text
      // images keep their description, links their words
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/\[\^[^\]]+\]/g, '')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      // inline HTML and comments
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\/?[a-zA-Z][^>]*>/g, '')
      // code spans, strong/emphasis/strike (underscores only at word edges: snake_case stays)
      .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1/g, (_m, _t: string, code: string) => code.trim())
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      // backslash escapes
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'])/g, '$1')
  );
}

/** Markdown to plain text, paragraph by paragraph; the first heading is returned apart when it opens the text. */
export function markdownToText(markdown: string): { text: string; heading: string | null } {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let heading: string | null = null;
  let fence: string | null = null;
  let sawContent = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      else out.push(line);
      continue;
    }
    const fenceOpen = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      sawContent = true;
      continue;
    }
    // Link and footnote definitions carry no prose.
    if (/^\s{0,3}\[[^\]]+\]:\s+\S/.test(line)) continue;
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push('');
      continue;
    }
    const next = lines[i + 1];
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    const setext =
      next !== undefined && line.trim() !== '' && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+]\s/.test(line);
    if (atx || setext) {
      const text = cleanLine(inline(atx ? atx[1]! : line));
      if (setext) i++;
      if (!sawContent && heading === null) heading = text;
      else out.push('', text, '');
      sawContent = true;
      continue;
    }
    if (line.trim() !== '') sawContent = true;
    // Table rows: cells separated by tabs; the |---|---| rule is dropped.
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line)) continue;
    if (/^\s*\|.*\|\s*$/.test(line)) {
      out.push(
        line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => inline(c.trim()))
          .join('\t'),
      );
      continue;
    }
    let body = line.replace(/^\s{0,3}(>\s?)+/, '');
    body = body.replace(/^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/, '$1• ');
    out.push(inline(body));
  }
  return { text: out.join('\n'), heading };
}

export function parseMarkdown(
  text: string,
  file: SourceFile,
  encoding: string,
  options: ImportOptions,
): ParsedRecord[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const front = splitFrontMatter(normalized, file.path);
  const data = front?.data ?? {};
  const columns = resolveColumns(Object.keys(data), options.mapping, file.path);
  const field = (f: Field) => {
    const key = columns[f];
    return key === undefined ? null : yamlText(data[key]);
  };
  const { text: body, heading } = markdownToText(front ? front.rest : normalized);
  if (body.trim() === '' && heading === null)
    throw new ImportError('IMPORT_EMPTY', `${file.path}: the file holds no text`);
  const givenTitle = options.title ?? field('title');
  // A heading the front matter's title does not repeat is part of the text.
  const keepHeading =
    heading !== null && (body.trim() === '' || (givenTitle !== null && cleanLine(givenTitle) !== heading));
  const bodyText = keepHeading ? `${heading}\n\n${body}` : body;
  const tagsValue = columns.tags === undefined ? undefined : data[columns.tags];
  const tags = Array.isArray(tagsValue)
    ? tagsValue.map(yamlText).filter((t): t is string => t !== null)
    : splitTags(yamlText(tagsValue ?? null) ?? '');
  return [
    {
      ok: true,
      article: buildArticle({
        title: givenTitle ?? heading ?? firstSentenceTitle(bodyText),
        body: bodyText,
        author: field('author'),
        source: field('source'),
        date: field('date'),
        url: field('url'),
        lang: field('lang'),
        tags,
        originPath: file.path,
        originFormat: 'markdown',
        encoding,
      }),
    },
  ];
}

export const markdownImporter: Importer = {
  id: 'markdown',
  label: 'Markdown',
  extensions: ['.md', '.markdown', '.mdown', '.mkd'],
  parse(file, options) {
    const { text, encoding } = decodeText(file.bytes, file.path, { forced: options.encoding });
    return parseMarkdown(text, file, encoding, options);
  },
};
