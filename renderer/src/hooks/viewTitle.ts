/** The list's title: what is searched, or the view's name (a collection, tag, outlet, saved search, entity…). */
import type { I18n } from '../i18n';
import { entityWords } from '../i18nEntities';
import type { View } from '../state/uiStore';
import { languageName } from '../text/format';
import type { Facts } from './useLibraryFacts';

export function viewTitle(
  view: View,
  search: { searching: boolean; text: string },
  facts: Pick<Facts, 'collections' | 'sources' | 'savedSearches'>,
  i18n: I18n,
): string {
  const { t, w, lang, locale } = i18n;
  if (search.searching) return w.searchResultsFor(search.text.trim());
  switch (view.kind) {
    case 'all':
      return w.allArticles;
    case 'highlights':
      return w.highlightsView;
    case 'stories':
      return t.compare.stories;
    case 'collection':
      return facts.collections.find((c) => c.id === view.id)?.name ?? w.collections;
    case 'tag':
      return view.name;
    case 'source':
      return facts.sources.find((s) => s.id === view.id)?.name ?? w.sources;
    case 'saved':
      return facts.savedSearches.find((s) => s.id === view.id)?.name ?? t.selection.savedSearches;
    case 'entity':
      return view.name;
    case 'entities':
      return entityWords(lang).kinds[view.entityKind];
    case 'lang':
      return languageName(view.code, locale);
  }
}
