/**
 * Reads the remembered state as `uiSchema.ts` defines it, by hand: the store
 * reads it before the first frame, and zod with its schemas would double the
 * script the first screen loads. Each field falls back to its default on its
 * own, unknown fields are dropped; uiRead.test.ts holds every reader here to
 * its schema on valid, damaged and foreign values.
 */
import { entityKinds, facetKinds, highlightColors, importFields, searchSorts } from '../../../preload/contract/lists';
import { noRefine, type SearchRefine } from '../hooks/searchRefine';
import { saidKeys, type Said } from '../text/said';
import type { ActivityEntry, Persisted, UiState, View } from './uiSchema';

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function numberIn(value: unknown, min: number, max: number, fallback: number): number {
  return isNumber(value) && value >= min && value <= max ? value : fallback;
}

function choice<T extends string>(list: readonly T[], value: unknown, fallback: T): T {
  return oneOf(list, value) ? value : fallback;
}

export function readView(value: unknown): View | null {
  const v = fieldsOf(value);
  if (!v) return null;
  switch (v['kind']) {
    case 'all':
    case 'highlights':
    case 'stories':
      return { kind: v['kind'] };
    case 'collection':
    case 'source':
    case 'saved':
      return isId(v['id']) ? { kind: v['kind'], id: v['id'] } : null;
    case 'tag':
      return typeof v['name'] === 'string' && v['name'] !== '' ? { kind: 'tag', name: v['name'] } : null;
    case 'lang':
      return typeof v['code'] === 'string' && v['code'] !== '' ? { kind: 'lang', code: v['code'] } : null;
    case 'entities':
      return oneOf(entityKinds, v['entityKind']) ? { kind: 'entities', entityKind: v['entityKind'] } : null;
    case 'entity': {
      const { id, name, entityKind } = v;
      return isId(id) && typeof name === 'string' && oneOf(entityKinds, entityKind)
        ? { kind: 'entity', id, name, entityKind }
        : null;
    }
    default:
      return null;
  }
}

function stringUpTo(value: unknown, max: number, fallback: string): string {
  return typeof value === 'string' && value.length <= max ? value : fallback;
}

function readRefine(value: unknown): SearchRefine {
  const v = fieldsOf(value);
  if (!v) return noRefine;
  const chips = listOf(v['chips'], (c) => {
    const f = fieldsOf(c);
    if (!f || !oneOf(facetKinds, f['kind'])) return null;
    const { kind, value: chipValue, label } = f;
    return typeof chipValue === 'string' && typeof label === 'string' ? { kind, value: chipValue, label } : null;
  });
  return {
    chips: chips && chips.length <= 40 ? chips : [],
    from: stringUpTo(v['from'], 100, ''),
    to: stringUpTo(v['to'], 100, ''),
    sort: choice(searchSorts, v['sort'], 'relevance'),
  };
}

export function readUiState(value: unknown): UiState {
  const v = fieldsOf(value) ?? {};
  const openedId = v['openedId'];
  return {
    uiLang: choice(['system', 'en', 'ar'], v['uiLang'], 'system'),
    theme: choice(['system', 'light', 'dark'], v['theme'], 'system'),
    monthSystem: choice(['outlet', 'levant', 'egypt', 'maghreb'], v['monthSystem'], 'outlet'),
    digits: choice(['latn', 'arab'], v['digits'], 'latn'),
    hijri: choice(['off', 'beside'], v['hijri'], 'off'),
    sidebarOpen: typeof v['sidebarOpen'] === 'boolean' ? v['sidebarOpen'] : true,
    sidebarSize: numberIn(v['sidebarSize'], 160, 600, 240),
    listSize: numberIn(v['listSize'], 240, 1400, 420),
    fontScale: numberIn(v['fontScale'], 0.7, 1.8, 1),
    measure: choice(['narrow', 'medium', 'wide'], v['measure'], 'medium'),
    readerView: choice(['text', 'html'], v['readerView'], 'text'),
    panelOpen: typeof v['panelOpen'] === 'boolean' ? v['panelOpen'] : true,
    sort: choice(['publishedAt', 'importedAt', 'title', 'source', 'position'], v['sort'], 'publishedAt'),
    order: choice(['asc', 'desc'], v['order'], 'desc'),
    view: readView(v['view']) ?? { kind: 'all' },
    openedId: isId(openedId) ? openedId : null,
    lastColor: choice(highlightColors, v['lastColor'], 'yellow'),
    search: stringUpTo(v['search'], 1000, ''),
    refine: readRefine(v['refine']),
    savedAt: isNumber(v['savedAt']) ? v['savedAt'] : 0,
  };
}

