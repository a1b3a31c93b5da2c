/**
 * Members' reminder choices and a server's weekly-digest switch (migration
 * 0004_member_reminders), on SQLite and PostgreSQL.
 */
import { describe, expect, test } from 'vitest';
import { ALICE, BOB, GUILD } from '../helpers/context.js';
import { describeEachDialect, freshDatabase } from '../helpers/databases.js';

const CAROL = '200000000000000003';

describeEachDialect((dialect) => {
  describe('reminder choices', () => {
    test('a member who never chose has the defaults; a choice replaces the last one', async () => {
      const store = await (await freshDatabase(dialect)).open();
      expect(await store.memberReminders.of(ALICE.id)).toEqual({
        channel: true,
        dm: true,
        days: null,
        updatedAt: null,
      });
      await store.memberReminders.choose(ALICE.id, { channel: false, dm: true, days: [60, 7] });
      await store.memberReminders.choose(ALICE.id, { channel: true, dm: false, days: [14] });
      expect(await store.memberReminders.of(ALICE.id)).toMatchObject({
        channel: true,
        dm: false,
        days: [14],
      });
      expect(await store.memberReminders.of(BOB.id)).toMatchObject({ updatedAt: null });
    });

    test('the DM audience: everyone with a certification, once, unless they turned DMs off', async () => {
      const store = await (await freshDatabase(dialect)).open();
      for (const [user, credential] of [
        [ALICE.id, 'personal-trainer'],
        [ALICE.id, 'health-coach'],
        [BOB.id, 'personal-trainer'],
        [CAROL, 'personal-trainer'],
      ] as const) {
        await store.certifications.save(user, { credential, expires: '2027-01-01' });
      }
      await store.memberReminders.choose(BOB.id, { channel: true, dm: false, days: null });
      await store.memberReminders.choose(CAROL, { channel: false, dm: true, days: [30] });
      // A choice without a certification is no one to remind.
      await store.memberReminders.choose('200000000000000009', {
        channel: true,
        dm: true,
        days: null,
      });
      expect(await store.memberReminders.dmAudience()).toEqual([ALICE.id, CAROL]);
    });

    test('the weekly digest is on for a server set up, and a moderator can pause it', async () => {
      const store = await (await freshDatabase(dialect)).open();
      expect(await store.groups.setWeeklyPost(GUILD, false)).toBe(false); // no group yet
      await store.groups.configure(GUILD, '400000000000000001', [30]);
      expect(await store.groups.settings(GUILD)).toMatchObject({ weeklyPost: true });
      expect(await store.groups.setWeeklyPost(GUILD, false)).toBe(true);
      await store.groups.configure(GUILD, '400000000000000002', [7]); // setup again keeps the switch
      expect(await store.groups.settings(GUILD)).toMatchObject({
        channelId: '400000000000000002',
        weeklyPost: false,
      });
      expect((await store.groups.configuredGroups()).map((g) => g.weeklyPost)).toEqual([false]);
      await store.groups.setWeeklyPost(GUILD, true);
      expect(await store.groups.settings(GUILD)).toMatchObject({ weeklyPost: true });
    });
  });
});
