import { describe, expect, it } from 'vitest';
import type { CollectionInfo } from '../../../preload/contract';
import { exportWords } from '../i18nExport';
import { listExportScope } from './exportScope';

const x = exportWords.en;
const collections: CollectionInfo[] = [{ id: 3, name: 'Judges', description: null, articleCount: 2, createdAt: '' }];

describe('what "Export this list" exports', () => {
  it('is the search on screen, narrowed by the view', () => {
    expect(
      listExportScope({ searching: true, search: ' الكاظمي ', view: { kind: 'tag', name: 'iraq' } }, [], x),
    ).toEqual({
      selection: { query: 'الكاظمي', filter: { tag: 'iraq' } },
      scope: 'The results of the search \u2068الكاظمي\u2069',
    });
  });
  it('is a collection in its own order, a filtered list, or the library', () => {
    const view = { kind: 'collection', id: 3 } as const;
    expect(listExportScope({ searching: false, search: '', view }, collections, x).selection).toEqual({
      collectionId: 3,
    });
    expect(
      listExportScope({ searching: false, search: '', view: { kind: 'lang', code: 'ar' } }, [], x).selection,
    ).toEqual({
      filter: { lang: 'ar' },
    });
    expect(listExportScope({ searching: false, search: '', view: { kind: 'all' } }, [], x).selection).toEqual({
      all: true,
    });
  });
});
