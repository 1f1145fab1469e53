/**
 * Saved web pages: the article's text and metadata, found by Mozilla's
 * Readability (the Firefox Reader View extractor) over a linkedom DOM, with
 * the page's own metadata (htmlMetadata.ts) preferred where it exists, and
 * the article's HTML kept after sanitizing (sanitize.ts).
 *
 * A page Readability cannot make sense of (too short, a bare fragment, plain
 * text saved as .html) falls back to the visible text of its body; a page
 * with no text at all is refused as empty.
 */
import type { Direction } from '../../../preload/contract/shapes';
import { findDates, parseDate } from '../text/dates';
import { detectLanguage } from '../text/language';
import { normalizeForMatching } from '../../../common/text/normalize';
import { buildArticle, cleanLine } from './article';
import { decodeText, sniffDeclaredCharset } from './decode';
import { parseHtmlDocument, type DomElement } from './dom';
import { readPrunedArticle, type ReadabilityResult } from './readArticle';
import { paragraphsHtml, readStructuredArticle, type StructuredArticle } from './htmlFastPath';
import { findPageDateTexts, hostName, readPageMetadata, scanPage } from './htmlMetadata';
import { firstSentenceTitle } from './plainText';
import { parsePrunedPage } from './pruneUnlikely';
import { htmlToText, sanitizeChildren } from './sanitize';
import { stripInert } from './stripInert';
import { ImportError, type Importer, type ImportOptions, type ParsedRecord, type SourceFile } from './types';

export interface HtmlContext {
  /** Where the page was saved from, when the container says (MHTML's Content-Location). */
  url?: string | null;
  format?: string;
}

/** Script families of the detector's language codes: a declared language of another family is the template's, not the text's. */
function scriptFamily(lang: string): string {
  if (['ar', 'fa', 'ur', 'ps', 'ku', 'sd', 'ug'].includes(lang)) return 'arabic';
  if (['zh', 'ja', 'ko'].includes(lang)) return 'cjk';
  if (['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk'].includes(lang)) return 'cyrillic';
  if (['he', 'yi'].includes(lang)) return 'hebrew';
  if (['el', 'th', 'hi'].includes(lang)) return lang;
  return 'latin';
}

/** Words that sit in byline slots but name no one. */
const NOT_AUTHORS = new Set([
  'author',
  'authors',
  'by',
  'staff',
  'admin',
  'administrator',
  'editor',
  'editors',
  'print',
  'e-mail',
  'email',
  'share',
]);

/** Loose key for comparing names: "CNN.com" ~ "cnn.com" ~ "CNN". */
function nameKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.(com|net|org|co\.uk|fr|es|de)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A byline reduced to the names: "By Marguerite Reardon August 18, 2010
 * 3:21 PM PDT Print E-mail" → "Marguerite Reardon". Refused when nothing
 * name-like remains (a time, a domain, the outlet's own name).
 */
export function cleanAuthor(value: string | null, outletNames: readonly string[]): string | null {
  if (!value) return null;
  let v = cleanLine(value).replace(/^(by|par|por|von|بقلم|كتب|كتبت)\s*[:：]?\s+/iu, '');
  const date = findDates(v)[0];
  if (date) v = v.slice(0, date.start);
  v = v.replace(/\b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?.*$/i, '');
  v = v.replace(/\s*\b(print|e-?mail|share|comments?|updated|published|posted)\b.*$/i, '');
  v = v
    .replace(
      /[\s,;:|•·–—-]+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)?[\s,.]*$/iu,
      '',
    )
    .trim();
  if (v === '' || v.length > 120 || /\d/.test(v) || NOT_AUTHORS.has(v.toLowerCase())) return null;
  if (/^[^\s]+\.[a-z]{2,}$/i.test(v)) return null; // a domain
  const key = nameKey(v);
  if (outletNames.some((n) => nameKey(n) === key)) return null;
  return v;
}

const TITLE_SEPARATOR = /\s+(?:[|\-–—»·•:]|::)\s+|\s*\|\s*/u;

/** "Five Social Media Lessons - BusinessWeek" → "Five Social Media Lessons": the outlet is stored as the source. */
export function stripOutletFromTitle(title: string, outletNames: readonly string[]): string {
  const keys = outletNames.map(nameKey).filter((k) => k.length >= 2);
  if (keys.length === 0) return title;
  const isOutlet = (part: string) => {
    const k = nameKey(part);
    return k !== '' && keys.some((o) => k === o || (k.startsWith(o) && k.length <= o.length + 4));
  };
  let parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  let changed = false;
  while (parts.length > 1 && isOutlet(parts[parts.length - 1]!)) {
    parts = parts.slice(0, -1);
    changed = true;
  }
  while (parts.length > 1 && isOutlet(parts[0]!)) {
    parts = parts.slice(1);
    changed = true;
  }
  if (!changed) return title;
  // Cut the original string rather than re-joining, so the remaining separators stay as written.
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const start = title.indexOf(first);
  const end = title.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : title;
}

