/**
 * Saved searches ("smart collections"): a name, a query and filters kept in
 * `saved_searches`. What a saved search holds is never stored: it is counted
 * (and, by the renderer, listed) by running the query again, so an import or
 * an edit changes its articles and count without anything to keep in step.
 */
import { MizanError } from '../../../preload/contract/errors';
import type { ParsedInput, Handlers } from '../../../preload/contract';
import type { ArticleFilter } from '../../../preload/contract/library';
import type { SavedSearchInfo } from '../../../preload/contract/search';
import { nameKey } from '../../../common/text/names';
import type { Database, Writer } from '../db/connection';
import { listArticles } from '../library/articleReader';
import type { SearchService } from './searchService';

interface SavedRow {
  id: number;
  name: string;
  query: string;
  filter_json: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, name, query, filter_json, created_at, updated_at';

function filterOf(row: SavedRow): ArticleFilter {
  // Written by this module from a filter the contract validated (the column is CHECKed as JSON).
  const parsed: unknown = JSON.parse(row.filter_json);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as ArticleFilter) : {};
}

export interface SavedSearchDeps {
  db: Database;
  search: Pick<SearchService, 'query'>;
  now: () => Date;
}

/** The `search.*SavedSearch*` handlers. */
export function savedSearchHandlers({
  db,
  search,
  now,
}: SavedSearchDeps): Pick<
  Handlers,
  'search.listSavedSearches' | 'search.saveSearch' | 'search.renameSavedSearch' | 'search.deleteSavedSearch'
> {
  /** How many articles the query and filter find now: the search's total, or the filtered list's. */
  async function countOf(query: string, filter: ArticleFilter): Promise<number> {
    if (query.trim() === '')
      return (await listArticles(db, { offset: 0, limit: 1, sort: 'publishedAt', order: 'desc', filter })).total;
    const results = await search.query({
      query,
      filter,
      offset: 0,
      limit: 1,
      facets: false,
      engine: 'fts5',
      sort: 'relevance',
      lenient: false,
    });
    return results.total;
  }

  async function infoOf(row: SavedRow): Promise<SavedSearchInfo> {
    const filter = filterOf(row);
    let articleCount = 0;
    try {
      articleCount = await countOf(row.query, filter);
    } catch (error) {
      // A collection named in the filter may be gone, or the query language may have tightened: it finds nothing.
      if (!(error instanceof MizanError)) throw error;
    }
    return {
      id: row.id,
      name: row.name,
      query: row.query,
      filter,
      articleCount,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async function rowOf(w: Database | Writer, id: number): Promise<SavedRow> {
    const row = await w.get<SavedRow>(`SELECT ${COLUMNS} FROM saved_searches WHERE id = ?`, [id]);
    if (!row) throw new MizanError('NOT_FOUND', `no saved search with id ${id}`);
    return row;
  }

  return {
    'search.listSavedSearches': async () => {
      const rows = await db.all<SavedRow>(`SELECT ${COLUMNS} FROM saved_searches`);
      const infos = await Promise.all(rows.map(infoOf));
      return infos.sort((a, b) => a.name.localeCompare(b.name));
    },
    'search.saveSearch': async ({ name, query, filter }: ParsedInput<'search.saveSearch'>) => {
      // A query that does not parse is refused now rather than saved to find nothing later.
      if (query.trim() !== '') await countOf(query, filter);
      const stamp = now().toISOString();
      const id = await db.write(async (w) => {
        const existing = await w.get<{ id: number }>('SELECT id FROM saved_searches WHERE name_key = ?', [
          nameKey(name),
        ]);
        if (existing) {
          await w.run('UPDATE saved_searches SET query = ?, filter_json = ?, updated_at = ? WHERE id = ?', [
            query,
            JSON.stringify(filter),
            stamp,
            existing.id,
          ]);
          return existing.id;
        }
        const result = await w.run(
          'INSERT INTO saved_searches (name, name_key, query, filter_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          [name.trim(), nameKey(name), query, JSON.stringify(filter), stamp, stamp],
        );
        return result.lastID;
      });
      return infoOf(await rowOf(db, id));
    },
    'search.renameSavedSearch': async ({ id, name }) => {
      await db.write(async (w) => {
        await rowOf(w, id);
        const clash = await w.get<{ id: number }>('SELECT id FROM saved_searches WHERE name_key = ? AND id <> ?', [
          nameKey(name),
          id,
        ]);
        if (clash) throw new MizanError('CONFLICT', `another saved search is already called "${name}"`);
        await w.run('UPDATE saved_searches SET name = ?, name_key = ?, updated_at = ? WHERE id = ?', [
          name.trim(),
          nameKey(name),
          now().toISOString(),
          id,
        ]);
      });
      return infoOf(await rowOf(db, id));
    },
    'search.deleteSavedSearch': async ({ id }) => {
      const result = await db.write((w) => w.run('DELETE FROM saved_searches WHERE id = ?', [id]));
      if (result.changes === 0) throw new MizanError('NOT_FOUND', `no saved search with id ${id}`);
      return { ok: true };
    },
  };
}
