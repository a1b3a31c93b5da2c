/** Group boards: who opted in, per server, and where each server's reminders go. */
import type { Kysely } from 'kysely';
import type { Database, GroupMemberTable, GroupSettingsRow } from './schema.js';

export interface GroupMember {
  guildId: string;
  userId: string;
  displayName: string;
  joinedAt: string;
}

export interface GroupSettings {
  guildId: string;
  channelId: string;
  reminderDays: number[];
  updatedAt: string;
  /** The weekly digest is posted (a moderator can pause it). */
  weeklyPost: boolean;
}

export const DEFAULT_REMINDER_DAYS: readonly number[] = [90, 30, 7, 1];

function toGroupMember(row: GroupMemberTable): GroupMember {
  return {
    guildId: row.guild_id,
    userId: row.user_id,
    displayName: row.display_name,
    joinedAt: row.joined_at,
  };
}

/** Stored days ("90,30,7,1"); a row that holds none reads as the default. */
export function parseDays(text: string): number[] {
  const days = text
    .split(',')
    .map((d) => Number.parseInt(d, 10))
    .filter((d) => Number.isInteger(d) && d > 0);
  return days.length > 0 ? days : [...DEFAULT_REMINDER_DAYS];
}

function toGroupSettings(row: GroupSettingsRow): GroupSettings {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    reminderDays: parseDays(row.reminder_days),
    updatedAt: row.updated_at,
    weeklyPost: row.weekly_post !== 0,
  };
}

export function groupsRepository(db: Kysely<Database>, now: () => Date) {
  async function isMember(guildId: string, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('group_members')
      .select('user_id')
      .where('guild_id', '=', guildId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  return {
    isMember,

    /** Adds or renames the member. Returns true when they were not on the board before. */
    async join(guildId: string, userId: string, displayName: string): Promise<boolean> {
      const before = await isMember(guildId, userId);
      await db
        .insertInto('group_members')
        .values({
          guild_id: guildId,
          user_id: userId,
          display_name: displayName,
          joined_at: now().toISOString(),
        })
        .onConflict((oc) =>
          oc.columns(['guild_id', 'user_id']).doUpdateSet({ display_name: displayName }),
        )
        .execute();
      return !before;
    },

    /** Shows the member's current name on this server's board (nothing if they are not on it). */
    async rename(guildId: string, userId: string, displayName: string): Promise<void> {
      await db
        .updateTable('group_members')
        .set({ display_name: displayName })
        .where('guild_id', '=', guildId)
        .where('user_id', '=', userId)
        .where('display_name', '<>', displayName)
        .execute();
    },

    /** Takes the member off this server's board (their records stay). True if they were on it. */
    async leave(guildId: string, userId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('group_members')
        .where('guild_id', '=', guildId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async members(guildId: string): Promise<GroupMember[]> {
      const rows = await db
        .selectFrom('group_members')
        .selectAll()
        .where('guild_id', '=', guildId)
        .orderBy('joined_at')
        .orderBy('user_id')
        .execute();
      return rows.map(toGroupMember);
    },

    /** Every server board the member is on (for their data export). */
    async membershipsOf(userId: string): Promise<GroupMember[]> {
      const rows = await db
        .selectFrom('group_members')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('guild_id')
        .execute();
      return rows.map(toGroupMember);
    },

    async leaveAll(userId: string): Promise<number> {
      const result = await db
        .deleteFrom('group_members')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async settings(guildId: string): Promise<GroupSettings | null> {
      const row = await db
        .selectFrom('group_settings')
        .selectAll()
        .where('guild_id', '=', guildId)
        .executeTakeFirst();
      return row ? toGroupSettings(row) : null;
    },

    async configure(guildId: string, channelId: string, reminderDays: readonly number[]) {
      const values = {
        guild_id: guildId,
        channel_id: channelId,
        reminder_days: reminderDays.join(','),
        updated_at: now().toISOString(),
      };
      await db
        .insertInto('group_settings')
        .values(values)
        .onConflict((oc) =>
          oc.column('guild_id').doUpdateSet({
            channel_id: values.channel_id,
            reminder_days: values.reminder_days,
            updated_at: values.updated_at,
          }),
        )
        .execute();
    },

    /** Servers with a reminder channel: the ones the scheduler visits. */
    async configuredGroups(): Promise<GroupSettings[]> {
      const rows = await db.selectFrom('group_settings').selectAll().orderBy('guild_id').execute();
      return rows.map(toGroupSettings);
    },

    /** Turns the weekly digest on or off. False when the server has no group set up. */
    async setWeeklyPost(guildId: string, on: boolean): Promise<boolean> {
      const result = await db
        .updateTable('group_settings')
        .set({ weekly_post: on ? 1 : 0, updated_at: now().toISOString() })
        .where('guild_id', '=', guildId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type GroupsRepository = ReturnType<typeof groupsRepository>;
