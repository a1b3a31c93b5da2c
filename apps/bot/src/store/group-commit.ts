/**
 * Durable acknowledgements on SQLite by group commit. Commits go to the WAL with
 * synchronous=NORMAL (no fsync inside the commit, which would block the event loop), and
 * whoever wrote then waits for an fdatasync of the WAL file that started after its commit.
 * The fdatasync runs on libuv's thread pool, so the event loop keeps serving interactions,
 * and every commit made while one is running shares the next: one fsync per batch, however
 * many writes are waiting. A reply is sent only after its entry's fsync returned.
 *
 * Syncing the WAL file through a descriptor of our own is enough: the OS flushes the file,
 * not the descriptor, and SQLite's WAL frames are checksummed, so recovery replays exactly
 * the commits whose frames reached the disk, in order. (SQLite itself still syncs the WAL
 * before each checkpoint, so a checkpoint never copies unsynced frames into the database.)
 */
import { type FileHandle, open } from 'node:fs/promises';
import type SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type SqliteDatabase,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';

export interface WalSync {
  /** Resolves once an fdatasync of the WAL that started after this call has returned. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One `flush` at a time, shared by every caller that arrives while the previous one runs.
 * A caller never rides on a flush that started before it called. After a failed flush
 * every later call fails too: once an fsync has failed, the kernel may have dropped the
 * unwritten pages, so a later "successful" one would prove nothing.
 */
export function batchedFlush(flush: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;

  function start(): Promise<void> {
    if (failure) return Promise.reject(failure.error);
    const flushing: Promise<void> = flush().then(
      () => {
        running = null;
      },
      (error: unknown) => {
        running = null;
        failure ??= { error };
        throw error;
      },
    );
    running = flushing;
    return flushing;
  }

  return () => {
    // A batch already queued starts after now: join it.
    if (next) return next;
    if (!running) return start();
    // The flush in progress may have started before this caller's commit: wait for the next.
    next = running
      .catch(() => undefined)
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}

/** The WAL file (`<database>-wal`, which SQLite keeps while any connection is open), for syncing. */
export async function openWalSync(walFile: string): Promise<WalSync> {
  const wal: FileHandle = await open(walFile, 'r');
  return { sync: batchedFlush(() => wal.datasync()), close: () => wal.close() };
}

/**
 * better-sqlite3 as Kysely sees it, with each SQL text prepared once and a note of
 * whether a statement that changes the database ran (Kysely prepares right before it
 * executes). Kysely prepares every query anew, which was the largest cost of a /log; the
 * same few query shapes repeat with different parameters. (A cached statement is never
 * used by two queries at once: better-sqlite3 runs each call to the end synchronously, and
 * the bot does not stream results.)
 */
export interface TrackedSqlite extends SqliteDatabase {
  /** True when a writing statement ran since the last call. */
  takeWrites(): boolean;
}

/** Distinct SQL texts kept prepared; the bot's queries are a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 256;

export function withStatementCache(sqlite: SQLite.Database): TrackedSqlite {
  const statements = new Map<string, SQLite.Statement>();
  let wrote = false;
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      // BEGIN and COMMIT count as read-only; the INSERTs and UPDATEs inside do not.
      if (!statement.readonly) wrote = true;
      return statement;
    },
    takeWrites() {
      const result = wrote;
      wrote = false;
      return result;
    },
  };
}

/**
 * Kysely's SQLite driver, except that releasing the connection after a write waits for
 * the WAL's fsync. Kysely releases a connection after the statement (autocommit) or after
 * COMMIT, and only then hands the result back, so no caller sees a write before it is on
 * disk. The connection itself is released first: other writers commit during the fsync
 * and join the next batch.
 */
class GroupCommitDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly database: TrackedSqlite,
    private readonly wal: () => WalSync | null,
  ) {}
  init() {
    return this.inner.init();
  }
  acquireConnection() {
    return this.inner.acquireConnection();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.inner.savepoint?.(connection, name, compile);
  }
  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.inner.rollbackToSavepoint?.(connection, name, compile);
  }
  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ) {
    await this.inner.releaseSavepoint?.(connection, name, compile);
  }
  async releaseConnection(connection: DatabaseConnection) {
    const wrote = this.database.takeWrites();
    await this.inner.releaseConnection(connection);
    const wal = this.wal();
    if (wrote && wal) await wal.sync();
  }
  destroy() {
    return this.inner.destroy();
  }
}

/** SQLite through Kysely with group commit; `wal` is null until the WAL is open (and for :memory:). */
export function groupCommitDialect(database: TrackedSqlite, wal: () => WalSync | null): Dialect {
  const sqlite = new SqliteDialect({ database });
  return {
    createAdapter: () => sqlite.createAdapter(),
    createIntrospector: (db) => sqlite.createIntrospector(db),
    createQueryCompiler: () => sqlite.createQueryCompiler(),
    createDriver: () => new GroupCommitDriver(sqlite.createDriver(), database, wal),
  };
}
