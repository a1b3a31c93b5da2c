/**
 * `migrate-data` (the built CLI): every table copied from the embedded SQLite
 * file to another database, row for row, in one transaction checked by counts;
 * an occupied target, a running bot, or a row the target refuses leave the
 * target exactly as it was.
 */
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { COPIED_TABLES } from '../src/store/copy.js';
import type { OpenedStore } from '../src/store/index.js';
import { ALICE, BOB, GUILD } from './helpers/context.js';
import { describeEachDialect, freshDatabase } from './helpers/databases.js';
import { run } from './helpers/processes.js';

const T0 = new Date('2026-06-01T12:00:00Z');

/** Something in every table, with nulls, non-ASCII text, and one member's 1,000 entries. */
async function seed(store: OpenedStore): Promise<void> {
  await store.certifications.save(ALICE.id, {
    credential: 'personal-trainer',
    expires: '2027-03-31',
  });
  await store.certifications.save(ALICE.id, {
    credential: 'health-coach',
    certified: '2025-06-01',
  });
  await store.certifications.save(BOB.id, {
    credential: 'group-fitness-instructor',
    expires: '2026-07-01',
  });
  await store.transaction(async (r) => {
    for (let i = 0; i < 1000; i++) {
      await r.activities.add(ALICE.id, {
        kind: 'approved-course',
        courseNumber: `CA${10000 + i}`,
        cecs: 0.5,
        ethics: i % 7 === 0,
        completed: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
      });
    }
  });
  await store.activities.add(BOB.id, {
    kind: 'presentation',
    title: 'Ética — “core” 🏋️',
    completed: '2026-02-02',
  });
  await store.groups.configure(GUILD, '400000000000000001', [90, 30, 7, 1]);
  await store.groups.configure('300000000000000009', '400000000000000009', [14]);
  await store.groups.join(GUILD, ALICE.id, "Zoë O'Brien 🏃‍♀️");
  await store.groups.join(GUILD, BOB.id, 'Bob');
  await store.groups.join('300000000000000009', BOB.id, 'Robert');
  await store.groups.setWeeklyPost('300000000000000009', false);
  await store.memberReminders.choose(BOB.id, { channel: false, dm: true, days: [60, 14] });
  const claim = (key: string, userId: string | null) =>
    store.reminderLog.claim(
      { key, guildId: GUILD, userId, target: 'channel:4', payload: '{"content":"⏰"}' },
      T0,
    );
  await claim('sent', ALICE.id);
  await store.reminderLog.markSent('sent', T0);
  await claim('failed', BOB.id);
  await store.reminderLog.markFailed('failed', 'The member does not accept DMs from the bot.');
  await claim('pending', null);
  // A lease left by a bot that stopped long ago: not copied, and no reason to refuse.
  await store.leases.acquire(
    'reminders',
    'old-host:1:abc',
    new Date('2020-01-01T00:00:00Z'),
    60_000,
  );
}

