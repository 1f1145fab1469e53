/**
 * The few words a dossier prints itself (cover, contents, citations), in the
 * document's language. Arabic-script languages read Arabic labels; the rest
 * English.
 */
import type { CitationData, Dir } from './model';
import { dateLocale, formatIsoDate } from '../../../common/text/dates';

export interface Labels {
  contents: string;
  items: (n: number) => string;
  exported: string;
  page: string;
  citation: string;
  accessed: string;
  excerptOf: string;
  note: string;
  comparison: string;
  by: string;
  search: string;
  searchPlaceholder: string;
  noResults: string;
  results: (n: number) => string;
}

const ARABIC_SCRIPT_LANGS = new Set(['ar', 'fa', 'ur', 'ps', 'ku', 'sd', 'ug']);

export function isArabicScriptLang(lang: string): boolean {
  return ARABIC_SCRIPT_LANGS.has(lang.toLowerCase().split('-')[0] ?? '');
}

export function dirOfLang(lang: string): Dir {
  return isArabicScriptLang(lang) || lang.toLowerCase().startsWith('he') ? 'rtl' : 'ltr';
}

const arPlural = new Intl.PluralRules('ar');

const ar: Labels = {
  contents: 'المحتويات',
  items: (n) => (n === 1 ? 'مادة واحدة' : n === 2 ? 'مادتان' : n >= 3 && n <= 10 ? `${n} مواد` : `${n} مادة`),
  exported: 'تاريخ الإعداد',
  page: 'صفحة',
  citation: 'المرجع',
  accessed: 'تاريخ الاطلاع',
  excerptOf: 'مقتطف من',
  note: 'ملاحظة',
  comparison: 'مقارنة',
  by: 'بقلم',
  search: 'بحث',
  searchPlaceholder: 'ابحث في الملف…',
  noResults: 'لا نتائج',
  results: (n) => {
    const form = arPlural.select(n);
    if (form === 'zero') return 'لا نتائج';
    if (form === 'one') return 'نتيجة واحدة';
    if (form === 'two') return 'نتيجتان';
    return `${n} ${form === 'few' ? 'نتائج' : 'نتيجة'}`;
  },
};

const en: Labels = {
  contents: 'Contents',
  items: (n) => (n === 1 ? '1 item' : `${n} items`),
  exported: 'Compiled',
  page: 'Page',
  citation: 'Citation',
  accessed: 'Accessed',
  excerptOf: 'Excerpt from',
  note: 'Note',
  comparison: 'Comparison',
  by: 'by',
  search: 'Search',
  searchPlaceholder: 'Search this dossier…',
  noResults: 'No results',
  results: (n) => (n === 1 ? '1 result' : `${n} results`),
};

export function labelsFor(lang: string): Labels {
  return isArabicScriptLang(lang) ? ar : en;
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

export function formatNumber(n: number, numerals: 'latn' | 'arab'): string {
  const s = String(n);
  return numerals === 'arab' ? s.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)] ?? d) : s;
}

/**
 * A date (YYYY-MM-DD) as the document's reader writes it, the month named:
 * "6 كانون الأول 2026", "6 December 2026". Digits and Arabic words need no
 * isolate, unlike 2026-12-06, which an Arabic line shows as 06-12-2026.
 */
export function namedDate(iso: string, lang: string, numerals: 'latn' | 'arab' = 'latn'): string {
  return formatIsoDate(iso, dateLocale(lang, 'levant', numerals)) ?? iso;
}

