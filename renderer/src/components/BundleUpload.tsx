import { useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useExportWords } from '../i18nExport';
import { fileSize } from '../text/format';
import { cancelUpload, uploadBundle, type PickedFile } from '../transport';
import { isAbortError } from '../uploadRequest';

/** Where an upload is: bytes going out, or all sent and being checked by the host; either can be cancelled. */
type Sending = ({ phase: 'sending'; sent: number; total: number } | { phase: 'checking' }) & { cancelling?: boolean };

/** An upload under way, and the host's answer to a cancel once one is asked. */
interface Upload {
  controller: AbortController;
  id: string;
  phase: Sending['phase'];
  cancelled: Promise<{ replaced: boolean }> | null;
}

/**
 * In the web host's settings: replace the library by a bundle file picked
 * from this computer, after a confirmation that says the current library is
 * kept. The host checks the bundle before it touches the library; its answer
 * (or the check that failed, naming the file) is shown in `onStatus`. The
 * whole library changes, so the page starts again afterwards (`onReplaced`).
 * While the bytes go out a bar shows them; until the library is replaced the
 * upload can be cancelled (the host keeps nothing of it). A cancel that
 * reaches the host after the swap is said to be too late, and the page
 * offers to open the new library.
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
  const [replacedLate, setReplacedLate] = useState(false);
  const current = useRef<Upload | null>(null);

  const replace = (file: PickedFile) =>
    act(async () => {
      const upload: Upload = {
        controller: new AbortController(),
        id: crypto.randomUUID(),
        phase: 'sending',
        cancelled: null,
      };
      current.current = upload;
      setSending({ phase: 'sending', sent: 0, total: file.size });
      let failure: unknown = null;
      try {
        await uploadBundle(
          file,
          { tooLarge: (name, limit) => x.bundleTooLarge(name, fileSize(limit, locale)) },
          undefined,
          {
            sent: (sent, total) => setSending((s) => ({ ...s, phase: 'sending', sent, total })),
            allSent: () => {
              upload.phase = 'checking';
              setSending((s) => ({ cancelling: s?.cancelling, phase: 'checking' }));
            },
            signal: upload.controller.signal,
            id: upload.id,
          },
        );
      } catch (error) {
        failure = error;
      } finally {
        current.current = null;
        setSending(null);
        setPicked(null);
        if (input.current) input.current.value = '';
      }
      if (upload.cancelled) {
        // The host says whether the cancel came before the swap (if it cannot be asked, the upload's own answer does).
        const { replaced } = await upload.cancelled.catch(() => ({ replaced: failure === null }));
        if (!replaced) return x.bundleUploadCancelled(file.name);
        setReplacedLate(true);
        return x.bundleCancelTooLate(file.name);
      }
      if (failure !== null) {
        if (isAbortError(failure)) return x.bundleUploadCancelled(file.name);
        throw failure;
      }
      onReplaced();
      return x.restored;
    });

  const cancel = () => {
    const upload = current.current;
    if (!upload || upload.cancelled) return;
    upload.cancelled = cancelUpload(upload.id);
    // While bytes go out the connection is closed too; once all are out the host's answer is awaited.
    if (upload.phase === 'sending') upload.controller.abort();
    setSending((s) => (s ? { ...s, cancelling: true } : s));
  };

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
            <UploadProgress sending={sending} name={picked.name} onCancel={cancel} />
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
      {replacedLate ? (
        <p>
          <button type="button" className="button button-small" data-testid="bundle-reload" onClick={onReplaced}>
            {x.reloadPage}
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** The bar of bytes sent, then, full, while the host checks them; with its cancel button until it is pressed. */
function UploadProgress({ sending, name, onCancel }: { sending: Sending; name: string; onCancel(): void }) {
  const { locale } = useI18n();
  const x = useExportWords();
  const cancel = sending.cancelling ? (
    <span data-testid="bundle-cancelling">{x.bundleCancelling(name)}</span>
  ) : (
    <button type="button" className="button button-small" onClick={onCancel} data-testid="bundle-upload-cancel">
      {x.cancel}
    </button>
  );
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
        <span data-testid="bundle-checking">{x.bundleChecking(name)}</span> {cancel}
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
      <span data-testid="bundle-sent">{label}</span> {cancel}
    </p>
  );
}
