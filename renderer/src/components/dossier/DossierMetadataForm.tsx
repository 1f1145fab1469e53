/** A dossier's own words: title, subtitle, author, description and the language of the document. */
import { useState } from 'react';
import type { DossierInfo, DossierMetadata } from '../../../../preload/contract';
import { useI18n } from '../../i18n';

export interface MetadataPatch extends DossierMetadata {
  title: string;
}

export function DossierMetadataForm({
  dossier,
  onSave,
}: {
  dossier: DossierInfo;
  onSave(patch: MetadataPatch): Promise<void>;
}) {
  const { ds } = useI18n();
  const [form, setForm] = useState({
    title: dossier.title,
    subtitle: dossier.subtitle ?? '',
    author: dossier.author ?? '',
    description: dossier.description ?? '',
    lang: dossier.lang ?? '',
  });
  const [busy, setBusy] = useState(false);
  const field = (name: 'title' | 'subtitle' | 'author', label: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        value={form[name]}
        dir="auto"
        required={name === 'title'}
        data-testid={`dossier-${name}`}
        onChange={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <form
      className="dossier-metadata"
      aria-label={ds.metadata}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        // Empty fields are stored as "not set" (null): the exports fall back to their defaults.
        void onSave({
          title: form.title,
          subtitle: form.subtitle || null,
          author: form.author || null,
          description: form.description || null,
          lang: form.lang || null,
        }).finally(() => setBusy(false));
      }}
    >
      {field('title', ds.title)}
      {field('subtitle', ds.subtitle)}
      {field('author', ds.author)}
      <label className="field">
        <span className="field-label">{ds.documentLanguage}</span>
        <select
          value={form.lang}
          data-testid="dossier-lang"
          onChange={(e) => setForm({ ...form, lang: e.currentTarget.value })}
        >
          <option value="">{ds.languageAuto}</option>
          <option value="ar">{ds.languageArabic}</option>
          <option value="en">{ds.languageEnglish}</option>
          {form.lang && form.lang !== 'ar' && form.lang !== 'en' ? (
            <option value={form.lang}>{form.lang}</option>
          ) : null}
        </select>
      </label>
      <label className="field dossier-description">
        <span className="field-label">{ds.description}</span>
        <textarea
          value={form.description}
          dir="auto"
          rows={3}
          data-testid="dossier-description"
          onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
        />
      </label>
      <div className="dossier-metadata-actions">
        <button type="submit" className="button" disabled={busy || !form.title.trim()} data-testid="dossier-save">
          {ds.save}
        </button>
      </div>
    </form>
  );
}
