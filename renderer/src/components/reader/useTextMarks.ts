import { useEffect, useLayoutEffect, type RefObject } from 'react';
import type { Highlight as Annotation } from '../../../../preload/contract';
import { methodNames } from '../../../../preload/contract/methodList';
import { useApi } from '../../api';
import { rangeOfOffsets } from '../../text/anchors';

const canSearchMatches = methodNames.includes('search.matches');

function supportsCustomHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

function setCustomHighlight(name: string, ranges: Range[]): void {
  if (!supportsCustomHighlights()) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

interface TextMarksOptions {
  bodyRef: RefObject<HTMLDivElement | null>;
  articleId: number;
  view: 'text' | 'html';
  findOpen: boolean;
  matches: readonly { start: number; end: number }[];
  currentMatch: number;
  /** Opened from search: its matches are marked. */
  searchQuery: string | null;
  focusHighlightId: number | null;
  /** Redrawn highlights replace the text nodes the ranges point into. */
  highlights: readonly Annotation[];
}

/**
 * Find matches and the search's own matches, drawn with the CSS Custom
 * Highlight API over ranges of the text: no DOM surgery, so the <mark> runs
 * and their offsets stay as they are.
 */
export function useTextMarks({
  bodyRef,
  articleId,
  view,
  findOpen,
  matches,
  currentMatch,
  searchQuery,
  focusHighlightId,
  highlights,
}: TextMarksOptions): void {
  const { api } = useApi();
  useLayoutEffect(() => {
    const root = bodyRef.current;
    if (!root || view !== 'text' || !findOpen) {
      setCustomHighlight('mizan-find', []);
      setCustomHighlight('mizan-find-current', []);
      return;
    }
    const ranges = matches.map((m) => rangeOfOffsets(root, m.start, m.end)).filter((r): r is Range => r !== null);
    setCustomHighlight('mizan-find', ranges);
    const current =
      currentMatch >= 0 ? rangeOfOffsets(root, matches[currentMatch]!.start, matches[currentMatch]!.end) : null;
    setCustomHighlight('mizan-find-current', current ? [current] : []);
    if (current) {
      const holder = current.startContainer.parentElement;
      holder?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    }
  }, [bodyRef, matches, currentMatch, findOpen, view, highlights]);

  useEffect(
    () => () => ['mizan-find', 'mizan-find-current', 'mizan-search'].forEach((n) => setCustomHighlight(n, [])),
    [],
  );

  useEffect(() => {
    if (!searchQuery || !canSearchMatches || view !== 'text') return;
    let live = true;
    api['search.matches']({ id: articleId, query: searchQuery }).then(
      (found) => {
        const root = bodyRef.current;
        if (!live || !root) return;
        const ranges = found.body
          .map(([from, to]) => rangeOfOffsets(root, from, to))
          .filter((r): r is Range => r !== null);
        setCustomHighlight('mizan-search', ranges);
        if (ranges[0] && !focusHighlightId) ranges[0].startContainer.parentElement?.scrollIntoView({ block: 'center' });
      },
      () => undefined,
    );
    return () => {
      live = false;
      setCustomHighlight('mizan-search', []);
    };
  }, [api, bodyRef, articleId, searchQuery, view, focusHighlightId, highlights]);
}
