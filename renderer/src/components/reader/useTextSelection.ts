import { useCallback, useEffect, useState, type RefObject } from 'react';
import { offsetOfPoint } from '../../text/anchors';

/** A selection in the text as body offsets, and where it is on screen (for the toolbar over it). */
export interface Selected {
  start: number;
  end: number;
  rect: { top: number; left: number; bottom: number; right: number };
}

/**
 * The selection inside the text, as body offsets, followed on mouseup/keyup
 * (call `read`) and on selectionchange (debounced: a drag fires many).
 */
export function useTextSelection(bodyRef: RefObject<HTMLDivElement | null>) {
  const [selected, setSelected] = useState<Selected | null>(null);
  const read = useCallback(() => {
    const root = bodyRef.current;
    const selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      setSelected(null);
      return;
    }
    const range = selection.getRangeAt(0);
    const a = offsetOfPoint(root, range.startContainer, range.startOffset);
    const b = offsetOfPoint(root, range.endContainer, range.endOffset);
    if (a === null || b === null || a === b) {
      setSelected(null);
      return;
    }
    const r = range.getBoundingClientRect();
    setSelected({
      start: Math.min(a, b),
      end: Math.max(a, b),
      rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right },
    });
  }, [bodyRef]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(read, 120);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      if (timer) clearTimeout(timer);
    };
  }, [read]);

  return { selected, setSelected, read };
}
