import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Article, Input, SourceInfo } from '../../../preload/contract';
import { toShownError, useApi, type ShownError } from '../api';
import { useI18n } from '../i18n';
import type { UiState } from '../state/uiStore';
import { directionOf } from '../../../common/text/direction';
import { Modal } from './Modal';

function ErrorLine({ error }: { error: ShownError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      <code className="error-code">{error.code}</code> {t.errorNames[error.code]} — <bdi>{error.message}</bdi>
    </p>
  );
}

interface PromptDialogProps {
  title: string;
  label: string;
  initial?: string;
  suggestions?: readonly string[];
  submitLabel: string;
  onSubmit(value: string): Promise<void>;
  onClose(): void;
  testId?: string;
}

/** One line of text (a name, a tag), with suggestions from what already exists. */
export function PromptDialog({
  title,
  label,
  initial = '',
  suggestions = [],
  submitLabel,
  onSubmit,
  onClose,
  testId,
}: PromptDialogProps) {
  const { w, t } = useI18n();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const listId = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (value.trim() === '' || busy) return;
    setBusy(true);
    try {
      await onSubmit(value.trim());
      onClose();
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  }
  return (
    <Modal title={title} onClose={onClose} testId={testId ?? 'prompt-dialog'}>
      <form className="form" onSubmit={submit}>
        <label htmlFor={inputId} className="form-label">
          {label}
        </label>
        <input
          id={inputId}
          className="text-input"
          value={value}
          dir={directionOf(value, 'ltr') === 'rtl' ? 'rtl' : 'auto'}
          list={suggestions.length > 0 ? listId : undefined}
          autoFocus
          autoComplete="off"
          onChange={(e) => setValue(e.currentTarget.value)}
          data-testid="prompt-input"
        />
        {suggestions.length > 0 ? (
          <datalist id={listId}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        ) : null}
        <ErrorLine error={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || value.trim() === ''}
            data-testid="prompt-submit"
          >
            {submitLabel || w.ok}
          </button>
        </div>
      </form>
    </Modal>
  );
}

type Patch = Input<'library.updateArticle'>['patch'];

