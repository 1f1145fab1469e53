import { useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useExportWords } from '../i18nExport';
import { fileSize } from '../text/format';
import { uploadBundle, type PickedFile } from '../transport';
import { isAbortError } from '../uploadRequest';

/** Where an upload is: bytes going out (cancellable), or all sent and being checked by the host. */
type Sending = { phase: 'sending'; sent: number; total: number } | { phase: 'checking' };

/**
 * In the web host's settings: replace the library by a bundle file picked
 * from this computer, after a confirmation that says the current library is
 * kept. The host checks the bundle before it touches the library; its answer
 * (or the check that failed, naming the file) is shown in `onStatus`. The
 * whole library changes, so the page starts again afterwards (`onReplaced`).
 * While the bytes go out a bar shows them and the upload can be cancelled
 * (the host keeps nothing of it); once all are sent, the host checks them.
 */
export function BundleUpload({
  busy,
  act,
  onReplaced,
}: {
  busy: boolean;
  /** Runs the work with the section's busy state; what it returns (or its error) becomes the status line. */
  act(work: () => Promise<string>): Promise<void>;
  onReplaced(): void;
}) {
  const { locale } = useI18n();
  const x = useExportWords();
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const cancel = useRef<AbortController | null>(null);

  const replace = (file: PickedFile) =>
    act(async () => {
      const controller = new AbortController();
      cancel.current = controller;
      setSending({ phase: 'sending', sent: 0, total: file.size });
      try {
        await uploadBundle(
          file,
          { tooLarge: (name, limit) => x.bundleTooLarge(name, fileSize(limit, locale)) },
          undefined,
          {
            sent: (sent, total) => setSending({ phase: 'sending', sent, total }),
            allSent: () => setSending({ phase: 'checking' }),
            signal: controller.signal,
          },
        );
      } catch (error) {
        if (isAbortError(error)) return x.bundleUploadCancelled(file.name);
        throw error;
      } finally {
        cancel.current = null;
        setSending(null);
        setPicked(null);
        if (input.current) input.current.value = '';
      }
      onReplaced();
      return x.restored;
    });

  return (
    <div className="bundle-upload">
      <p className="muted">{x.bundleUploadHint}</p>
      <p>
        <input
          ref={input}
          type="file"
          accept=".zip,.mizan-bundle,application/zip"
          hidden
          data-testid="bundle-file"
          onChange={(event) => setPicked(event.currentTarget.files?.[0] ?? null)}
        />
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="bundle-upload"
          onClick={() => input.current?.click()}
        >
          {x.bundleUpload}
        </button>
      </p>
      {picked ? (
        <div className="backup-confirm" role="group" aria-label={x.bundleUpload}>
          {sending?.phase !== 'checking' ? (
            <span>{busy ? x.bundleUploading(picked.name) : x.bundleUploadConfirm(picked.name)}</span>
          ) : null}{' '}
          {sending ? (
            <UploadProgress sending={sending} name={picked.name} onCancel={() => cancel.current?.abort()} />
          ) : (
            <>
              <button
                type="button"
                className="button button-small button-danger"
                disabled={busy}
                data-testid="bundle-upload-yes"
                onClick={() => void replace(picked)}
              >
                {x.bundleUploadYes}
              </button>{' '}
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                onClick={() => {
                  setPicked(null);
                  if (input.current) input.current.value = '';
                }}
              >
                {x.cancel}
              </button>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** The bar of bytes sent with its cancel button; then, full, while the host checks (no longer cancellable). */
function UploadProgress({ sending, name, onCancel }: { sending: Sending; name: string; onCancel(): void }) {
  const { locale } = useI18n();
  const x = useExportWords();
  if (sending.phase === 'checking')
    return (
      <p className="bundle-progress" role="status">
        <progress
          className="progress"
          max={1}
          value={1}
          aria-label={x.bundleChecking(name)}
          data-testid="bundle-progress"
        />{' '}
        <span data-testid="bundle-checking">{x.bundleChecking(name)}</span>
      </p>
    );
  const label = x.bundleSent(fileSize(sending.sent, locale), fileSize(sending.total, locale));
  return (
    <p className="bundle-progress" role="status">
      <progress
        className="progress"
        max={Math.max(sending.total, 1)}
        value={sending.sent}
        aria-label={x.bundleUploading(name)}
        aria-valuetext={label}
        data-testid="bundle-progress"
      />{' '}
      <span data-testid="bundle-sent">{label}</span>{' '}
      <button type="button" className="button button-small" onClick={onCancel} data-testid="bundle-upload-cancel">
        {x.cancel}
      </button>
    </p>
  );
}
