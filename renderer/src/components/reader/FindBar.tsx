import type { Dispatch, RefObject, SetStateAction } from 'react';
import { useI18n } from '../../i18n';

export interface FindState {
  open: boolean;
  query: string;
  current: number;
}

interface FindBarProps {
  find: FindState;
  setFind: Dispatch<SetStateAction<FindState>>;
  matches: readonly { start: number; end: number }[];
  currentMatch: number;
  inputRef: RefObject<HTMLInputElement | null>;
  bodyRef: RefObject<HTMLDivElement | null>;
  onHighlight(match: { start: number; end: number }, withNote: boolean): void;
}

/** Find in the article (Ctrl/⌘+F): count, previous/next, highlight the match (Alt+H from the box). */
export function FindBar({ find, setFind, matches, currentMatch, inputRef, bodyRef, onHighlight }: FindBarProps) {
  const { t, w, dir: uiDir, formatNumber } = useI18n();
  return (
    <div className="find-bar" role="search" aria-label={w.find} data-testid="find-bar">
      <input
        ref={inputRef}
        className="text-input"
        type="search"
        aria-label={w.find}
        placeholder={w.findPlaceholder}
        value={find.query}
        dir="auto"
        onChange={(e) => setFind({ open: true, query: e.currentTarget.value, current: 0 })}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (matches.length > 0)
              setFind((f) => ({
                ...f,
                current: (currentMatch + (e.shiftKey ? matches.length - 1 : 1)) % matches.length,
              }));
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setFind((f) => ({ ...f, open: false }));
            bodyRef.current?.focus();
          } else if ((e.key === 'h' || e.key === 'H') && e.altKey && currentMatch >= 0) {
            e.preventDefault();
            onHighlight(matches[currentMatch]!, e.shiftKey);
          }
        }}
        data-testid="find-input"
      />
      <span className="find-count" aria-live="polite" data-testid="find-count">
        {find.query.trim() === ''
          ? ''
          : matches.length === 0
            ? w.findNone
            : w.findCount(formatNumber(currentMatch + 1), formatNumber(matches.length))}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={w.findPrev}
        disabled={matches.length === 0}
        onClick={() => setFind((f) => ({ ...f, current: (currentMatch - 1 + matches.length) % matches.length }))}
      >
        <span aria-hidden="true">{uiDir === 'rtl' ? '↓' : '↑'}</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={w.findNext}
        disabled={matches.length === 0}
        onClick={() => setFind((f) => ({ ...f, current: (currentMatch + 1) % matches.length }))}
      >
        <span aria-hidden="true">{uiDir === 'rtl' ? '↑' : '↓'}</span>
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={currentMatch < 0}
        onClick={() => onHighlight(matches[currentMatch]!, false)}
        data-testid="find-highlight"
      >
        {w.highlight}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t.close}
        onClick={() => setFind((f) => ({ ...f, open: false }))}
      >
        ×
      </button>
    </div>
  );
}
