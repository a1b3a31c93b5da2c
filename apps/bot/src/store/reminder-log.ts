/**
 * The reminders' send log. A reminder is recorded (state 'pending') before it
 * is sent and marked 'sent' after; the unique key makes the record a claim,
 * so two processes, or one restarted, never send the same reminder twice. A
 * pending claim older than the lease belongs to a process that died between
 * record and send: it is claimed again and retried.
 */
import type { Kysely } from 'kysely';
import type { Database, ReminderLogRow } from './schema.js';

export interface ReminderClaim {
  key: string;
  guildId: string | null;
  userId: string | null;
  target: string;
  payload: string;
}

/** After this many failed sends a reminder is given up ('failed'). */
export const MAX_ATTEMPTS = 5;

export function reminderLogRepository(db: Kysely<Database>) {
  return {
    /** Records the reminder as pending. True when this caller won the claim and must send it. */
    async claim(claim: ReminderClaim, now: Date): Promise<boolean> {
      const result = await db
        .insertInto('reminder_log')
        .values({
          key: claim.key,
          guild_id: claim.guildId,
          user_id: claim.userId,
          target: claim.target,
          payload: claim.payload,
          state: 'pending',
          attempts: 1,
          claimed_at: now.toISOString(),
          sent_at: null,
          detail: null,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    /** Pending reminders whose claim is older than `staleBefore`: their sender died or failed. */
    async stale(staleBefore: Date): Promise<ReminderLogRow[]> {
      return db
        .selectFrom('reminder_log')
        .selectAll()
        .where('state', '=', 'pending')
        .where('claimed_at', '<', staleBefore.toISOString())
        .orderBy('claimed_at')
        .execute();
    },

    /** Takes over a stale claim; only one process can win it (the update checks the old claim). */
    async reclaim(row: ReminderLogRow, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('reminder_log')
        .set({ claimed_at: now.toISOString(), attempts: row.attempts + 1 })
        .where('key', '=', row.key)
        .where('state', '=', 'pending')
        .where('claimed_at', '=', row.claimed_at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async markSent(key: string, now: Date, detail: string | null = null): Promise<void> {
      await db
        .updateTable('reminder_log')
        .set({ state: 'sent', sent_at: now.toISOString(), detail })
        .where('key', '=', key)
        .execute();
    },

    async markFailed(key: string, detail: string): Promise<void> {
      await db
        .updateTable('reminder_log')
        .set({ state: 'failed', detail })
        .where('key', '=', key)
        .execute();
    },

    async find(key: string): Promise<ReminderLogRow | null> {
      const row = await db
        .selectFrom('reminder_log')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      return row ?? null;
    },

    async all(): Promise<ReminderLogRow[]> {
      return db.selectFrom('reminder_log').selectAll().orderBy('key').execute();
    },

    /** A member's reminders, for their data export. */
    async ofUser(userId: string): Promise<ReminderLogRow[]> {
      return db
        .selectFrom('reminder_log')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('claimed_at')
        .execute();
    },

    async forgetUser(userId: string): Promise<number> {
      const result = await db
        .deleteFrom('reminder_log')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type ReminderLogRepository = ReturnType<typeof reminderLogRepository>;
