/**
 * The workbench's remembered state: layout, language, theme, reader
 * typography, where the user was, reading positions and the activity log.
 *
 * Kept twice on purpose: in localStorage, read synchronously so the first
 * frame is already right, and with the library through `app.settings.*`,
 * because the web host's origin (its port) changes from run to run and
 * localStorage alone would forget. Whichever copy was saved last wins.
 */
import type { ImportMapping, MizanApi } from '../../../preload/contract';
import { methodNames } from '../../../preload/contract/methodList';
import { defaultUiState, readPersisted } from './uiRead';
import type { ActivityEntry, Persisted, UiState } from './uiSchema';

export type { ActivityEntry, UiState, View } from './uiSchema';
export { defaultUiState };

const LOCAL_KEY = 'mizan.workbench';
const MAX_POSITIONS = 300;
const MAX_ACTIVITY = 40;
const MAX_ERRORS_KEPT = 200;
const MAX_TABLE_MAPPINGS = 50;
const SAVE_DELAY_MS = 400;

function readLocal(storage: Storage | null): Persisted | null {
  try {
    const text = storage?.getItem(LOCAL_KEY);
    if (text) return readPersisted(JSON.parse(text));
    // The foundation's renderer kept two keys of its own.
    const lang = storage?.getItem('mizan.uiLang');
    const list = Number(storage?.getItem('mizan.listSize'));
    if (lang || list) {
      return readPersisted({ ui: { ...(lang ? { uiLang: lang } : {}), ...(list ? { listSize: list } : {}) } });
    }
  } catch {
    // Damaged or unavailable: start from the defaults.
  }
  return null;
}

export class UiStore {
  private data: Persisted;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private api: MizanApi | null = null;
  private dirty = false;
  revision = 0;

  constructor(private readonly storage: Storage | null) {
    this.data = readLocal(storage) ?? { ui: defaultUiState, positions: {}, activity: [], tableMappings: {} };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getRevision = (): number => this.revision;

  get ui(): UiState {
    return this.data.ui;
  }

  get activity(): readonly ActivityEntry[] {
    return this.data.activity;
  }

  position(articleId: number): number | undefined {
    return this.data.positions[String(articleId)];
  }

  tableMapping(signature: string): ImportMapping | undefined {
    return this.data.tableMappings[signature]?.mapping;
  }

  rememberTableMapping(signature: string, mapping: ImportMapping): void {
    const now = Date.now();
    // Kept latest first, so the oldest fall off the end.
    const rest = Object.entries(this.data.tableMappings).filter(([key]) => key !== signature);
    const kept = [[signature, { mapping, usedAt: now }] as const, ...rest].slice(0, MAX_TABLE_MAPPINGS);
    this.data = { ...this.data, tableMappings: Object.fromEntries(kept), ui: { ...this.data.ui, savedAt: now } };
    this.changed(false);
  }

  /** Loads the copy kept with the library and starts saving there; newer wins. */
  async attach(api: MizanApi): Promise<void> {
    this.api = api;
    if (!methodNames.includes('app.settings.get')) return;
    try {
      const remote = await api['app.settings.get']({});
      const parsed = readPersisted({
        ui: remote['ui'] ?? {},
        positions: remote['positions'] ?? {},
        activity: remote['activity'] ?? [],
        tableMappings: remote['tableMappings'] ?? {},
      });
      if (parsed && parsed.ui.savedAt > this.data.ui.savedAt) {
        this.data = parsed;
        this.writeLocal();
        this.emit();
      }
    } catch {
      // The library's copy is a convenience; localStorage still works.
    }
    if (this.dirty) this.schedule();
  }

  update(patch: Partial<UiState>): void {
    const next = { ...this.data.ui, ...patch };
    if (
      Object.keys(patch).every(
        (k) => JSON.stringify(next[k as keyof UiState]) === JSON.stringify(this.data.ui[k as keyof UiState]),
      )
    )
      return;
    this.data = { ...this.data, ui: { ...next, savedAt: Date.now() } };
    this.changed();
  }

  setPosition(articleId: number, fraction: number): void {
    const key = String(articleId);
    const value = Math.round(Math.max(0, Math.min(1, fraction)) * 10_000) / 10_000;
    if (this.data.positions[key] === value) return;
    const positions = { ...this.data.positions };
    delete positions[key];
    positions[key] = value;
    // Oldest first in insertion order: forget the oldest beyond the cap.
    const keys = Object.keys(positions);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_POSITIONS))) delete positions[old];
    this.data = { ...this.data, positions, ui: { ...this.data.ui, savedAt: Date.now() } };
    this.changed(false);
  }

  putActivity(entry: ActivityEntry): void {
    const kept = { ...entry, errors: entry.errors.slice(0, MAX_ERRORS_KEPT), items: entry.items.slice(0, 100) };
    const rest = this.data.activity.filter((e) => e.id !== entry.id);
    this.data = {
      ...this.data,
      activity: [kept, ...rest].slice(0, MAX_ACTIVITY),
      ui: { ...this.data.ui, savedAt: Date.now() },
    };
    this.changed();
  }

  clearActivity(): void {
    this.data = {
      ...this.data,
      activity: this.data.activity.filter((e) => e.status === 'running'),
      ui: { ...this.data.ui, savedAt: Date.now() },
    };
    this.changed();
  }

  /** Writes now (before the page goes away). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }

  private changed(notify = true): void {
    this.writeLocal();
    this.dirty = true;
    if (notify) this.emit();
    this.schedule();
  }

  private emit(): void {
    this.revision += 1;
    for (const listener of [...this.listeners]) listener();
  }

  private writeLocal(): void {
    try {
      this.storage?.setItem(LOCAL_KEY, JSON.stringify(this.data));
    } catch {
      // Storage full or disabled: the library's copy still saves.
    }
  }

  private schedule(): void {
    if (!this.api) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, SAVE_DELAY_MS);
  }

  private save(): void {
    if (!this.api || !this.dirty || !methodNames.includes('app.settings.set')) return;
    this.dirty = false;
    const { ui, positions, activity, tableMappings } = this.data;
    this.api['app.settings.set']({ values: { ui, positions, activity, tableMappings } }).catch(() => {
      this.dirty = true;
    });
  }
}
