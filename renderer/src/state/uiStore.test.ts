import { describe, expect, it } from 'vitest';
import type { MizanApi } from '../../../preload/contract';
import { etaSeconds } from '../components/Jobs';
import { UiStore } from './uiStore';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

function fakeApi(remote: Record<string, unknown>) {
  const saved: Record<string, unknown>[] = [];
  const api = {
    'app.settings.get': async () => remote,
    'app.settings.set': async ({ values }: { values: Record<string, unknown> }) => {
      saved.push(values);
      return { ok: true as const };
    },
  } as unknown as MizanApi;
  return { api, saved };
}

describe('UiStore', () => {
  it('starts from defaults, takes the foundation renderer’s keys, and rejects bad values field by field', () => {
    const store = new UiStore(memoryStorage({ 'mizan.uiLang': 'ar', 'mizan.listSize': '500' }));
    expect(store.ui.uiLang).toBe('ar');
    expect(store.ui.listSize).toBe(500);
    expect(store.ui.theme).toBe('system');
    const damaged = new UiStore(
      memoryStorage({
        'mizan.workbench': JSON.stringify({ ui: { theme: 'neon', fontScale: 1.2 }, positions: { '3': 0.5 } }),
      }),
    );
    expect(damaged.ui.theme).toBe('system');
    expect(damaged.ui.fontScale).toBe(1.2);
    expect(damaged.position(3)).toBe(0.5);
  });

  it('keeps what was saved last: the library’s copy wins over an older local one, and changes go to both', async () => {
    const storage = memoryStorage();
    const store = new UiStore(storage);
    const { api, saved } = fakeApi({
      ui: { uiLang: 'ar', theme: 'dark', savedAt: Date.now() + 1000 },
      positions: { '7': 0.25 },
    });
    await store.attach(api);
    expect(store.ui).toMatchObject({ uiLang: 'ar', theme: 'dark' });
    expect(store.position(7)).toBe(0.25);
    store.update({ measure: 'wide' });
    store.flush();
    expect(saved.at(-1)).toMatchObject({ ui: { measure: 'wide', uiLang: 'ar' } });
    expect(JSON.parse(storage.getItem('mizan.workbench')!).ui.measure).toBe('wide');

    const newer = new UiStore(storage);
    const stale = fakeApi({ ui: { uiLang: 'en', savedAt: 1 } });
    await newer.attach(stale.api);
    expect(newer.ui.uiLang).toBe('ar');
  });

  it('keeps the search and its facet chips, dates and sort for the next start', () => {
    const storage = memoryStorage();
    const store = new UiStore(storage);
    const refine = {
      chips: [{ kind: 'organisation' as const, value: '8', label: 'الأمم المتحدة' }],
      from: '1437',
      to: '',
      sort: 'newest' as const,
    };
    store.update({ search: 'اللاجئين', refine });
    const next = new UiStore(storage);
    expect(next.ui.search).toBe('اللاجئين');
    expect(next.ui.refine).toEqual(refine);
  });

  it('bounds the activity log and the reading positions', () => {
    const store = new UiStore(memoryStorage());
    for (let i = 0; i < 60; i++) {
      store.putActivity({
        id: `j${i}`,
        kind: 'import',
        label: `${i}`,
        startedAt: '',
        finishedAt: null,
        status: 'done',
        errors: [],
        items: [],
      });
    }
    expect(store.activity).toHaveLength(40);
    expect(store.activity[0]?.id).toBe('j59');
    for (let i = 1; i <= 320; i++) store.setPosition(i, 0.5);
    expect(store.position(1)).toBeUndefined();
    expect(store.position(320)).toBe(0.5);
  });
});

describe('etaSeconds', () => {
  it('estimates the time left from the rate so far, once there is enough to go on', () => {
    expect(etaSeconds({ startedAt: 0, fraction: 0.25 }, 10_000)).toBe(30);
    expect(etaSeconds({ startedAt: 0, fraction: 0.01 }, 10_000)).toBeNull();
    expect(etaSeconds({ startedAt: 0, fraction: null }, 10_000)).toBeNull();
    expect(etaSeconds({ startedAt: 0, fraction: 0.5 }, 500)).toBeNull();
  });
  it('remembers the last column mapping per table header, in localStorage and with the library, the 50 latest', async () => {
    const storage = memoryStorage();
    const store = new UiStore(storage);
    const { api, saved } = fakeApi({
      tableMappings: { 'csv|,|old': { mapping: { body: 'text' }, usedAt: 1 } },
      ui: { savedAt: Date.now() + 1000 },
    });
    await store.attach(api);
    expect(store.tableMapping('csv|,|old')).toEqual({ body: 'text' });
    for (let i = 0; i < 55; i++) store.rememberTableMapping(`sig-${i}`, { title: `h${i}`, body: 'story' });
    expect(store.tableMapping('sig-54')).toEqual({ title: 'h54', body: 'story' });
    expect(store.tableMapping('sig-4')).toBeUndefined();
    expect(store.tableMapping('csv|,|old')).toBeUndefined();
    expect(new UiStore(storage).tableMapping('sig-54')).toEqual({ title: 'h54', body: 'story' });
    store.flush();
    const sent = saved.at(-1)!['tableMappings'] as Record<string, unknown>;
    expect(Object.keys(sent)).toHaveLength(50);
  });
});
