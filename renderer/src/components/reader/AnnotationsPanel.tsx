import { useState } from 'react';
import type { Article, Highlight as Annotation, Note } from '../../../../preload/contract';
import { highlightColors } from '../../../../preload/contract/lists';
import { useApi } from '../../api';
import { useI18n } from '../../i18n';
import { directionOf } from '../../../../common/text/direction';
import { NoteField } from './NoteField';
import type { Selected } from './useTextSelection';

interface PanelProps {
  article: Article;
  highlights: Annotation[];
  notes: Note[];
  selection: Selected | null;
  focusNote: number | null;
  onFocusedNote(): void;
  onGoTo(id: number): void;
  onChanged(): void;
  onError(context: string, error: unknown): void;
  onAddToDossier(items: { kind: 'highlight'; id: number }[]): void;
}

/** Beside the text: every highlight with its status, note and actions, then the notes on the article. */
export function AnnotationsPanel({
  article,
  highlights,
  notes,
  selection,
  focusNote,
  onFocusedNote,
  onGoTo,
  onChanged,
  onError,
  onAddToDossier,
}: PanelProps) {
  const { api } = useApi();
  const { w, lang: uiLang, dir: uiDir } = useI18n();
  const [draft, setDraft] = useState('');
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChanged();
    } catch (error) {
      onError(w.highlightsPanel, error);
    }
  };
  return (
    <aside
      className="annotations"
      aria-label={w.highlightsPanel}
      dir={uiDir}
      lang={uiLang}
      data-testid="annotations-panel"
    >
      <h2 className="panel-title">{w.highlightsPanel}</h2>
      {highlights.length === 0 ? <p className="panel-empty">{w.noHighlights}</p> : null}
      <ul className="annotation-list">
        {highlights.map((h) => (
          <li
            key={h.id}
            className={`annotation status-${h.status}`}
            data-testid="annotation"
            data-status={h.status}
            data-highlight-id={h.id}
          >
            <div className="annotation-head">
              <span className={`dot hl-${h.color}`} aria-hidden="true" />
              <span
                className={`status-badge status-${h.status}`}
                title={w.statusHelp[h.status]}
                data-testid="anchor-status"
              >
                {w.status[h.status]}
              </span>
              <span className="toolbar-spacer" />
              {h.start !== null ? (
                <button type="button" className="link-button" onClick={() => onGoTo(h.id)}>
                  {w.goTo}
                </button>
              ) : null}
            </div>
            <blockquote className="annotation-quote" lang={article.lang} dir={directionOf(h.quote, article.dir)}>
              {h.quote}
            </blockquote>
            {h.status !== 'anchored' ? <p className="annotation-help muted">{w.statusHelp[h.status]}</p> : null}
            <NoteField
              initial={h.note ?? ''}
              autoFocus={focusNote === h.id}
              onFocused={onFocusedNote}
              label={`${w.note}: ${h.quote.slice(0, 40)}`}
              onSave={(note) =>
                run(() => api['highlights.update']({ id: h.id, note: note.trim() === '' ? null : note }))
              }
            />
            <div className="annotation-actions">
              <div className="swatches" role="group" aria-label={w.highlight}>
                {highlightColors.map((color) => (
                  <button
                    key={color}
                    type="button"
                    className={`swatch swatch-small swatch-${color}`}
                    aria-label={w.highlightIn(w.colorNames[color])}
                    aria-pressed={h.color === color}
                    onClick={() => void run(() => api['highlights.update']({ id: h.id, color }))}
                  />
                ))}
              </div>
              {h.status === 'moved' && h.start !== null && h.end !== null ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() =>
                    void run(() => api['highlights.update']({ id: h.id, range: { start: h.start!, end: h.end! } }))
                  }
                  data-testid="accept-position"
                >
                  {w.acceptPosition}
                </button>
              ) : null}
              {h.status === 'orphaned' && selection ? (
                <button
                  type="button"
                  className="button button-small"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() =>
                    void run(() =>
                      api['highlights.update']({ id: h.id, range: { start: selection.start, end: selection.end } }),
                    )
                  }
                >
                  {w.reattach}
                </button>
              ) : null}
              <button
                type="button"
                className="link-button"
                onClick={() => onAddToDossier([{ kind: 'highlight', id: h.id }])}
              >
                {w.addToDossier}
              </button>
              <button
                type="button"
                className="icon-button icon-small danger"
                aria-label={w.deleteHighlight}
                title={w.deleteHighlight}
                onClick={() => void run(() => api['highlights.delete']({ id: h.id }))}
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ul>

      <h2 className="panel-title">{w.articleNotes}</h2>
      <ul className="annotation-list">
        {notes.map((n) => (
          <li key={n.id} className="annotation" data-testid="article-note">
            <NoteField
              initial={n.body}
              label={w.note}
              onSave={(body) =>
                run(() =>
                  body.trim() === '' ? api['notes.delete']({ id: n.id }) : api['notes.update']({ id: n.id, body }),
                )
              }
            />
            <div className="annotation-actions">
              <span className="toolbar-spacer" />
              <button
                type="button"
                className="icon-button icon-small danger"
                aria-label={w.delete}
                title={w.delete}
                onClick={() => void run(() => api['notes.delete']({ id: n.id }))}
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="note-new"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim() === '') return;
          void run(() => api['notes.create']({ articleId: article.id, body: draft })).then(() => setDraft(''));
        }}
      >
        <textarea
          className="text-area"
          aria-label={w.addNote}
          placeholder={w.notePlaceholder}
          value={draft}
          dir="auto"
          rows={2}
          onChange={(e) => setDraft(e.currentTarget.value)}
          data-testid="new-note"
        />
        <button type="submit" className="button button-small" disabled={draft.trim() === ''}>
          {w.addNote}
        </button>
      </form>
    </aside>
  );
}
