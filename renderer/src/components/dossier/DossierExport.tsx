/**
 * Export PDF / HTML as jobs (the app's progress bars, with cancel), a
 * download of the result, and a preview: the offline HTML dossier, served
 * by the host at a URL of its own (the web host's /dossier-preview/ID,
 * Electron's mizan-dossier://dossier/ID) with a CSP of its own that lets
 * its inline script run and nothing else, in an iframe sandboxed with
 * `allow-scripts` only (an opaque origin: the script cannot reach the app).
 * So the dossier's search works in the preview as in the saved file.
 */
import { useEffect, useState } from 'react';
import type { DossierExportResult, DossierInfo, Progress } from '../../../../preload/contract';
import { useApi } from '../../api';
import { useI18n } from '../../i18n';
import type { Label } from '../../text/said';
import { fileSize } from '../../text/format';
import type { TransportKind } from '../../transport';

/** Where the host serves a dossier's preview; `version` makes each opening a fresh export. */
export function dossierPreviewUrl(kind: TransportKind, dossierId: number, version: number): string {
  return kind === 'electron'
    ? `mizan-dossier://dossier/${dossierId}?v=${version}`
    : `/dossier-preview/${dossierId}?v=${version}`;
}

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
  const { transportKind } = useApi();
  const [exported, setExported] = useState<Exported | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [previews, setPreviews] = useState(0);
  const [busy, setBusy] = useState(false);
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => (exported ? URL.revokeObjectURL(exported.url) : undefined), [exported]);

  const showPreview = () => {
    setPreviews(previews + 1);
    setPreview(dossierPreviewUrl(transportKind, dossier.id, previews + 1));
  };

  const run = async (kind: 'pdf' | 'html') => {
    setBusy(true);
    try {
      const label: Label = { key: 'exportDossier', params: [dossier.title] };
      const result = await runJob(`export-${kind}`, label, (signal, onProgress) =>
        exportFile(kind, signal, onProgress),
      );
      const bytes = bytesOf(result);
      const type = kind === 'pdf' ? 'application/pdf' : 'text/html';
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
      setExported({ kind, url, name: fileName(dossier.title, kind), pages: result.pages, bytes: result.bytes });
    } finally {
      setBusy(false);
    }
  };

  const size = exported ? fileSize(exported.bytes, locale) : '';
  const disabled = busy || dossier.items.length === 0;
  return (
    <div className="dossier-export">
      <div className="dossier-export-actions" role="group" aria-label={`${ds.exportPdf} / ${ds.exportHtml}`}>
        <button
          type="button"
          className="button"
          disabled={disabled}
          data-testid="dossier-export-pdf"
          onClick={() => void run('pdf').catch(() => undefined)}
        >
          {ds.exportPdf}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          data-testid="dossier-export-html"
          onClick={() => void run('html').catch(() => undefined)}
        >
          {ds.exportHtml}
        </button>
        <button
          type="button"
          className="button"
          disabled={disabled}
          data-testid="dossier-preview"
          onClick={showPreview}
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
            key={preview}
            title={ds.previewLabel}
            sandbox="allow-scripts"
            src={preview}
            referrerPolicy="no-referrer"
            data-testid="dossier-preview-frame"
          />
        </div>
      ) : null}
    </div>
  );
}
