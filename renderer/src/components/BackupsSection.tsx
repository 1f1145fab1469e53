import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../preload/contract';
import { toShownError, useApi } from '../api';
import { prepareBundleDownload, type PreparedDownload } from '../transport';
import { BundleUpload } from './BundleUpload';
import { useI18n } from '../i18n';
import { useExportWords } from '../i18nExport';
import { dateTime, fileSize } from '../text/format';

/**
 * The library's backups, newest first, in the settings: make one now, or
 * restore one after a confirmation that says the current library is kept.
 * A restore replaces the whole library, so the page reloads afterwards.
 * In the web host the library also goes out and comes in as a bundle file.
 */
export function BackupsSection({ onRestored }: { onRestored(): void }) {
  const { api, transportKind } = useApi();
  const { locale } = useI18n();
  const x = useExportWords();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [bundle, setBundle] = useState<PreparedDownload | null>(null);

  const load = useCallback(async () => {
    try {
      setBackups(await api['library.listBackups']({}));
    } catch (error) {
      setStatus(toShownError(error).message);
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus(toShownError(error).message);
    } finally {
      setBusy(false);
    }
  };
  const size = (bytes: number) => fileSize(bytes, locale);

  return (
    <section className="backups" aria-labelledby="backups-title" data-testid="backups">
      <h3 id="backups-title">{x.backups}</h3>
      <p className="muted">{x.backupsHint}</p>
      <p>
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="backup-now"
          onClick={() =>
            void act(async () => {
              await api['library.backupNow']({});
              await load();
              return x.backupMade;
            })
          }
        >
          {x.backupNow}
        </button>
      </p>
      {transportKind === 'http' ? (
        <div className="bundle-download">
          <p className="muted">{x.bundleHint}</p>
          <p>
            <button
              type="button"
              className="button"
              disabled={busy}
              data-testid="bundle-prepare"
              onClick={() =>
                void act(async () => {
                  setBundle(null);
                  setBundle(await prepareBundleDownload());
                  return '';
                })
              }
            >
              {x.bundle}
            </button>{' '}
            {bundle ? (
              <span>
                {x.bundleReady(size(bundle.bytes))} {/* One-time address: the link is gone once the file is fetched. */}
                <a
                  href={bundle.url}
                  download={bundle.fileName}
                  data-testid="bundle-download"
                  onClick={() => setTimeout(() => setBundle(null), 0)}
                >
                  <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {bundle.fileName}
                  </bdi>
                </a>
              </span>
            ) : null}
          </p>
          <BundleUpload busy={busy} act={act} onReplaced={onRestored} />
        </div>
      ) : null}
      {status ? (
        <p role="status" data-testid="backups-status">
          {status}
        </p>
      ) : null}
      {backups && backups.length === 0 ? <p className="muted">{x.noBackups}</p> : null}
      {backups && backups.length > 0 ? (
        <ul className="backup-list">
          {backups.map((b) => (
            <li key={b.name} data-testid="backup-row">
              <span>
                <time dateTime={b.createdAt}>{dateTime(b.createdAt, locale)}</time> · {x.reasons[b.reason]} ·{' '}
                <span dir="ltr">{size(b.bytes)}</span>
              </span>{' '}
              {confirming === b.name ? (
                <div className="backup-confirm" role="group" aria-label={x.restore}>
                  <span>{x.restoreConfirm(dateTime(b.createdAt, locale))}</span>{' '}
                  <button
                    type="button"
                    className="button button-small button-danger"
                    disabled={busy}
                    data-testid="restore-yes"
                    onClick={() =>
                      void act(async () => {
                        await api['library.restoreBackup']({ name: b.name });
                        setConfirming(null);
                        onRestored();
                        return x.restored;
                      })
                    }
                  >
                    {x.restoreYes}
                  </button>{' '}
                  <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                    {x.cancel}
                  </button>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  data-testid="restore"
                  aria-label={`${x.restore} ${dateTime(b.createdAt, locale)}`}
                  onClick={() => setConfirming(b.name)}
                >
                  {x.restore}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
