import { describe, expect, it } from 'vitest';
import { loadMessages, makeI18n } from '../i18n';
import { progressDetail, say } from './said';

// The tables load as the page's entry loads them.
await Promise.all([loadMessages('en'), loadMessages('ar')]);

describe('words said again in the current language', () => {
  const ar = makeI18n('ar');
  const en = makeI18n('en');

  it('shows the core progress in Arabic: phases translated, an import counted, file names as they are', () => {
    expect(progressDetail('Indexing articles', ar)).toBe('فهرسة المقالات');
    expect(progressDetail('feed.jsonl: 3 of 40 articles', ar)).toBe('feed.jsonl: 3 / 40 مقالًا');
    expect(progressDetail('تقرير.txt', ar)).toBe('تقرير.txt');
  });

  it('says an activity entry written in English again in Arabic, counts in their plural forms', () => {
    const entry = { key: 'importMany', params: [11] } as const;
    expect(say({ ...entry, params: [...entry.params] }, en)).toBe('Import: 11 files');
    expect(say({ ...entry, params: [...entry.params] }, ar)).toBe('استيراد: 11 ملفًا');
    expect(say({ key: 'clusterDone', params: [2, 37] }, ar)).toBe('صُنِّف 37 مقالًا؛ قصتان');
    expect(say({ key: 'exportPdf', params: [29848] }, ar)).toBe('تصدير PDF: 29,848 مقالًا');
  });

  it('counts articles and outlets in the right Arabic form', () => {
    const c = ar.t.compare;
    expect(ar.t.articles(ar.formatNumber(29848), 29848)).toBe('29,848 مقالًا');
    expect(ar.t.articles('37', 37)).toBe('37 مقالًا');
    expect(ar.t.articles('3', 3)).toBe('3 مقالات');
    expect(ar.t.articles('2', 2)).toBe('مقالان');
    expect(ar.t.articles('100', 100)).toBe('100 مقال');
    expect(c.storyOutlets('11', 11)).toBe('11 وسيلة إعلام');
    expect(c.storyOutlets('4', 4)).toBe('4 وسائل إعلام');
    expect(c.storyCount('1', 1)).toBe('قصة واحدة');
    expect(en.t.compare.storyOutlets('1', 1)).toBe('1 outlet');
  });
});
