/**
 * Citations of articles for reference managers: CSL-JSON items (the model
 * Zotero, Mendeley and pandoc share), written as BibTeX, RIS, CSL-JSON or a
 * formatted bibliography by citation-js. Arabic titles, names and outlets
 * stay as written (no transliteration, no LaTeX escaping of non-ASCII).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import chicagoAuthorDate from 'style-chicago';
import type { ArticleSummary } from '../../../preload/contract/library';
import type { CitationFormat, CitationLanguage, CitationStyle } from '../../../preload/contract/exports';
import { arabicLocaleXml } from './cslArabic';

type DateParts = { 'date-parts': number[][] };
type CslName = { literal: string } | { family: string; given: string };

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: DateParts;
  accessed?: DateParts;
  URL?: string;
  language?: string;
}

// BibTeX keeps non-ASCII letters (biber and modern BibTeX read UTF-8; the default escapes Arabic to nothing) and uses
// the item's id as its key, so one article always gets the same key.
const bibtexConfig = plugins.config.get('@bibtex');
bibtexConfig.format.asciiOnly = false;
bibtexConfig.format.useIdAsLabel = true;
const cslConfig = plugins.config.get('@csl');
if (!cslConfig.styles.has('chicago-author-date')) cslConfig.styles.add('chicago-author-date', chicagoAuthorDate);
if (!cslConfig.locales.has('ar')) cslConfig.locales.add('ar', arabicLocaleXml());

/** The formatter's locale for each language of a formatted citation's words. */
const LOCALE: Record<CitationLanguage, string> = { en: 'en-US', ar: 'ar' };

/** The formatter's name of each style (citation-js ships Harvard as `harvard1`). */
const TEMPLATE: Record<CitationStyle, string> = {
  'chicago-author-date': 'chicago-author-date',
  apa: 'apa',
  harvard: 'harvard1',
  vancouver: 'vancouver',
};

function dateParts(iso: string | null, precision: ArticleSummary['publishedAt']['precision']): DateParts | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return undefined;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  const kept = precision === 'year' ? 1 : precision === 'month' ? 2 : 3;
  return { 'date-parts': [parts.slice(0, kept)] };
}

const ARABIC = /[\u0600-\u06FF]/;
// Bylines join several people with commas, Arabic commas, "and" or "و".
const AUTHOR_SEPARATORS = /\s*(?:[,،;؛&]|\band\b|\sو(?=\s))\s*/u;

/**
 * A byline as CSL names. Arabic names stay whole (`literal`): family/given
 * order does not apply to محمد بن عبدالله الشهري. A Latin "Given Family"
 * is split at its last space so styles can invert it.
 */
export function authorsOf(byline: string | null): CslName[] | undefined {
  if (!byline) return undefined;
  const cleaned = byline.replace(/^\s*(?:by|بقلم|كتب|كتبه)[\s:]+/iu, '').trim();
  if (cleaned === '') return undefined;
  const parts = cleaned.split(AUTHOR_SEPARATORS).filter((p) => p.trim() !== '');
  // "Smith, John" is one Latin name written family-first, not two people.
  const names = parts.length === 2 && !ARABIC.test(cleaned) && !parts.some((p) => p.includes(' ')) ? [cleaned] : parts;
  return names.map((name): CslName => {
    const n = name.trim();
    if (ARABIC.test(n)) return { literal: n };
    const comma = /^([^,]+),\s*(.+)$/.exec(n);
    if (comma) return { family: comma[1]!.trim(), given: comma[2]!.trim() };
    const space = n.lastIndexOf(' ');
    return space > 0 ? { family: n.slice(space + 1), given: n.slice(0, space) } : { literal: n };
  });
}

/** One article as a CSL newspaper article; the id is stable (`mizan<id>`), so a re-export updates, not duplicates. */
export function cslItem(article: ArticleSummary): CslItem {
  const item: CslItem = { id: `mizan${article.id}`, type: 'article-newspaper', title: article.title };
  const author = authorsOf(article.author);
  if (author) item.author = author;
  if (article.source) item['container-title'] = article.source;
  const issued = dateParts(article.publishedAt.iso, article.publishedAt.precision);
  if (issued) item.issued = issued;
  const accessed = dateParts(article.importedAt, 'day');
  if (accessed) item.accessed = accessed;
  if (article.url) item.URL = article.url;
  if (article.lang) item.language = article.lang;
  return item;
}

/**
 * RIS as Zotero and citation-js read back every field: citation-js maps the
 * item to the old tag set (T1, A1, Y1 with the full date, JF); the lines are
 * written here because its writer breaks every value at 70 characters, mid-word,
 * and readers join the pieces with a space (a long Arabic title came back as
 * "ال كاظمي"). Its "mixed" tag set writes only the year of a newspaper
 * article, and a PY year would override Y1's day, so PY is left out.
 */
function ris(cite: Cite): string {
  const records = cite.format('ris', { type: 'object', spec: 'old' }) as unknown as Array<Record<string, unknown>>;
  return records
    .map((record) => {
      const lines = [`TY  - ${String(record['TY'])}`];
      for (const [tag, value] of Object.entries(record)) {
        if (tag === 'TY' || tag === 'PY') continue;
        for (const one of ([] as unknown[]).concat(value))
          lines.push(`${tag}  - ${String(one).replace(/\s*[\r\n]+\s*/g, ' ')}`);
      }
      lines.push('ER  - ');
      return lines.join('\r\n') + '\r\n';
    })
    .join('\r\n');
}

const LATEX_SPECIAL = /[\\{}&%$#_~^]/g;
const LATEX_WORDS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
const latex = (text: string): string => text.replace(LATEX_SPECIAL, (c) => LATEX_WORDS[c] ?? `\\${c}`);

/**
 * An item with LaTeX's special characters escaped in its text fields.
 * citation-js escapes them only together with its ASCII-only mode, which
 * deletes Arabic letters; with that mode off it escapes nothing, and a title
 * with « & » or {braces} breaks the entry. The URL stays verbatim.
 */
function forBibtex(item: CslItem): CslItem {
  const name = (n: CslName): CslName =>
    'literal' in n ? { literal: latex(n.literal) } : { family: latex(n.family), given: latex(n.given) };
  const escaped: CslItem = { ...item, title: latex(item.title) };
  if (item.author) escaped.author = item.author.map(name);
  if (item['container-title']) escaped['container-title'] = latex(item['container-title']);
  return escaped;
}

/** `language` is that of the words a formatted (`text`) citation adds: months, "accessed"; the titles stay as written. */
export function formatCitations(
  items: readonly CslItem[],
  format: CitationFormat,
  style: CitationStyle,
  language: CitationLanguage = 'en',
): string {
  if (format === 'csl-json') return JSON.stringify(items, null, 2) + '\n';
  if (format === 'bibtex') return new Cite(items.map(forBibtex)).format('bibtex');
  const cite = new Cite(items);
  if (format === 'ris') return ris(cite);
  return cite.format('bibliography', { format: 'text', template: TEMPLATE[style], lang: LOCALE[language] });
}

/** Parses a citation file back to CSL items, with the same library that wrote it (round-trip checks, imports). */
export function parseCitations(text: string): Array<Record<string, unknown>> {
  return new Cite(text).data;
}

export const CITATION_FILES: Record<CitationFormat, { extension: string; mediaType: string }> = {
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex' },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems' },
  'csl-json': { extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json' },
  text: { extension: 'txt', mediaType: 'text/plain' },
};
