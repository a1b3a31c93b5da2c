/** The store on a real SQLite file in a temp folder (and in memory). */
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { newEntryId } from '../src/store/activities.js';
import { PACKAGE_DIR, resolveDatabaseUrl, withStatementCache } from '../src/store/database.js';
import { openStore, type Store } from '../src/store/index.js';
import { LATEST_MIGRATION } from '../src/store/migrations.js';
import { ALICE, BOB, GUILD, tempDir } from './helpers/context.js';

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
    expect(resolveDatabaseUrl(null, '/somewhere/else').filename).toBe(
      resolve(PACKAGE_DIR, 'data', 'cec.sqlite'),
    );
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
});

describe('opening a SQLite file', () => {
  test('creates the folder and file, in WAL mode with foreign keys and a busy timeout', async () => {
    const { store } = await fileStore();
    const pragma = async (name: string) =>
      (await sql<Record<string, unknown>>`${sql.raw(`PRAGMA ${name}`)}`.execute(store.db)).rows[0];
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    expect(await pragma('integrity_check')).toEqual({ integrity_check: 'ok' });
  });

  test('migrations run once and are recorded in the schema version table', async () => {
    const { store, file } = await fileStore();
    const versions = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(
      store.db,
    );
    expect(versions.rows.map((r) => r.name)).toEqual([LATEST_MIGRATION]);
    await store.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });
    await store.close();

    const again = await openStore(file);
    cleanups.push(() => again.close());
    expect(again.migrated).toEqual([]);
    expect(await again.activities.count(ALICE.id)).toBe(1);
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

describe('repositories', () => {
  test('activities belong to their member: find and remove never cross members', async () => {
    const { store } = await fileStore();
    const mine = await store.activities.add(ALICE.id, {
      kind: 'cpr-aed',
      term: '2yr',
      completed: '2026-01-15',
    });
    expect(mine.id).toMatch(/^[2-9a-hjkmnp-z]{8}$/);
    expect(await store.activities.find(BOB.id, mine.id)).toBeNull();
    expect(await store.activities.remove(BOB.id, mine.id)).toBe(false);
    expect(await store.activities.find(ALICE.id, mine.id)).toMatchObject({
      id: mine.id,
      activity: { kind: 'cpr-aed', term: '2yr', completed: '2026-01-15' },
    });
    expect(await store.activities.remove(ALICE.id, mine.id)).toBe(true);
    expect(await store.activities.list(ALICE.id)).toEqual([]);
  });

  test('activities are listed by completion date', async () => {
    const { store } = await fileStore();
    for (const completed of ['2026-03-01', '2025-01-01', '2026-01-01']) {
      await store.activities.add(ALICE.id, { kind: 'mentoring', completed });
    }
    const dates = (await store.activities.list(ALICE.id)).map((a) => a.activity.completed);
    expect(dates).toEqual(['2025-01-01', '2026-01-01', '2026-03-01']);
  });

  test('certifications: one per credential, saving again replaces the dates', async () => {
    const { store } = await fileStore();
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
  });

  test('groups: members and settings belong to the server', async () => {
    const { store } = await fileStore();
    await store.groups.join(GUILD, ALICE.id, 'Alice');
    await store.groups.join('300000000000000009', BOB.id, 'Bob');
    expect((await store.groups.members(GUILD)).map((m) => m.userId)).toEqual([ALICE.id]);
    await store.groups.configure(GUILD, '400000000000000001', [30, 7]);
    expect(await store.groups.configuredGroups()).toMatchObject([
      { guildId: GUILD, channelId: '400000000000000001', reminderDays: [30, 7] },
    ]);
  });

  test('forgetting a member removes all of theirs in one transaction and nothing else', async () => {
    const { store } = await fileStore();
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
    expect(await store.forgetMember(ALICE.id)).toEqual({
      certifications: 1,
      activities: 1,
      groups: 1,
      reminders: 1,
    });
    expect(await store.activities.count(BOB.id)).toBe(1);
  });
});

describe('the reminder send log', () => {
  test('a key is claimed once, even by two connections to the same file (two processes)', async () => {
    const { store, file } = await fileStore();
    const other = await openStore(file);
    cleanups.push(() => other.close());
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
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await store.reminderLog.find('dm:1:x')).toMatchObject({ state: 'pending', attempts: 1 });
  });

  test('a stale pending record is reclaimed by exactly one taker', async () => {
    const { store, file } = await fileStore();
    const other = await openStore(file);
    cleanups.push(() => other.close());
    const then = new Date('2026-06-01T10:00:00Z');
    await store.reminderLog.claim(
      { key: 'k', guildId: null, userId: null, target: 'channel:1', payload: '{}' },
      then,
    );
    const later = new Date('2026-06-01T11:00:00Z');
    const [stale] = await store.reminderLog.stale(new Date('2026-06-01T10:30:00Z'));
    if (!stale) throw new Error('expected a stale record');
    const won = await Promise.all([
      store.reminderLog.reclaim(stale, later),
      other.reminderLog.reclaim(stale, later),
    ]);
    expect(won.sort()).toEqual([false, true]);
    await store.reminderLog.markSent('k', later);
    expect(await store.reminderLog.find('k')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await store.reminderLog.stale(later)).toEqual([]);
  });
});