/**
 * The first candidate that holds a day or month with its year, as written:
 * the whole string when it is just a date ("2010-08-13T16:39:00-04:00"),
 * else the date inside it ("By: R. Lawler August 18, 2010 3:21 PM" → "August 18, 2010").
 * Junk such as "AP – 1 hr ago" or a bare "2011" is passed over.
 */
function firstDate(candidates: ReadonlyArray<string | null | undefined>): string | null {
  for (const c of candidates) {
    if (!c) continue;
    const whole = parseDate(c);
    if (whole && whole.precision !== 'year') return c;
    const found = findDates(c).find(
      (d) => d.precision !== 'year' && /\d{4}/.test(d.text) && parseDate(d.text) !== null,
    );
    if (found) return found.text;
  }
  return null;
}

function nonEmpty(value: string | null | undefined): string | null {
  const v = value ? cleanLine(value) : '';
  return v === '' ? null : v;
}

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

/**
 * Readability often keeps the page's headline and a dateline or byline
 * paragraph above the story ("Updated: August 13, 2010, 5:02 PM ET",
 * "الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21"). The title and date are
 * stored apart, so such leading lines are dropped from the text (the kept
 * HTML is left as the page had it).
 */
export function trimLeadingMetadata(text: string, title: string | null, author: string | null): string {
  // Lines with their offsets, so what is kept is the original text from a cut point on.
  const paragraphs: string[] = [];
  const starts: number[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    paragraphs.push(m[0]);
    starts.push(m.index);
  }
  const key = (t: string) => normalizeForMatching(t).replace(/[^\p{L}\p{N}]+/gu, '');
  const titleKey = title ? key(title) : null;
  let drop = 0;
  while (drop < Math.min(4, paragraphs.length - 1)) {
    const p = paragraphs[drop]!.trim();
    const k = key(p);
    const isTitle = titleKey !== null && k !== '' && k === titleKey;
    const isByline =
      author !== null && p.length <= 150 && key(p.replace(/^(by|par|por|بقلم)\s+/iu, '')).startsWith(key(author));
    let isDateline = false;
    if (p.length <= 120) {
      const dates = findDates(p);
      if (dates.length > 0) {
        let rest = p;
        for (const d of dates) rest = rest.replace(d.text, ' ');
        rest = rest.replace(
          /\b(updated|published|posted|last|modified|am|pm|a\.m\.|p\.m\.|gmt|utc|edt|est|pdt|pst|bst|cet|et|on|at)\b/giu,
          ' ',
        );
        rest = rest.replace(/(آخر تحديث|تحديث|نشر|بتوقيت|غرينتش|مساء|صباحا|الساعة)/gu, ' ');
        isDateline = letters(rest) <= 12;
      }
    }
    if (!isTitle && !isByline && !isDateline) break;
    drop++;
  }
  return drop === 0 ? text : text.slice(starts[drop]);
}

/** A date written at the very top of the article ("Published August 14, 2010"), when the page's markup gives none. */
function dateInText(text: string): string | null {
  const found = findDates(text.slice(0, 200)).find((d) => d.precision === 'day' && /\d{4}/.test(d.text));
  return found ? found.text : null;
}

function bodyFallback(html: string): DomElement | null {
  const doc = parseHtmlDocument(html);
  const body = doc.body;
  if (!body) return null;
  for (const selector of [
    'header',
    'footer',
    'nav',
    'aside',
    '[role="navigation"]',
    '[role="banner"]',
    '[role="contentinfo"]',
  ]) {
    const found = body.querySelectorAll(selector);
    for (let i = found.length - 1; i >= 0; i--) found[i]!.remove();
  }
  return body;
}

/** Readability's own threshold for an article (charThreshold above): a named container with less is not trusted alone. */
const NAMED_BODY_MIN_CHARS = 300;

/** A page read from its JSON-LD alone (htmlFastPath.ts), with the same cleaning of title, author and source. */
function structuredRecord(
  data: StructuredArticle,
  file: SourceFile,
  encoding: string,
  options: ImportOptions,
  context: HtmlContext,
): ParsedRecord {
  const url = context.url ?? data.url;
  const host = hostName(url);
  const source = data.siteName ?? data.publisher ?? host;
  const outletNames = [data.siteName, data.publisher, host].filter((n): n is string => !!n);
  const title = options.title ?? stripOutletFromTitle(cleanLine(data.headline), outletNames);
  const author = cleanAuthor(data.author, outletNames);
  const detected = detectLanguage(`${title}\n${data.body.slice(0, 4000)}`);
  const declared = data.lang ? data.lang.slice(0, 2).toLowerCase() : null;
  const lang =
    declared && (detected === 'und' || scriptFamily(declared) === scriptFamily(detected)) ? declared : detected;
  const dir = data.dir === 'rtl' || data.dir === 'ltr' ? data.dir : null;
  return {
    ok: true,
    article: buildArticle({
      title,
      body: trimLeadingMetadata(data.body, title, author),
      author,
      source,
      date: firstDate([data.date, data.modified]),
      lang,
      dir,
      url,
      originPath: file.path,
      originFormat: context.format ?? 'html',
      encoding,
      bodyHtml: paragraphsHtml(data.body),
    }),
  };
}

