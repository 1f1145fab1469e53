import { useState } from 'react';
import type { ImportReport } from '../../../preload/contract';
import { directionOf } from '../../../common/text/direction';
import { baseName } from '../text/format';
import { useI18n } from '../i18n';
import { RETRY_ENCODINGS, type RetryEncoding } from '../i18nImport';

interface ImportReportPanelProps {
  report: ImportReport;
  onOpen(id: number): void;
  onClose(): void;
  /** Imports a file whose encoding was not recognised again, read in `encoding`; absent when the file is no longer at hand. */
  retryWithEncoding?: ((path: string, encoding: RetryEncoding) => void) | null;
  canRetry?(path: string): boolean;
}

/** "Read it as [encoding] · Import again", beside a file whose encoding was not recognised. */
function RetryEncoding({ path, onRetry }: { path: string; onRetry(path: string, encoding: RetryEncoding): void }) {
  const { t } = useI18n();
  const [encoding, setEncoding] = useState<RetryEncoding>('windows-1256');
  const id = `retry-${path.replace(/[^\p{L}\p{N}]+/gu, '-')}`;
  return (
    <span className="report-retry">
      <label htmlFor={id}>{t.tableImport.readAs}</label>
      <select
        id={id}
        data-testid="retry-encoding"
        value={encoding}
        onChange={(e) => setEncoding(e.target.value as RetryEncoding)}
      >
        {RETRY_ENCODINGS.map((e) => (
          <option key={e} value={e}>
            {t.tableImport.encodingNames[e]}
          </option>
        ))}
      </select>
      <button type="button" className="button" data-testid="retry-import" onClick={() => onRetry(path, encoding)}>
        {t.tableImport.importAgain}
      </button>
    </span>
  );
}

/** What an import did, file by file: nothing is dropped without a line here. */
export function ImportReportPanel({ report, onOpen, onClose, retryWithEncoding, canRetry }: ImportReportPanelProps) {
  const { t, formatNumber } = useI18n();
  const { imported, duplicates, errors } = report;
  return (
    <section className="import-report" data-testid="import-report" aria-labelledby="import-report-title">
      <header className="import-report-header">
        <h2 id="import-report-title">{t.importReport}</h2>
        <ul className="import-report-counts" aria-label={t.importReport}>
          <li className="count count-ok" data-testid="import-imported-count">
            <span className="count-value">{formatNumber(imported.length)}</span> {t.importedSection}
          </li>
          <li className="count count-dup" data-testid="import-duplicate-count">
            <span className="count-value">{formatNumber(duplicates.length)}</span> {t.duplicatesSection}
          </li>
          <li className={`count ${errors.length > 0 ? 'count-error' : ''}`} data-testid="import-error-count">
            <span className="count-value">{formatNumber(errors.length)}</span> {t.errorsSection}
          </li>
        </ul>
        <button type="button" className="icon-button" aria-label={t.close} title={t.close} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="import-report-body">
        {imported.length === 0 && duplicates.length === 0 && errors.length === 0 ? (
          <p className="muted">{t.nothingImported}</p>
        ) : null}
        {errors.length > 0 ? (
          <div className="report-section">
            <h3>{t.errorsSection}</h3>
            <ul className="report-list">
              {errors.map((error, i) => (
                <li
                  key={`e${i}`}
                  className="report-item report-error"
                  data-testid="import-error"
                  data-code={error.code}
                >
                  <bdi className="report-file" title={error.path}>
                    {baseName(error.path)}
                  </bdi>
                  <code className="error-code">{error.code}</code>
                  <span className="report-reason">
                    {t.errorNames[error.code]}
                    {error.message ? (
                      <>
                        {' — '}
                        <bdi>{error.message}</bdi>
                      </>
                    ) : null}
                  </span>
                  {error.code === 'IMPORT_DECODE_FAILED' && retryWithEncoding && canRetry?.(error.path) ? (
                    <RetryEncoding path={error.path} onRetry={retryWithEncoding} />
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {duplicates.length > 0 ? (
          <div className="report-section">
            <h3>{t.duplicatesSection}</h3>
            <ul className="report-list">
              {duplicates.map((dup, i) => (
                <li key={`d${i}`} className="report-item" data-testid="import-duplicate">
                  <bdi className="report-file" title={dup.path}>
                    {baseName(dup.path)}
                  </bdi>
                  <span className="muted">{t.duplicateOf}</span>
                  <button type="button" className="link-button" onClick={() => onOpen(dup.of)}>
                    <bdi className="report-title" dir={directionOf(dup.title, 'ltr')} title={dup.title}>
                      {dup.title}
                    </bdi>{' '}
                    <span className="muted">#{dup.of}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {imported.length > 0 ? (
          <div className="report-section">
            <h3>{t.importedSection}</h3>
            <ul className="report-list">
              {imported.map((item) => (
                <li key={`i${item.id}`} className="report-item" data-testid="import-imported">
                  <button type="button" className="link-button" onClick={() => onOpen(item.id)}>
                    <bdi className="report-title" dir={directionOf(item.title, 'ltr')} title={item.title}>
                      {item.title}
                    </bdi>
                  </button>
                  {item.source ? <bdi className="muted">{item.source}</bdi> : null}
                  <bdi className="report-file muted" title={item.path}>
                    {baseName(item.path)}
                  </bdi>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
