/**
 * A small promise layer over npm `sqlite3`.
 *
 * Two connections to one file: a writer, whose work is serialized by an async
 * lock so that a transaction never interleaves with another caller's
 * statements, and a reader, which under WAL sees only committed data and is
 * never blocked by a long import. sqlite3 runs every statement on libuv's
 * thread pool, so neither blocks the main process.
 */
import sqlite3 from 'sqlite3';
import { Lock } from './lock';
import { Statement } from './statement';

export { Statement };

export type SqlValue = string | number | bigint | null | Buffer;
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
export type Row = Record<string, SqlValue>;

export interface RunResult {
  lastID: number;
  changes: number;
}

/** Prepared statements kept per connection for `all` (least recently used dropped first). */
const STATEMENT_CACHE = 64;

/** One open sqlite3 handle with promise methods. */
export class Connection {
  /**
   * `all`'s statements, kept prepared: preparing was a good part of a
   * search's fixed cost (loading a page of 20 articles: 0.18 ms prepared
   * each time, 0.04 ms reused, on the 100,000 library). Only `all`, whose
   * statements run to completion: a statement stopped at its first row
   * (`get`) would hold its read snapshot until reset.
   */
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

  private constructor(private readonly db: sqlite3.Database) {}

  static open(path: string, mode: 'readwrite' | 'readonly'): Promise<Connection> {
    const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, flags, (err) => {
        if (err) reject(new Error(`cannot open library ${path}: ${err.message}`));
        else resolve(new Connection(db));
      });
    });
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function onRun(this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ lastID: this.lastID, changes: this.changes });
      });
    });
  }

  /**
   * Settles only once its statement is finalized: a statement stopped at its
   * first row holds the connection's read transaction (and so its snapshot)
   * open until then, and Database's read-your-writes counts on a read being
   * over when its promise settles.
   */
  get<T = Row>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      // A statement that fails to prepare never calls finalize's callback: its error settles the read.
      const stmt = this.db.prepare(sql, (prepareErr) => {
        if (prepareErr) return reject(prepareErr);
        stmt.get(params, (err: Error | null, row: T | undefined) => {
          stmt.finalize(() => (err ? reject(err) : resolve(row)));
        });
      });
    });
  }

  async all<T = Row>(sql: string, params: SqlParams = []): Promise<T[]> {
    const stmt = await this.cached(sql);
    return new Promise((resolve, reject) => {
      stmt.all(params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  private cached(sql: string): Promise<sqlite3.Statement> {
    const held = this.statements.get(sql);
    if (held) {
      // Most recently used last: the first entry is the one to drop.
      this.statements.delete(sql);
      this.statements.set(sql, held);
      return held;
    }
    const prepared = new Promise<sqlite3.Statement>((resolve, reject) => {
      const stmt = this.db.prepare(sql, (err) => (err ? reject(err) : resolve(stmt)));
    });
    this.statements.set(sql, prepared);
    // A statement that does not prepare is not kept: the error goes to this caller only.
    prepared.catch(() => this.statements.delete(sql));
    if (this.statements.size > STATEMENT_CACHE) {
      const [oldest, dropped] = this.statements.entries().next().value as [string, Promise<sqlite3.Statement>];
      this.statements.delete(oldest);
      // Finalized after whatever is queued on it has run (sqlite3 queues per statement).
      void dropped.then(
        (stmt) => stmt.finalize(),
        () => undefined,
      );
    }
    return prepared;
  }

  /** Finalizes the kept statements: a connection closes only without them. */
  private async forgetStatements(): Promise<void> {
    const held = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(
      held.map((p) =>
        p.then(
          (stmt) => new Promise<void>((resolve) => stmt.finalize(() => resolve())),
          () => undefined,
        ),
      ),
    );
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(sql, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** A prepared statement, for the hot loops of bulk import. */
  prepare(sql: string): Promise<Statement> {
    return new Promise((resolve, reject) => {
      const stmt = this.db.prepare(sql, (err) => (err ? reject(err) : resolve(new Statement(stmt))));
    });
  }

  /**
   * Copies this connection's main database into `destPath` with SQLite's
   * online backup API, `pagesPerStep` pages at a time (-1: all at once).
   * node-sqlite3 ships the API without typings; the shape is declared here.
   */
  backup(destPath: string, pagesPerStep = -1): Promise<void> {
    interface RawBackup {
      step(pages: number, cb: (err: Error | null) => void): void;
      finish(cb?: (err: Error | null) => void): void;
      readonly completed: boolean;
      readonly failed: boolean;
    }
    const withBackup = this.db as unknown as { backup(path: string, cb: (err: Error | null) => void): RawBackup };
    return new Promise((resolve, reject) => {
      const backup = withBackup.backup(destPath, (openErr) => {
        if (openErr) return reject(openErr);
        const next = (): void =>
          backup.step(pagesPerStep, (err) => {
            if (err || backup.failed)
              return backup.finish(() => reject(err ?? new Error(`backup to ${destPath} failed`)));
            if (backup.completed) return backup.finish((finishErr) => (finishErr ? reject(finishErr) : resolve()));
            setImmediate(next);
          });
        next();
      });
    });
  }

  /** Stops the statement running on this connection (SQLITE_INTERRUPT): a long check at shutdown. */
  interrupt(): void {
    this.db.interrupt();
  }

  configure(busyTimeoutMs: number): void {
    this.db.configure('busyTimeout', busyTimeoutMs);
  }

  async close(): Promise<void> {
    await this.forgetStatements();
    return new Promise((resolve, reject) => {
      this.db.close((err) => (err ? reject(err) : resolve()));
    });
  }
}

/** The writer's view inside `Database.write`: plain statements, no locking. */
export type Writer = Pick<Connection, 'run' | 'get' | 'all' | 'exec' | 'prepare'>;

export interface OpenOptions {
  busyTimeoutMs?: number;
}

/** `PRAGMA name = value`: a connection setting, not a query. */
const READER_PRAGMA = /^\s*PRAGMA\s+\w+\s*=/i;

/** Reader connections at most: a second one serves reads while the first still holds a snapshot older than a write. */
const MAX_READERS = 2;

/** A reader connection and its reads running, counted by the write generation each began at. */
interface ReaderSlot {
  conn: Connection;
  running: Map<number, number>;
  settled: Array<() => void>;
}

/**
 * The library database: one writer, readers under WAL.
 *
 * Read-your-writes: a read issued after a write's promise resolved sees that
 * write. A read sees the snapshot its connection's read transaction began
 * with, and reads overlapping on one connection may share one, so a read
 * goes to a reader on which no read begun before the latest write is still
 * running: the first reader, else a second one (opened on demand), else it
 * waits for the older reads of one of them to finish.
 */
export class Database {
  private readonly lock = new Lock();
  private readers: ReaderSlot[];
  private openingReader: Promise<void> | null = null;
  private readonly readerPragmas: string[] = [];
  /** Writes (and exclusive work) finished so far. */
  private writeGeneration = 0;
  private readonly commitHooks: Array<(w: Writer) => Promise<void>> = [];
  // The integrity check running after open (holdWritesUntil): writes wait on
  // it; a failed check leaves the library refusing reads and writes alike.
  private writeGate: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private cancelCheck: (() => void) | null = null;
  private checkGeneration = 0;
  private replacements = 0;

  private constructor(
    readonly path: string,
    // Not readonly: replaceFile() reopens both on a restored file.
    private writer: Connection,
    reader: Connection,
    private readonly busyMs = 5000,
  ) {
    this.readers = [Database.slot(reader)];
  }

  private static slot(conn: Connection): ReaderSlot {
    return { conn, running: new Map(), settled: [] };
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    const busy = options.busyTimeoutMs ?? 5000;
    const { writer, reader } = await Database.connect(path, busy);
    return new Database(path, writer, reader, busy);
  }

  private static async connect(path: string, busy: number): Promise<{ writer: Connection; reader: Connection }> {
    const writer = await Connection.open(path, 'readwrite');
    writer.configure(busy);
    // WAL: readers never block the writer and a crash leaves the file intact.
    const journal = await writer.get<{ journal_mode: string }>('PRAGMA journal_mode = WAL');
    if (path !== ':memory:' && journal?.journal_mode !== 'wal') {
      await writer.close();
      throw new Error(`cannot open library ${path}: WAL journal not available (${journal?.journal_mode})`);
    }
    await writer.exec('PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;');
    // 16 MB of page cache for the writer (SQLite's default is 2 MB): bulk
    // imports insert into indexes with random keys (content hashes, titles,
    // the vocabulary, FTS segments) that outgrow 2 MB at a few thousand
    // articles; with the default each batch re-read and spilled those pages
    // (storing-only runs on 8 SaudiNewsNet days: 0.5-0.9 s less CPU of ~11 s
    // with 64 MB). 64 MB filled up over an import and stayed in the process:
    // all SaudiNewsNet with 16 MB, peak RSS 523 -> 481 MB at the same CPU
    // (36.8 / 36.0 s, load ~20). SQLite fills the cache only as pages are used.
    await writer.exec('PRAGMA cache_size = -16384');
    const reader = path === ':memory:' ? writer : await Connection.open(path, 'readonly');
    reader.configure(busy);
    await reader.exec('PRAGMA foreign_keys = ON;');
    return { writer, reader };
  }

  /** Reads see committed data only (separate connections under WAL), every write resolved before they were issued included. */
  get<T = Row>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    if (READER_PRAGMA.test(sql)) return this.configureReaders<T>(sql);
    return this.read((c) => c.get<T>(sql, params));
  }

  /**
   * A pragma setting through `get` (the search service sizes the readers'
   * page cache so) applies to every reader, the ones opened later included.
   */
  private async configureReaders<T>(sql: string): Promise<T | undefined> {
    this.readerPragmas.push(sql);
    const results = await Promise.all(this.readers.map((slot) => slot.conn.get<T>(sql)));
    return results[0];
  }

  all<T = Row>(sql: string, params: SqlParams = []): Promise<T[]> {
    return this.read((c) => c.all<T>(sql, params));
  }

  private async read<T>(run: (c: Connection) => Promise<T>): Promise<T> {
    if (this.failure) throw this.failure;
    const generation = this.writeGeneration;
    const slot = await this.readerFor(generation);
    slot.running.set(generation, (slot.running.get(generation) ?? 0) + 1);
    try {
      return await run(slot.conn);
    } finally {
      const left = slot.running.get(generation)! - 1;
      if (left > 0) slot.running.set(generation, left);
      else slot.running.delete(generation);
      for (const wake of slot.settled.splice(0)) wake();
    }
  }

  /** A reader with no read running that began before write `generation` finished. */
  private async readerFor(generation: number): Promise<ReaderSlot> {
    // In memory the one connection is the writer: it sees every committed write.
    if (this.readers[0]?.conn === this.writer) return this.readers[0];
    for (;;) {
      const fresh = (slot: ReaderSlot): boolean => [...slot.running.keys()].every((g) => g >= generation);
      const free = this.readers.find(fresh);
      if (free) return free;
      if (this.readers.length < MAX_READERS) {
        this.openingReader ??= this.openReader().finally(() => (this.openingReader = null));
        await this.openingReader;
        continue;
      }
      await Promise.race(this.readers.map((slot) => new Promise<void>((wake) => slot.settled.push(wake))));
    }
  }

  /** A second reader, set up as the first one was. */
  private async openReader(): Promise<void> {
    const conn = await Connection.open(this.path, 'readonly');
    conn.configure(this.busyMs);
    await conn.exec('PRAGMA foreign_keys = ON;');
    for (const pragma of this.readerPragmas) await conn.get(pragma);
    this.readers.push(Database.slot(conn));
  }

  private async closeReaders(): Promise<void> {
    await this.openingReader?.catch(() => undefined);
    const readers = this.readers.splice(0);
    for (const slot of readers) if (slot.conn !== this.writer) await slot.conn.close();
  }

  /**
   * Serves reads at once but holds every write (`write`, `exclusive`, backups)
   * until `check` resolves: the library's integrity check runs in the
   * background after open instead of before it, and nothing is written to a
   * file that has not passed it. When `check` rejects, its error (the
   * caller's LIBRARY_CORRUPT with the recovery path) is what every held and
   * later read or write gets, until `replaceFile` puts a checked file in
   * place. `cancel` stops the check when the library is closed first.
   */
  holdWritesUntil(check: Promise<void>, cancel: () => void = () => undefined): void {
    const generation = ++this.checkGeneration;
    this.cancelCheck = cancel;
    this.writeGate = check.then(
      () => {
        if (generation === this.checkGeneration) this.cancelCheck = null;
      },
      (error: unknown) => {
        if (generation !== this.checkGeneration) return; // a restored file replaced the one checked
        this.cancelCheck = null;
        this.failure = error instanceof Error ? error : new Error(String(error));
      },
    );
  }

  /** Settles when the check given to holdWritesUntil has: null when it passed (or none runs), else its error. */
  async checked(): Promise<Error | null> {
    await this.writeGate;
    return this.failure;
  }

  /** Runs `work` alone on the writer, without a transaction (pragmas, DDL). */
  async exclusive<T>(work: (w: Writer) => Promise<T>): Promise<T> {
    const release = await this.lock.acquire();
    try {
      // Inside the lock: writes keep their order while they wait for the check.
      await this.writeGate;
      if (this.failure) throw this.failure;
      return await work(this.writer);
    } finally {
      // Reads issued from now on must not share a snapshot taken before this work.
      this.writeGeneration++;
      release();
    }
  }

  /**
   * Runs `work` in one IMMEDIATE transaction: all of it is stored or none.
   * IMMEDIATE takes the write lock up front, so a second process (the CLI
   * while the app is open) waits for busy_timeout instead of failing late.
   */
  async write<T>(work: (w: Writer) => Promise<T>): Promise<T> {
    return this.exclusive(async (w) => {
      await w.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(w);
        for (const hook of this.commitHooks) await hook(w);
        await w.exec('COMMIT');
        return result;
      } catch (error) {
        await w.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /**
   * Runs `hook` at the end of every `write` transaction, before COMMIT:
   * derived data (the search index) is brought up to date in the same
   * transaction, whichever code made the change. A hook that throws rolls
   * the whole transaction back. Returns a function that removes the hook.
   */
  beforeCommit(hook: (w: Writer) => Promise<void>): () => void {
    this.commitHooks.push(hook);
    return () => {
      const at = this.commitHooks.indexOf(hook);
      if (at >= 0) this.commitHooks.splice(at, 1);
    };
  }

  /**
   * A consistent copy of the whole library in `destPath` (online backup API),
   * taken on the writer between transactions: readers go on meanwhile.
   */
  backupTo(destPath: string): Promise<void> {
    return this.exclusive(() => this.writer.backup(destPath));
  }

  /**
   * Closes both connections, lets `swap` replace the file on disk (a restore),
   * and opens them again on the same path; this object stays valid for every
   * service holding it. Writes wait on the lock meanwhile. If the reopen
   * fails, the error is thrown and the database is unusable until restarted.
   */
  async replaceFile(swap: () => Promise<void>): Promise<void> {
    if (this.path === ':memory:') throw new Error('an in-memory library has no file to replace');
    const release = await this.lock.acquire();
    try {
      await this.closeReaders();
      await this.writer.close();
      let swapError: unknown = null;
      try {
        await swap();
      } catch (error) {
        swapError = error; // the file was left as it was: reopen it all the same
      }
      const { writer, reader } = await Database.connect(this.path, this.busyMs);
      this.writer = writer;
      for (const pragma of this.readerPragmas) await reader.get(pragma);
      this.readers = [Database.slot(reader)];
      this.writeGeneration++;
      this.replacements++;
      if (swapError !== null) throw swapError;
      // The file now in place passed its own check (swapLibraryFile): the
      // result of a check of the file it replaced no longer applies.
      this.checkGeneration++;
      this.cancelCheck?.();
      this.cancelCheck = null;
      this.writeGate = Promise.resolve();
      this.failure = null;
    } finally {
      release();
    }
  }

  /** Counts the files `replaceFile` put in place: what was derived from the old one is stale. */
  get fileGeneration(): number {
    return this.replacements;
  }

  async close(): Promise<void> {
    this.cancelCheck?.();
    const release = await this.lock.acquire();
    try {
      await this.closeReaders();
      await this.writer.exec('PRAGMA optimize').catch(() => undefined);
      await this.writer.close();
    } finally {
      release();
    }
  }
}
