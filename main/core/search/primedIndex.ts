/**
 * Index keys handed over by the import, so the commit hook does not analyze
 * again what the parse workers already analyzed. The import stores a batch,
 * then primes the commit hook with each new article's title/body keys and the
 * batch's summed vocabulary; the commit hook of the same transaction takes
 * them. Nothing is trusted blindly: a primed article is used only when it is
 * queued for indexing and its stored title and content hash are the primed
 * ones (the hash, not the body, is read back: a batch's bodies are ~5 MB),
 * and the summed vocabulary only when every primed article is (otherwise the
 * hook analyzes as it always did). So a prime left behind by a rolled-back
 * transaction can never put wrong keys in the index.
 */
import type { TextKeys } from './indexDocument';

export interface PrimedArticle {
  title: string;
  /** The article's content hash (sha256 of its folded body, as stored in articles.content_hash). */
  contentHash: string;
  keys: TextKeys;
}

export interface PrimedBatch {
  articles: Map<number, PrimedArticle>;
  /**
   * Vocabulary counts summed over exactly `articles`, as JSON TermCount
   * lists (one per parsed group; undefined: none): made in the workers,
   * passed to SQLite as they are.
   */
  termsJsons: readonly string[] | undefined;
  /** Counts to take back out of termsJson (articles of the group that were not stored), same form. */
  minusJson: string | null;
}

/**
 * The keys primed for the open library's next commit: one per library (its
 * writer is one connection), built by createServices and handed to the
 * import, which primes, and to the search service, whose commit hook takes.
 */
export class IndexPrimer {
  private batch: PrimedBatch | null = null;

  /** Hands a stored batch's keys to this transaction's commit hook (replacing any earlier, unused prime). */
  prime(batch: PrimedBatch): void {
    this.batch = batch.articles.size === 0 ? null : batch;
  }

  /** What was primed, once. */
  take(): PrimedBatch | null {
    const batch = this.batch;
    this.batch = null;
    return batch;
  }

  /** Drops an unused prime (the transaction failed before its hook ran). */
  clear(): void {
    this.batch = null;
  }
}
