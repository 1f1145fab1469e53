/**
 * The dossier editor's words (the Arabic table is in i18nDossierAr.ts), kept apart from the
 * workbench's (i18nWorkbench.ts) so each stays readable.
 */
import type { DossierItemKind } from '../../preload/contract';
import { keys } from './i18nMarks';

/** First-strong isolate: a title in the other script keeps its place in the sentence. */
const iso = (text: string): string => `\u2068${text}\u2069`;

export interface DossierWords {
  dossiers: string;
  openDossiers: string;
  backToLibrary: string;
  newDossier: string;
  create: string;
  noDossiers: string;
  chooseDossier: string;
  itemCount: (n: string, count: number) => string;
  metadata: string;
  title: string;
  subtitle: string;
  author: string;
  description: string;
  documentLanguage: string;
  languageAuto: string;
  languageArabic: string;
  languageEnglish: string;
  save: string;
  saved: string;
  deleteDossier: string;
  keepDossier: string;
  confirmDelete: (title: string) => string;
  deleted: (title: string) => string;
  items: string;
  noItems: string;
  unsectioned: string;
  sections: string;
  newSectionTitle: string;
  addSection: string;
  renameSection: string;
  deleteSection: string;
  sectionUp: string;
  sectionDown: string;
  moveToSection: string;
  remove: string;
  dragHandle: string;
  reorderHint: string;
  kind: Record<DossierItemKind, string>;
  moved: (title: string, position: string, count: string, section: string) => string;
  addNote: string;
  noteTitle: string;
  noteBody: string;
  exportPdf: string;
  exportHtml: string;
  exporting: string;
  exported: (pages: string | null, size: string) => string;
  download: string;
  preview: string;
  previewLabel: string;
  closePreview: string;
  previewNote: string;
}

export const dossierEn: DossierWords = {
  dossiers: 'Dossiers',
  openDossiers: 'Open dossiers',
  backToLibrary: 'Back to the library',
  newDossier: 'New dossier',
  create: 'Create',
  noDossiers: 'No dossiers yet. Give a new one a title, or press “d” on an open article to start one.',
  chooseDossier: 'Choose a dossier on the side, or create one.',
  itemCount: (n, count) => (count === 1 ? '1 item' : `${n} items`),
  metadata: 'Dossier details',
  title: 'Title',
  subtitle: 'Subtitle',
  author: 'Author',
  description: 'Description',
  documentLanguage: 'Language of the document',
  languageAuto: 'From the items (automatic)',
  languageArabic: 'Arabic (right to left)',
  languageEnglish: 'English (left to right)',
  save: 'Save details',
  saved: 'Details saved',
  deleteDossier: 'Delete dossier',
  keepDossier: 'Keep it',
  confirmDelete: (title) =>
    `Delete “${iso(title)}” and its outline? Its articles, highlights and notes stay in the library.`,
  deleted: (title) => `Deleted “${iso(title)}”`,
  items: 'Items',
  noItems: 'This dossier is empty. Add articles and excerpts from the reader (“d”), or a note below.',
  unsectioned: 'Before the first section',
  sections: 'Sections',
  newSectionTitle: 'New section title',
  addSection: 'Add section',
  renameSection: 'Section title',
  deleteSection: 'Delete section (its items stay)',
  sectionUp: 'Move section up',
  sectionDown: 'Move section down',
  moveToSection: 'Section',
  remove: 'Remove from dossier',
  dragHandle: 'Drag to reorder',
  reorderHint: `${keys('Alt+↑/↓')} moves the focused item (across sections too); drag rows to reorder.`,
  kind: { article: 'Article', highlight: 'Excerpt', note: 'Note', comparison: 'Comparison' },
  moved: (title, position, count, section) => `Moved “${iso(title)}” to ${position} of ${count} in ${iso(section)}`,
  addNote: 'Add note',
  noteTitle: 'Note title (optional)',
  noteBody: 'Note',
  exportPdf: 'Export PDF',
  exportHtml: 'Export HTML',
  exporting: 'Exporting dossier',
  exported: (pages, size) => (pages ? `${pages} pages, ${size}` : size),
  download: 'Download',
  preview: 'Preview',
  previewLabel: 'Preview of the dossier (offline HTML, with its search)',
  closePreview: 'Close preview',
  previewNote: 'Preview of the offline HTML dossier, as a reader opens it: its search box works here too.',
};
