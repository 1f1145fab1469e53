import type { HighlightColor } from '../../../../preload/contract';
import { highlightColors } from '../../../../preload/contract/lists';
import { useI18n } from '../../i18n';
import type { Selected } from './useTextSelection';

/** The floating toolbar over a selection in the text: a colour, or a colour and a note. */
export function SelectionToolbar({
  rect,
  lastColor,
  onPick,
}: {
  rect: Selected['rect'];
  lastColor: HighlightColor;
  onPick(color: HighlightColor, withNote: boolean): void;
}) {
  const { w } = useI18n();
  const wanted = rect.top > 60 ? rect.top - 48 : rect.bottom + 8;
  const top = Math.max(8, Math.min(window.innerHeight - 56, wanted));
  const left = Math.max(8, Math.min(window.innerWidth - 260, (rect.left + rect.right) / 2 - 120));
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={w.highlight}
      style={{ top, left }}
      data-testid="selection-toolbar"
      // Keep the selection: buttons here must not take it away on press.
      onMouseDown={(e) => e.preventDefault()}
    >
      {highlightColors.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch swatch-${color}${color === lastColor ? ' is-last' : ''}`}
          aria-label={w.highlightIn(w.colorNames[color])}
          title={w.highlightIn(w.colorNames[color])}
          onClick={() => onPick(color, false)}
          data-testid={`highlight-${color}`}
        />
      ))}
      <button
        type="button"
        className="button button-small"
        onClick={() => onPick(lastColor, true)}
        data-testid="highlight-note"
      >
        {w.highlightWithNote}
      </button>
    </div>
  );
}
