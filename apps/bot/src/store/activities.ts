/**
 * A member's recorded activities. Every query is scoped by the owner's user
 * id, so an id that belongs to someone else behaves exactly like one that
 * does not exist.
 */
import { randomBytes } from 'node:crypto';
import type { Activity } from '@cec/rules';
import type { Kysely } from 'kysely';
import type { ActivityRow, Database } from './schema.js';

export interface StoredActivity {
  id: string;
  /** The plan activity exactly as validated when it was recorded. */
  activity: Record<string, unknown>;
  createdAt: string;
}

/** No 0/o, 1/l/i: ids are read and typed by people. */
const ID_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const ID_LENGTH = 8;

/** Bytes at or above this would favour the first letters of the alphabet: they are skipped. */
const FAIR_LIMIT = 256 - (256 % ID_ALPHABET.length);

/** Random bytes drawn in blocks: one system call per few hundred ids, not one per id. */
let pool = Buffer.alloc(0);
let offset = 0;

function randomByte(): number {
  if (offset >= pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  return pool[offset++] ?? 0;
}

export function newEntryId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    const byte = randomByte();
    if (byte < FAIR_LIMIT) id += ID_ALPHABET[byte % ID_ALPHABET.length];
  }
  return id;
}

function parseData(row: ActivityRow): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(row.data);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Fall through: an unreadable row is shown by kind and date, and rules report it.
  }
  return { kind: row.kind, completed: row.completed };
}

function toStored(row: ActivityRow): StoredActivity {
  return { id: row.id, activity: parseData(row), createdAt: row.created_at };
}

export function activitiesRepository(db: Kysely<Database>, now: () => Date) {
  return {
    /** The member's activities, oldest completion first. */
    async list(userId: string): Promise<StoredActivity[]> {
      const rows = await db
        .selectFrom('activities')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('completed')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toStored);
    },

    async count(userId: string): Promise<number> {
      const row = await db
        .selectFrom('activities')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** Records a validated activity and returns its new entry id. */
    async add(userId: string, activity: Activity): Promise<StoredActivity> {
      const createdAt = now().toISOString();
      const data = JSON.stringify(activity);
      // A clash of random ids is astronomically rare; retrying keeps it from ever surfacing.
      for (let attempt = 0; ; attempt++) {
        const id = newEntryId();
        const inserted = await db
          .insertInto('activities')
          .values({
            id,
            user_id: userId,
            kind: activity.kind,
            completed: activity.completed,
            data,
            created_at: createdAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) {
          return { id, activity: JSON.parse(data), createdAt };
        }
        if (attempt >= 5) throw new Error('Could not find a free entry id after several tries.');
      }
    },

    /** The member's own entry, or null (also when the id belongs to someone else). */
    async find(userId: string, id: string): Promise<StoredActivity | null> {
      const row = await db
        .selectFrom('activities')
        .selectAll()
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toStored(row) : null;
    },

    /** True when the member's own entry was removed. */
    async remove(userId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('activities')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async removeAll(userId: string): Promise<number> {
      const result = await db
        .deleteFrom('activities')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type ActivitiesRepository = ReturnType<typeof activitiesRepository>;
