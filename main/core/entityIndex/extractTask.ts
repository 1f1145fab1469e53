/**
 * What an entity-index thread does: runs the one extractor over an article's
 * title and body together (so a surname in the headline joins the full name
 * in the text) and hands back each mention with the field it is in.
 */
import { extractEntities, type EntityKind } from '../entities';

export interface ArticleText {
  id: number;
  title: string;
  body: string;
  lang: string;
  publishedAt: string | null;
}

/** A mention as the index stores it: offsets into its field (0 title, 1 body). */
export interface FoundMention {
  field: 0 | 1;
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
  key: string;
  /** The readable name the article gives this entity (its own fullest spelling; a country's long name stays long). */
  name: string;
}

export interface ExtractRequest {
  articles: ArticleText[];
}

export interface ExtractResult {
  articles: Array<{ id: number; mentions: FoundMention[] }>;
}

/** Between title and body: a paragraph break, so no name runs across the two. */
const JOIN = '\n\n';

export function mentionsOf(article: ArticleText): FoundMention[] {
  const text = `${article.title}${JOIN}${article.body}`;
  const options = article.publishedAt
    ? { lang: article.lang, publishedAt: article.publishedAt }
    : { lang: article.lang };
  const bodyStart = article.title.length + JOIN.length;
  const out: FoundMention[] = [];
  for (const m of extractEntities(text, options)) {
    const inTitle = m.end <= article.title.length;
    if (!inTitle && m.start < bodyStart) continue;
    const offset = inTitle ? 0 : bodyStart;
    out.push({
      field: inTitle ? 0 : 1,
      start: m.start - offset,
      end: m.end - offset,
      text: m.text,
      kind: m.kind,
      key: m.key,
      name: m.written ?? m.canonical,
    });
  }
  return out;
}

export function extractTask(request: ExtractRequest): ExtractResult {
  return { articles: request.articles.map((a) => ({ id: a.id, mentions: mentionsOf(a) })) };
}
