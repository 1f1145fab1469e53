/**
 * The words of the CSV/TSV column mapping dialog, in both languages.
 */
import type { ImportField } from '../../preload/contract';
import type { Plural } from './i18nPlural';

/** First-strong isolate: a file or column name in the other script keeps its place in the sentence. */
const iso = (text: string): string => `\u2068${text}\u2069`;

export interface TableImportWords {
  title: string;
  intro: string;
  /** "Filled in from your last import of a file with these columns." */
  remembered: string;
  guessed: string;
  /** Nothing recognised: every select starts empty. */
  noneGuessed: string;
  fileFacts: (delimiter: string, encoding: string, rows: string) => string;
  delimiterNames: Record<string, string>;
  rows: Plural;
  aboutRows: Plural;
  alsoFiles: string;
  listSeparator: string;
  previewLabel: (file: string) => string;
  previewCaption: string;
  fieldsLegend: (file: string) => string;
  fieldNames: Record<ImportField, string>;
  required: string;
  notImported: string;
  needBody: (file: string) => string;
  ready: string;
  importButton: string;
  cancelled: Plural;
  readingTables: string;
  /** A file whose encoding was not recognised: read it again in the one the user picks. */
  readAs: string;
  importAgain: string;
  /** Names of the encodings offered, by the script they write. */
  encodingNames: Record<RetryEncoding, string>;
}

/** Encodings offered when a file's could not be recognised (labels the core's iconv-lite knows). */
export const RETRY_ENCODINGS = [
  'windows-1256',
  'iso-8859-6',
  'windows-1252',
  'windows-1254',
  'windows-1250',
  'windows-1251',
  'koi8-r',
  'windows-1253',
  'windows-1255',
  'utf-8',
  'utf-16le',
  'utf-16be',
  'shift_jis',
  'gb18030',
  'euc-kr',
] as const;
export type RetryEncoding = (typeof RETRY_ENCODINGS)[number];

export const tableImportEn: TableImportWords = {
  title: 'Map the columns of the table files',
  intro: 'Choose the column that holds each part of the articles. Columns left on “Not imported” are not read.',
  remembered: 'Filled in from your last import of a file with these columns.',
  guessed: 'Filled in from the column names Mizan recognises; check them.',
  noneGuessed: 'Mizan does not recognise these column names: choose the columns yourself.',
  fileFacts: (delimiter, encoding, rows) => `${delimiter} · ${encoding} · ${rows}`,
  delimiterNames: { ',': 'comma-separated', ';': 'semicolon-separated', '\t': 'tab-separated', '|': 'bar-separated' },
  rows: (n, count) => (count === 1 ? `${n} row` : `${n} rows`),
  aboutRows: (n) => `about ${n} rows`,
  alsoFiles: 'Also mapped this way (same columns):',
  listSeparator: ', ',
  previewLabel: (file) => `First rows of ${iso(file)}`,
  previewCaption: 'First rows',
  fieldsLegend: (file) => `Columns of ${iso(file)}`,
  fieldNames: {
    title: 'Title',
    body: 'Article text',
    source: 'Source (outlet)',
    author: 'Author',
    date: 'Date',
    url: 'URL',
    lang: 'Language',
    tags: 'Tags',
  },
  required: 'required',
  notImported: 'Not imported',
  needBody: (file) => `Choose the column that holds the article text of ${iso(file)}.`,
  ready: 'Ready to import.',
  importButton: 'Import',
  cancelled: (n, count) =>
    count === 1 ? 'Nothing imported from the table file.' : `Nothing imported from the ${n} table files.`,
  readingTables: 'Reading the table files…',
  readAs: 'Read it as',
  importAgain: 'Import again',
  encodingNames: {
    'windows-1256': 'Arabic (Windows-1256)',
    'iso-8859-6': 'Arabic (ISO-8859-6)',
    'windows-1252': 'Western (Windows-1252)',
    'windows-1254': 'Turkish (Windows-1254)',
    'windows-1250': 'Central European (Windows-1250)',
    'windows-1251': 'Cyrillic (Windows-1251)',
    'koi8-r': 'Cyrillic (KOI8-R)',
    'windows-1253': 'Greek (Windows-1253)',
    'windows-1255': 'Hebrew (Windows-1255)',
    'utf-8': 'Unicode (UTF-8)',
    'utf-16le': 'Unicode (UTF-16 LE)',
    'utf-16be': 'Unicode (UTF-16 BE)',
    shift_jis: 'Japanese (Shift_JIS)',
    gb18030: 'Chinese (GB18030)',
    'euc-kr': 'Korean (EUC-KR)',
  },
};
