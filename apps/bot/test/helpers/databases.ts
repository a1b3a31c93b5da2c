/**
 * The storage tests run on both dialects: a SQLite file in a temp folder, and
 * the PostgreSQL server named by TEST_PG_URL (`.ci/run` starts one; locally:
 * eval "$(bash tooling/postgres-for-tests.sh start)"). Each test gets a fresh
 * database: a new file, or a new schema selected through the URL's
 * search_path, so test files run in parallel on one server.
 *
 * Without TEST_PG_URL the PostgreSQL half is skipped with a note, except in CI
 * where every one of its tests fails with the reason.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, onTestFinished } from 'vitest';
import { type OpenedStore, openStore } from '../../src/store/index.js';
import { tempDir } from './context.js';

export type DialectName = 'sqlite' | 'postgres';

export const TEST_PG_URL = process.env.TEST_PG_URL?.trim() || null;

export const IN_CI = !!process.env.CI && !/^(0|false|no)$/i.test(process.env.CI);

export const MISSING_PG =
  'TEST_PG_URL is not set, so the storage tests cannot run against PostgreSQL; CI must run them (.ci/run starts a server), locally: eval "$(bash tooling/postgres-for-tests.sh start)".';

/** A fresh, empty database for one test. */
export interface TestDatabase {
  dialect: DialectName;
  /** DATABASE_URL for it (also for child processes). */
  url: string;
  /** Opens a store on it (another connection each time, like another process); closed after the test. */
  open(options?: { now?: () => Date }): Promise<OpenedStore>;
}

/** The URL with `-c search_path=<schema>` added to its connection options. */
export function withSearchPath(url: string, schema: string): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** One statement on the test server as its superuser (schemas, checks). */
export async function adminQuery<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  if (!TEST_PG_URL) throw new Error(MISSING_PG);
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

let schemas = 0;

/** Creates the database and removes it (closing its stores first) when the current test ends. */
export async function freshDatabase(dialect: DialectName): Promise<TestDatabase> {
  const stores: OpenedStore[] = [];
  let url: string;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = tempDir();
    url = join(dir.path, 'cec.sqlite');
    drop = async () => dir.remove();
  } else {
    const schema = `t_${process.pid}_${++schemas}_${randomBytes(3).toString('hex')}`;
    await adminQuery(`create schema ${schema}`);
    url = withSearchPath(TEST_PG_URL ?? '', schema);
    drop = async () => {
      await adminQuery(`drop schema ${schema} cascade`);
    };
  }
  onTestFinished(async () => {
    for (const store of stores.splice(0)) await store.close();
    await drop();
  });
  return {
    dialect,
    url,
    async open(options = {}) {
      const store = await openStore(url, options);
      stores.push(store);
      return store;
    },
  };
}

const LABEL: Record<DialectName, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

let warned = false;

/** Declares `body`'s tests once per dialect, under "on SQLite" and "on PostgreSQL". */
export function describeEachDialect(body: (dialect: DialectName) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const title = `on ${LABEL[dialect]}`;
    const missing = dialect === 'postgres' && !TEST_PG_URL;
    if (missing && !IN_CI) {
      if (!warned) {
        warned = true;
        console.warn(`NOTE: PostgreSQL storage tests skipped. ${MISSING_PG}`);
      }
      describe.skip(`${title} (skipped: TEST_PG_URL not set)`, () => body(dialect));
      continue;
    }
    describe(title, () => {
      if (missing) {
        beforeAll(() => {
          throw new Error(MISSING_PG);
        });
      }
      body(dialect);
    });
  }
}
