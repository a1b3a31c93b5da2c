/**
 * A member's recorded activities. Every query is scoped by the owner's user
 * id, so an id that belongs to someone else behaves exactly like one that
 * does not exist.
 */
import { randomBytes } from 'node:crypto';
import type { Activity } from '@cec/rules';
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { compileNamed, type Param } from './compiled.js';
import type { ActivityRow, Database } from './schema.js';

export interface StoredActivity {
  id: string;
  /** The plan activity exactly as validated when it was recorded. */
  activity: Record<string, unknown>;
  createdAt: string;
  /**
   * False for an entry logged with a date still to come, until its owner says it
   * happened: past its date it is then awaiting confirmation, not earned.
   */
  confirmed: boolean;
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

/** The columns a stored activity is read from (the owner's id is already known). */
type ActivityColumns = Pick<
  ActivityRow,
  'id' | 'kind' | 'completed' | 'data' | 'created_at' | 'confirmed'
>;

const COLUMNS = ['id', 'kind', 'completed', 'data', 'created_at', 'confirmed'] as const;

function parseData(row: ActivityColumns): Record<string, unknown> {
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

function toStored(row: ActivityColumns): StoredActivity {
  return {
    id: row.id,
    activity: parseData(row),
    createdAt: row.created_at,
    confirmed: Number(row.confirmed) === 1,
  };
}

/**
 * Two-key PostgreSQL advisory locks in this class serialise one member's capped
 * inserts (the other key is a hash of the user id). The two-key space does not
 * overlap the one-key space Kysely's migrator locks in.
 */
const MEMBER_LOCK_CLASS = 0x0cec;

/** One row of the capped insert, and the number of entries the member must stay under. */
interface CappedRow {
  id: string;
  userId: string;
  kind: string;
  completed: string;
  data: string;
  createdAt: string;
  confirmed: number;
  limit: number;
}

/** `add` without a cap: the capped statement with a bound no member reaches (and no lock). */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

export function activitiesRepository(db: Kysely<Database>, now: () => Date) {
  // The hot /log queries are compiled once (see compiled.ts): no query tree built per /log.
  const listQuery = compileNamed((param: Param<{ userId: string }>) =>
    db
      .selectFrom('activities')
      .select(COLUMNS)
      .where('user_id', '=', param('userId'))
      .orderBy('completed')
      .orderBy('created_at')
      .orderBy('id')
      .compile(),
  );
  /**
   * One statement that inserts only while the member holds fewer than `limit`
   * entries: on SQLite a statement runs under the file's write lock, so the count
   * and the insert are atomic across connections and processes. (The SELECT has a
   * WHERE, which SQLite needs to read the ON CONFLICT as the insert's.)
   */
  const cappedInsert = compileNamed((param: Param<CappedRow>) =>
    sql`insert into activities (id, user_id, kind, completed, data, created_at, confirmed)
    select ${param('id')}, ${param('userId')}, ${param('kind')}, ${param('completed')}, ${param('data')}, ${param('createdAt')}, ${param('confirmed')}
    where (select count(*) from activities where user_id = ${param('userId')}) < ${param('limit')}
    on conflict (id) do nothing`.compile(db),
  );
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  /** Inserts one row unless the member already has `limit` entries; true when it was inserted. */
  async function insertCapped(target: Kysely<Database>, row: CappedRow): Promise<boolean> {
    const result = await target.executeQuery(cappedInsert.bind(row));
    return Number(result.numAffectedRows ?? 0n) === 1;
  }

  /**
   * The capped insert, atomic on both dialects. PostgreSQL (READ COMMITTED) would let
   * two concurrent statements each count the member's entries without the other's
   * uncommitted row, so there the member's advisory lock is taken first, in the same
   * transaction: the second insert counts after the first has committed.
   */
  function insertAtomically(row: CappedRow): Promise<boolean> {
    if (!isPostgres || row.limit === NO_LIMIT) return insertCapped(db, row);
    const locked = async (trx: Kysely<Database>) => {
      await sql`select pg_advisory_xact_lock(${MEMBER_LOCK_CLASS}, hashtext(${row.userId}))`.execute(
        trx,
      );
      return insertCapped(trx, row);
    };
    return db.isTransaction ? locked(db) : db.transaction().execute(locked);
  }

  const repository = {
    /** The member's activities, oldest completion first. */
    async list(userId: string): Promise<StoredActivity[]> {
      const { rows } = await db.executeQuery(listQuery.bind({ userId }));
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
    async add(userId: string, activity: Activity, confirmed = true): Promise<StoredActivity> {
      const stored = await repository.addWithin(userId, activity, NO_LIMIT, confirmed);
      if (!stored) throw new Error('unreachable: no member holds that many entries');
      return stored;
    },

    /**
     * Records a validated activity unless the member already holds `limit` entries
     * (then null). The count and the insert are one atomic step, so two /logs of one
     * member at the same moment cannot both pass a check made before either inserts.
     * `confirmed`: false for an entry planned (dated after the member's today).
     */
    async addWithin(
      userId: string,
      activity: Activity,
      limit: number,
      confirmed = true,
    ): Promise<StoredActivity | null> {
      const createdAt = now().toISOString();
      const data = JSON.stringify(activity);
      // A clash of random ids is astronomically rare; retrying keeps it from ever surfacing.
      for (let attempt = 0; ; attempt++) {
        const id = newEntryId();
        const row = {
          id,
          userId,
          kind: activity.kind,
          completed: activity.completed,
          data,
          createdAt,
          confirmed: confirmed ? 1 : 0,
          limit,
        };
        if (await insertAtomically(row)) {
          // What was stored is `activity` itself: a copy of its own fields, not a JSON re-parse.
          return { id, activity: { ...activity }, createdAt, confirmed };
        }
        // Not inserted: the member is full, or (rarely) the id was taken.
        if ((await repository.count(userId)) >= limit) return null;
        if (attempt >= 5) throw new Error('Could not find a free entry id after several tries.');
      }
    },

    /** The member's own entry, or null (also when the id belongs to someone else). */
    async find(userId: string, id: string): Promise<StoredActivity | null> {
      const row = await db
        .selectFrom('activities')
        .select(COLUMNS)
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toStored(row) : null;
    },

    /** Whether the member's own entry happened (it counts) or not; true when the entry exists. */
    async setConfirmed(userId: string, id: string, confirmed: boolean): Promise<boolean> {
      const result = await db
        .updateTable('activities')
        .set({ confirmed: confirmed ? 1 : 0 })
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
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
  return repository;
}

export type ActivitiesRepository = ReturnType<typeof activitiesRepository>;
