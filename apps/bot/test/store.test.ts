/**
 * The store. Its repositories, migrations, send log and leases run on a real
 * SQLite file in a temp folder and on a real PostgreSQL server (a fresh schema
 * per test); what only one dialect has (SQLite's pragmas and statement cache,
 * :memory:, PostgreSQL's connection errors and pool) is tested on that one.
 */
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { newEntryId } from '../src/store/activities.js';
import { PACKAGE_DIR, resolveDatabaseUrl } from '../src/store/database.js';
import { redactDatabaseUrl } from '../src/store/errors.js';
import { withStatementCache } from '../src/store/group-commit.js';
import { DatabaseOpenError, openStore, type Store } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { ALICE, BOB, GUILD, tempDir } from './helpers/context.js';
import {
  adminQuery,
  describeEachDialect,
  freshDatabase,
  TEST_PG_URL,
  withSearchPath,
} from './helpers/databases.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fileStore(): Promise<{ store: Store; file: string; dir: string }> {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  const file = join(dir.path, 'nested', 'cec.sqlite');
  const store = await openStore(file);
  cleanups.push(() => store.close());
  return { store, file, dir: dir.path };
}

describe('DATABASE_URL', () => {
  test('unset means apps/bot/data/cec.sqlite, whatever the working directory', () => {
    expect(resolveDatabaseUrl(null, '/somewhere/else')).toEqual({
      dialect: 'sqlite',
      filename: resolve(PACKAGE_DIR, 'data', 'cec.sqlite'),
    });
    expect(PACKAGE_DIR.endsWith(join('apps', 'bot'))).toBe(true);
  });

  test.each([
    [':memory:', ':memory:'],
    ['sqlite::memory:', ':memory:'],
    ['/tmp/a.sqlite', '/tmp/a.sqlite'],
    ['data/b.sqlite', '/work/dir/data/b.sqlite'],
    ['sqlite:data/c.sqlite', '/work/dir/data/c.sqlite'],
    ['sqlite:///tmp/d.sqlite', '/tmp/d.sqlite'],
    ['file:/tmp/e%20f.sqlite', '/tmp/e f.sqlite'],
  ])('%s → %s', (url, filename) => {
    expect(resolveDatabaseUrl(url, '/work/dir')).toEqual({ dialect: 'sqlite', filename });
  });

  test.each([
    ['postgres://cec:s3cret@db.example.org:5432/cec', 'postgres://cec:***@db.example.org:5432/cec'],
    [
      'postgresql://cec:p%40ss@db/cec?sslmode=require',
      'postgresql://cec:***@db/cec?sslmode=require',
    ],
    ['POSTGRES://db/cec', 'postgres://db/cec'],
    ['postgres://cec@db/cec?password=s3cret', 'postgres://cec@db/cec?password=***'],
  ])('%s is PostgreSQL, shown as %s', (url, display) => {
    expect(resolveDatabaseUrl(url)).toEqual({ dialect: 'postgres', url, display });
    expect(redactDatabaseUrl(url)).toBe(display);
  });

  test('a URL that URL() cannot read still loses its password', () => {
    expect(redactDatabaseUrl('postgres://cec:pa ss word@db host/cec')).toBe(
      'postgres://cec:***@db host/cec',
    );
  });
});

