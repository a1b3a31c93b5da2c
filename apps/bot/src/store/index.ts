/**
 * The store: one repository per table group, over one Kysely database.
 * Member data (certifications, activities) is keyed by Discord user id;
 * group data (members, settings) by server id.
 */
import type { Kysely } from 'kysely';
import { activitiesRepository } from './activities.js';
import { certificationsRepository } from './certifications.js';
import { openDatabase } from './database.js';
import { groupsRepository } from './groups.js';
import { reminderLogRepository } from './reminder-log.js';
import type { Database } from './schema.js';

export interface Repositories {
  certifications: ReturnType<typeof certificationsRepository>;
  activities: ReturnType<typeof activitiesRepository>;
  groups: ReturnType<typeof groupsRepository>;
  reminderLog: ReturnType<typeof reminderLogRepository>;
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
}

function repositories(db: Kysely<Database>, now: () => Date): Repositories {
  return {
    certifications: certificationsRepository(db, now),
    activities: activitiesRepository(db, now),
    groups: groupsRepository(db, now),
    reminderLog: reminderLogRepository(db),
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
      })),
    close: options.close ?? (() => db.destroy()),
  };
}

/** Opens DATABASE_URL (null: the embedded file), migrates it, and returns the store. */
export async function openStore(
  databaseUrl: string | null,
  options: { now?: () => Date } = {},
): Promise<Store & { location: string; migrated: string[] }> {
  const opened = await openDatabase(databaseUrl);
  const store = createStore(opened.db, { ...options, close: opened.close });
  return { ...store, location: opened.location.filename, migrated: opened.migrated };
}

export type { StoredActivity } from './activities.js';
export type { StoredCertification } from './certifications.js';
export type { GroupMember, GroupSettings } from './groups.js';
export { DEFAULT_REMINDER_DAYS } from './groups.js';
