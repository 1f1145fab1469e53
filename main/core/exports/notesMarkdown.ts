/**
 * Highlights and notes as Markdown for notes apps (Obsidian, Joplin, any
 * editor): per article a heading, its citation, a `mizan://` link back and
 * the source URL, each highlight as a block quote with its note, then the
 * article's notes. Plain CommonMark, so it reads the same everywhere.
 */
import type { ArticleSummary } from '../../../preload/contract/library';
import type { Highlight, Note } from '../../../preload/contract/workbench';
import type { ExportedFile } from '../../../preload/contract/exports';

export interface AnnotatedArticle {
  article: ArticleSummary;
  /** The article's citation in a bibliography style, one line. */
  citation: string;
  highlights: readonly Highlight[];
  notes: readonly Note[];
  /** The page of the original document a body offset falls on (imported PDFs); absent for other articles. */
  pageAt?: (offset: number) => number | null;
}

/**
 * Where an imported PDF's pages fall in its body: the body is its paragraphs
 * joined by blank lines, and the stored HTML titles each paragraph with the
 * page it starts on (`<p title="Page 3">`). Null when the two do not line up
 * (an article edited since, or not from a PDF).
 */
export function pagesOfBody(body: string, bodyHtml: string | null): ((offset: number) => number | null) | null {
  if (!bodyHtml) return null;
  const pages = [...bodyHtml.matchAll(/<p title="Page (\d+)">/g)].map((m) => Number(m[1]));
  if (pages.length === 0) return null;
  const starts = [0];
  for (const m of body.matchAll(/\n{2,}/g)) starts.push(m.index + m[0].length);
  if (starts.length !== pages.length) return null;
  return (offset) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    return pages[k] ?? null;
  };
}

/** Text that Markdown would read as markup at a line's start or inline. */
function inline(text: string): string {
  return text
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function quoted(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${inline(line)}`.trimEnd())
    .join('\n');
}

function highlightBlock(h: Highlight, pageAt: AnnotatedArticle['pageAt']): string {
  const lines = [quoted(h.quote)];
  const page = h.start !== null && pageAt ? pageAt(h.start) : null;
  if (page !== null) lines.push(`> — p. ${page}`);
  // An orphaned highlight's text no longer stands in the article: say so rather than quote it as current.
  if (h.status !== 'anchored')
    lines.push(`> *(${h.status === 'orphaned' ? 'no longer in the article' : 're-anchored'})*`);
  if (h.note && h.note.trim() !== '') lines.push('', h.note.trim());
  return lines.join('\n');
}

function noteBlock(n: Note): string {
  return n.title ? `### ${inline(n.title)}\n\n${n.body.trim()}` : n.body.trim();
}

export function articleMarkdown(a: AnnotatedArticle): string {
  const { article } = a;
  const parts = [`## ${inline(article.title)}`, '', inline(a.citation), ''];
  const links = [`[Open in Mizan](mizan://article/${article.id})`];
  if (article.url) links.push(`[Source](<${article.url}>)`);
  parts.push(links.join(' · '));
  if (a.highlights.length > 0) {
    parts.push('', '### Highlights', '');
    parts.push(a.highlights.map((h) => highlightBlock(h, a.pageAt)).join('\n\n'));
  }
  if (a.notes.length > 0) {
    parts.push('', '### Notes', '');
    parts.push(a.notes.map(noteBlock).join('\n\n'));
  }
  return parts.join('\n') + '\n';
}

/** A file name from a title: letters of any script kept, path characters out, at most 80 characters. */
export function fileNameOf(title: string, id: number, extension: string): string {
  const base = title
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${base === '' ? 'article' : base} (${id}).${extension}`;
}

export function notesFiles(
  articles: readonly AnnotatedArticle[],
  layout: 'one-file' | 'per-article',
  heading: string,
): ExportedFile[] {
  const kept = articles.filter((a) => a.highlights.length > 0 || a.notes.length > 0);
  if (kept.length === 0) return [];
  if (layout === 'per-article') {
    return kept.map((a) => ({
      fileName: fileNameOf(a.article.title, a.article.id, 'md'),
      mediaType: 'text/markdown',
      text: articleMarkdown(a).replace(/^## /, '# '),
      count: 1,
    }));
  }
  const text = [`# ${inline(heading)}`, '', ...kept.map(articleMarkdown)].join('\n');
  return [
    {
      fileName: fileNameOf(heading, kept.length, 'md').replace(/ \(\d+\)\.md$/, '.md'),
      mediaType: 'text/markdown',
      text,
      count: kept.length,
    },
  ];
}
