import { useEffect, useId, useState } from 'react';
import type { CitationFormat, CitationStyle, ExportedFile, ExportSelection } from '../../../preload/contract';
import { toShownError, useApi } from '../api';
import { useI18n } from '../i18n';
import { useExportWords } from '../i18nExport';
import { Modal } from './Modal';

type Kind = 'citations' | 'notes' | 'jsonl';

const FORMATS: ReadonlyArray<[CitationFormat, string]> = [
  ['bibtex', 'BibTeX (.bib)'],
  ['ris', 'RIS (.ris) — Zotero, EndNote, Mendeley'],
  ['csl-json', 'CSL-JSON (.json)'],
];
const STYLES: ReadonlyArray<[CitationStyle, string]> = [
  ['chicago-author-date', 'Chicago (author-date)'],
  ['apa', 'APA'],
  ['harvard', 'Harvard'],
  ['vancouver', 'Vancouver'],
];

interface Shown {
  file: ExportedFile;
  url: string;
}

/**
 * Export what the list or the reader shows: citations for a reference
 * manager, highlights and notes as Markdown, or the articles as JSON Lines.
 * Formatted citations are shown to copy; files are offered as a download
 * (the app's save dialog, the browser's downloads).
 */
export function ExportDialog({
  selection,
  scope,
  cite,
  onClose,
}: {
  selection: ExportSelection;
  /** What the selection is, in words ("The collection X"). */
  scope: string;
  /** Opened to cite one article: formatted text first. */
  cite: boolean;
  onClose(): void;
}) {
  const { api, transportKind } = useApi();
  // A formatted citation's words (months, "accessed") follow the interface's language.
  const { formatNumber, lang } = useI18n();
  const x = useExportWords();
  const id = useId();
  const [kind, setKind] = useState<Kind>('citations');
  const [format, setFormat] = useState<CitationFormat>(cite ? 'text' : 'ris');
  const [style, setStyle] = useState<CitationStyle>('chicago-author-date');
  const [shown, setShown] = useState<Shown | null>(null);
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** Where the desktop app saved the JSON Lines, and how many articles. */
  const [saved, setSaved] = useState<{ path: string; count: number } | null>(null);
  // Object URLs hold the file in memory until revoked.
  useEffect(() => () => (shown ? URL.revokeObjectURL(shown.url) : undefined), [shown]);

  const run = async () => {
    setBusy(true);
    setShown(null);
    setEmpty(false);
    setCopied(false);
    setFailure(null);
    setSaved(null);
    try {
      if (kind === 'jsonl' && transportKind === 'electron') {
        // A whole library's lines can be large: the app writes them straight to the file the person picks.
        const result = await api['export.jsonlSaveAs']({ selection });
        if (result.path !== null) setSaved({ path: result.path, count: result.count });
        return;
      }
      let file: ExportedFile | undefined;
      if (kind === 'citations') file = await api['export.citations']({ selection, format, style, language: lang });
      else if (kind === 'jsonl') file = await api['export.jsonl']({ selection });
      else file = (await api['export.notes']({ selection, layout: 'one-file' })).files[0];
      if (!file) {
        setEmpty(true);
        return;
      }
      setShown({ file, url: URL.createObjectURL(new Blob([file.text], { type: `${file.mediaType};charset=utf-8` })) });
    } catch (error) {
      setFailure(toShownError(error).message);
    } finally {
      setBusy(false);
    }
  };
  // A citation of one article is short: show it at once.
  useEffect(() => {
    if (cite) void run();
  }, []);

  const copy = async () => {
    if (!shown) return;
    await navigator.clipboard.writeText(shown.file.text.trim());
    setCopied(true);
  };
  const isText = kind === 'citations' && format === 'text';
  const radio = (value: Kind, label: string) => (
    <label className="radio-row">
      <input
        type="radio"
        name={`${id}-kind`}
        value={value}
        checked={kind === value}
        onChange={() => {
          setKind(value);
          setShown(null);
          setEmpty(false);
          setSaved(null);
        }}
        data-testid={`export-kind-${value}`}
      />{' '}
      {label}
    </label>
  );
  return (
    <Modal
      title={cite ? x.citeTitle : x.exportTitle}
      onClose={onClose}
      testId="export-dialog"
      footer={
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void run()}
          data-testid="export-run"
        >
          {x.exportButton}
        </button>
      }
    >
      <p className="muted" data-testid="export-scope">
        {scope}
      </p>
      <div className="form">
        <fieldset className="form-row export-kinds">
          <legend className="form-label">{x.whatToExport}</legend>
          {radio('citations', x.citations)}
          {radio('notes', x.notesMarkdown)}
          {radio('jsonl', x.articlesJsonl)}
        </fieldset>
        {kind === 'citations' ? (
          <SelectRow<CitationFormat>
            id={`${id}-format`}
            label={x.format}
            value={format}
            options={[['text', x.formatted], ...FORMATS]}
            onChange={setFormat}
            testId="export-format"
          />
        ) : null}
        {isText ? (
          <SelectRow<CitationStyle>
            id={`${id}-style`}
            label={x.style}
            value={style}
            options={STYLES}
            onChange={setStyle}
            testId="export-style"
          />
        ) : null}
      </div>
      {failure ? (
        <p role="alert" className="form-error" data-testid="export-error">
          {failure}
        </p>
      ) : null}
      {empty ? (
        <p role="status" data-testid="export-empty">
          {x.noNotes}
        </p>
      ) : null}
      {saved ? (
        <p role="status" data-testid="export-saved">
          {x.savedTo(x.articles(formatNumber(saved.count), saved.count), saved.path)}
        </p>
      ) : null}
      {shown ? (
        <div className="export-result" role="status">
          {isText ? (
            <pre className="export-preview" dir="auto" data-testid="export-preview">
              {shown.file.text.trim()}
            </pre>
          ) : null}
          <p className="export-actions">
            {isText ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => void copy()}
                data-testid="export-copy"
              >
                {copied ? x.copied : x.copy}
              </button>
            ) : null}{' '}
            <a
              className="button button-small"
              href={shown.url}
              download={shown.file.fileName}
              data-testid="export-download"
            >
              {x.download} <bdi>{shown.file.fileName}</bdi>
            </a>{' '}
            <span className="muted">{x.articles(formatNumber(shown.file.count), shown.file.count)}</span>
          </p>
        </div>
      ) : null}
    </Modal>
  );
}

/** A labelled select of the form: one of `options` ([value, label] pairs). */
function SelectRow<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  value: V;
  options: ReadonlyArray<readonly [V, string]>;
  onChange(value: V): void;
  testId: string;
}) {
  return (
    <div className="form-row">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as V)} data-testid={testId}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
