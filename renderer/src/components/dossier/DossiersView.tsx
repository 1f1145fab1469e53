/**
 * The Dossiers view: the list of dossiers beside the editor of the chosen
 * one. It takes the place of the library's panes; "Back to the library"
 * (or Escape on the list) returns.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DossierSummary } from '../../../../preload/contract';
import { useApi } from '../../api';
import { useI18n } from '../../i18n';
import type { RunJob } from './DossierExport';
import { DossierEditor } from './DossierEditor';
import '../../styles/dossier.css';

export interface DossiersViewProps {
  runJob: RunJob;
  onClose(): void;
  onError(context: string, error: unknown): void;
  onToast(message: string): void;
  /** A dossier to show first (a mizan://dossier/N link); the list's first otherwise. */
  openId?: number | null;
}

export function DossiersView({ runJob, onClose, onError, onToast, openId = null }: DossiersViewProps) {
  const { api } = useApi();
  const { ds, formatNumber } = useI18n();
  const [dossiers, setDossiers] = useState<DossierSummary[] | null>(null);
  const [selected, setSelected] = useState<number | null>(openId);
  // A link followed while the view is already open selects its dossier.
  useEffect(() => {
    if (openId !== null) setSelected(openId);
  }, [openId]);
  const [title, setTitle] = useState('');

  const reload = useCallback(() => {
    api['dossier.list']({}).then(
      (list) => {
        setDossiers(list);
        setSelected((current) =>
          current !== null && list.some((d) => d.id === current) ? current : (list[0]?.id ?? null),
        );
      },
      (error: unknown) => onError(ds.dossiers, error),
    );
  }, [api, onError, ds.dossiers]);
  useEffect(reload, [reload]);

  return (
    <main className="main dossiers-view" data-testid="dossiers-view">
      <nav className="dossiers-list" aria-label={ds.dossiers}>
        <div className="dossiers-list-header">
          <h2>{ds.dossiers}</h2>
          <button type="button" className="button button-small" onClick={onClose} data-testid="dossiers-close">
            {ds.backToLibrary}
          </button>
        </div>
        <form
          className="dossiers-new"
          onSubmit={(e) => {
            e.preventDefault();
            const name = title.trim();
            if (!name) return;
            void api['dossier.create']({ title: name }).then(
              (created) => {
                setTitle('');
                setSelected(created.id);
                reload();
              },
              (error: unknown) => onError(ds.newDossier, error),
            );
          }}
        >
          <input
            value={title}
            dir="auto"
            placeholder={ds.newDossier}
            aria-label={ds.newDossier}
            data-testid="dossier-new-title"
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" className="button" disabled={!title.trim()} data-testid="dossier-create">
            {ds.create}
          </button>
        </form>
        {dossiers && dossiers.length === 0 ? <p className="teaching muted">{ds.noDossiers}</p> : null}
        <ul
          className="dossiers-items"
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose();
          }}
        >
          {(dossiers ?? []).map((d) => (
            <li key={d.id}>
              <button
                type="button"
                className={`dossiers-entry${d.id === selected ? ' selected' : ''}`}
                aria-current={d.id === selected ? 'true' : undefined}
                data-testid="dossier-entry"
                onClick={() => setSelected(d.id)}
              >
                <bdi className="dossiers-entry-title">{d.title}</bdi>
                <span className="muted">{ds.itemCount(formatNumber(d.itemCount), d.itemCount)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="dossier-pane" aria-label={ds.metadata}>
        {selected !== null ? (
          <DossierEditor
            key={selected}
            dossierId={selected}
            runJob={runJob}
            onChanged={reload}
            onDeleted={(d) => {
              onToast(ds.deleted(d.title));
              setSelected(null);
              reload();
            }}
            onError={onError}
            onSaved={onToast}
          />
        ) : (
          <p className="teaching muted">{ds.chooseDossier}</p>
        )}
      </section>
    </main>
  );
}
