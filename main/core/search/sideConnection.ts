/**
 * The search's own read-only connection, for totals and facets while the
 * page is ranked on the library's reader, and the facet table read on it
 * (it needs a connection that never writes: none with an in-memory library).
 */
import { Connection, type Database } from '../db/connection';
import { createFacetTable, type FacetTable } from './facetTable';

export interface SideConnection {
  conn: Connection;
  /** Database.fileGeneration when this was opened: the file it reads. */
  generation: number;
  facetTable: FacetTable;
}

export interface SideReader {
  /** The connection for the library file as it is now; null for an in-memory library. */
  current(): Promise<SideConnection | null>;
  close(): Promise<void>;
}

export async function openSideReader(db: Database, facetSettleMs: number): Promise<SideReader> {
  const openSide = async (): Promise<SideConnection | null> => {
    if (db.path === ':memory:') return null;
    const generation = db.fileGeneration;
    const conn = await Connection.open(db.path, 'readonly');
    conn.configure(5000);
    await conn.get('PRAGMA cache_size = -16384');
    return { conn, generation, facetTable: createFacetTable(conn, facetSettleMs) };
  };
  let side = await openSide();
  let reopening: Promise<void> | null = null;
  /**
   * The side connection, opened again when the library file was replaced
   * (a restore: Database.replaceFile reopens only its own connections, and
   * this one would go on counting in the replaced file).
   */
  const currentSide = async (): Promise<SideConnection | null> => {
    if (!side || side.generation === db.fileGeneration) return side;
    reopening ??= (async () => {
      const old = side;
      side = await openSide();
      old?.facetTable.close();
      await old?.conn.close().catch(() => undefined);
    })().finally(() => {
      reopening = null;
    });
    await reopening;
    return side;
  };
  return {
    current: currentSide,
    async close() {
      side?.facetTable.close();
      await reopening?.catch(() => undefined);
      await side?.conn.close();
    },
  };
}
