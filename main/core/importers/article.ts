/**
 * What every importer does once it has found an article's parts: clean the
 * text, parse the date, detect language and direction, and compute the key
 * of exact duplicates. One place, so every format agrees.
 */
import { createHash } from 'node:crypto';
import { findDates, parseDate } from '../text/dates';
import { detectDirection, detectLanguage } from '../text/language';
import { normalizeForMatching } from '../../../common/text/normalize';
import type { Direction } from '../../../preload/contract/shapes';
import { minhashSignature } from '../library/minhash';
import type { ParsedArticle } from './types';

export interface ArticleParts {
  title: string;
  body: string;
  author?: string | null;
  source?: string | null;
  /** The date as written; parsed here, kept as written. */
  date?: string | null;
  lang?: string | null;
  url?: string | null;
  originPath: string;
  originFormat: string;
  encoding: string | null;
  /** Direction the document declares (`<html dir>`); the text's own letters overrule it. */
  dir?: Direction | null;
  /** Sanitized HTML of the article (HTML imports). */
  bodyHtml?: string | null;
  tags?: readonly string[];
}

/** Paragraphs kept, each trimmed; runs of blank lines collapsed to one. */
export function cleanBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function cleanLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function contentHash(body: string): string {
  return hashNormalized(normalizeForMatching(body));
}

function hashNormalized(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex');
}

/** "en-US" → "en", "AR" → "ar": the library filters by the primary language subtag. */
export function primaryLanguageTag(value: string): string {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(value.trim());
  return m ? m[1]!.toLowerCase() : value.trim().toLowerCase().slice(0, 12);
}

export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** A token that is code, not prose: braces, semicolons, calls, `a.b(`, `prop:value`, `key:` / `value;` of a CSS rule. */
const CODE_TOKEN = /[{};=()[\]<>]|^[#.]?[\w-]+:\S|[\w$]\.[\w$]+|:$|^\/\//;

/**
 * The text language is detected from: the sample without inline script and
 * style that scrapers left in the body (SaudiNewsNet's Al Riyadh polls end
 * with a jqplot script and its CSS, whose Latin letters outvoted the Arabic
 * article). Code tokens are dropped, and so is a prose-looking token whose
 * neighbours are mostly code (`solid`, `auto`, `none` inside a rule). The
 * stored text is not changed: this only decides `lang` and `dir`.
 */
export function languageSample(text: string): string {
  if (!/[{};]/.test(text)) return text;
  const tokens = text.split(/\s+/);
  const code = tokens.map((t) => CODE_TOKEN.test(t));
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (code[i]) continue;
    let around = 0;
    for (let k = Math.max(0, i - 2); k <= Math.min(tokens.length - 1, i + 2); k++) if (k !== i && code[k]) around++;
    if (around < 3) kept.push(tokens[i]!);
  }
  return kept.join(' ');
}

function optional(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = cleanLine(value);
  return v === '' ? null : v;
}

export function buildArticle(parts: ArticleParts): ParsedArticle {
  const body = cleanBody(parts.body);
  const title = cleanLine(parts.title);
  const dateText = optional(parts.date);
  // A date field may carry more than the date ("2015-07-21 02:51:32", "Tue, 03 Aug 2010 10:00 GMT").
  const parsed = dateText ? (parseDate(dateText) ?? findDates(dateText)[0] ?? null) : null;
  const sample = `${title}\n${body.slice(0, 4000)}`;
  // Language and direction from the prose only (see languageSample).
  const prose = languageSample(sample);
  const detectedDir = detectDirection(prose);
  // One fold serves the exact-duplicate hash and the near-duplicate signature.
  const normalized = normalizeForMatching(body);
  const lang = optional(parts.lang);
  const tags = parts.tags?.map((t) => cleanLine(t)).filter((t) => t !== '' && t.length <= 200);
  return {
    title,
    body,
    author: optional(parts.author),
    source: optional(parts.source),
    published: dateText ? { original: dateText, iso: parsed?.iso ?? null, precision: parsed?.precision ?? null } : null,
    lang: lang ? primaryLanguageTag(lang) : detectLanguage(prose),
    // A template's dir="ltr" around Arabic text is the template's, not the article's.
    dir: parts.dir && !/\p{L}/u.test(sample) ? parts.dir : detectedDir,
    url: optional(parts.url),
    originPath: parts.originPath,
    originFormat: parts.originFormat,
    encoding: parts.encoding,
    contentHash: hashNormalized(normalized),
    wordCount: countWords(body),
    ...(parts.bodyHtml ? { bodyHtml: parts.bodyHtml } : {}),
    ...(tags && tags.length > 0 ? { tags: [...new Set(tags)] } : {}),
    minhash: minhashSignature(normalized),
  };
}
