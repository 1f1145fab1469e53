import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useUiStore } from '../../state/useUi';

/**
 * Puts the reader pane back where the user left this article (unless it was
 * opened at a highlight) and remembers the place as a fraction of the scroll
 * room. `onRestored` is told when a place was restored (it is announced).
 */
export function useReadingPosition(
  scrollRef: RefObject<HTMLElement | null>,
  articleId: number,
  focusHighlightId: number | null,
  onRestored: () => void,
): void {
  const store = useUiStore();
  const restored = useRef(false);
  useLayoutEffect(() => {
    const pane = scrollRef.current;
    if (!pane || restored.current) return;
    restored.current = true;
    if (focusHighlightId !== null) return;
    const fraction = store.position(articleId);
    if (fraction !== undefined && fraction > 0.001) {
      pane.scrollTop = fraction * Math.max(0, pane.scrollHeight - pane.clientHeight);
      onRestored();
    } else pane.scrollTop = 0;
  }, [scrollRef, store, articleId, focusHighlightId, onRestored]);

  useEffect(() => {
    const pane = scrollRef.current;
    if (!pane) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const room = pane.scrollHeight - pane.clientHeight;
        store.setPosition(articleId, room > 0 ? pane.scrollTop / room : 0);
      }, 250);
    };
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      pane.removeEventListener('scroll', onScroll);
      if (timer) clearTimeout(timer);
    };
  }, [scrollRef, store, articleId]);
}
