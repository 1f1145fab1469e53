import { describe, expect, it } from 'vitest';
import type { Envelope, MethodName, Transport } from '../../preload/contract';
import { firstListInput, withEarlyCall } from './earlyCall';
import { readUiState } from './state/uiRead';

/** A transport that records each call and answers with the call's number. */
function counting(): { transport: Transport; calls: Array<[MethodName, unknown]> } {
  const calls: Array<[MethodName, unknown]> = [];
  return {
    calls,
    transport: {
      invoke: (method, input) => {
        calls.push([method, input]);
        return Promise.resolve<Envelope<unknown>>({ ok: true, value: calls.length });
      },
      onProgress: () => () => undefined,
    },
  };
}

const first = { offset: 0, limit: 100, sort: 'publishedAt', order: 'desc', filter: {} };

describe('withEarlyCall', () => {
  it('sends the request at once and answers the same first list call with it, keys in any order', async () => {
    const { transport, calls } = counting();
    const early = withEarlyCall(transport, 'library.listArticles', first);
    expect(calls).toHaveLength(1);
    const answer = await early.invoke(
      'library.listArticles',
      { filter: {}, order: 'desc', sort: 'publishedAt', limit: 100, offset: 0 },
      null,
    );
    expect(answer).toEqual({ ok: true, value: 1 });
    expect(calls).toHaveLength(1);
    // Only once: the next page (or the same page after a change) is asked anew.
    await early.invoke('library.listArticles', first, null);
    expect(calls).toHaveLength(2);
  });

  it('lets other calls through without spending the early answer', async () => {
    const { transport, calls } = counting();
    const early = withEarlyCall(transport, 'library.listArticles', first);
    expect(await early.invoke('app.settings.get', {}, null)).toEqual({ ok: true, value: 2 });
    expect(await early.invoke('library.listArticles', first, null)).toEqual({ ok: true, value: 1 });
    expect(calls.map(([method]) => method)).toEqual(['library.listArticles', 'app.settings.get']);
  });

  it('drops the early answer when the first list call asks for something else', async () => {
    const { transport, calls } = counting();
    const early = withEarlyCall(transport, 'library.listArticles', first);
    const other = { ...first, sort: 'title', order: 'asc' };
    expect(await early.invoke('library.listArticles', other, null)).toEqual({ ok: true, value: 2 });
    expect(calls[1]).toEqual(['library.listArticles', other]);
    // A search first drops it too: a later list of the whole library is asked again, never answered from before.
    const searched = withEarlyCall(counting().transport, 'library.listArticles', first);
    await searched.invoke('search.query', { query: 'x' }, null);
    expect(await searched.invoke('library.listArticles', first, null)).toEqual({ ok: true, value: 3 });
  });

  it('drops an answer nobody took in time', async () => {
    const { transport, calls } = counting();
    let clock = 0;
    const early = withEarlyCall(transport, 'library.listArticles', first, () => clock);
    clock = 60_000;
    expect(await early.invoke('library.listArticles', first, null)).toEqual({ ok: true, value: 2 });
    expect(calls).toHaveLength(2);
  });
});

describe('firstListInput', () => {
  it('is the whole library by date, newest first, for a new profile', () => {
    expect(firstListInput(readUiState({}))).toEqual(first);
  });

  it('follows the remembered view, sort and order', () => {
    expect(
      firstListInput(readUiState({ view: { kind: 'tag', name: 'economy' }, sort: 'title', order: 'asc' })),
    ).toEqual({ ...first, sort: 'title', order: 'asc', filter: { tag: 'economy' } });
    expect(firstListInput(readUiState({ view: { kind: 'source', id: 3 }, sort: 'position' }))).toEqual({
      ...first,
      filter: { sourceIds: [3] },
    });
  });

  it('guesses nothing where the first page comes from elsewhere or carries dates', () => {
    expect(firstListInput(readUiState({ search: 'oil' }))).toBeNull();
    expect(firstListInput(readUiState({ view: { kind: 'saved', id: 2 } }))).toBeNull();
    expect(firstListInput(readUiState({ view: { kind: 'collection', id: 2 }, sort: 'position' }))).toBeNull();
    expect(firstListInput(readUiState({ refine: { from: '2015-01-01' } }))).toBeNull();
  });
});