describe('opening a SQLite file', () => {
  test('creates the folder and file, in WAL mode with foreign keys and a busy timeout', async () => {
    const { store } = await fileStore();
    const pragma = async (name: string) =>
      (await sql<Record<string, unknown>>`${sql.raw(`PRAGMA ${name}`)}`.execute(store.db)).rows[0];
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    // Checkpoints come from a timer; the automatic one is only a backstop (database.ts).
    expect(await pragma('wal_autocheckpoint')).toEqual({ wal_autocheckpoint: 10_000 });
    expect(await pragma('integrity_check')).toEqual({ integrity_check: 'ok' });
  });

  test('migrations run once and are recorded in the schema version table', async () => {
    const { store, file } = await fileStore();
    const versions = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(
      store.db,
    );
    expect(versions.rows.map((r) => r.name)).toEqual(MIGRATIONS);
    await store.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });
    await store.close();

    const again = await openStore(file);
    cleanups.push(() => again.close());
    expect(again.migrated).toEqual([]);
    expect(await again.activities.count(ALICE.id)).toBe(1);
  });

  test('a path that cannot be a database file gets one sentence naming it', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const error = await openStore(dir.path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Cannot open the SQLite file ${dir.path}: .+\\(check the path in DATABASE_URL`),
    );
  });

  test(':memory: works and keeps nothing', async () => {
    const first = await openStore(':memory:');
    await first.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });
    expect(await first.activities.count(ALICE.id)).toBe(1);
    await first.close();
    const second = await openStore(':memory:');
    expect(await second.activities.count(ALICE.id)).toBe(0);
    await second.close();
  });
});

describe('speed-ups that must not change results', () => {
  test('each SQL text is prepared once and its statement reused', () => {
    const sqlite = new SQLite(':memory:');
    let prepared = 0;
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared++;
      return prepare(text);
    }) as typeof sqlite.prepare;
    const cached = withStatementCache(sqlite);
    cached.prepare('CREATE TABLE t (x INTEGER)').run([]);
    for (let i = 0; i < 5; i++) cached.prepare('INSERT INTO t VALUES (?)').run([i]);
    expect(cached.prepare('SELECT sum(x) AS s FROM t').all([])).toEqual([{ s: 10 }]);
    expect(prepared).toBe(3);
    cached.close();
  });

  test('entry ids: eight characters from the unambiguous alphabet, no repeats in 20,000', () => {
    const ids = Array.from({ length: 20_000 }, newEntryId);
    for (const id of ids) expect(id).toMatch(/^[2-9a-hjkmnp-z]{8}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describeEachDialect((dialect) => {
  async function twoConnections() {
    const database = await freshDatabase(dialect);
    return { database, store: await database.open(), other: await database.open() };
  }

  describe('schema', () => {
    test('migrations run once, are recorded, and the data is there after reopening', async () => {
      const database = await freshDatabase(dialect);
      const store = await database.open();
      expect(store.dialect).toBe(dialect);
      expect(store.migrated).toEqual(MIGRATIONS);
      const versions = await sql<{
        name: string;
      }>`SELECT name FROM kysely_migration ORDER BY name`.execute(store.db);
      expect(versions.rows.map((r) => r.name)).toEqual(MIGRATIONS);
      await store.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });

      const again = await database.open();
      expect(again.migrated).toEqual([]);
      expect(await again.activities.count(ALICE.id)).toBe(1);
    });

    test('two processes starting at once on an empty database: one migrates, both work', async () => {
      const database = await freshDatabase(dialect);
      const [first, second] = await Promise.all([database.open(), database.open()]);
      expect([...first.migrated, ...second.migrated].sort()).toEqual(MIGRATIONS);
      await first.groups.join(GUILD, ALICE.id, 'Alice');
      expect(await second.groups.isMember(GUILD, ALICE.id)).toBe(true);
    });
  });

  describe('repositories', () => {
    test('the entry cap holds when one member adds from several connections at once', async () => {
      const database = await freshDatabase(dialect);
      const [one, two] = [await database.open(), await database.open()];
      const LIMIT = 1000;
      await one.db
        .insertInto('activities')
        .values(
          Array.from({ length: LIMIT - 2 }, (_, i) => ({
            id: `fill${String(i).padStart(4, '0')}`,
            user_id: ALICE.id,
            kind: 'mentoring',
            completed: '2026-01-01',
            data: JSON.stringify({ kind: 'mentoring', completed: '2026-01-01' }),
            created_at: '2026-01-01T00:00:00.000Z',
          })),
        )
        .execute();
      const activity = { kind: 'mentoring', completed: '2026-02-01' } as const;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 ? one : two).activities.addWithin(ALICE.id, activity, LIMIT),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(2);
      expect(await one.activities.count(ALICE.id)).toBe(LIMIT);
      // Another member is not held back by Alice's full record.
      expect(await two.activities.addWithin(BOB.id, activity, LIMIT)).not.toBeNull();
      expect(await two.activities.addWithin(ALICE.id, activity, LIMIT)).toBeNull();
    });

    test('activities belong to their member: find and remove never cross members', async () => {
      const store = await (await freshDatabase(dialect)).open();
      const mine = await store.activities.add(ALICE.id, {
        kind: 'cpr-aed',
        term: '2yr',
        completed: '2026-01-15',
      });
      expect(mine.id).toMatch(/^[2-9a-hjkmnp-z]{8}$/);
      expect(await store.activities.find(BOB.id, mine.id)).toBeNull();
      expect(await store.activities.remove(BOB.id, mine.id)).toBe(false);
      // Ids compare exactly: the same letters in capitals are another (unknown) id.
      expect(await store.activities.find(ALICE.id, mine.id.toUpperCase())).toBeNull();
      expect(await store.activities.find(ALICE.id, mine.id)).toMatchObject({
        id: mine.id,
        activity: { kind: 'cpr-aed', term: '2yr', completed: '2026-01-15' },
      });
      expect(await store.activities.remove(ALICE.id, mine.id)).toBe(true);
      expect(await store.activities.list(ALICE.id)).toEqual([]);
    });

    test('activities are listed by completion date; counts are numbers', async () => {
      const store = await (await freshDatabase(dialect)).open();
      for (const completed of ['2026-03-01', '2025-01-01', '2026-01-01']) {
        await store.activities.add(ALICE.id, { kind: 'mentoring', completed });
      }
      const dates = (await store.activities.list(ALICE.id)).map((a) => a.activity.completed);
      expect(dates).toEqual(['2025-01-01', '2026-01-01', '2026-03-01']);
      // PostgreSQL's count(*) is a bigint, which its driver returns as a string.
      expect(await store.activities.count(ALICE.id)).toBe(3);
      expect(await store.activities.count(BOB.id)).toBe(0);
      expect(await store.activities.removeAll(ALICE.id)).toBe(3);
    });

    test('text comes back exactly as written: accents, emoji, quotes, long JSON', async () => {
      const store = await (await freshDatabase(dialect)).open();
      const name = `Zoë "the coach" O'Brien 🏋️‍♀️ ${'ß'.repeat(200)}`;
      await store.groups.join(GUILD, ALICE.id, name);
      expect((await store.groups.members(GUILD))[0]?.displayName).toBe(name);
      const title = `Ética & “nutrição” — ${'🙂'.repeat(100)}`;
      const added = await store.activities.add(ALICE.id, {
        kind: 'presentation',
        title,
        completed: '2026-02-02',
      });
      expect((await store.activities.find(ALICE.id, added.id))?.activity).toMatchObject({ title });
    });

    test('certifications: one per credential, saving again replaces the dates', async () => {
      const store = await (await freshDatabase(dialect)).open();
      expect(
        await store.certifications.save(ALICE.id, {
          credential: 'health-coach',
          expires: '2027-01-01',
        }),
      ).toBe(true);
      expect(
        await store.certifications.save(ALICE.id, {
          credential: 'health-coach',
          certified: '2025-06-01',
        }),
      ).toBe(false);
      expect(await store.certifications.list(ALICE.id)).toMatchObject([
        { credential: 'health-coach', expires: null, certified: '2025-06-01' },
      ]);
      expect(await store.certifications.list(BOB.id)).toEqual([]);
      expect(await store.certifications.remove(ALICE.id, 'health-coach')).toBe(true);
      expect(await store.certifications.remove(ALICE.id, 'health-coach')).toBe(false);
    });

    test('groups: members and settings belong to the server; setup again replaces', async () => {
      const store = await (await freshDatabase(dialect)).open();
      expect(await store.groups.join(GUILD, ALICE.id, 'Alice')).toBe(true);
      expect(await store.groups.join(GUILD, ALICE.id, 'Alice B.')).toBe(false);
      await store.groups.join('300000000000000009', BOB.id, 'Bob');
      expect((await store.groups.members(GUILD)).map((m) => [m.userId, m.displayName])).toEqual([
        [ALICE.id, 'Alice B.'],
      ]);
      await store.groups.configure(GUILD, '400000000000000001', [30, 7]);
      await store.groups.configure(GUILD, '400000000000000002', [90, 1]);
      expect(await store.groups.configuredGroups()).toMatchObject([
        { guildId: GUILD, channelId: '400000000000000002', reminderDays: [90, 1] },
      ]);
      expect(await store.groups.leave(GUILD, ALICE.id)).toBe(true);
      expect(await store.groups.leave(GUILD, ALICE.id)).toBe(false);
    });

    test('forgetting a member removes all of theirs in one transaction and nothing else', async () => {
      const store = await (await freshDatabase(dialect)).open();
      await store.certifications.save(ALICE.id, {
        credential: 'health-coach',
        expires: '2027-01-01',
      });
      await store.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });
      await store.activities.add(BOB.id, { kind: 'mentoring', completed: '2026-01-01' });
      await store.groups.join(GUILD, ALICE.id, 'Alice');
      await store.reminderLog.claim(
        { key: 'k', guildId: GUILD, userId: ALICE.id, target: 'dm:1', payload: '{}' },
        new Date(),
      );
      await store.memberReminders.choose(ALICE.id, { channel: false, dm: true, days: null });
      await store.memberReminders.choose(BOB.id, { channel: true, dm: false, days: [14] });
      expect(await store.forgetMember(ALICE.id)).toEqual({
        certifications: 1,
        activities: 1,
        groups: 1,
        reminders: 1,
        reminderChoice: 1,
      });
      expect(await store.activities.count(BOB.id)).toBe(1);
      expect((await store.memberReminders.of(ALICE.id)).updatedAt).toBeNull();
      expect(await store.memberReminders.of(BOB.id)).toMatchObject({ dm: false, days: [14] });
    });

    test('a transaction that throws leaves nothing behind', async () => {
      const store = await (await freshDatabase(dialect)).open();
      await expect(
        store.transaction(async (r) => {
          await r.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });
          await r.groups.join(GUILD, ALICE.id, 'Alice');
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await store.activities.count(ALICE.id)).toBe(0);
      expect(await store.groups.isMember(GUILD, ALICE.id)).toBe(false);
    });

    test('text sorts byte by byte on both, whatever the server locale', async () => {
      const store = await (await freshDatabase(dialect)).open();
      // A locale collation would put these in dictionary order (ab, aB, a-b, a_b, …).
      const keys = ['ab', 'a_b', 'aB', 'a-b', 'Ab', 'a b', 'é', 'z'];
      for (const key of keys) {
        await store.reminderLog.claim(
          { key, guildId: null, userId: null, target: 'channel:1', payload: '{}' },
          new Date(),
        );
      }
      expect((await store.reminderLog.all()).map((r) => r.key)).toEqual([
        'Ab',
        'a b',
        'a-b',
        'aB',
        'a_b',
        'ab',
        'z',
        'é',
      ]);
      if (dialect === 'postgres') {
        // The cluster here may well be C.UTF-8 already: check the columns' own collation too.
        const columns = await sql<{
          table_name: string;
          column_name: string;
          collation_name: string | null;
        }>`
          select table_name, column_name, collation_name from information_schema.columns
          where table_schema = current_schema() and data_type = 'text'
            and table_name not like 'kysely%'`.execute(store.db);
        expect(columns.rows.length).toBeGreaterThan(20);
        expect(columns.rows.filter((c) => c.collation_name !== 'C')).toEqual([]);
      }
    });
  });

  describe('the reminder send log', () => {
    test('a key is claimed once, even by two connections (two processes)', async () => {
      const { store, other } = await twoConnections();
      const claim = {
        key: 'dm:1:x',
        guildId: GUILD,
        userId: ALICE.id,
        target: 'dm:1',
        payload: '{}',
      };
      const results = await Promise.all([
        store.reminderLog.claim(claim, new Date()),
        other.reminderLog.claim(claim, new Date()),
        store.reminderLog.claim(claim, new Date()),
        other.reminderLog.claim(claim, new Date()),
      ]);
      expect(results.sort()).toEqual([false, false, false, true]);
      expect(await store.reminderLog.find('dm:1:x')).toMatchObject({
        state: 'pending',
        attempts: 1,
      });
    });

    test('a stale pending record is reclaimed by exactly one taker', async () => {
      const { store, other } = await twoConnections();
      const then = new Date('2026-06-01T10:00:00Z');
      await store.reminderLog.claim(
        { key: 'k', guildId: null, userId: null, target: 'channel:1', payload: '{}' },
        then,
      );
      const later = new Date('2026-06-01T11:00:00Z');
      const [stale] = await store.reminderLog.stale(new Date('2026-06-01T10:30:00Z'));
      if (!stale) throw new Error('expected a stale record');
      expect(await store.reminderLog.stale(new Date('2026-06-01T09:30:00Z'))).toEqual([]);
      const won = await Promise.all([
        store.reminderLog.reclaim(stale, later),
        other.reminderLog.reclaim(stale, later),
      ]);
      expect(won.sort()).toEqual([false, true]);
      await store.reminderLog.markSent('k', later);
      const row = await store.reminderLog.find('k');
      expect(row).toMatchObject({ state: 'sent', attempts: 2, sent_at: later.toISOString() });
      expect(typeof row?.attempts).toBe('number');
      expect(await store.reminderLog.stale(later)).toEqual([]);
    });
  });

  describe('leases', () => {
    const T0 = new Date('2026-06-01T12:00:00Z');
    const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

    test('held by one owner until it expires or is released; renewing keeps it', async () => {
      const { store, other } = await twoConnections();
      expect(await store.leases.acquire('reminders', 'A', T0, 60_000)).toBe(true);
      expect(await other.leases.acquire('reminders', 'B', at(30), 60_000)).toBe(false);
      expect(await store.leases.acquire('reminders', 'A', at(40), 60_000)).toBe(true); // renewed to 100 s
      expect(await other.leases.acquire('reminders', 'B', at(90), 60_000)).toBe(false);
      expect(await store.leases.find('reminders')).toEqual({
        name: 'reminders',
        owner: 'A',
        acquired_at: T0.toISOString(),
        expires_at: at(100).toISOString(),
      });
      expect(await other.leases.acquire('reminders', 'B', at(100), 60_000)).toBe(true); // expired
      expect(await store.leases.acquire('reminders', 'A', at(101), 60_000)).toBe(false);
      expect(await store.leases.find('reminders')).toMatchObject({
        owner: 'B',
        acquired_at: at(100).toISOString(),
      });
      expect(await store.leases.release('reminders', 'A')).toBe(false); // not A's to give
      expect(await other.leases.release('reminders', 'B')).toBe(true);
      expect(await store.leases.acquire('reminders', 'A', at(102), 60_000)).toBe(true);
      // Another name is another lease.
      expect(await other.leases.acquire('backups', 'B', at(102), 60_000)).toBe(true);
    });

    test('eight processes racing for a free lease: exactly one gets it', async () => {
      const database = await freshDatabase(dialect);
      const stores = await Promise.all(Array.from({ length: 8 }, () => database.open()));
      for (let round = 0; round < 5; round++) {
        const now = at(round * 120); // each round starts after the last one expired
        const won = await Promise.all(
          stores.map((s, i) => s.leases.acquire('reminders', `owner-${i}`, now, 60_000)),
        );
        expect(won.filter(Boolean)).toHaveLength(1);
        const holder = await stores[0]?.leases.find('reminders');
        expect(holder?.owner).toBe(`owner-${won.indexOf(true)}`);
      }
    });
  });
});

