import { describe, expect, it, vi } from 'vitest';
import { loadMessages, makeI18n } from '../i18n';
import { activeCommands, commandForKey, commandTable, type CommandContext, type KeyPress } from './commandTable';

// The tables load as the page's entry loads them.
await Promise.all([loadMessages('en'), loadMessages('ar')]);

function context(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    openedId: null,
    sidebarOpen: true,
    uiLang: 'en',
    collections: [],
    languages: [],
    dossierAvailable: true,
    canUndo: () => false,
    openPicker: vi.fn(),
    focusSearch: vi.fn(),
    step: vi.fn(),
    setView: vi.fn(),
    showStories: vi.fn(),
    showDossiers: vi.fn(),
    newCollection: vi.fn(),
    showDialog: vi.fn(),
    showActivity: vi.fn(),
    updateUi: vi.fn(),
    cyclePanes: vi.fn(),
    openFind: vi.fn(),
    highlight: vi.fn(),
    tag: vi.fn(),
    collect: vi.fn(),
    editMetadata: vi.fn(),
    addToDossier: vi.fn(),
    deleteOpened: vi.fn(),
    setScale: vi.fn(),
    placeStories: vi.fn(),
    openSavedComparison: vi.fn(),
    reindex: vi.fn(),
    undo: vi.fn(),
    exportList: vi.fn(),
    citeOpened: vi.fn(),
    ...overrides,
  };
}

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

/** What a key press does now: the id of the command it runs, after running it. */
function keyRuns(ctx: CommandContext, event: KeyPress, typing = false): string | null {
  const command = commandForKey(ctx, event, typing);
  command?.run(ctx, { shiftKey: event.shiftKey });
  return command?.id ?? null;
}

describe('command table', () => {
  it('names every command in English and in Arabic, and every key it binds is shown in the palette', () => {
    const ctx = context({
      openedId: 7,
      canUndo: () => true,
      collections: [{ id: 3, name: 'Iraq', description: null, articleCount: 1, createdAt: '2021-07-26T00:00:00Z' }],
      languages: [{ code: 'ar', articleCount: 1 }],
    });
    const en = makeI18n('en');
    const ar = makeI18n('ar');
    const all = activeCommands(ctx);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const command of all) {
      expect(command.label(en), command.id).not.toBe('');
      expect(command.label(ar), command.id).not.toBe('');
      if (command.keys) expect(command.shortcut, command.id).toBeTruthy();
    }
    expect(all.find((c) => c.id === 'open-collection-3')?.label(ar)).toContain('Iraq');
    expect(all.find((c) => c.id === 'open-lang-ar')?.label(en)).toContain('Arabic');
  });

  it("lists the open article's commands only while an article is open, in the table's order", () => {
    const closed = activeCommands(context()).map((c) => c.id);
    const open = activeCommands(context({ openedId: 7 })).map((c) => c.id);
    for (const id of ['find', 'highlight', 'highlight-note', 'tag', 'collect', 'metadata', 'dossier', 'delete']) {
      expect(closed).not.toContain(id);
      expect(open).toContain(id);
    }
    expect(open.slice(0, 4)).toEqual(['import', 'search', 'next', 'prev']);
    expect(open.indexOf('digits-arab') + 1).toBe(open.indexOf('find'));
    expect(closed).not.toContain('undo');
  });

  it('runs the same command from its key as from the palette', () => {
    const ctx = context({ openedId: 7 });
    expect(keyRuns(ctx, press('t'))).toBe('tag');
    expect(ctx.tag).toHaveBeenCalledWith([7]);
    expect(keyRuns(ctx, press('H', { shiftKey: true }))).toBe('highlight-note');
    expect(ctx.highlight).toHaveBeenCalledWith(true);
    expect(keyRuns(ctx, press('='))).toBe('larger');
    expect(keyRuns(ctx, press('-'))).toBe('smaller');
    expect(ctx.setScale).toHaveBeenNthCalledWith(1, 0.1);
    expect(ctx.setScale).toHaveBeenNthCalledWith(2, -0.1);
    expect(keyRuns(ctx, press('d'))).toBe('dossier');
    expect(ctx.addToDossier).toHaveBeenCalledWith([{ kind: 'article', id: 7 }]);
    expect(keyRuns(ctx, press('?', { shiftKey: true }))).toBe('shortcuts');
    expect(ctx.showDialog).toHaveBeenCalledWith('shortcuts');
  });

  it('leaves article keys alone with no article open, and plain keys alone with a modifier or in a text field', () => {
    const none = context();
    expect(keyRuns(none, press('h'))).toBeNull();
    expect(keyRuns(none, press('f', { ctrlKey: true }))).toBeNull();
    expect(keyRuns(none, press('j'))).toBe('next');
    const ctx = context({ openedId: 7 });
    expect(keyRuns(ctx, press('j'), true)).toBeNull();
    expect(keyRuns(ctx, press('h', { altKey: true }))).toBeNull();
    expect(keyRuns(ctx, press('t', { ctrlKey: true }))).toBeNull();
    expect(ctx.tag).not.toHaveBeenCalled();
  });

  it('keeps Ctrl/⌘+F and F6 working from a text field, Shift+F6 going backwards', () => {
    const ctx = context({ openedId: 7 });
    expect(keyRuns(ctx, press('F', { metaKey: true, shiftKey: true }), true)).toBe('find');
    expect(keyRuns(ctx, press('F6', { shiftKey: true }), true)).toBe('pane');
    expect(ctx.cyclePanes).toHaveBeenCalledWith(true);
    expect(keyRuns(ctx, press('F6'))).toBe('pane');
    expect(ctx.cyclePanes).toHaveBeenLastCalledWith(false);
  });

  it('undoes with Ctrl/⌘+Z only while there is something to undo, and not from a text field', () => {
    expect(keyRuns(context(), press('z', { ctrlKey: true }))).toBeNull();
    const ctx = context({ canUndo: () => true });
    expect(keyRuns(ctx, press('z', { ctrlKey: true }), true)).toBeNull();
    expect(keyRuns(ctx, press('z', { ctrlKey: true }))).toBe('undo');
    expect(ctx.undo).toHaveBeenCalledTimes(1);
  });

  it('has one entry per id in the table itself', () => {
    const ids = commandTable.map((entry) => ('family' in entry ? entry.family : entry.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
