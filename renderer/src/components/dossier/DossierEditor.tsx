/**
 * One dossier: its details, its items grouped by section, a note to add,
 * export and preview. Every change goes through `dossier.*` and shows the
 * dossier as the core returns it, so the screen never drifts from what is
 * stored.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DossierInfo, DossierItemInfo, DossierSectionInfo } from '../../../../preload/contract';
import { toShownError, useApi, type ShownError } from '../../api';
import { useI18n } from '../../i18n';
import { DossierExport, type RunJob } from './DossierExport';
import { DossierItems } from './DossierItems';
import { DossierMetadataForm, type MetadataPatch } from './DossierMetadataForm';
import type { MoveTarget } from './dossierOrder';

export interface DossierEditorProps {
  dossierId: number;
  runJob: RunJob;
  onChanged(): void;
  onDeleted(dossier: DossierInfo): void;
  onError(context: string, error: unknown): void;
  onSaved(message: string): void;
}

export function DossierEditor({ dossierId, runJob, onChanged, onDeleted, onError, onSaved }: DossierEditorProps) {
  const { api } = useApi();
  const { ds, t, formatNumber } = useI18n();
  const [dossier, setDossier] = useState<DossierInfo | null>(null);
  const [loadError, setLoadError] = useState<ShownError | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [note, setNote] = useState({ title: '', body: '' });

  useEffect(() => {
    let live = true;
    api['dossier.get']({ id: dossierId }).then(
      (d) => live && setDossier(d),
      (e: unknown) => live && setLoadError(toShownError(e)),
    );
    return () => {
      live = false;
    };
  }, [api, dossierId]);

  /** Runs a change and shows the dossier it returns; a failure is reported and the stored state reloaded. */
  const change = useCallback(
    async (context: string, call: () => Promise<DossierInfo>) => {
      try {
        setDossier(await call());
        onChanged();
      } catch (error) {
        onError(context, error);
        setDossier(await api['dossier.get']({ id: dossierId }).catch(() => null));
      }
    },
    [api, dossierId, onChanged, onError],
  );

  if (loadError) return <p className="error-text">{`${t.errorNames[loadError.code]}: ${loadError.message}`}</p>;
  if (!dossier) return <p className="muted">{t.loading}</p>;
  const id = dossier.id;

  const sectionOrder = (section: DossierSectionInfo, delta: -1 | 1): number[] => {
    const ids = dossier.sections.map((s) => s.id);
    const at = ids.indexOf(section.id);
    const other = at + delta;
    if (other < 0 || other >= ids.length) return ids;
    [ids[at], ids[other]] = [ids[other]!, ids[at]!];
    return ids;
  };

  return (
    <div className="dossier-editor" data-testid="dossier-editor" data-dossier-id={id}>
      <header className="dossier-editor-header">
        <h2 className="dossier-editor-title">
          <bdi>{dossier.title}</bdi>
        </h2>
        <span className="muted">{ds.itemCount(formatNumber(dossier.itemCount), dossier.itemCount)}</span>
        {confirmDelete ? (
          <span className="dossier-confirm" role="alert" data-testid="dossier-delete-confirm">
            {ds.confirmDelete(dossier.title)}{' '}
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="dossier-delete-yes"
              onClick={() =>
                void api['dossier.delete']({ id }).then(
                  () => onDeleted(dossier),
                  (e: unknown) => onError(ds.deleteDossier, e),
                )
              }
            >
              {ds.deleteDossier}
            </button>{' '}
            <button
              type="button"
              className="button button-small"
              data-testid="dossier-delete-no"
              autoFocus
              onClick={() => setConfirmDelete(false)}
            >
              {ds.keepDossier}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="button button-small button-danger"
            data-testid="dossier-delete"
            onClick={() => setConfirmDelete(true)}
          >
            {ds.deleteDossier}
          </button>
        )}
      </header>
      {/* The side column: what the document is called and how it is exported; the outline is the page. */}
      <aside className="dossier-side" aria-label={ds.metadata}>
        <DossierMetadataForm
          dossier={dossier}
          onSave={(patch: MetadataPatch) =>
            change(ds.metadata, () => api['dossier.update']({ id, ...patch })).then(() => onSaved(ds.saved))
          }
        />
        <DossierExport
          dossier={dossier}
          runJob={runJob}
          exportFile={(kind, signal, onProgress) =>
            api[kind === 'pdf' ? 'dossier.exportPdf' : 'dossier.exportHtml']({ dossierId: id }, { signal, onProgress })
          }
        />
      </aside>
      <div className="dossier-outline">
        <h3 className="dossier-subheading">{ds.items}</h3>
        <DossierItems
          dossier={dossier}
          onMove={(itemId, target: MoveTarget) =>
            change(ds.items, () => api['dossier.moveItem']({ id, itemId, ...target }))
          }
          onRemove={(item: DossierItemInfo) =>
            change(ds.remove, () => api['dossier.removeItem']({ id, itemId: item.id }))
          }
          onAddSection={(title) => change(ds.addSection, () => api['dossier.addSection']({ id, title }))}
          onRenameSection={(section, title) =>
            change(ds.renameSection, () => api['dossier.renameSection']({ id, sectionId: section.id, title }))
          }
          onDeleteSection={(section) =>
            change(ds.deleteSection, () => api['dossier.deleteSection']({ id, sectionId: section.id }))
          }
          onMoveSection={(section, delta) =>
            change(ds.sections, () => api['dossier.reorderSections']({ id, sectionIds: sectionOrder(section, delta) }))
          }
        />
        <form
          className="dossier-note"
          aria-label={ds.addNote}
          onSubmit={(e) => {
            e.preventDefault();
            const body = note.body.trim();
            if (!body) return;
            void change(ds.addNote, async () => {
              const created = await api['notes.create']({ articleId: null, title: note.title.trim() || null, body });
              // A new note goes at the end of the dossier (the last section).
              const last = dossier.sections[dossier.sections.length - 1];
              return api['dossier.addItems']({
                id,
                items: [{ kind: 'note', id: created.id }],
                sectionId: last?.id ?? null,
              });
            }).then(() => setNote({ title: '', body: '' }));
          }}
        >
          <h3 className="dossier-subheading">{ds.addNote}</h3>
          <label className="field">
            <span className="field-label">{ds.noteTitle}</span>
            <input
              value={note.title}
              dir="auto"
              data-testid="dossier-note-title"
              onChange={(e) => setNote({ ...note, title: e.currentTarget.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{ds.noteBody}</span>
            <textarea
              value={note.body}
              dir="auto"
              rows={3}
              data-testid="dossier-note-body"
              onChange={(e) => setNote({ ...note, body: e.currentTarget.value })}
            />
          </label>
          <button type="submit" className="button" disabled={!note.body.trim()} data-testid="dossier-add-note">
            {ds.addNote}
          </button>
        </form>
      </div>
    </div>
  );
}