export function MetadataDialog({
  article,
  onSave,
  onClose,
}: {
  article: Article;
  onSave(patch: Patch): Promise<void>;
  onClose(): void;
}) {
  const { w, t } = useI18n();
  const [form, setForm] = useState({
    title: article.title,
    author: article.author ?? '',
    source: article.source ?? '',
    publishedAt: article.publishedAt.original ?? article.publishedAt.iso ?? '',
    url: article.url ?? '',
    lang: article.lang,
    dir: article.dir,
  });
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const field = (key: keyof typeof form, label: string, dir: 'auto' | 'ltr' = 'auto') => (
    <div className="form-row">
      <label htmlFor={`${id}-${key}`} className="form-label">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="text-input"
        dir={dir}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
        data-testid={`meta-${key}`}
      />
    </div>
  );
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const patch: Patch = {};
    if (form.title.trim() !== article.title) patch.title = form.title.trim();
    if (form.author.trim() !== (article.author ?? '')) patch.author = form.author.trim() || null;
    if (form.source.trim() !== (article.source ?? '')) patch.source = form.source.trim() || null;
    const published = article.publishedAt.original ?? article.publishedAt.iso ?? '';
    if (form.publishedAt.trim() !== published) patch.publishedAt = form.publishedAt.trim() || null;
    if (form.url.trim() !== (article.url ?? '')) patch.url = form.url.trim() || null;
    if (form.lang.trim() !== article.lang) patch.lang = form.lang.trim();
    if (form.dir !== article.dir) patch.dir = form.dir;
    try {
      if (Object.keys(patch).length > 0) await onSave(patch);
      onClose();
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  }
  return (
    <Modal title={w.metadataTitle} onClose={onClose} testId="metadata-dialog" className="modal-wide">
      <form className="form" onSubmit={submit}>
        {field('title', w.title)}
        {field('source', t.outlet)}
        {field('author', t.author)}
        {field('publishedAt', w.publishedAsWritten)}
        {field('url', t.url, 'ltr')}
        <div className="form-grid">
          {field('lang', w.articleLanguage, 'ltr')}
          <div className="form-row">
            <label htmlFor={`${id}-dir`} className="form-label">
              {w.direction}
            </label>
            <select
              id={`${id}-dir`}
              value={form.dir}
              onChange={(e) => setForm({ ...form, dir: e.currentTarget.value as 'rtl' | 'ltr' })}
            >
              <option value="rtl">{w.dirRtl}</option>
              <option value="ltr">{w.dirLtr}</option>
            </select>
          </div>
        </div>
        <ErrorLine error={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="meta-save">
            {w.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Two spellings of one outlet become one; an outlet gets a better name. */
export function SourcesDialog({
  sources,
  onChanged,
  onClose,
}: {
  sources: readonly SourceInfo[];
  onChanged(): void;
  onClose(): void;
}) {
  const { api } = useApi();
  const { w, t, formatNumber } = useI18n();
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [target, setTarget] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const chosen = sources.filter((s) => checked.has(s.id));
  const targetId = target !== null && checked.has(target) ? target : (chosen[0]?.id ?? null);

  async function run(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setError(toShownError(e));
    }
  }
  return (
    <Modal title={w.mergeSourcesTitle} onClose={onClose} testId="sources-dialog" className="modal-wide">
      <p className="muted">{w.selectToMerge}</p>
      <ul className="source-table" aria-label={w.sources}>
        {sources.map((s) => (
          <li key={s.id} className="source-line" data-testid="source-line">
            <label className="check">
              <input
                type="checkbox"
                checked={checked.has(s.id)}
                onChange={(e) => {
                  const next = new Set(checked);
                  if (e.currentTarget.checked) next.add(s.id);
                  else next.delete(s.id);
                  setChecked(next);
                }}
              />
              <bdi className="source-name">{s.name}</bdi>
            </label>
            <span className="muted">{t.articles(formatNumber(s.articleCount), s.articleCount)}</span>
            {s.aliases.length > 0 ? (
              <span className="muted source-aliases">
                {w.aliases}:{' '}
                {s.aliases.map((a, i) => (
                  <bdi key={a}>
                    {i > 0 ? '، ' : ''}
                    {a}
                  </bdi>
                ))}
              </span>
            ) : null}
            {renaming?.id === s.id ? (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(() => api['library.renameSource']({ id: s.id, name: renaming.name })).then(() =>
                    setRenaming(null),
                  );
                }}
              >
                <input
                  className="text-input"
                  aria-label={w.renameSource}
                  value={renaming.name}
                  autoFocus
                  onChange={(e) => setRenaming({ id: s.id, name: e.currentTarget.value })}
                />
                <button type="submit" className="button button-small">
                  {w.save}
                </button>
              </form>
            ) : (
              <button
                type="button"
                className="button button-small button-quiet"
                onClick={() => setRenaming({ id: s.id, name: s.name })}
                aria-label={`${w.renameSource}: ${s.name}`}
              >
                {w.rename}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
      <div className="form-actions">
        <label className="field">
          <span className="field-label">{w.mergeInto}</span>
          <select
            value={targetId ?? ''}
            disabled={chosen.length < 2}
            onChange={(e) => setTarget(Number(e.currentTarget.value))}
            data-testid="merge-target"
          >
            {chosen.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-primary"
          disabled={chosen.length < 2 || targetId === null}
          data-testid="merge-button"
          onClick={() =>
            void run(() =>
              api['library.mergeSources']({
                targetId: targetId!,
                sourceIds: chosen.map((s) => s.id).filter((id) => id !== targetId),
              }),
            ).then(() => setChecked(new Set()))
          }
        >
          {w.merge}
        </button>
      </div>
    </Modal>
  );
}

export function SettingsDialog({
  ui,
  onChange,
  onClose,
  children,
}: {
  ui: UiState;
  onChange(patch: Partial<UiState>): void;
  onClose(): void;
  /** More sections below the appearance settings (the library's backups). */
  children?: ReactNode;
}) {
  const { w } = useI18n();
  const id = useId();
  const select = <K extends 'uiLang' | 'theme' | 'monthSystem' | 'digits' | 'hijri'>(
    key: K,
    label: string,
    options: [UiState[K], string][],
  ) => (
    <div className="form-row">
      <label htmlFor={`${id}-${key}`} className="form-label">
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        value={ui[key]}
        onChange={(e) => onChange({ [key]: e.currentTarget.value } as Partial<UiState>)}
        data-testid={`setting-${key}`}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Modal title={w.settings} onClose={onClose} testId="settings-dialog">
      <div className="form">
        {select('uiLang', w.interfaceLanguage, [
          ['system', w.followSystem],
          ['en', 'English'],
          ['ar', 'العربية'],
        ])}
        {select('theme', w.theme, [
          ['system', w.followSystem],
          ['light', w.light],
          ['dark', w.dark],
        ])}
        {select('monthSystem', w.monthNames, [
          ['outlet', w.monthOutlet],
          ['levant', 'كانون الثاني، شباط… تموز'],
          ['egypt', 'يناير، فبراير… يوليو'],
          ['maghreb', 'جانفي، فيفري… جويلية'],
        ])}
        {select('digits', w.digits, [
          ['latn', '0 1 2 3 4 5 6 7 8 9'],
          ['arab', '٠ ١ ٢ ٣ ٤ ٥ ٦ ٧ ٨ ٩'],
        ])}
        {select('hijri', w.hijriDates, [
          ['off', w.hijriOff],
          ['beside', w.hijriBeside],
        ])}
      </div>
      {children}
    </Modal>
  );
}

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { w } = useI18n();
  return (
    <Modal title={w.shortcutsTitle} onClose={onClose} testId="shortcuts-dialog">
      <table className="shortcuts">
        <tbody>
          {w.shortcuts.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd dir="ltr">{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
