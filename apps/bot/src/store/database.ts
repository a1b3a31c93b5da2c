/**
 * Opening the database named by DATABASE_URL: the embedded SQLite file by
 * default (apps/bot/data/cec.sqlite), a file path, a `sqlite:` URL,
 * `:memory:`, or a PostgreSQL server (`postgres://` or `postgresql://`, for a
 * bot sharded over several processes or machines). Every query elsewhere goes
 * through Kysely, so the repositories do not know which one they run on.
 */
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createLogger, type Logger } from '../log.js';
import { describeDatabaseError, redactDatabaseUrl } from './errors.js';
import {
  groupCommitDialect,
  openWalSync,
  type WalSync,
  withStatementCache,
} from './group-commit.js';
import { type Dialect, migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

/** apps/bot, from src/store or dist/store alike. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATABASE_FILE = resolve(PACKAGE_DIR, 'data', 'cec.sqlite');

/** A SQLite file (absolute path) or ':memory:'; or a PostgreSQL server. */
export type DatabaseLocation =
  | { dialect: 'sqlite'; filename: string }
  | {
      dialect: 'postgres';
      /** The URL as given, password included: only for the driver, never for messages. */
      url: string;
      /** The URL with its password replaced by ***, for logs and messages. */
      display: string;
    };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export function isPostgresUrl(url: string): boolean {
  return POSTGRES_URL.test(url.trim());
}

/** Where DATABASE_URL points; relative paths are relative to `cwd`. */
export function resolveDatabaseUrl(url: string | null, cwd = process.cwd()): DatabaseLocation {
  if (url === null || url.trim() === '')
    return { dialect: 'sqlite', filename: DEFAULT_DATABASE_FILE };
  if (isPostgresUrl(url)) {
    const trimmed = url.trim();
    return { dialect: 'postgres', url: trimmed, display: redactDatabaseUrl(trimmed) };
  }
  let path = url.trim();
  const scheme = /^(sqlite|file):/i.exec(path);
  if (scheme) {
    path = path.slice(scheme[0].length);
    // sqlite:///abs/file and sqlite://relative/file both mean a path.
    if (path.startsWith('//')) path = path.slice(2);
    path = decodeURIComponent(path.replace(/\?.*$/, ''));
  }
  if (path === ':memory:') return { dialect: 'sqlite', filename: ':memory:' };
  return { dialect: 'sqlite', filename: isAbsolute(path) ? path : resolve(cwd, path) };
}

/** How a location is shown in logs: the file, or the URL without its password. */
export function describeLocation(location: DatabaseLocation): string {
  return location.dialect === 'sqlite' ? location.filename : location.display;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  location: DatabaseLocation;
  dialect: Dialect;
  /** Applied at open; empty when the schema was already current. */
  migrated: string[];
  close(): Promise<void>;
}

/** Thrown when the database cannot be opened; `message` is one sentence with no secret in it. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** How long a writer waits for another process's lock before failing (ms). */
const BUSY_TIMEOUT_MS = 5000;

function openSqlite(filename: string): SQLite.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL lets readers and one writer work at once (several bot processes, the console).
  sqlite.pragma('journal_mode = WAL');
  // NORMAL: a commit is in the WAL file (safe from a killed process) without an fsync of its
  // own, which would block the event loop; the group commit (group-commit.ts) syncs the WAL
  // before any write is answered, so a power cut cannot lose an acknowledged entry either.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // See CHECKPOINT_INTERVAL_MS: the commit that crosses this mark checkpoints by itself.
  sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  return sqlite;
}

/**
 * WAL checkpoints (copying the WAL back into the database file). SQLite's default runs one
 * inside the commit that takes the WAL past 1,000 pages, about every 300 /logs, and that
 * commit blocks the whole event loop for 3–8 ms, which lands in /log's tail latency. Here a
 * PASSIVE checkpoint runs from a timer every few seconds instead, between interactions (it
 * waits for no reader or writer: what it cannot copy now it copies next time), and the
 * automatic one stays only as a backstop for a burst heavier than the timer keeps up with.
 * Durability does not depend on it: every commit is synced before it is answered.
 */
const CHECKPOINT_INTERVAL_MS = 5000;
/** About 40 MB of WAL with 4 KB pages: reached only when the timer falls far behind. */
const AUTO_CHECKPOINT_PAGES = 10_000;

/** Starts the periodic passive checkpoint; returns what stops it. */
function startCheckpoints(sqlite: SQLite.Database): () => void {
  const timer = setInterval(() => {
    try {
      if (sqlite.open) sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next tick, or the automatic checkpoint, does it.
    }
  }, CHECKPOINT_INTERVAL_MS);
  // Never the reason the process stays alive.
  timer.unref();
  return () => clearInterval(timer);
}

/** How long opening waits for another process that is migrating the same file (ms). */
const MIGRATION_WAIT_MS = 30_000;

/**
 * BEGIN IMMEDIATE, waiting without blocking the thread: better-sqlite3's busy
 * handler sleeps synchronously, which would deadlock two connections of one
 * process (the holder could never finish). So: no busy wait, and async retries.
 */
