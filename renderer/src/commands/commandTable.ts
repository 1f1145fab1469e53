/**
 * Every command of the workbench, once: its name (read from the string
 * tables, so it exists in English and Arabic), the words that find it in the
 * palette, its shortcut, when it applies, and what it does. The command
 * palette lists the commands that apply; the keyboard runs the one whose key
 * was pressed. A command added here is in both.
 */
import type { CollectionInfo, DossierItemRef, LanguageInfo } from '../../../preload/contract';
import { methodNames } from '../../../preload/contract/methodList';
import { clusteringAvailable } from '../components/compare/useClusterJob';
import type { I18n } from '../i18n';
import { exportWords } from '../i18nExport';
import type { UiState, View } from '../state/uiStore';
import { languageName } from '../text/format';
import { entityWords } from '../i18nEntities';

/** What the commands read and call; the app builds one on each render. */
export interface CommandContext {
  openedId: number | null;
  sidebarOpen: boolean;
  uiLang: 'en' | 'ar';
  collections: readonly CollectionInfo[];
  languages: readonly LanguageInfo[];
  dossierAvailable: boolean;
  canUndo(): boolean;
  openPicker(): void;
  focusSearch(): void;
  step(delta: number): void;
  setView(view: View): void;
  showStories(): void;
  showDossiers(): void;
  newCollection(): void;
  showDialog(kind: 'sources' | 'settings' | 'shortcuts'): void;
  showActivity(): void;
  updateUi(patch: Partial<UiState>): void;
  cyclePanes(backwards: boolean): void;
  openFind(): void;
  highlight(withNote: boolean): void;
  tag(ids: number[]): void;
  collect(ids: number[]): void;
  editMetadata(): void;
  addToDossier(items: DossierItemRef[]): void;
  deleteOpened(): void;
  setScale(delta: number): void;
  placeStories(mode: 'incremental' | 'full'): void;
  openSavedComparison(): void;
  reindex(): void;
  undo(): void;
  /** Citations, notes or JSON Lines of the list on screen. */
  exportList(): void;
  /** A citation of the opened article, to copy or download. */
  citeOpened(): void;
}

/**
 * A key that runs a command. `key` is KeyboardEvent.key. With `mod`, Ctrl or
 * ⌘ must be held and the key is compared without case; without it, no
 * Ctrl/⌘/Alt may be held. Keys work only outside text fields unless
 * `whileTyping` (then held modifiers are not looked at, as for F6).
 */
export interface KeyBinding {
  key: string;
  mod?: boolean;
  whileTyping?: boolean;
}

export interface CommandSpec {
  id: string;
  label(i18n: I18n): string;
  /** Other words that find it (the English name in the Arabic UI, synonyms). */
  keywords: string;
  /** The keys as the palette shows them. */
  shortcut?: string;
  keys?: readonly KeyBinding[];
  /** Listed and run only while this holds (always when absent). */
  when?(ctx: CommandContext): boolean;
  run(ctx: CommandContext, key?: { shiftKey: boolean }): void;
}

/** Commands made from the library's contents (one per collection, per language). */
export interface CommandFamily {
  family: string;
  expand(ctx: CommandContext): CommandSpec[];
}

const opened = (ctx: CommandContext) => ctx.openedId !== null;
const reindexAvailable = methodNames.includes('search.reindex');
const ui = (patch: Partial<UiState>) => (ctx: CommandContext) => ctx.updateUi(patch);

