/** The board's names and removals in the store, on both databases (issue 13). */
import { expect, test } from 'vitest';
import { ALICE, BOB, GUILD } from '../helpers/context.js';
import { describeEachDialect, freshDatabase } from '../helpers/databases.js';

const OTHER_GUILD = '300000000000000009';

describeEachDialect((dialect) => {
  test('rename shows the current name in that server only, and never adds anyone', async () => {
    const store = await (await freshDatabase(dialect)).open();
    await store.groups.join(GUILD, ALICE.id, 'Alice');
    await store.groups.join(OTHER_GUILD, ALICE.id, 'Alice');
    await store.groups.rename(GUILD, ALICE.id, 'Alice the Coach');
    await store.groups.rename(GUILD, BOB.id, 'Bob');
    expect((await store.groups.members(GUILD)).map((m) => m.displayName)).toEqual([
      'Alice the Coach',
    ]);
    expect((await store.groups.members(OTHER_GUILD)).map((m) => m.displayName)).toEqual(['Alice']);
  });
});
