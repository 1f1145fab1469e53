/**
 * Articles as JSON Lines in the fields Mizan's JSON importer reads (title,
 * body, author, source, date, url, lang, tags), one article per line, so a
 * library or a selection moves to another library, or to a script, and comes
 * back as it was. The date is the article's own text (what the importer
 * parsed), with the resolved ISO day beside it for scripts.
 */
import type { ArticleSummary } from '../../../preload/contract/library';

export interface ArticleLine {
  title: string;
  body: string;
  author: string | null;
  source: string | null;
  date: string | null;
  published_iso: string | null;
  url: string | null;
  lang: string;
  tags: string[];
  mizan_id: number;
}

export function articleLine(article: ArticleSummary, body: string): string {
  const line: ArticleLine = {
    title: article.title,
    body,
    author: article.author,
    source: article.source,
    date: article.publishedAt.original ?? article.publishedAt.iso,
    published_iso: article.publishedAt.iso,
    url: article.url,
    lang: article.lang,
    tags: article.tags,
    mizan_id: article.id,
  };
  // JSON.stringify escapes U+2028/2029, so every record stays on one line.
  return JSON.stringify(line);
}
