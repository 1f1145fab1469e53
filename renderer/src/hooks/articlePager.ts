/**
 * Pages of `library.listArticles` for a virtual list: only the pages that are
 * on screen are fetched, at most two at a time, and pages far from the view
 * are forgotten so that 100,000 rows cost a few hundred kilobytes.
 */
import type { ArticlePage, ArticleSummary } from '../../../preload/contract';

export type FetchPage = (offset: number, limit: number) => Promise<ArticlePage>;

export interface PagerOptions {
  pageSize?: number;
  maxConcurrent?: number;
  /** Pages kept in memory; the ones farthest from the view go first. */
  maxPages?: number;
}

/** Rows asked at a time unless the list says otherwise. */
export const DEFAULT_PAGE_SIZE = 100;

export class ArticlePager {
  readonly pageSize: number;
  private readonly maxConcurrent: number;
  private readonly maxPages: number;
  private readonly pages = new Map<number, ArticleSummary[]>();
  private readonly inflight = new Set<number>();
  private readonly failed = new Set<number>();
  private readonly listeners = new Set<() => void>();
  private wanted: number[] = [];
  private center = 0;
  private disposed = false;

  /** Rows in the whole (filtered) list; null until the first page answers. */
  total: number | null = null;
  error: unknown = null;
  /** Changes whenever what `get` returns may have changed. */
  revision = 0;
  /** Languages seen in loaded rows, for the language filter. */
  readonly languages = new Set<string>();

  constructor(
    private readonly fetchPage: FetchPage,
    options: PagerOptions = {},
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.maxConcurrent = options.maxConcurrent ?? 2;
    this.maxPages = Math.max(4, options.maxPages ?? 200);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getRevision = (): number => this.revision;

  get(index: number): ArticleSummary | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /**
   * Every row's id in list order, fetched in pages of up to `limit` (a bulk
   * action on "select all"); the fetcher may answer fewer rows a page.
   */
  async allIds(limit = 1000): Promise<number[]> {
    const ids: number[] = [];
    for (;;) {
      const page = await this.fetchPage(ids.length, limit);
      for (const item of page.items) ids.push(item.id);
      if (page.items.length === 0 || ids.length >= page.total) return ids;
    }
  }

  get loading(): boolean {
    return this.inflight.size > 0;
  }

  /** Asks for rows [start, end]; pages outside the newest request are not fetched. */
  request(start: number, end: number): void {
    const first = Math.max(0, Math.floor(start / this.pageSize));
    let last = Math.max(first, Math.floor(Math.max(start, end) / this.pageSize));
    if (this.total !== null) last = Math.min(last, Math.max(0, Math.ceil(this.total / this.pageSize) - 1));
    const wanted: number[] = [];
    for (let page = first; page <= last; page += 1) wanted.push(page);
    this.wanted = wanted;
    this.center = (first + last) / 2;
    this.pump();
  }

  /** Forgets failures so that the next request tries those pages again. */
  retry(): void {
    this.failed.clear();
    this.error = null;
    this.bump();
    this.pump();
  }

  /** An inactive pager (its list is gone) fetches nothing more. */
  setActive(active: boolean): void {
    this.disposed = !active;
    if (active) this.pump();
  }

  private pump(): void {
    if (this.disposed) return;
    for (const page of this.wanted) {
      if (this.inflight.size >= this.maxConcurrent) return;
      if (this.pages.has(page) || this.inflight.has(page) || this.failed.has(page)) continue;
      void this.load(page);
    }
  }

  private async load(page: number): Promise<void> {
    this.inflight.add(page);
    this.bump();
    try {
      const result = await this.fetchPage(page * this.pageSize, this.pageSize);
      this.pages.set(page, result.items);
      for (const item of result.items) this.languages.add(item.lang);
      this.total = result.total;
      this.error = null;
      this.evict();
    } catch (error) {
      this.failed.add(page);
      this.error = error;
      if (this.total === null) this.total = 0;
    } finally {
      this.inflight.delete(page);
      this.bump();
      if (!this.disposed) this.pump();
    }
  }

  private evict(): void {
    if (this.pages.size <= this.maxPages) return;
    const keep = new Set(this.wanted);
    const byDistance = [...this.pages.keys()]
      .filter((page) => !keep.has(page))
      .sort((a, b) => Math.abs(b - this.center) - Math.abs(a - this.center));
    for (const page of byDistance) {
      if (this.pages.size <= this.maxPages) break;
      this.pages.delete(page);
    }
  }

  private bump(): void {
    this.revision += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
