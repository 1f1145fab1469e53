import { useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useExportWords } from '../i18nExport';
import { fileSize } from '../text/format';
import { uploadBundle, type PickedFile } from '../transport';

/**
 * In the web host's settings: replace the library by a bundle file picked
 * from this computer, after a confirmation that says the current library is
 * kept. The host checks the bundle before it touches the library; its answer
 * (or the check that failed, naming the file) is shown in `onStatus`. The
 * whole library changes, so the page starts again afterwards (`onReplaced`).
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

  const replace = (file: PickedFile) =>
    act(async () => {
      try {
        await uploadBundle(file, { tooLarge: (name, limit) => x.bundleTooLarge(name, fileSize(limit, locale)) });
      } finally {
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
          <span>{busy ? x.bundleUploading(picked.name) : x.bundleUploadConfirm(picked.name)}</span>{' '}
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
        </div>
      ) : null}
    </div>
  );
}
