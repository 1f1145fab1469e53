/**
 * The parts of an article that tabular and structured formats (CSV/TSV,
 * JSON, front matter) carry under many names, and the user's column mapping
 * (`--map title=headline,body=text`). One table, so every format agrees on
 * what "headline" or "pubDate" means.
 */
import { decodeHTMLStrict } from 'entities';
import type { ImportField, ImportMapping } from '../../../preload/contract/library';
import { ImportError } from './types';

export type FieldMapping = ImportMapping;
export type Field = ImportField;

/** Names seen in the wild, in order of preference (compared case-insensitively). */
export const FIELD_NAMES: Readonly<Record<Field, readonly string[]>> = {
  title: ['title', 'headline', 'name', 'subject', 'العنوان', 'عنوان', 'titre', 'título', 'titulo'],
  body: [
    'content',
    'body',
    'text',
    'article',
    'maintext',
    'article_text',
    'full_text',
    'description',
    'النص',
    'المحتوى',
    'texte',
    'contenu',
    'texto',
    'contenido',
  ],
  source: [
    'source',
    'outlet',
    'publisher',
    'site',
    'site_name',
    'source_name',
    'newspaper',
    'المصدر',
    'الصحيفة',
    'journal',
    'fuente',
  ],
  author: ['author', 'byline', 'authors', 'writer', 'creator', 'الكاتب', 'المؤلف', 'auteur', 'autor'],
  date: [
    'published',
    'publishedAt',
    'published_at',
    'date_published',
    'datePublished',
    'publish_date',
    'date',
    'pubDate',
    'date_extracted',
    'التاريخ',
    'fecha',
  ],
  url: ['url', 'link', 'canonical_url', 'href', 'permalink', 'الرابط'],
  lang: ['lang', 'language', 'اللغة'],
  tags: ['tags', 'keywords', 'categories', 'category', 'الوسوم'],
};

export const FIELDS = Object.keys(FIELD_NAMES) as Field[];

/**
 * Decodes HTML character references (`&quot;`, `&#8220;`, `&nbsp;`) in a
 * field of a JSON or CSV export. Such exports are scraped from web pages and
 * often keep the page's escaping: SaudiNewsNet has 600+ titles like
 * `توزيع &#8220;موسوعة خطب الجمعة&#8221;`. Only complete references (with
 * the semicolon) are decoded, so "AT&T" or "R&D" stay as written. Not used
 * for HTML pages (their DOM decodes once already) or plain text.
 */
export function decodeReferences(value: string): string {
  return value.includes('&') ? decodeHTMLStrict(value) : value;
}

/** Parses the CLI's `title=headline,body=text` into a mapping; throws a readable message. */
export function parseMappingSpec(spec: string): FieldMapping {
  const mapping: Partial<Record<Field, string>> = {};
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) throw new Error(`"${part.trim()}" is not FIELD=COLUMN`);
    const field = part.slice(0, eq).trim().toLowerCase();
    const column = part.slice(eq + 1).trim();
    if (!(FIELDS as string[]).includes(field))
      throw new Error(`unknown field "${field}"; fields are ${FIELDS.join(', ')}`);
    if (mapping[field as Field] !== undefined) throw new Error(`field "${field}" is mapped twice`);
    mapping[field as Field] = column;
  }
  if (Object.keys(mapping).length === 0) throw new Error('empty mapping');
  return mapping;
}

/**
 * For each field, the key of `available` that holds it: the mapped column
 * when the user named one, else the first known name present. A column the
 * user mapped to one field is not guessed for another. `strict`: a mapped
 * column that is missing is an error (a CSV header); otherwise the field is
 * just absent (a JSON record that lacks an optional key).
 */
export function resolveColumns(
  available: readonly string[],
  mapping: FieldMapping | undefined,
  where: string,
  strict = true,
  /** false: only the mapped fields (the user left the others out on purpose). */
  guess = true,
): Partial<Record<Field, string>> {
  const byLower = new Map<string, string>();
  for (const key of available) {
    const lower = key.trim().toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, key);
  }
  const out: Partial<Record<Field, string>> = {};
  const claimed = new Set<string>();
  for (const field of FIELDS) {
    const wanted = mapping?.[field];
    if (wanted === undefined) continue;
    const key = byLower.get(wanted.trim().toLowerCase());
    if (key === undefined) {
      if (!strict) {
        claimed.add(wanted);
        out[field] = wanted;
        continue;
      }
      const shown = available
        .slice(0, 30)
        .map((k) => `"${k}"`)
        .join(', ');
      throw new ImportError(
        'IMPORT_PARSE_FAILED',
        `${where}: no column "${wanted}" for ${field}; the columns are ${shown}`,
      );
    }
    out[field] = key;
    claimed.add(key);
  }
  if (!guess) return out;
  for (const field of FIELDS) {
    if (out[field] !== undefined) continue;
    for (const name of FIELD_NAMES[field]) {
      const key = byLower.get(name.toLowerCase());
      if (key !== undefined && !claimed.has(key)) {
        out[field] = key;
        break;
      }
    }
  }
  return out;
}

/** Splits a tags cell ("a; b, c" or "a|b") into names. */
export function splitTags(value: string): string[] {
  return value
    .split(/[;,|،؛\n]/u)
    .map((t) => t.trim())
    .filter((t) => t !== '' && t.length <= 200);
}