/** Every copied table, every column, in key order. */
async function contents(store: OpenedStore) {
  const out: Record<string, unknown[]> = {};
  for (const table of COPIED_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select ${sql.join(
      table.columns.map((c) => sql.ref(c)),
    )} from ${sql.table(table.name)} order by ${sql.join(table.key.map((c) => sql.ref(c)))}`.execute(
      store.db,
    );
    out[table.name] = rows;
  }
  return out;
}

async function counts(store: OpenedStore) {
  return Object.fromEntries(
    Object.entries(await contents(store)).map(([name, rows]) => [name, rows.length]),
  );
}

const migrate = (from: string, to: string) =>
  run('store/migrate-data.js', ['--from', from, '--to', to], {});

describeEachDialect((dialect) => {
  test('copies every table from a SQLite file row for row, and reports the counts', async () => {
    const source = await freshDatabase('sqlite');
    const original = await source.open();
    await seed(original);
    const before = await contents(original);
    await original.close();
    const target = await freshDatabase(dialect);

    const result = await migrate(source.url, target.url);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/activities\s+1,001 rows/);
    expect(result.stdout).toMatch(/reminder_log\s+3 rows/);
    expect(result.stdout).toMatch(
      /Copied 1,013 rows in \d+\.\d s; every table's count matches the source\./,
    );

    const copied = await target.open();
    expect(await contents(copied)).toEqual(before);
    expect(await copied.leases.find('reminders')).toBeNull();
    // The copy is a working store: the repositories read what was copied.
    expect(await copied.activities.count(ALICE.id)).toBe(1000);
    expect((await copied.groups.members(GUILD)).map((m) => m.displayName)).toContain(
      "Zoë O'Brien 🏃‍♀️",
    );
  });

  test('a target that already holds data is refused and left as it was', async () => {
    const source = await freshDatabase('sqlite');
    await seed(await source.open());
    const target = await freshDatabase(dialect);
    const occupied = await target.open();
    await occupied.groups.join(GUILD, 'someone-else', 'Someone');

    const result = await migrate(source.url, target.url);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /already holds data \(group_members: 1 row(s)?\): copy into an empty database, so that nothing is mixed or overwritten\.$/,
    );
    expect(await counts(occupied)).toEqual({
      certifications: 0,
      activities: 0,
      group_settings: 0,
      member_reminders: 0,
      group_members: 1,
      reminder_log: 0,
    });
  });

  test('a source a bot is still running on is refused', async () => {
    const source = await freshDatabase('sqlite');
    const live = await source.open();
    await live.leases.acquire('reminders', 'vm:4242:beef', new Date(), 60_000);
    const target = await freshDatabase(dialect);
    const result = await migrate(source.url, target.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('A bot is running on');
    expect(result.stderr).toContain('vm:4242:beef');
  });

  if (dialect === 'postgres') {
    test('a row PostgreSQL refuses (a NUL character) rolls back every table already copied', async () => {
      const source = await freshDatabase('sqlite');
      const original = await source.open();
      await seed(original);
      // SQLite keeps a NUL inside text; PostgreSQL text cannot hold one.
      await original.groups.join(GUILD, '200000000000000099', 'bad\u0000name');
      const target = await freshDatabase('postgres');

      const result = await migrate(source.url, target.url);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(
        /^Copying group_members \(rows 1–4\) failed, so nothing was copied: PostgreSQL at .* failed: .*0x00/,
      );
      expect(await counts(await target.open())).toEqual({
        certifications: 0,
        activities: 0,
        group_settings: 0,
        member_reminders: 0,
        group_members: 0,
        reminder_log: 0,
      });
    });

    test('and back: PostgreSQL to a new SQLite file gives the same rows', async () => {
      const first = await freshDatabase('sqlite');
      const original = await first.open();
      await seed(original);
      const before = await contents(original);
      const server = await freshDatabase('postgres');
      const back = await freshDatabase('sqlite');
      expect((await migrate(first.url, server.url)).code).toBe(0);
      expect((await migrate(server.url, back.url)).code).toBe(0);
      expect(await contents(await back.open())).toEqual(before);
    });
  }
});

test('arguments: both needed, not the same database, the source must exist', async () => {
  const missing = await run('store/migrate-data.js', ['--from', 'a.sqlite'], {});
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('Both --from and --to are needed.');
  expect(missing.stderr).toContain('Usage: pnpm --filter @cec/bot migrate-data');
  const same = await run(
    'store/migrate-data.js',
    ['--from', '/tmp/x.sqlite', '--to', 'sqlite:///tmp/x.sqlite'],
    {},
  );
  expect(same.code).toBe(2);
  expect(same.stderr.trim()).toBe('--from and --to name the same database: nothing to copy.');
  const absent = await run(
    'store/migrate-data.js',
    ['--from', '/nonexistent/cec.sqlite', '--to', '/tmp/y.sqlite'],
    {},
  );
  expect(absent.code).toBe(1);
  expect(absent.stderr.trim()).toBe(
    "/nonexistent/cec.sqlite does not exist: --from must be the bot's database file.",
  );
});
