/**
 * What the library stores for a new article, as an importer hands it over:
 * the parsed fields, and what was computed where the file was parsed (its
 * near-duplicate signature, its search keys) carried as data.
 */
import type { DatePrecision, Direction } from '../../../preload/contract/shapes';
import type { Signature } from './minhash';

/** One article as an importer found it, before it is stored. */
export interface ParsedArticle {
  title: string;
  body: string;
  author: string | null;
  source: string | null;
  published: { original: string; iso: string | null; precision: DatePrecision | null } | null;
  lang: string;
  dir: Direction;
  url: string | null;
  /** path, or path#N for the N-th record of a bulk file (1-based). */
  originPath: string;
  originFormat: string;
  encoding: string | null;
  /** sha256 of the normalized body: the key of exact duplicates. */
  contentHash: string;
  wordCount: number;
  /** Sanitized article HTML (HTML imports only): safe to render, never live markup. */
  bodyHtml?: string | null;
  /** Tags the file itself names (Markdown front matter, a mapped CSV column). */
  tags?: string[];
  /**
   * MinHash signature of the body's word shingles (minhash.ts), computed
   * where the file is parsed so the main thread only compares. Absent when
   * the text is too short for near-duplicate detection to mean anything.
   */
  minhash?: Signature | null;
  /** The search index's keys of title and body, analyzed where the file was parsed (importers/parser.ts). */
  keys?: TextKeys;
}

/** The keys of an article's title and body: the costly part of its index row. */
export interface TextKeys {
  titleExact: string;
  titleStem: string;
  bodyExact: string;
  bodyStem: string;
}
