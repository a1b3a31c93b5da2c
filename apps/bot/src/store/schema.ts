/**
 * The tables as Kysely sees them. Portable types only (text and integer), so
 * the same queries run on SQLite and PostgreSQL: amounts are integer tenths,
 * dates are ISO text, ids are text. (A count comes back as a string from
 * PostgreSQL's bigint: the repositories read it with Number().)
 */
import type { Generated, Insertable, Selectable } from 'kysely';

/** A member's ACE certification. Belongs to the Discord user, not to a server. */
export interface CertificationTable {
  user_id: string;
  credential: string;
  /** ISO date from the member's ACE account, or null when only `certified` is known. */
  expires: string | null;
  certified: string | null;
  updated_at: string;
}

/** One recorded activity. `data` is the plan activity as JSON text, validated by @cec/rules on the way in. */
export interface ActivityTable {
  id: string;
  user_id: string;
  kind: string;
  completed: string;
  data: string;
  created_at: string;
  /** 1 once the entry counts when its date has passed; 0 for a planned entry not yet confirmed (0006). */
  confirmed: Generated<number>;
}

/** A member who opted in to a server's group board and reminders. Belongs to the server. */
export interface GroupMemberTable {
  guild_id: string;
  user_id: string;
  /** The name other members see on the board. */
  display_name: string;
  joined_at: string;
}

/** Where a server's reminders and weekly board go. */
export interface GroupSettingsTable {
  guild_id: string;
  channel_id: string;
  /** Days before expiration, comma-separated, e.g. "90,30,7,1". */
  reminder_days: string;
  updated_at: string;
  /** 1: the weekly digest is posted; 0: a moderator paused it. */
  weekly_post: Generated<number>;
}

/**
 * Where a member wants their reminders and when. Belongs to the Discord user;
 * no row means the defaults (see src/store/member-reminders.ts).
 */
export interface MemberRemindersTable {
  user_id: string;
  /** 1: in the group channel of every server where they joined the board. */
  channel: number;
  /** 1: by DM. */
  dm: number;
  /** Days before expiration, comma-separated; null: the server's days in a channel, the default by DM. */
  days: string | null;
  updated_at: string;
}

export type ReminderState = 'pending' | 'sent' | 'failed';

/**
 * Every reminder, recorded before it is sent. `key` is unique: whoever inserts
 * it first sends it; a 'pending' row whose claim has gone stale is retried.
 */
export interface ReminderLogTable {
  key: string;
  guild_id: string | null;
  user_id: string | null;
  /** "channel:<id>" or "dm:<user id>". */
  target: string;
  /** The message as JSON, so a retry sends exactly what was recorded. */
  payload: string;
  state: ReminderState;
  attempts: number;
  claimed_at: string;
  sent_at: string | null;
  detail: string | null;
}

/** A job only one process runs at a time; see src/store/leases.ts. */
export interface LeaseTable {
  name: string;
  /** Which process holds it: host, pid and a random part. */
  owner: string;
  acquired_at: string;
  /** ISO time after which another process may take it. */
  expires_at: string;
}

export interface Database {
  certifications: CertificationTable;
  activities: ActivityTable;
  group_members: GroupMemberTable;
  group_settings: GroupSettingsTable;
  member_reminders: MemberRemindersTable;
  reminder_log: ReminderLogTable;
  leases: LeaseTable;
}

export type CertificationRow = Selectable<CertificationTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type NewActivityRow = Insertable<ActivityTable>;
export type GroupMemberRow = Selectable<GroupMemberTable>;
export type GroupSettingsRow = Selectable<GroupSettingsTable>;
export type ReminderLogRow = Selectable<ReminderLogTable>;
export type LeaseRow = Selectable<LeaseTable>;
