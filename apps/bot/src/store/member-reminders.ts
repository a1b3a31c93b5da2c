/**
 * Each member's reminder choice: channel, DM, both or neither, and the days.
 * It belongs to the Discord user (one choice for every server), and a member
 * who never chose has the defaults: DMs on for anyone with a certification,
 * the channel on wherever they joined a board, and the standard days.
 */
import type { Kysely } from 'kysely';
import { parseDays } from './groups.js';
import type { Database } from './schema.js';

export interface ReminderChoice {
  /** In the group channel of each server where the member joined the board. */
  channel: boolean;
  dm: boolean;
  /** Days before expiration; null: the server's days in a channel, the default days by DM. */
  days: number[] | null;
}

export interface MemberReminders extends ReminderChoice {
  /** When the member last chose; null: they never did and have the defaults. */
  updatedAt: string | null;
}

export const DEFAULT_REMINDER_CHOICE: Readonly<ReminderChoice> = {
  channel: true,
  dm: true,
  days: null,
};

export function memberRemindersRepository(db: Kysely<Database>, now: () => Date) {
  return {
    async of(userId: string): Promise<MemberReminders> {
      const row = await db
        .selectFrom('member_reminders')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!row) return { ...DEFAULT_REMINDER_CHOICE, updatedAt: null };
      return {
        channel: row.channel !== 0,
        dm: row.dm !== 0,
        days: row.days === null ? null : parseDays(row.days),
        updatedAt: row.updated_at,
      };
    },

    async choose(userId: string, choice: ReminderChoice): Promise<void> {
      const values = {
        user_id: userId,
        channel: choice.channel ? 1 : 0,
        dm: choice.dm ? 1 : 0,
        days: choice.days === null ? null : choice.days.join(','),
        updated_at: now().toISOString(),
      };
      await db
        .insertInto('member_reminders')
        .values(values)
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({
            channel: values.channel,
            dm: values.dm,
            days: values.days,
            updated_at: values.updated_at,
          }),
        )
        .execute();
    },

    /** Members with a certification who have not turned DM reminders off: the DM pass's audience. */
    async dmAudience(): Promise<string[]> {
      const rows = await db
        .selectFrom('certifications')
        .leftJoin('member_reminders', 'member_reminders.user_id', 'certifications.user_id')
        .select('certifications.user_id')
        .distinct()
        .where((eb) =>
          eb.or([eb('member_reminders.dm', 'is', null), eb('member_reminders.dm', '=', 1)]),
        )
        .orderBy('certifications.user_id')
        .execute();
      return rows.map((row) => row.user_id);
    },

    async forget(userId: string): Promise<number> {
      const result = await db
        .deleteFrom('member_reminders')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type MemberRemindersRepository = ReturnType<typeof memberRemindersRepository>;
