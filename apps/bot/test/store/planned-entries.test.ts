/**
 * Migration 0006_planned_entries on both dialects: rows from before it dated
 * on or before its day stay counted (nobody loses credit), rows dated later
 * wait for their owner's confirmation; and the confirmation is scoped to the
 * owner like every other write.
 */
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { ALICE, BOB } from '../helpers/context.js';
import { describeEachDialect, freshDatabase } from '../helpers/databases.js';

const row = (id: string, completed: string) => ({
  id,
  user_id: ALICE.id,
  kind: 'mentoring',
  completed,
  data: JSON.stringify({ kind: 'mentoring', completed }),
  created_at: '2020-01-01T00:00:00.000Z',
});

describeEachDialect((dialect) => {
  test('existing rows: past-dated ones stay counted, future-dated ones wait for confirmation', async () => {
    const database = await freshDatabase(dialect);
    const store = await database.open();
    // The database as it was before 0006: no column, no record of the migration.
    await store.db.schema.alterTable('activities').dropColumn('confirmed').execute();
    await sql`delete from kysely_migration where name = '0006_planned_entries'`.execute(store.db);
    await store.db
      .insertInto('activities')
      .values([row('past2345', '2020-06-01'), row('next2345', '2099-06-01')])
      .execute();

    const migrated = await database.open();
    expect(migrated.migrated).toEqual(['0006_planned_entries']);
    const entries = await migrated.activities.list(ALICE.id);
    expect(entries.map((e) => [e.id, e.confirmed])).toEqual([
      ['past2345', true],
      ['next2345', false],
    ]);
  });

  test('a new entry keeps what it was given; only its owner can confirm it', async () => {
    const database = await freshDatabase(dialect);
    const store = await database.open();
    const planned = await store.activities.add(
      ALICE.id,
      { kind: 'mentoring', completed: '2026-12-15' },
      false,
    );
    expect((await store.activities.find(ALICE.id, planned.id))?.confirmed).toBe(false);
    expect(await store.activities.setConfirmed(BOB.id, planned.id, true)).toBe(false);
    expect((await store.activities.find(ALICE.id, planned.id))?.confirmed).toBe(false);
    expect(await store.activities.setConfirmed(ALICE.id, planned.id, true)).toBe(true);
    expect((await store.activities.list(ALICE.id))[0]?.confirmed).toBe(true);
  });
});
