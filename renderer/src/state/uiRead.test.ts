import { describe, expect, it } from 'vitest';
import { readPersisted } from './uiRead';
import { Persisted, UiState, View } from './uiSchema';

/** Values a damaged, older or foreign copy may hold where another was expected. */
const foreign: unknown[] = [undefined, null, true, 0, -1, 0.5, 2, 1e9, Infinity, '', '  ', 'x', [], {}, [1]];

const views: unknown[] = [
  { kind: 'all' },
  { kind: 'highlights' },
  { kind: 'stories' },
  { kind: 'collection', id: 3 },
  { kind: 'tag', name: 'Gaza' },
  { kind: 'source', id: 2 },
  { kind: 'lang', code: 'ar' },
  { kind: 'saved', id: 9 },
  { kind: 'entities', entityKind: 'place' },
  { kind: 'entity', id: 4, name: 'عمان', entityKind: 'organisation' },
];

/** One state with every field set to a value other than its default. */
const sample = {
  ui: {
    uiLang: 'ar',
    theme: 'dark',
    monthSystem: 'egypt',
    digits: 'arab',
    hijri: 'beside',
    sidebarOpen: false,
    sidebarSize: 300,
    listSize: 600,
    fontScale: 1.25,
    measure: 'wide',
    readerView: 'html',
    panelOpen: false,
    sort: 'title',
    order: 'asc',
    view: { kind: 'tag', name: 'Gaza' },
    openedId: 12,
    lastColor: 'pink',
    search: 'الأمم المتحدة',
    refine: {
      chips: [
        { kind: 'person', value: '12', label: 'غوتيريش' },
        { kind: 'year', value: '2016', label: '2016' },
      ],
      from: '1437',
      to: '2016-12',
      sort: 'newest',
    },
    savedAt: 1_765_000_000_000,
  },
  positions: { '3': 0.5, '7': 1 },
  activity: [
    {
      id: 'job-1',
      kind: 'import',
      label: 'Import: a.json',
      said: { key: 'importOne', params: ['a.json'] },
      startedAt: '2026-12-07T06:00:00Z',
      finishedAt: '2026-12-07T06:01:00Z',
      status: 'done',
      counts: { imported: 10, duplicates: 1, errors: 0 },
      message: 'ok',
      saidMessage: { key: 'updateResult', params: [1, 2, 3] },
      errors: [{ path: 'a.json', code: 'IMPORT_EMPTY', message: 'empty' }],
      items: [{ id: 5, title: 'خبر' }],
    },
  ],
  tableMappings: { 'csv|,|a,b': { mapping: { title: ' headline ', body: 'text' }, usedAt: 42 } },
};

/** Every value the walk puts at one place: the sample's own, each choice of an enum, and the foreign ones. */
function* variants(value: unknown, path: string[]): Generator<unknown> {
  yield* foreign;
  if (path.at(-1) === 'view') yield* views;
  const last = path.at(-1) ?? '';
  if (last in UiState.shape) {
    const field = UiState.shape[last as keyof typeof UiState.shape];
    const inner = (field as { def: { innerType?: { options?: unknown[]; minValue?: number; maxValue?: number } } }).def
      .innerType;
    if (inner?.options) yield* inner.options;
    // A range's ends and just beyond them.
    for (const end of [inner?.minValue, inner?.maxValue]) {
      if (end !== undefined && Number.isFinite(end)) yield* [end, end - 0.01, end + 0.01];
    }
  }
  if (typeof value === 'number') yield* [value + 0.5, -value, value * 100];
  if (typeof value === 'string') yield* [`${value}!`, ' '.repeat(3), 'a'.repeat(201)];
  if (Array.isArray(value)) yield* [[...value, ...value], Array.from({ length: 9 }, () => value[0])];
}

/** The sample with one place changed, for every place in it (and an unknown field beside each object's). */
function* mutations(node: unknown, path: string[] = []): Generator<[string[], unknown]> {
  for (const v of variants(node, path)) yield [path, v];
  if (typeof node !== 'object' || node === null) return;
  if (!Array.isArray(node)) yield [path, { ...node, unknownField: 1 }];
  for (const [key, child] of Object.entries(node)) {
    yield* mutations(child, [...path, key]);
  }
}

function replaced(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy = Array.isArray(root) ? [...(root as unknown[])] : { ...(root as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head] = replaced((root as Record<string, unknown>)[head], rest, value);
  return copy;
}

describe('readPersisted', () => {
  it('reads every field of the sample and leaves none at its default', () => {
    expect(Object.keys(sample.ui).sort()).toEqual(Object.keys(UiState.shape).sort());
    const read = readPersisted(sample);
    expect(read).toEqual(Persisted.parse(sample));
    for (const key of Object.keys(UiState.shape)) {
      expect(read?.ui[key as keyof UiState], key).not.toEqual(UiState.parse({})[key as keyof UiState]);
    }
  });

  it('agrees with the schema on each view kind', () => {
    for (const view of views) {
      expect(View.safeParse(view).success, JSON.stringify(view)).toBe(true);
      expect(readPersisted({ ui: { view } })).toEqual(Persisted.parse({ ui: { view } }));
    }
  });

  it('agrees with the schema wherever the stored copy is damaged, one place at a time', () => {
    let cases = 0;
    let changed = 0;
    for (const [path, value] of mutations(sample)) {
      const damaged = replaced(sample, path, value);
      const schema = Persisted.safeParse(damaged);
      const expected = schema.success ? schema.data : null;
      expect(readPersisted(damaged), `${path.join('.')} = ${JSON.stringify(value)}`).toEqual(expected);
      cases += 1;
      if (JSON.stringify(expected) !== JSON.stringify(Persisted.parse(sample))) changed += 1;
    }
    // The walk reaches every field, and most changes are ones the schema notices.
    expect(cases).toBeGreaterThan(800);
    expect(changed).toBeGreaterThan(cases / 2);
  });
});
