/**
 * Export PDF / HTML as jobs (the app's progress bars, with cancel), a
 * download of the result, and a preview: the offline HTML dossier in an
 * iframe sandboxed without `allow-scripts` or `allow-same-origin`, so
 * nothing in the dossier runs, let alone in the app's origin. (A `srcdoc`
 * works the same in the web host and in Electron: no URL to allow.)
 */
import { useEffect, useState } from 'react';
import type { DossierExportResult, DossierInfo, Progress } from '../../../../preload/contract';
import { useI18n } from '../../i18n';
import type { Label } from '../../text/said';

export type RunJob = <T>(
  kind: string,
  /** Said again in the current language on the bar and in the activity log. */
  label: Label,
  work: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<T>,
) => Promise<T>;

interface Exported {
  kind: 'pdf' | 'html';
  url: string;
  name: string;
  pages: number | null;
  bytes: number;
}

function bytesOf(result: DossierExportResult): Uint8Array {
  const binary = atob(result.contentBase64 ?? '');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file name from the title: letters of any script kept, the rest dashes. */
function fileName(title: string, ext: string): string {
  const base =
    title
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'dossier';
  return `${base}.${ext}`;
}

export interface DossierExportProps {
  dossier: DossierInfo;
  runJob: RunJob;
  exportFile(
    kind: 'pdf' | 'html',
    signal: AbortSignal,
    onProgress: (p: Progress) => void,
  ): Promise<DossierExportResult>;
}

export function DossierExport({ dossier, runJob, exportFile }: DossierExportProps) {
  const { ds, formatNumber, locale } = useI18n();
  const [exported, setExported] = useState<Exported | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => (exported ? URL.revokeObjectURL(exported.url) : undefined), [exported]);

  const run = async (kind: 'pdf' | 'html', show: boolean) => {
    setBusy(true);
    try {
      const label: Label = { key: 'exportDossier', params: [dossier.title] };
      const result = await runJob(`export-${kind}`, label, (signal, onProgress) =>
        exportFile(kind, signal, onProgress),
      );
      const bytes = bytesOf(result);
      if (show) {
        setPreview(new TextDecoder().decode(bytes));
        return;
      }
      const type = kind === 'pdf' ? 'application/pdf' : 'text/html';
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
      setExported({ kind, url, name: fileName(dossier.title, kind), pages: result.pages, bytes: result.bytes });
    } finally {
      setBusy(false);
    }
  };

  const size = exported
    ? new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: exported.bytes >= 1e6 ? 'megabyte' : 'kilobyte',
        maximumFractionDigits: 1,
      }).format(exported.bytes / (exported.bytes >= 1e6 ? 1e6 : 1e3))
    : '';
  const disabled = busy || dossier.items.length === 0;
  return (
    <div className="dossier-export">
      <div className="dossier-export-actions" role="group" aria-label={`${ds.exportPdf} / ${ds.exportHtml}`}>
        <button
          type="button"
          className="button"
          disabled={disabled}
          data-testid="dossier-export-pdf"
          onClick={() => void run('pdf', false).catch(() => undefined)}
        >
          {ds.exportPdf}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          data-testid="dossier-export-html"
          onClick={() => void run('html', false).catch(() => undefined)}
        >
          {ds.exportHtml}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          data-testid="dossier-preview"
          onClick={() => void run('html', true).catch(() => undefined)}
        >
          {ds.preview}
        </button>
      </div>
      {exported ? (
        <p className="dossier-exported" role="status">
          <a
            className="button button-small"
            href={exported.url}
            download={exported.name}
            data-testid="dossier-download"
          >
            {ds.download} <bdi>{exported.name}</bdi>
          </a>{' '}
          <span className="muted">
            {ds.exported(exported.pages !== null ? formatNumber(exported.pages) : null, size)}
          </span>
        </p>
      ) : null}
      {preview !== null ? (
        <div className="dossier-preview">
          <div className="dossier-preview-bar">
            <span className="muted">{ds.previewNote}</span>
            <button type="button" className="button button-small" onClick={() => setPreview(null)}>
              {ds.closePreview}
            </button>
          </div>
          <iframe
            title={ds.previewLabel}
            sandbox=""
            srcDoc={preview}
            referrerPolicy="no-referrer"
            data-testid="dossier-preview-frame"
          />
        </div>
      ) : null}
    </div>
  );
}
