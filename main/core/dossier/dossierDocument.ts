/**
 * Resolves a dossier (or a plain list of articles) from the library into the
 * plain `DossierDocument` the exporters render.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { DossierInfo } from '../../../preload/contract/dossier';
import type { Article } from '../../../preload/contract/library';
import type { Database } from '../db/connection';
import { getArticle } from '../library/articleReader';
import { detectDirection, paragraphDirections } from '../text/language';
import { dirOfLang, isArabicScriptLang, labelsFor, namedDate } from './labels';
import { arabicPunctuation } from '../../../common/text/punctuation';
import type { CitationData, Dir, DossierDocument, ExportItem, ExportSection, ItemKind, TextBlock } from './model';
import { getDossier } from './dossierStore';
import type { Comparer } from '../compare/comparisonRunner';
import { getComparison } from '../compare/comparisonStore';
import { comparisonView } from './comparisonBlock';

export interface DocumentRequest {
  dossierId?: number;
  articleIds?: number[];
  title?: string;
  subtitle?: string | null;
  author?: string | null;
  lang?: string;
}

function blocksOf(text: string): TextBlock[] {
  return paragraphDirections(text).map((p) => ({ text: text.slice(p.start, p.end), dir: p.dir }));
}

function citationOf(a: Article): CitationData {
  return {
    outlet: a.source,
    title: a.title,
    author: a.author,
    publishedOriginal: a.publishedAt.original,
    publishedIso: a.publishedAt.iso,
    url: a.url,
    accessed: a.importedAt.slice(0, 10),
    lang: a.lang,
  };
}

/** The date under a heading as the article's reader writes it, month named, at its precision (the citation keeps it as written). */
function publishedForReader(a: Article): string | null {
  const { iso, precision, original } = a.publishedAt;
  if (!iso) return original?.trim() || null;
  return namedDate(precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso, a.lang);
}