async function beginImmediate(sqlite: SQLite.Database): Promise<void> {
  const deadline = Date.now() + MIGRATION_WAIT_MS;
  sqlite.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        sqlite.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/**
 * Connections one process keeps to PostgreSQL. The bot awaits one query at a
 * time per interaction, so a few cover bursts; several shards × this must
 * stay under the server's max_connections (100 by default).
 */
export const PG_POOL_SIZE = 5;
/** An unreachable host (packets dropped) would otherwise wait for the OS's TCP timeout. */
export const PG_CONNECT_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Where a lost idle PostgreSQL connection is reported (default: warnings to stderr). */
  log?: Logger;
  /** Run the migrations (default true; the data copy opens its source without them). */
  migrate?: boolean;
}

function openPostgres(
  location: Extract<DatabaseLocation, { dialect: 'postgres' }>,
  log: Logger,
): { db: Kysely<Database>; close: () => Promise<void> } {
  const pool = new pg.Pool({
    connectionString: location.url,
    max: PG_POOL_SIZE,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'cec-bot',
  });
  // A pool with no 'error' listener crashes the process when the server drops an idle
  // connection (restart, failover); the next query simply opens a new one.
  pool.on('error', (error) =>
    log.warn(`a PostgreSQL connection was lost: ${describeDatabaseError(error, location)}`),
  );
  // PostgreSQL answers a COMMIT once its WAL record is flushed, unless synchronous_commit is
  // off; a server configured that way would acknowledge entries a power cut can lose, so such
  // a session turns it back on (queued before the connection's first query).
  pool.on('connect', (client) => {
    client
      .query(
        "select set_config('synchronous_commit', 'on', false) where current_setting('synchronous_commit') = 'off'",
      )
      .catch((error: unknown) =>
        log.warn(`could not check synchronous_commit: ${describeDatabaseError(error, location)}`),
      );
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    async close() {
      if (closed) return;
      closed = true;
      // Kysely ends the pool only once it has used it; end it ourselves otherwise.
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * The schema the bot's tables live in on PostgreSQL: the first schema of the
 * connection's search_path that exists (usually `public`). Kysely's migrator
 * must be told, or it would take another schema's `kysely_migration` table for
 * this one's.
 */
async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  if (!schema) {
    throw new DatabaseOpenError(
      'PostgreSQL has no schema to create the tables in: the search_path of DATABASE_URL names no existing schema (create it, or remove the options=-c search_path=… part).',
    );
  }
  return schema;
}

/** Opens (creating the SQLite file and folder if needed) and migrates to the latest schema. */
export async function openDatabase(
  url: string | null,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  const location = resolveDatabaseUrl(url);
  const log = options.log ?? createLogger({ level: 'warn' });
  let db: Kysely<Database>;
  let close: () => Promise<void>;
  // PostgreSQL: Kysely's migrator takes an advisory lock and runs in a transaction.
  let exclusively = <T>(work: () => Promise<T>) => work();
  if (location.dialect === 'postgres') {
    ({ db, close } = openPostgres(location, log));
  } else {
    let sqlite: SQLite.Database;
    try {
      sqlite = openSqlite(location.filename);
    } catch (error) {
      throw new DatabaseOpenError(describeDatabaseError(error, location), { cause: error });
    }
    let wal: WalSync | null = null;
    const kysely = new Kysely<Database>({
      dialect: groupCommitDialect(withStatementCache(sqlite), () => wal),
    });
    let closed = false;
    db = kysely;
    // Kysely migrates SQLite without a lock or a transaction, so two processes opening a new
    // file at once (shards) would both create the tables. BEGIN IMMEDIATE takes the file's
    // write lock: the second waits, then finds the schema current.
    exclusively = async (work) => {
      await beginImmediate(sqlite);
      try {
        const result = await work();
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    };
    const stopCheckpoints =
      location.filename === ':memory:' ? () => undefined : startCheckpoints(sqlite);
    close = async () => {
      if (closed) return;
      closed = true;
      stopCheckpoints();
      await kysely.destroy();
      // destroy() only closes a connection Kysely has opened; make sure the file is released.
      if (sqlite.open) sqlite.close();
      await wal?.close();
    };
    if (location.filename !== ':memory:') {
      try {
        // The first read transaction in WAL mode creates the -wal file.
        sqlite.pragma('user_version');
        wal = await openWalSync(`${location.filename}-wal`);
      } catch (error) {
        await close();
        throw new DatabaseOpenError(describeDatabaseError(error, location), { cause: error });
      }
    }
  }
  try {
    const schema = location.dialect === 'postgres' ? await currentSchema(db) : null;
    const migrated =
      options.migrate === false
        ? []
        : await exclusively(() =>
            migrateToLatest(db as unknown as Kysely<unknown>, location.dialect, schema),
          );
    return { db, location, dialect: location.dialect, migrated, close };
  } catch (error) {
    await close().catch(() => undefined);
    if (error instanceof DatabaseOpenError) throw error;
    throw new DatabaseOpenError(describeDatabaseError(error, location), { cause: error });
  }
}