/** Left-to-right isolate: a URL or ISO date keeps its own order inside Arabic text. */
export function ltrIsolate(text: string): string {
  return `\u2066${text}\u2069`;
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * The date as written, then the same date as the citation's reader writes it
 * (month named, common/text/dates.ts) when the written one does not already
 * hold it: "(26/7/2021) [26 July 2021]", "(26/7/2021) 26 تموز 2021". A
 * written date that holds the ISO date ("2015-07-22 02:51:32") stands alone.
 * In right-to-left text a date written in digits goes into a left-to-right
 * isolate and the named one follows without brackets: otherwise the bidi
 * algorithm reorders "2015-07-22 00:05:53" (hyphens do not bind Arabic
 * numbers), and text extraction (pdftotext) scrambles brackets next to
 * digits at the edge of a right-to-left line. A named date needs no isolate.
 */
export function formatPublished(
  c: Pick<CitationData, 'publishedOriginal' | 'publishedIso'>,
  dir: Dir,
  lang: string = dir === 'rtl' ? 'ar' : 'en',
): string | null {
  const written = c.publishedOriginal?.trim() || null;
  const named = c.publishedIso ? namedDate(c.publishedIso, lang) : null;
  const held =
    written !== null && (written.includes(c.publishedIso ?? '\u0000') || written.includes(named ?? '\u0000'));
  const reader = named && !held ? named : null;
  if (dir === 'ltr') return written && reader ? `${written} [${reader}]` : (written ?? reader);
  const writtenPart = written && !RTL_LETTER.test(written) ? ltrIsolate(written) : written;
  const both = [writtenPart, reader].filter((p): p is string => !!p).join(' ');
  return both || null;
}

const FIRST_STRONG = /[\p{L}]/u;

/**
 * A name or title inside a citation of direction `dir`: when it starts in
 * the other direction (a Latin title in an Arabic citation) it goes into a
 * first-strong isolate, so that the punctuation and digits at its edges stay
 * with it instead of being reordered with the sentence around it.
 */
function inCitation(text: string, dir: Dir): string {
  const first = FIRST_STRONG.exec(text)?.[0];
  if (first === undefined || RTL_LETTER.test(first) === (dir === 'rtl')) return text;
  return `\u2068${text}\u2069`;
}

const RTL_PART =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff](?:[^\p{Script=Latin}\p{N}/?#&=.:;,+%~@!$'()*[\]]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])?/gu;

/**
 * A URL as the line it is drawn on. In a left-to-right citation, or when it
 * holds no right-to-left letters, it is one left-to-right line. In a
 * right-to-left citation a URL with an Arabic path
 * ("http://www.al-madina.com/node/620856/تركيا-تقصف-مواقع-«داعش»-في-سوريا.html?weekly")
 * is laid out right to left with every Latin part in a left-to-right
 * isolate: its parts then follow each other in the reading direction of the
 * page, each in its own direction, and a reader's tools that read an Arabic
 * page right to left (pdftotext, copying) give the URL back in logical order.
 * Drawn left to right, the page's direction puts ".html?weekly" first.
 */
export function urlLine(url: string, dir: Dir): { text: string; dir: Dir } {
  if (dir === 'ltr' || !RTL_LETTER.test(url)) return { text: url, dir: 'ltr' };
  let text = '';
  let at = 0;
  for (const m of url.matchAll(RTL_PART)) {
    if (m.index > at) text += ltrIsolate(url.slice(at, m.index));
    text += m[0];
    at = m.index + m[0].length;
  }
  if (at < url.length) text += ltrIsolate(url.slice(at));
  return { text, dir: 'rtl' };
}

/**
 * One citation, in a fixed order: author, title, outlet, date (as written and
 * as the reader writes it), date accessed (month named); then the URL on a line of its own, left to right.
 * Chicago-like punctuation; Arabic uses «» and ،. The URL stands apart so
 * that it never shares a line with right-to-left text: inside an Arabic line
 * its parts would be reordered (by the reader's eye as much as by pdftotext).
 */
export function formatCitation(c: CitationData): { sentence: string; url: string | null } {
  const arabic = isArabicScriptLang(c.lang);
  const L = labelsFor(c.lang);
  const comma = arabic ? '، ' : ', ';
  const dir: Dir = arabic ? 'rtl' : 'ltr';
  const parts: string[] = [];
  if (c.author) parts.push(`${inCitation(c.author, dir)}.`);
  const title = inCitation(c.title, dir);
  parts.push(arabic ? `«${title}».` : `“${title}.”`);
  const where = [c.outlet ? inCitation(c.outlet, dir) : null, formatPublished(c, dir, c.lang)]
    .filter((p): p is string => !!p)
    .join(comma);
  if (where) parts.push(`${where}.`);
  parts.push(`${L.accessed}: ${namedDate(c.accessed, c.lang)}.`);
  return { sentence: parts.join(' '), url: c.url };
}