function bylineOf(a: Article): string | null {
  const parts = [a.source, a.author, publishedForReader(a)].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** A heading in Arabic takes Arabic punctuation (، ؛ ؟) where it was typed with Latin marks. */
function heading(text: string, dir: Dir): string {
  return dir === 'rtl' ? arabicPunctuation(text) : text;
}

function articleItem(a: Article, anchor: string): ExportItem {
  const titleDir = detectDirection(a.title);
  return {
    anchor,
    kind: 'article',
    title: heading(a.title, titleDir),
    titleDir,
    lang: a.lang,
    dir: a.dir,
    byline: bylineOf(a),
    bylineDir: a.dir,
    blocks: blocksOf(a.body),
    annotation: null,
    citations: [citationOf(a)],
    articleIds: [a.id],
  };
}

interface HighlightRow {
  article_id: number;
  quote: string;
  note: string | null;
}

interface NoteRow {
  article_id: number | null;
  title: string | null;
  body: string;
}

async function resolveItem(
  db: Database,
  kind: ItemKind,
  refId: number,
  anchor: string,
  comparer: Comparer,
): Promise<ExportItem> {
  switch (kind) {
    case 'article':
      return articleItem(await getArticle(db, refId), anchor);
    case 'highlight': {
      const h = await db.get<HighlightRow>('SELECT article_id, quote, note FROM highlights WHERE id = ?', [refId]);
      if (!h) throw new MizanError('NOT_FOUND', `no highlight with id ${refId}`);
      const a = await getArticle(db, h.article_id);
      const title = `${labelsFor(a.lang).excerptOf}: ${a.title}`;
      return {
        ...articleItem(a, anchor),
        kind: 'highlight',
        title,
        titleDir: detectDirection(title),
        blocks: blocksOf(h.quote),
        annotation: h.note ? { text: h.note, dir: detectDirection(h.note) } : null,
      };
    }
    case 'note': {
      const n = await db.get<NoteRow>('SELECT article_id, title, body FROM notes WHERE id = ?', [refId]);
      if (!n) throw new MizanError('NOT_FOUND', `no note with id ${refId}`);
      const a = n.article_id ? await getArticle(db, n.article_id) : null;
      const lang = a?.lang ?? (detectDirection(n.body) === 'rtl' ? 'ar' : 'en');
      const title = n.title?.trim() || labelsFor(lang).note;
      return {
        anchor,
        kind: 'note',
        title,
        titleDir: detectDirection(title),
        lang,
        dir: detectDirection(n.body),
        byline: a ? `${labelsFor(lang).note} · ${a.title}` : null,
        bylineDir: a ? detectDirection(a.title) : dirOfLang(lang),
        blocks: blocksOf(n.body),
        annotation: null,
        citations: a ? [citationOf(a)] : [],
        articleIds: a ? [a.id] : [],
      };
    }
    case 'comparison': {
      const saved = await getComparison(db, refId);
      const articles: Article[] = [];
      for (const id of saved.articleIds) articles.push(await getArticle(db, id));
      const lang = majorityLang(articles.map((a) => a.lang)) ?? 'en';
      const dir = dirOfLang(lang);
      const L = labelsFor(lang);
      // Recomputed on export, like on opening: the tables follow the articles' current text.
      const result = await comparer.compare(articles, saved.settings);
      return {
        anchor,
        kind: 'comparison',
        title: saved.title,
        titleDir: detectDirection(saved.title),
        lang,
        dir,
        byline: `${L.comparison} · ${[...new Set(articles.map((a) => a.source).filter((s): s is string => !!s))].join(isArabicScriptLang(lang) ? '، ' : ', ')}`,
        bylineDir: dir,
        // One line per compared article: its outlet, date and title.
        blocks: articles.map((a) => {
          const text = [a.source, publishedForReader(a), a.title].filter((p): p is string => !!p).join(' · ');
          return { text, dir: detectDirection(text) };
        }),
        annotation: null,
        citations: articles.map(citationOf),
        articleIds: articles.map((a) => a.id),
        comparison: comparisonView(articles, result, lang, dir),
      };
    }
  }
}

function majorityLang(langs: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: string | null = null;
  let bestN = 0;
  for (const [l, n] of counts) {
    if (n > bestN) {
      best = l;
      bestN = n;
    }
  }
  return best;
}

/** Outlets first (most cited first), then the other distinct words worth indexing. */
function keywordsOf(items: readonly ExportItem[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const c of item.citations) if (c.outlet) counts.set(c.outlet, (counts.get(c.outlet) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([k]) => k);
}

/** The dossier's non-empty sections, as runs of consecutive items (the store keeps items grouped by section). */
export function sectionsOf(dossier: Pick<DossierInfo, 'sections' | 'items'>): ExportSection[] {
  const out: ExportSection[] = [];
  for (const [k, section] of dossier.sections.entries()) {
    const first = dossier.items.findIndex((i) => i.sectionId === section.id);
    if (first < 0) continue;
    const count = dossier.items.filter((i) => i.sectionId === section.id).length;
    out.push({
      anchor: `section-${k + 1}`,
      title: heading(section.title, detectDirection(section.title)),
      titleDir: detectDirection(section.title),
      first,
      count,
    });
  }
  return out;
}

export async function resolveDocument(
  db: Database,
  request: DocumentRequest,
  now: Date,
  comparer: Comparer,
): Promise<DossierDocument> {
  // An export option overrides what is stored with the dossier.
  let title = request.title?.trim() || null;
  let subtitle = request.subtitle?.trim() || null;
  let author = request.author?.trim() || null;
  let description: string | null = null;
  let lang = request.lang ?? null;
  const items: ExportItem[] = [];
  let sections: ExportSection[] = [];
  if (request.dossierId !== undefined) {
    const dossier = await getDossier(db, request.dossierId);
    title ??= dossier.title;
    subtitle ??= dossier.subtitle;
    author ??= dossier.author;
    description = dossier.description;
    lang ??= dossier.lang;
    for (const [i, item] of dossier.items.entries())
      items.push(await resolveItem(db, item.kind, item.refId, `item-${i + 1}`, comparer));
    sections = sectionsOf(dossier);
  } else {
    for (const [i, id] of (request.articleIds ?? []).entries())
      items.push(await resolveItem(db, 'article', id, `item-${i + 1}`, comparer));
  }
  if (items.length === 0) throw new MizanError('INVALID_ARGUMENT', 'the dossier has no items to export');
  const docLang = lang ?? majorityLang(items.map((i) => i.lang)) ?? 'en';
  return {
    title: heading(title ?? (isArabicScriptLang(docLang) ? 'ملف' : 'Dossier'), dirOfLang(docLang)),
    subtitle,
    author,
    description,
    lang: docLang,
    dir: dirOfLang(docLang),
    createdAt: now.toISOString(),
    keywords: keywordsOf(items),
    items,
    sections,
  };
}
