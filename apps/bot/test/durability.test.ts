/**
 * Durable acknowledgements, piece by piece: the group commit's batching, the SQLite driver
 * that makes a write wait for the WAL's fsync, and PostgreSQL's synchronous_commit. The
 * whole chain, down to the system calls of the built bot, is faults/power-cut.test.ts.
 */
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../src/store/database.js';
import {
  batchedFlush,
  groupCommitDialect,
  type WalSync,
  withStatementCache,
} from '../src/store/group-commit.js';
import { IN_CI, MISSING_PG, TEST_PG_URL } from './helpers/databases.js';

/** A flush the test finishes by hand, recording each start. */
function manualFlush() {
  const started: { finish: () => void; fail: (error: Error) => void }[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ finish: resolve, fail: reject });
    });
  return { started, flush };
}

/** Which of the promises have settled, after the microtasks run. */
async function settled(promises: Promise<unknown>[]): Promise<boolean[]> {
  const done = promises.map(() => false);
  for (const [i, p] of promises.entries()) {
    const mark = () => {
      done[i] = true;
    };
    p.then(mark, mark);
  }
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('group commit: one fsync per batch, never one that started too early', () => {
  test('callers during a flush wait for the next one, which they all share', async () => {
    const { started, flush } = manualFlush();
    const sync = batchedFlush(flush);
    const first = sync();
    const during = [sync(), sync(), sync()];
    expect(started).toHaveLength(1);
    started[0]?.finish();
    expect(await settled([first, ...during])).toEqual([true, false, false, false]);
    // The second flush started only after the first returned, and serves all three.
    expect(started).toHaveLength(2);
    started[1]?.finish();
    expect(await settled(during)).toEqual([true, true, true]);
    expect(started).toHaveLength(2);
  });

  test('a caller with no flush running starts one at once', async () => {
    const { started, flush } = manualFlush();
    const sync = batchedFlush(flush);
    const one = sync();
    started[0]?.finish();
    await one;
    const two = sync();
    expect(started).toHaveLength(2);
    started[1]?.finish();
    await expect(two).resolves.toBeUndefined();
  });

  test('after a failed fsync every later sync fails, without trusting another one', async () => {
    const { started, flush } = manualFlush();
    const sync = batchedFlush(flush);
    const first = sync();
    const waiting = sync();
    started[0]?.fail(new Error('EIO: i/o error, fdatasync'));
    await expect(first).rejects.toThrow('EIO');
    await expect(waiting).rejects.toThrow('EIO');
    await expect(sync()).rejects.toThrow('EIO');
    expect(started).toHaveLength(1);
  });
});

describe('SQLite: a write is handed back only after the WAL fsync', () => {
  function database() {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (x integer)');
    const syncs: (() => void)[] = [];
    const wal: WalSync = {
      sync: () => new Promise<void>((resolve) => syncs.push(resolve)),
      close: async () => undefined,
    };
    const db = new Kysely<{ t: { x: number } }>({
      dialect: groupCommitDialect(withStatementCache(sqlite), () => wal),
    });
    return { db, syncs };
  }

  test('an insert waits for the sync; a read does not sync at all', async () => {
    const { db, syncs } = database();
    const insert = db.insertInto('t').values({ x: 1 }).execute();
    expect(await settled([insert])).toEqual([false]);
    expect(syncs).toHaveLength(1);
    syncs.shift()?.();
    await insert;
    const rows = await db.selectFrom('t').selectAll().execute();
    expect(rows).toEqual([{ x: 1 }]);
    expect(syncs).toHaveLength(0);
    await db.destroy();
  });

  test('a transaction syncs once, after its COMMIT, and others write meanwhile', async () => {
    const { db, syncs } = database();
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ x: 1 }).execute();
      await trx.insertInto('t').values({ x: 2 }).execute();
    });
    // Held by the first's sync, but not by its connection: the second commits at once.
    const other = db.insertInto('t').values({ x: 3 }).execute();
    await settled([transaction, other]);
    expect(syncs).toHaveLength(2);
    const counted = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(counted.rows[0]?.n).toBe(3);
    expect(await settled([transaction, other])).toEqual([false, false]);
    for (const resolve of syncs.splice(0)) resolve();
    await Promise.all([transaction, other]);
    await db.destroy();
  });
});

describe.skipIf(!TEST_PG_URL && !IN_CI)('PostgreSQL: commits wait for the WAL flush', () => {
  async function sessionSetting(option: string): Promise<string | undefined> {
    if (!TEST_PG_URL) throw new Error(MISSING_PG);
    const separator = TEST_PG_URL.includes('?') ? '&' : '?';
    const url = `${TEST_PG_URL}${separator}options=${encodeURIComponent(`-c synchronous_commit=${option}`)}`;
    const opened = await openDatabase(url, { migrate: false });
    try {
      const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(
        opened.db,
      );
      return rows[0]?.synchronous_commit;
    } finally {
      await opened.close();
    }
  }

  test('a server (or URL) with synchronous_commit=off gets it back on', async () => {
    expect(await sessionSetting('off')).toBe('on');
  });

  test('any setting that flushes is left as it is', async () => {
    expect(await sessionSetting('local')).toBe('local');
    expect(await sessionSetting('remote_apply')).toBe('remote_apply');
  });
});
