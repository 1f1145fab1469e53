import { useMemo, type RefObject } from 'react';
import type { Article, Highlight as Annotation } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import { paragraphSpans, segmentsOf } from '../../text/anchors';
import { directionOf } from '../../../../common/text/direction';

interface ArticleBodyProps {
  article: Article;
  view: 'text' | 'html';
  /** The sanitized original layout (view 'html'). */
  html: string;
  bodyRef: RefObject<HTMLDivElement | null>;
  highlights: readonly Annotation[];
  byId: ReadonlyMap<number, Annotation>;
  onSelect(): void;
  /** A click on a highlight (not the end of a selection) opens its note. */
  onOpenNote(highlightId: number): void;
}

/**
 * The text, a paragraph at a time in its own direction; every run carries its
 * body offset (data-o) and highlights are <mark> runs, so a selection maps back
 * to offsets. Or the sanitized original layout.
 */
export function ArticleBody({
  article,
  view,
  html,
  bodyRef,
  highlights,
  byId,
  onSelect,
  onOpenNote,
}: ArticleBodyProps) {
  const { w, lang: uiLang, dir: uiDir } = useI18n();
  const paragraphs = useMemo(
    () => paragraphSpans(article.body).map((p) => ({ ...p, dir: directionOf(p.text, article.dir) })),
    [article.body, article.dir],
  );
  const marks = useMemo(
    () =>
      highlights
        .filter((h) => h.start !== null && h.end !== null)
        .map((h) => ({ id: h.id, start: h.start!, end: h.end! })),
    [highlights],
  );
  return view === 'html' ? (
    <>
      <p className="html-note muted" dir={uiDir} lang={uiLang}>
        {w.htmlNote}
      </p>
      <div className="reader-body reader-html" data-testid="reader-html" dangerouslySetInnerHTML={{ __html: html }} />
    </>
  ) : (
    <div
      className="reader-body"
      data-testid="reader-body"
      ref={bodyRef}
      tabIndex={-1}
      onMouseUp={onSelect}
      onKeyUp={onSelect}
    >
      {paragraphs.map((p) => (
        <p key={p.start} dir={p.dir}>
          {segmentsOf(p, marks).map((seg) => {
            const text = article.body.slice(seg.start, seg.end);
            if (seg.ids.length === 0) {
              return (
                <span key={seg.start} data-o={seg.start}>
                  {text}
                </span>
              );
            }
            const top = byId.get(seg.ids[seg.ids.length - 1]!)!;
            return (
              <mark
                key={seg.start}
                data-o={seg.start}
                data-hl={seg.ids.join(' ')}
                data-status={top.status}
                className={`hl hl-${top.color}${top.note ? ' has-note' : ''}`}
                title={top.note ?? undefined}
                onClick={() => {
                  if (!window.getSelection()?.isCollapsed) return;
                  onOpenNote(top.id);
                }}
              >
                {text}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}