export const defaultUiState: UiState = readUiState({});

function readSaid(value: unknown): Said | null {
  const v = fieldsOf(value);
  if (!v || !oneOf(saidKeys, v['key'])) return null;
  const params = v['params'];
  if (params === undefined) return { key: v['key'] };
  if (!Array.isArray(params) || params.length > 8) return null;
  if (!params.every((p) => typeof p === 'string' || isNumber(p))) return null;
  return { key: v['key'], params: params as (string | number)[] };
}

/** Every element read by `read`, or null when one fails (the schema drops the whole list). */
function listOf<T>(value: unknown, read: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const out: T[] = [];
  for (const item of value) {
    const read1 = read(item);
    if (read1 === null) return null;
    out.push(read1);
  }
  return out;
}

/** Each value read by `read`, or null when one fails. */
function recordOf<T>(value: unknown, read: (item: unknown) => T | null): Record<string, T> | null {
  const v = fieldsOf(value);
  if (!v) return null;
  const out: Record<string, T> = {};
  for (const [key, item] of Object.entries(v)) {
    const read1 = read(item);
    if (read1 === null) return null;
    out[key] = read1;
  }
  return out;
}

function readActivityEntry(value: unknown): ActivityEntry | null {
  const v = fieldsOf(value);
  if (!v) return null;
  const { id, kind, label, startedAt, finishedAt, status, message } = v;
  if (typeof id !== 'string' || typeof kind !== 'string' || typeof label !== 'string') return null;
  if (typeof startedAt !== 'string' || !(finishedAt === null || typeof finishedAt === 'string')) return null;
  if (!oneOf(['running', 'done', 'failed', 'cancelled'], status)) return null;
  if (message !== undefined && typeof message !== 'string') return null;
  const entry: ActivityEntry = { id, kind, label, startedAt, finishedAt, status, errors: [], items: [] };
  if (v['said'] !== undefined) {
    const said = readSaid(v['said']);
    if (!said) return null;
    entry.said = said;
  }
  if (v['counts'] !== undefined) {
    const c = fieldsOf(v['counts']);
    if (!c || !isNumber(c['imported']) || !isNumber(c['duplicates']) || !isNumber(c['errors'])) return null;
    entry.counts = { imported: c['imported'], duplicates: c['duplicates'], errors: c['errors'] };
  }
  if (message !== undefined) entry.message = message;
  if (v['saidMessage'] !== undefined) {
    const said = readSaid(v['saidMessage']);
    if (!said) return null;
    entry.saidMessage = said;
  }
  if (v['errors'] !== undefined) {
    const errors = listOf(v['errors'], (e) => {
      const f = fieldsOf(e);
      if (!f) return null;
      const { path, code, message: text } = f;
      return typeof path === 'string' && typeof code === 'string' && typeof text === 'string'
        ? { path, code, message: text }
        : null;
    });
    if (!errors) return null;
    entry.errors = errors;
  }
  if (v['items'] !== undefined) {
    const items = listOf(v['items'], (i) => {
      const f = fieldsOf(i);
      return f && isNumber(f['id']) && typeof f['title'] === 'string' ? { id: f['id'], title: f['title'] } : null;
    });
    if (!items) return null;
    entry.items = items;
  }
  return entry;
}

type ImportMapping = Persisted['tableMappings'][string]['mapping'];

/** A column mapping: only known parts (an unknown one refuses it all), each a trimmed name of 1-200 characters. */
function readImportMapping(value: unknown): ImportMapping | null {
  const v = fieldsOf(value);
  if (!v) return null;
  const mapping: ImportMapping = {};
  for (const [field, column] of Object.entries(v)) {
    if (!oneOf(importFields, field)) return null;
    if (column === undefined) continue;
    const name = typeof column === 'string' ? column.trim() : '';
    if (name.length < 1 || name.length > 200) return null;
    mapping[field] = name;
  }
  return mapping;
}

/** The whole remembered state, or null when `value` is not an object at all. */
export function readPersisted(value: unknown): Persisted | null {
  const v = fieldsOf(value);
  if (!v) return null;
  return {
    ui: readUiState(v['ui']),
    positions: recordOf(v['positions'], (p) => (isNumber(p) && p >= 0 && p <= 1 ? p : null)) ?? {},
    activity: listOf(v['activity'], readActivityEntry) ?? [],
    tableMappings:
      recordOf(v['tableMappings'], (m) => {
        const f = fieldsOf(m);
        const mapping = f && readImportMapping(f['mapping']);
        return f && mapping && isNumber(f['usedAt']) ? { mapping, usedAt: f['usedAt'] } : null;
      }) ?? {},
  };
}