describe.runIf(TEST_PG_URL)('PostgreSQL connections', () => {
  const url = TEST_PG_URL ?? '';

  test('an unreachable server: one sentence with the address, no password, no stack', async () => {
    const started = Date.now();
    const error = await openStore('postgres://cec:Sup3r-Secret-pw@127.0.0.1:1/cec').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    const { message } = error as Error;
    expect(message).toBe(
      'Cannot reach PostgreSQL at postgres://cec:***@127.0.0.1:1/cec: the connection was refused (is the server running and listening on that host and port?).',
    );
    expect(message).not.toContain('Sup3r');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a database that does not exist, and a search_path naming no schema', async () => {
    const missing = url.replace(/\/[^/?]+(\?|$)/, '/cec_no_such_db$1');
    await expect(openStore(missing)).rejects.toThrow(
      /has no database "cec_no_such_db": create it \(createdb\) or fix the database name/,
    );
    await expect(openStore(withSearchPath(url, 'no_such_schema'))).rejects.toThrow(
      /^PostgreSQL has no schema to create the tables in/,
    );
  });

  test('the location shown in logs has no password; close() ends the pool', async () => {
    const database = await freshDatabase('postgres');
    const name = `cec_close_${process.pid}_${Date.now()}`;
    const store = await openStore(`${database.url}&application_name=${name}`);
    expect(store.location).toBe(redactDatabaseUrl(store.location));
    await Promise.all(Array.from({ length: 4 }, () => store.activities.count(ALICE.id)));
    const connections = async () =>
      Number(
        (
          await adminQuery<{ n: string }>(
            'select count(*) as n from pg_stat_activity where application_name = $1',
            [name],
          )
        )[0]?.n,
      );
    expect(await connections()).toBeGreaterThan(0);
    await store.close();
    // The server notices a closed socket a moment later.
    for (let i = 0; i < 50 && (await connections()) > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await connections()).toBe(0);
  });
});
