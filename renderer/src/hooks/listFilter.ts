import type { ArticleFilter } from '../../../preload/contract';
import type { View } from '../state/uiStore';

export function filterOf(view: View): ArticleFilter {
  switch (view.kind) {
    case 'tag':
      return { tag: view.name };
    case 'source':
      return { sourceIds: [view.id] };
    case 'lang':
      return { lang: view.code };
    case 'collection':
      return { collectionId: view.id };
    case 'entity':
      return { entityId: view.id };
    default:
      return {};
  }
}