export const commandTable: readonly (CommandSpec | CommandFamily)[] = [
  { id: 'import', label: (l) => l.t.importButton, keywords: 'import files add استيراد', run: (c) => c.openPicker() },
  {
    id: 'search',
    label: (l) => l.w.focusSearch,
    keywords: 'search find بحث',
    shortcut: '/',
    keys: [{ key: '/' }],
    run: (c) => c.focusSearch(),
  },
  {
    id: 'next',
    label: (l) => l.w.nextArticle,
    keywords: 'next down',
    shortcut: 'j',
    keys: [{ key: 'j' }],
    run: (c) => c.step(1),
  },
  {
    id: 'prev',
    label: (l) => l.w.prevArticle,
    keywords: 'previous up',
    shortcut: 'k',
    keys: [{ key: 'k' }],
    run: (c) => c.step(-1),
  },
  {
    id: 'view-all',
    label: (l) => l.w.allArticles,
    keywords: 'library all',
    run: (c) => c.setView({ kind: 'all' }),
  },
  {
    id: 'view-highlights',
    label: (l) => l.w.highlightsView,
    keywords: 'highlights annotations',
    run: (c) => c.setView({ kind: 'highlights' }),
  },
  {
    id: 'view-stories',
    label: (l) => l.t.compare.stories,
    keywords: 'stories clusters compare coverage outlets قصص',
    run: (c) => c.showStories(),
  },
  {
    family: 'browse-entities',
    expand: () =>
      (['person', 'place', 'organisation'] as const).map((kind) => ({
        id: `browse-${kind}`,
        label: (l: I18n) => entityWords(l.lang).browse[kind],
        keywords: `names entities ${kind} people places organisations الأسماء ${entityWords('ar').kinds[kind]}`,
        run: (c: CommandContext) => c.setView({ kind: 'entities', entityKind: kind }),
      })),
  },
  {
    id: 'view-dossiers',
    label: (l) => l.ds.openDossiers,
    keywords: 'dossiers export pdf html sections',
    when: (c) => c.dossierAvailable,
    run: (c) => c.showDossiers(),
  },
  {
    id: 'new-collection',
    label: (l) => l.w.newCollection,
    keywords: 'collection create new',
    run: (c) => c.newCollection(),
  },
  {
    id: 'sources',
    label: (l) => l.w.manageSources,
    keywords: 'sources merge rename outlet',
    run: (c) => c.showDialog('sources'),
  },
  {
    id: 'activity',
    label: (l) => l.w.showActivity,
    keywords: 'activity log progress errors',
    run: (c) => c.showActivity(),
  },
  {
    id: 'export-list',
    label: (l) => exportWords[l.lang].exportList,
    keywords: 'export citations bibtex ris zotero notes markdown obsidian jsonl تصدير توثيق',
    run: (c) => c.exportList(),
  },
  {
    id: 'cite',
    label: (l) => exportWords[l.lang].citeArticle,
    keywords: 'cite citation reference chicago apa bibtex zotero توثيق مرجع',
    when: opened,
    run: (c) => c.citeOpened(),
  },
  {
    id: 'settings',
    label: (l) => l.w.settings,
    keywords: 'settings preferences',
    run: (c) => c.showDialog('settings'),
  },
  {
    id: 'shortcuts',
    label: (l) => l.w.shortcutsTitle,
    keywords: 'keyboard shortcuts help',
    shortcut: '?',
    keys: [{ key: '?' }],
    run: (c) => c.showDialog('shortcuts'),
  },
  {
    id: 'sidebar',
    label: (l) => l.w.toggleSidebar,
    keywords: 'sidebar panel',
    run: (c) => c.updateUi({ sidebarOpen: !c.sidebarOpen }),
  },
  {
    id: 'pane',
    label: (l) => l.w.nextPane,
    keywords: 'pane focus',
    shortcut: 'F6',
    keys: [{ key: 'F6', whileTyping: true }],
    run: (c, key) => c.cyclePanes(key?.shiftKey ?? false),
  },
  {
    id: 'lang',
    label: (l) => l.t.switchLanguage,
    keywords: 'language arabic english لغة',
    run: (c) => c.updateUi({ uiLang: c.uiLang === 'ar' ? 'en' : 'ar' }),
  },
  { id: 'lang-system', label: (l) => l.w.langSystem, keywords: 'language system', run: ui({ uiLang: 'system' }) },
  { id: 'theme-light', label: (l) => l.w.themeLight, keywords: 'theme light', run: ui({ theme: 'light' }) },
  { id: 'theme-dark', label: (l) => l.w.themeDark, keywords: 'theme dark night', run: ui({ theme: 'dark' }) },
  { id: 'theme-system', label: (l) => l.w.themeSystem, keywords: 'theme system', run: ui({ theme: 'system' }) },
  { id: 'month-levant', label: (l) => l.w.monthLevant, keywords: 'months تموز', run: ui({ monthSystem: 'levant' }) },
  { id: 'month-egypt', label: (l) => l.w.monthEgypt, keywords: 'months يوليو', run: ui({ monthSystem: 'egypt' }) },
  {
    id: 'month-maghreb',
    label: (l) => l.w.monthMaghreb,
    keywords: 'months جويلية',
    run: ui({ monthSystem: 'maghreb' }),
  },
  { id: 'digits-latn', label: (l) => l.w.digitsLatn, keywords: 'digits numbers', run: ui({ digits: 'latn' }) },
  { id: 'digits-arab', label: (l) => l.w.digitsArab, keywords: 'digits numbers', run: ui({ digits: 'arab' }) },
  // The open article's commands.
  {
    id: 'find',
    label: (l) => l.w.find,
    keywords: 'find in article',
    shortcut: 'Ctrl F',
    keys: [{ key: 'f', mod: true, whileTyping: true }],
    when: opened,
    run: (c) => c.openFind(),
  },
  {
    id: 'highlight',
    label: (l) => l.w.highlight,
    keywords: 'highlight mark',
    shortcut: 'h',
    keys: [{ key: 'h' }],
    when: opened,
    run: (c) => c.highlight(false),
  },
  {
    id: 'highlight-note',
    label: (l) => l.w.highlightWithNote,
    keywords: 'highlight note',
    shortcut: 'Shift H',
    keys: [{ key: 'H' }],
    when: opened,
    run: (c) => c.highlight(true),
  },
  {
    id: 'tag',
    label: (l) => l.w.addTag,
    keywords: 'tag label',
    shortcut: 't',
    keys: [{ key: 't' }],
    when: opened,
    run: (c) => c.tag([c.openedId!]),
  },
  {
    id: 'collect',
    label: (l) => l.w.addToCollection,
    keywords: 'collection add',
    shortcut: 'c',
    keys: [{ key: 'c' }],
    when: opened,
    run: (c) => c.collect([c.openedId!]),
  },
  {
    id: 'metadata',
    label: (l) => l.w.editMetadata,
    keywords: 'edit metadata details',
    shortcut: 'e',
    keys: [{ key: 'e' }],
    when: opened,
    run: (c) => c.editMetadata(),
  },
  {
    id: 'dossier',
    label: (l) => l.w.addToDossier,
    keywords: 'dossier',
    shortcut: 'd',
    keys: [{ key: 'd' }],
    when: opened,
    run: (c) => c.addToDossier([{ kind: 'article', id: c.openedId! }]),
  },
  {
    id: 'delete',
    label: (l) => l.w.deleteArticle,
    keywords: 'delete remove',
    shortcut: 'Del',
    keys: [{ key: 'Delete' }],
    when: opened,
    run: (c) => c.deleteOpened(),
  },
  {
    id: 'larger',
    label: (l) => l.w.textLarger,
    keywords: 'font size bigger',
    shortcut: '+',
    keys: [{ key: '+' }, { key: '=' }],
    when: opened,
    run: (c) => c.setScale(0.1),
  },
  {
    id: 'smaller',
    label: (l) => l.w.textSmaller,
    keywords: 'font size smaller',
    shortcut: '−',
    keys: [{ key: '-' }],
    when: opened,
    run: (c) => c.setScale(-0.1),
  },
  {
    family: 'open-collection',
    expand: (ctx) =>
      ctx.collections.map((col) => ({
        id: `open-collection-${col.id}`,
        label: (l) => `${l.w.collections}: ${col.name}`,
        keywords: 'collection open',
        run: (c) => c.setView({ kind: 'collection', id: col.id }),
      })),
  },
  {
    family: 'open-lang',
    expand: (ctx) =>
      ctx.languages.map((lang) => ({
        id: `open-lang-${lang.code}`,
        label: (l) => `${l.w.languages}: ${languageName(lang.code, l.locale)}`,
        keywords: lang.code,
        run: (c) => c.setView({ kind: 'lang', code: lang.code }),
      })),
  },
  {
    id: 'place-stories',
    label: (l) => l.t.compare.placeNow,
    keywords: 'stories clusters find',
    when: () => clusteringAvailable,
    run: (c) => c.placeStories('incremental'),
  },
  {
    id: 'rebuild-stories',
    label: (l) => l.t.compare.rebuildStories,
    keywords: 'stories clusters rebuild full',
    when: () => clusteringAvailable,
    run: (c) => c.placeStories('full'),
  },
  {
    id: 'open-comparison',
    label: (l) => l.t.compare.openSaved,
    keywords: 'comparison saved open dossier',
    when: () => clusteringAvailable,
    run: (c) => c.openSavedComparison(),
  },
  {
    id: 'reindex',
    label: (l) => l.w.reindex,
    keywords: 'reindex search index',
    when: () => reindexAvailable,
    run: (c) => c.reindex(),
  },
  {
    id: 'undo',
    label: (l) => l.w.undo,
    keywords: 'undo restore deleted',
    shortcut: 'Ctrl Z',
    keys: [{ key: 'z', mod: true }],
    when: (c) => c.canUndo(),
    run: (c) => c.undo(),
  },
];

/** The commands that apply now, families expanded, in table order. */
export function activeCommands(
  ctx: CommandContext,
  table: readonly (CommandSpec | CommandFamily)[] = commandTable,
): CommandSpec[] {
  return table
    .flatMap((entry) => ('family' in entry ? entry.expand(ctx) : [entry]))
    .filter((spec) => !spec.when || spec.when(ctx));
}

/** What keyBinding matching reads of a KeyboardEvent. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function bindingMatches(binding: KeyBinding, event: KeyPress, typing: boolean): boolean {
  if (typing && !binding.whileTyping) return false;
  const mod = event.ctrlKey || event.metaKey;
  if (binding.mod) return mod && event.key.toLowerCase() === binding.key;
  if (binding.whileTyping) return event.key === binding.key;
  return !mod && !event.altKey && event.key === binding.key;
}

/** The command a key press runs now, if any. `typing`: focus is in a text field. */
export function commandForKey(
  ctx: CommandContext,
  event: KeyPress,
  typing: boolean,
  table: readonly (CommandSpec | CommandFamily)[] = commandTable,
): CommandSpec | null {
  for (const spec of activeCommands(ctx, table))
    if (spec.keys?.some((binding) => bindingMatches(binding, event, typing))) return spec;
  return null;
}
