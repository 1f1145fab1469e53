/**
 * Words kept as a message key and its parameters rather than as text, so a
 * job's bar and the activity log are said again in the interface's current
 * language (an entry written in English reads in Arabic after a switch).
 * Also the core's progress labels, which are fixed English phase names.
 */
import type { I18n } from '../i18n';

export const saidKeys = [
  'importOne',
  'importMany',
  'readingFiles',
  'importing',
  'readingTables',
  'exportDossier',
  'exportPdf',
  'exportHtml',
  'reindex',
  'clustering',
  'updateFrom',
  'clusterDone',
  'updateResult',
  'updateSame',
] as const;

/** A message key and its parameters (names as written, counts as numbers; at most 8). */
export interface Said {
  key: (typeof saidKeys)[number];
  params?: (string | number)[] | undefined;
}

/** The text of `said` in the current language. */
export function say(said: Said, i18n: I18n): string {
  const { t, w, ds, formatNumber } = i18n;
  const p = said.params ?? [];
  const str = (i: number) => String(p[i] ?? '');
  const num = (i: number) => Number(p[i] ?? 0);
  const counted = (i: number) => t.articles(formatNumber(num(i)), num(i));
  switch (said.key) {
    case 'importOne':
      return `${w.jobImport}: ${str(0)}`;
    case 'importMany':
      return `${w.jobImport}: ${t.filesCount(formatNumber(num(0)), num(0))}`;
    case 'readingFiles':
      return t.readingFiles;
    case 'importing':
      return t.importing;
    case 'readingTables':
      return t.tableImport.readingTables;
    case 'exportDossier':
      return `${ds.exporting}: ${str(0)}`;
    case 'exportPdf':
      return `${t.selection.bulkExportPdf}: ${counted(0)}`;
    case 'exportHtml':
      return `${t.selection.bulkExportHtml}: ${counted(0)}`;
    case 'reindex':
      return w.searchIndex;
    case 'clustering':
      return t.compare.clustering;
    case 'updateFrom':
      return `${w.updateFromFile.replace('…', '')}: ${str(0)}`;
    case 'clusterDone':
      return t.compare.clusterDone(formatNumber(num(0)), num(0), formatNumber(num(1)), num(1));
    case 'updateResult':
      return w.updateResult(formatNumber(num(0)), formatNumber(num(1)), formatNumber(num(2)));
    case 'updateSame':
      return w.updateSame;
  }
}

/** A label that may be said again later, or plain text (a server's message, a name). */
export type Label = string | Said;

export function labelText(label: Label, i18n: I18n): string {
  return typeof label === 'string' ? label : say(label, i18n);
}

/**
 * The core's progress labels are phase names in English; the bar shows them
 * in the interface's language. An import's "file: 3 of 40 articles" keeps
 * its file name and counts; any other label is a name (a file being read)
 * and is shown as it is. said.test.ts checks that every phase the core
 * reports is in the table.
 */
export function progressDetail(label: string | undefined, i18n: I18n): string | undefined {
  if (!label) return undefined;
  const words = i18n.t.selection.phases;
  if (label in words) return words[label as keyof typeof words];
  const file = /^(.*): (\d+) of (\d+) articles$/.exec(label);
  if (file) {
    const [, name, done, total] = file;
    return `${name}: ${i18n.formatNumber(Number(done))} / ${i18n.t.articles(i18n.formatNumber(Number(total)), Number(total))}`;
  }
  return label;
}
