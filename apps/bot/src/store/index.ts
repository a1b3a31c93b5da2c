/**
 * The store: one repository per table group, over one Kysely database.
 * Member data (certifications, activities) is keyed by Discord user id;
 * group data (members, settings) by server id.
 */
import type { Kysely } from 'kysely';
import { activitiesRepository } from './activities.js';
import { certificationsRepository } from './certifications.js';
import {
  type DatabaseLocation,
  describeLocation,
  type OpenOptions,
  openDatabase,
} from './database.js';
import { groupsRepository } from './groups.js';
import { leasesRepository } from './leases.js';
import { memberRemindersRepository } from './member-reminders.js';
import type { Dialect } from './migrations.js';
import { reminderLogRepository } from './reminder-log.js';
import type { Database } from './schema.js';

export interface Repositories {
  certifications: ReturnType<typeof certificationsRepository>;
  activities: ReturnType<typeof activitiesRepository>;
  groups: ReturnType<typeof groupsRepository>;
  reminderLog: ReturnType<typeof reminderLogRepository>;
  leases: ReturnType<typeof leasesRepository>;
  memberReminders: ReturnType<typeof memberRemindersRepository>;
}

export interface Store extends Repositories {
  /** Runs `work` in one transaction: all of its writes happen, or none. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
  /** Everything the bot holds about a member, removed at once. */
  forgetMember(userId: string): Promise<ForgetResult>;
  close(): Promise<void>;
  db: Kysely<Database>;
}

export interface ForgetResult {
  certifications: number;
  activities: number;
  groups: number;
  reminders: number;
  reminderChoice: number;
}

function repositories(db: Kysely<Database>, now: () => Date): Repositories {
  return {
    certifications: certificationsRepository(db, now),
    activities: activitiesRepository(db, now),
    groups: groupsRepository(db, now),
    reminderLog: reminderLogRepository(db),
    leases: leasesRepository(db),
    memberReminders: memberRemindersRepository(db, now),
  };
}

export function createStore(
  db: Kysely<Database>,
  options: { now?: () => Date; close?: () => Promise<void> } = {},
): Store {
  const now = options.now ?? (() => new Date());
  const transaction = <T>(work: (r: Repositories) => Promise<T>) =>
    db.transaction().execute((trx) => work(repositories(trx, now)));
  return {
    ...repositories(db, now),
    db,
    transaction,
    forgetMember: (userId) =>
      transaction(async (r) => ({
        certifications: await r.certifications.removeAll(userId),
        activities: await r.activities.removeAll(userId),
        groups: await r.groups.leaveAll(userId),
        reminders: await r.reminderLog.forgetUser(userId),
        reminderChoice: await r.memberReminders.forget(userId),
      })),
    close: options.close ?? (() => db.destroy()),
  };
}

export interface OpenedStore extends Store {
  /** The SQLite file, or the PostgreSQL URL without its password: safe to log. */
  location: string;
  /** The parsed DATABASE_URL (for messages: describeDatabaseError). */
  where: DatabaseLocation;
  dialect: Dialect;
  /** Migrations applied at open. */
  migrated: string[];
}

/**
 * Opens DATABASE_URL (null: the embedded file), migrates it, and returns the
 * store. Throws a DatabaseOpenError whose message is one sentence without the
 * password when the database cannot be reached or migrated.
 */
export async function openStore(
  databaseUrl: string | null,
  options: { now?: () => Date } & OpenOptions = {},
): Promise<OpenedStore> {
  const opened = await openDatabase(databaseUrl, options);
  const store = createStore(opened.db, {
    ...(options.now ? { now: options.now } : {}),
    close: opened.close,
  });
  return {
    ...store,
    location: describeLocation(opened.location),
    where: opened.location,
    dialect: opened.dialect,
    migrated: opened.migrated,
  };
}

export type { StoredActivity } from './activities.js';
export type { StoredCertification } from './certifications.js';
export { DatabaseOpenError } from './database.js';
export type { GroupMember, GroupSettings } from './groups.js';
export { DEFAULT_REMINDER_DAYS } from './groups.js';
export type { MemberReminders, ReminderChoice } from './member-reminders.js';
export { DEFAULT_REMINDER_CHOICE } from './member-reminders.js';
export type { DatabaseLocation };
