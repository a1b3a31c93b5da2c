/**
 * Named parameters of the queries compiled once: each value lands where its
 * name is, whatever order the query or the object lists them in; and the
 * capped insert, the one written in SQL by hand, puts each value in its own
 * column on both dialects.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { compileNamed, type Param } from '../../src/store/compiled.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ALICE, NOW } from '../helpers/context.js';
import { describeEachDialect, freshDatabase } from '../helpers/databases.js';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function memoryStore(): Promise<Store> {
  const store = await openStore(':memory:');
  opened.push(store);
  return store;
}

describe('a query compiled with named parameters', () => {
  test('each value goes where its name is; a name used twice fills both places', async () => {
    const { db } = await memoryStore();
    const query = compileNamed((param: Param<{ userId: string; kind: string; id: string }>) =>
      db
        .selectFrom('activities')
        .select('id')
        .where('kind', '=', param('kind'))
        .where('user_id', '=', param('userId'))
        .where((eb) => eb.or([eb('id', '=', param('id')), eb('data', '=', param('kind'))]))
        .compile(),
    );
    const bound = query.bind({ id: 'the-id', userId: 'the-user', kind: 'the-kind' });
    expect(bound.parameters).toEqual(['the-kind', 'the-user', 'the-id', 'the-kind']);
    // Binding changes the values only: the SQL text (and so the prepared statement) stays.
    expect(query.bind({ id: 'a', userId: 'b', kind: 'c' }).sql).toBe(bound.sql);
  });

  test('a value written into the query instead of named is refused when it is compiled', async () => {
    const { db } = await memoryStore();
    expect(() =>
      compileNamed((param: Param<{ userId: string }>) =>
        db
          .selectFrom('activities')
          .select('id')
          .where('user_id', '=', param('userId'))
          .where('kind', '=', 'mentoring')
          .compile(),
      ),
    ).toThrow(/^Parameter 2 of a named query has no name: select/);
  });
});

describeEachDialect((dialect) => {
  test('the capped insert writes each value into its own column', async () => {
    const store = await (await freshDatabase(dialect)).open({ now: () => NOW });
    const activity = { kind: 'mentoring', completed: '2026-01-15' } as const;
    // Not confirmed (0): a value apart from the limit's, so a swap of the two would show too.
    const stored = await store.activities.addWithin(ALICE.id, activity, 5, false);
    expect(stored).not.toBeNull();
    const rows = await store.db.selectFrom('activities').selectAll().execute();
    // Every column holds a value no other column does, so a swap would show.
    expect(rows).toEqual([
      {
        id: stored?.id,
        user_id: ALICE.id,
        kind: 'mentoring',
        completed: '2026-01-15',
        data: JSON.stringify(activity),
        created_at: NOW.toISOString(),
        confirmed: 0,
      },
    ]);
    // The limit is the last parameter: at the limit nothing more is written.
    expect(await store.activities.addWithin(ALICE.id, activity, 1)).toBeNull();
    expect(await store.activities.count(ALICE.id)).toBe(1);
  });
});