export function parseHtmlText(
  html: string,
  file: SourceFile,
  encoding: string,
  options: ImportOptions,
  context: HtmlContext = {},
): ParsedRecord[] {
  // A page whose JSON-LD holds the whole article needs no DOM and no Readability.
  const structured = readStructuredArticle(html);
  if (structured) return [structuredRecord(structured, file, encoding, options, context)];
  html = stripInert(html);
  // Readability's first pass drops the page's furniture unseen; the DOM need not hold it.
  const { doc, cut } = parsePrunedPage(html);
  const scan = scanPage(doc);
  const meta = readPageMetadata(doc, context.url ?? null, scan);
  const documentTitle = cleanLine(doc.title ?? '') || null;
  const markupDate = firstDate(meta.dates);
  // Only when the markup has no date: scan for date-named elements before Readability rewrites the page.
  const pageDates = markupDate ? [] : findPageDateTexts(scan);

  let extracted: ReadabilityResult | null = null;
  let content: DomElement | null = null;
  let text = '';
  // A page that names its story's container (schema.org articleBody, once) is taken at its word:
  // Readability's guess costs half the page's time and, on the saved pages, starts earlier (a deck, a caption).
  const named = scan.articleBodies.length === 1 ? scan.articleBodies[0]! : null;
  const namedText = named ? htmlToText(named).trim() : '';
  if (namedText.length >= NAMED_BODY_MIN_CHARS) {
    content = named;
    text = namedText;
  } else {
    ({ extracted, content, text } = readPrunedArticle(html, cut, doc, scan));
  }
  if (text.length < 80) {
    const fallback = bodyFallback(html);
    const fallbackText = fallback ? htmlToText(fallback).trim() : '';
    if (fallbackText.length > text.length) {
      content = fallback;
      text = fallbackText;
    }
  }
  if (!content || text === '') throw new ImportError('IMPORT_EMPTY', `${file.path}: the page holds no article text`);

  const url = meta.url;
  const bodyHtml = sanitizeChildren(content, { baseUrl: url });
  const sample = text.slice(0, 4000);
  const detected = detectLanguage(`${meta.title ?? ''}\n${sample}`);
  const declaredLang = meta.lang ?? (extracted?.lang ? extracted.lang.slice(0, 2).toLowerCase() : null);
  const lang =
    declaredLang && (detected === 'und' || scriptFamily(declaredLang) === scriptFamily(detected))
      ? declaredLang
      : detected;
  const declaredDir = meta.dir ?? (extracted?.dir === 'rtl' || extracted?.dir === 'ltr' ? extracted.dir : null);

  const host = hostName(url);
  const source = meta.siteName ?? extracted?.siteName ?? host;
  const outletNames = [meta.siteName, extracted?.siteName, host].filter((n): n is string => !!n);
  const rawTitle = nonEmpty(meta.title) ?? nonEmpty(extracted?.title) ?? documentTitle;
  const title = options.title ?? (rawTitle ? stripOutletFromTitle(cleanLine(rawTitle), outletNames) : null);
  const date =
    markupDate ?? firstDate([extracted?.publishedTime, ...pageDates, ...meta.modifiedDates]) ?? dateInText(text);
  const author = cleanAuthor(meta.author, outletNames) ?? cleanAuthor(extracted?.byline ?? null, outletNames);
  const storyText = trimLeadingMetadata(text, title ?? rawTitle, author);
  return [
    {
      ok: true,
      article: buildArticle({
        title: title || firstSentenceTitle(storyText),
        body: storyText,
        author,
        source,
        date,
        lang,
        dir: declaredDir as Direction | null,
        url,
        originPath: file.path,
        originFormat: context.format ?? 'html',
        encoding,
        bodyHtml,
      }),
    },
  ];
}

export const htmlImporter: Importer = {
  id: 'html',
  label: 'Web page (HTML)',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  parse(file, options) {
    const { text, encoding } = decodeText(file.bytes, file.path, {
      declared: sniffDeclaredCharset(file.bytes),
      forced: options.encoding,
    });
    if (!options.archived) return parseHtmlText(text, file, encoding, options);
    // A page from a web archive: its captured address and time are its provenance
    // ("crawl.warc#12@2015-07-22T08:00:00Z"), whatever its canonical link says.
    const { url, capturedAt } = options.archived;
    return parseHtmlText(text, file, encoding, options, { url, format: 'warc' }).map((r) =>
      r.ok
        ? {
            ok: true,
            article: {
              ...r.article,
              url: url ?? r.article.url,
              originPath: capturedAt ? `${r.article.originPath}@${capturedAt}` : r.article.originPath,
            },
          }
        : r,
    );
  },
};
