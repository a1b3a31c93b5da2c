/**
 * Opening the database named by DATABASE_URL: the embedded SQLite file by
 * default (apps/bot/data/cec.sqlite), a file path, a `sqlite:` URL, or
 * `:memory:`. Every query elsewhere goes through Kysely, so another dialect
 * plugs in here without touching the repositories.
 */
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

/** apps/bot, from src/store or dist/store alike. */
export const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATABASE_FILE = resolve(PACKAGE_DIR, 'data', 'cec.sqlite');

/** A SQLite file (absolute path) or ':memory:'. */
export interface DatabaseLocation {
  dialect: 'sqlite';
  filename: string;
}

/** Where DATABASE_URL points; relative paths are relative to the working directory. */
export function resolveDatabaseUrl(url: string | null, cwd = process.cwd()): DatabaseLocation {
  if (url === null || url.trim() === '')
    return { dialect: 'sqlite', filename: DEFAULT_DATABASE_FILE };
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

export interface OpenDatabase {
  db: Kysely<Database>;
  location: DatabaseLocation;
  /** Applied at open; empty when the schema was already current. */
  migrated: string[];
  close(): Promise<void>;
}

/** How long a writer waits for another process's lock before failing (ms). */
const BUSY_TIMEOUT_MS = 5000;

function openSqlite(filename: string): SQLite.Database {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL lets readers and one writer work at once (several bot processes, the console).
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL loses nothing when the process dies (even by SIGKILL): a commit is
  // in the WAL file before the call returns. Only a power cut can drop the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/** Distinct SQL texts kept prepared; the bot's queries are a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * better-sqlite3 as Kysely sees it, with each SQL text prepared once. Kysely
 * prepares every query anew, which was the largest cost of a /log; the same
 * few query shapes repeat with different parameters. (A cached statement is
 * never used by two queries at once: better-sqlite3 runs each call to the
 * end synchronously, and the bot does not stream results.)
 */
export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Opens (creating the file and folder if needed) and migrates to the latest schema. */
export async function openDatabase(url: string | null): Promise<OpenDatabase> {
  const location = resolveDatabaseUrl(url);
  const sqlite = openSqlite(location.filename);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
    // destroy() only closes a connection Kysely has opened; make sure the file is released.
    if (sqlite.open) sqlite.close();
  };
  try {
    const migrated = await migrateToLatest(db as unknown as Kysely<unknown>);
    return { db, location, migrated, close };
  } catch (error) {
    await close();
    throw error;
  }
}
