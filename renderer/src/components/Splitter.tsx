import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** Inline size of the pane before the splitter, in CSS pixels. */
  size: number;
  min: number;
  max: number;
  /** In a right-to-left chrome the first pane is on the right: dragging left grows it. */
  dir: 'ltr' | 'rtl';
  label: string;
  onResize(size: number): void;
}

export function Splitter({ size, min, max, dir, label, onResize }: SplitterProps) {
  const drag = useRef<{ x: number; size: number } | null>(null);
  const clamp = (n: number) => Math.round(Math.max(min, Math.min(max, n)));
  const sign = dir === 'rtl' ? -1 : 1;

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    drag.current = { x: event.clientX, size };
    event.currentTarget.setPointerCapture(event.pointerId);
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    onResize(clamp(drag.current.size + sign * (event.clientX - drag.current.x)));
  }
  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    drag.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? 64 : 16;
    if (event.key === 'ArrowLeft') onResize(clamp(size - sign * step));
    else if (event.key === 'ArrowRight') onResize(clamp(size + sign * step));
    else return;
    event.preventDefault();
  }

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={size}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
