/**
 * Names in the open article, on demand: a toggle that marks every mention in
 * the text (CSS Custom Highlight API over ranges, as find does: the text's
 * DOM and offsets stay as they are), a legend, and the article's entities as
 * links to their pages. People, places and organisations differ by underline
 * style as well as colour, so the marks read in black and white.
 */
import { useEffect, useState, type RefObject } from 'react';
import type { ArticleMention } from '../../../../preload/contract';
import { useApi } from '../../api';
import { useEntityWords } from '../../i18nEntities';
import { useUiStore } from '../../state/useUi';
import { rangeOfOffsets } from '../../text/anchors';

const KINDS = ['person', 'place', 'organisation'] as const;
const highlightName = (kind: ArticleMention['kind']) => `mizan-entity-${kind}`;

function setHighlights(byKind: Map<string, Range[]>): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return;
  for (const kind of KINDS) {
    const ranges = byKind.get(kind) ?? [];
    if (ranges.length === 0) CSS.highlights.delete(highlightName(kind));
    else CSS.highlights.set(highlightName(kind), new Highlight(...ranges));
  }
}

/** Remembered across articles: once asked for, names stay marked. */
let markedByDefault = false;

export function EntityMarks({
  articleId,
  bodyRef,
  textView,
  redrawKey,
}: {
  articleId: number;
  bodyRef: RefObject<HTMLDivElement | null>;
  /** Marks are drawn in the text view only (the original layout has other offsets). */
  textView: boolean;
  /** Changes when the body's DOM is drawn again (highlights). */
  redrawKey: unknown;
}) {
  const { api } = useApi();
  const e = useEntityWords();
  const store = useUiStore();
  const [on, setOn] = useState(markedByDefault);
  const [found, setFound] = useState<{ mentions: ArticleMention[]; pending: boolean } | null>(null);

  useEffect(() => {
    if (!on) return;
    let live = true;
    api['entities.ofArticle']({ id: articleId }).then(
      (r) => live && setFound(r),
      () => live && setFound({ mentions: [], pending: false }),
    );
    return () => {
      live = false;
    };
  }, [api, articleId, on]);

  useEffect(() => {
    const root = bodyRef.current;
    if (!on || !found || !root || !textView) {
      setHighlights(new Map());
      return;
    }
    const byKind = new Map<string, Range[]>();
    for (const m of found.mentions) {
      if (m.field !== 'body') continue;
      const range = rangeOfOffsets(root, m.start, m.end);
      if (range) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), range]);
    }
    setHighlights(byKind);
  }, [on, found, bodyRef, textView, redrawKey]);

  useEffect(() => () => setHighlights(new Map()), []);

  const entities = new Map<number, ArticleMention & { n: number }>();
  for (const m of found?.mentions ?? []) {
    const seen = entities.get(m.entityId);
    if (seen) seen.n++;
    else entities.set(m.entityId, { ...m, n: 1 });
  }

  return (
    <div className="entity-marks" data-testid="entity-marks">
      <button
        type="button"
        className="chip-button"
        aria-pressed={on}
        onClick={() => {
          markedByDefault = !on;
          setOn(!on);
        }}
        data-testid="mark-names"
      >
        {e.markNames}
      </button>
      {on ? (
        <>
          <span className="entity-legend" aria-label={e.legend}>
            {KINDS.map((k) => (
              <span key={k} className={`entity-key entity-mark-${k}`}>
                {e.kinds[k]}
              </span>
            ))}
          </span>
          {found?.pending ? <p className="muted">{e.notYetRead}</p> : null}
          <ul className="entity-chips" aria-label={e.namesInArticle} data-testid="article-entities">
            {[...entities.values()].map((m) => (
              <li key={m.entityId}>
                <button
                  type="button"
                  className={`link-button entity-mark-${m.kind}`}
                  onClick={() =>
                    store.update({ view: { kind: 'entity', id: m.entityId, name: m.name, entityKind: m.kind } })
                  }
                >
                  <bdi>{m.name}</bdi>
                </button>
                {m.n > 1 ? <span className="muted"> ×{m.n}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
