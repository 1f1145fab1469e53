/**
 * What the exporters render: a dossier resolved from the library into plain
 * data (no database handle), so that it can be posted to a worker thread and
 * so that exporters are testable without SQLite.
 */
export type Dir = 'rtl' | 'ltr';
export type ItemKind = 'article' | 'highlight' | 'note' | 'comparison';

export interface CitationData {
  outlet: string | null;
  title: string;
  author: string | null;
  /** The date as the source wrote it, e.g. "(26/7/2021)". */
  publishedOriginal: string | null;
  /** The normalized date, YYYY, YYYY-MM or YYYY-MM-DD. */
  publishedIso: string | null;
  url: string | null;
  /** When the text entered the library: the date it was accessed (YYYY-MM-DD). */
  accessed: string;
  /** Language of the cited text; the citation is written in its script. */
  lang: string;
}

export interface TextBlock {
  text: string;
  dir: Dir;
}

export interface ExportItem {
  /** Stable anchor: named destination in the PDF, element id in the HTML. */
  anchor: string;
  kind: ItemKind;
  title: string;
  titleDir: Dir;
  /** Language of the item's text (BCP 47 primary tag). */
  lang: string;
  /** Direction of the item's text as a whole. */
  dir: Dir;
  /** Outlet · author · date, as one line; null when there is nothing to say. */
  byline: string | null;
  bylineDir: Dir;
  /** Paragraphs of an article or note, the quote of a highlight. */
  blocks: TextBlock[];
  /** A researcher's note attached to a highlight. */
  annotation: TextBlock | null;
  /** One per cited article (a comparison cites all of its articles). */
  citations: CitationData[];
  /** Article ids behind the item, for search results and tests. */
  articleIds: number[];
  /** A comparison's aligned sentences, coverage and fact ledger, as tables (comparisonBlock.ts). */
  comparison?: ComparisonView;
}

/** One cell of a dossier table: text in its own direction, with marked ranges (differing words). */
export interface TableCell {
  text: string;
  dir: Dir;
  /** [start, end) offsets into `text` to mark (underlined and shaded). */
  marks: Array<[number, number]>;
  tone: 'normal' | 'muted' | 'strong';
}

export interface TableRow {
  cells: TableCell[];
  /** Rows of one group are kept on one page when they fit on one (a sentence carried by several outlets). */
  group: number;
}

/** A table the exporters draw as is: columns from the document's start side, relative widths. */
export interface ExportTable {
  caption: string;
  headers: TableCell[];
  /** Relative column widths (same length as `headers`). */
  widths: number[];
  rows: TableRow[];
  /** Its plain cells are text of the dossier (searched in the HTML dossier): the aligned sentences. */
  indexed: boolean;
}

export interface ComparisonView {
  /** How to read the marks, one line. */
  legend: TextBlock;
  /** Alignment, coverage map, fact ledger (those that have rows). */
  tables: ExportTable[];
}

/** A titled group of consecutive items: a heading in the exports, its own outline level. */
export interface ExportSection {
  /** Named destination in the PDF, element id in the HTML. */
  anchor: string;
  title: string;
  titleDir: Dir;
  /** Index in `items` of the section's first item; sections without items are not exported. */
  first: number;
  /** Number of items in the section. */
  count: number;
}

export interface DossierDocument {
  title: string;
  subtitle: string | null;
  author: string | null;
  /** The dossier's description: a paragraph on the cover. */
  description: string | null;
  /** Language of the document's own words (headings, labels, cover). */
  lang: string;
  dir: Dir;
  /** When the export was made (ISO 8601). */
  createdAt: string;
  keywords: string[];
  items: ExportItem[];
  /** In order; empty when the dossier has none (or for a plain list of articles). */
  sections: ExportSection[];
}

/** Options shared by both exporters. */
export interface RenderOptions {
  /** Paragraph alignment in the body. */
  align: 'start' | 'justify';
  /** Digits for page numbers: Western (1, 2) or Arabic-Indic (١، ٢). */
  numerals: 'latn' | 'arab';
}

export const defaultRenderOptions: RenderOptions = { align: 'justify', numerals: 'latn' };

export type ProgressFn = (done: number, total: number, label: string) => void;
