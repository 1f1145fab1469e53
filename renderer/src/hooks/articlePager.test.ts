import { describe, expect, it } from 'vitest';
import type { ArticlePage, ArticleSummary } from '../../../preload/contract';
import { ArticlePager } from './articlePager';

function summary(id: number): ArticleSummary {
  return {
    id,
    title: `t${id}`,
    source: null,
    sourceId: null,
    author: null,
    publishedAt: { original: null, iso: null, precision: null },
    lang: id % 2 ? 'ar' : 'en',
    dir: id % 2 ? 'rtl' : 'ltr',
    url: null,
    wordCount: 1,
    importedAt: '2024-01-01T00:00:00Z',
    tags: [],
  };
}

/** A fake list of `total` rows that records each page asked for and answers when told. */
function fakeLibrary(total: number) {
  const calls: number[] = [];
  const pending: (() => void)[] = [];
  const fetchPage = (offset: number, limit: number) =>
    new Promise<ArticlePage>((resolve) => {
      calls.push(offset);
      const items = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) =>
        summary(offset + i + 1),
      );
      pending.push(() => resolve({ total, offset, items }));
    });
  const flush = async () => {
    while (pending.length > 0) {
      pending.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { calls, fetchPage, flush };
}

describe('ArticlePager', () => {
  it('fetches only the pages in view, and learns the total', async () => {
    const lib = fakeLibrary(100_000);
    const pager = new ArticlePager(lib.fetchPage, { pageSize: 100 });
    pager.setActive(true);
    pager.request(0, 20);
    expect(lib.calls).toEqual([0]);
    expect(pager.total).toBeNull();
    await lib.flush();
    expect(pager.total).toBe(100_000);
    expect(pager.get(5)?.id).toBe(6);
    expect(pager.get(150)).toBeUndefined();

    pager.request(50_010, 50_040);
    await lib.flush();
    expect(lib.calls).toEqual([0, 50_000]);
    expect(pager.get(50_010)?.id).toBe(50_011);
    expect(pager.languages).toEqual(new Set(['ar', 'en']));
  });

  it('drops pages scrolled past before their turn, and never asks twice', async () => {
    const lib = fakeLibrary(100_000);
    const pager = new ArticlePager(lib.fetchPage, { pageSize: 100, maxConcurrent: 2 });
    pager.setActive(true);
    pager.request(0, 399); // pages 0-3: two go out, two wait
    expect(lib.calls).toEqual([0, 100]);
    pager.request(90_000, 90_050); // the user dragged the scrollbar away
    pager.request(90_000, 90_050);
    await lib.flush();
    expect(lib.calls).toEqual([0, 100, 90_000]);
  });

  it('keeps memory bounded by forgetting far pages', async () => {
    const lib = fakeLibrary(100_000);
    const pager = new ArticlePager(lib.fetchPage, { pageSize: 100, maxPages: 4 });
    pager.setActive(true);
    for (let page = 0; page < 10; page += 1) {
      pager.request(page * 100, page * 100 + 10);
      await lib.flush();
    }
    expect(pager.get(950)?.id).toBe(951);
    expect(pager.get(50)).toBeUndefined();
  });

  it('reports a failure once and tries again only when asked', async () => {
    let fail = true;
    let calls = 0;
    const pager = new ArticlePager(async (offset, limit) => {
      calls += 1;
      if (fail) throw new Error('database is locked');
      return { total: 3, offset, items: [summary(1), summary(2), summary(3)].slice(0, limit) };
    });
    pager.setActive(true);
    pager.request(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(pager.error).toBeInstanceOf(Error);
    pager.request(0, 10);
    expect(calls).toBe(1);
    fail = false;
    pager.retry();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    expect(pager.error).toBeNull();
    expect(pager.total).toBe(3);
  });

  it('fetches nothing once its list is gone', () => {
    const lib = fakeLibrary(10);
    const pager = new ArticlePager(lib.fetchPage);
    pager.setActive(false);
    pager.request(0, 5);
    expect(lib.calls).toEqual([]);
  });
});

describe('ArticlePager.allIds', () => {
  it('collects every id in list order, even when the fetcher answers fewer rows than asked (search pages of 100)', async () => {
    const calls: [number, number][] = [];
    const pager = new ArticlePager(async (offset, limit) => {
      calls.push([offset, limit]);
      const n = Math.max(0, Math.min(limit, 100, 250 - offset));
      return { total: 250, offset, items: Array.from({ length: n }, (_, i) => summary(offset + i + 1)) };
    });
    const ids = await pager.allIds();
    expect(ids).toHaveLength(250);
    expect(ids[0]).toBe(1);
    expect(ids[249]).toBe(250);
    expect(calls).toEqual([
      [0, 1000],
      [100, 1000],
      [200, 1000],
    ]);
  });
});
