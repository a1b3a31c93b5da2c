/**
 * Copying every table from one database to another (the embedded SQLite file
 * to PostgreSQL when a bot outgrows one process, or back), in one transaction
 * on the target, with the row counts checked before it commits: the target
 * ends up with all of the data or none of it.
 */
import { type Kysely, sql } from 'kysely';
import { describeDatabaseError } from './errors.js';
import type { OpenedStore } from './index.js';
import type { Database } from './schema.js';

type TableName = Exclude<keyof Database, 'leases'>;

/**
 * What is copied, in order, with each table's primary key (the reading order)
 * and columns. `leases` is not copied: it only says which running process
 * sends reminders, and the copy is made with the bot stopped.
 */
export const COPIED_TABLES: readonly {
  name: TableName;
  key: readonly string[];
  columns: readonly string[];
}[] = [
  {
    name: 'certifications',
    key: ['user_id', 'credential'],
    columns: ['user_id', 'credential', 'expires', 'certified', 'updated_at'],
  },
  {
    name: 'activities',
    key: ['id'],
    columns: ['id', 'user_id', 'kind', 'completed', 'data', 'created_at', 'confirmed'],
  },
  {
    name: 'group_settings',
    key: ['guild_id'],
    columns: ['guild_id', 'channel_id', 'reminder_days', 'updated_at', 'weekly_post'],
  },
  {
    name: 'member_reminders',
    key: ['user_id'],
    columns: ['user_id', 'channel', 'dm', 'days', 'updated_at'],
  },
  {
    name: 'group_members',
    key: ['guild_id', 'user_id'],
    columns: ['guild_id', 'user_id', 'display_name', 'joined_at'],
  },
  {
    name: 'reminder_log',
    key: ['key'],
    columns: [
      'key',
      'guild_id',
      'user_id',
      'target',
      'payload',
      'state',
      'attempts',
      'claimed_at',
      'sent_at',
      'detail',
    ],
  },
];

/** Rows per INSERT: 10 columns × 200 stays far below PostgreSQL's 65,535 parameters. */
const BATCH = 200;

export class CopyError extends Error {
  override name = 'CopyError';
}

async function countRows(db: Kysely<Database>, table: TableName): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
    table,
  )}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface CopyReport {
  tables: { name: string; rows: number }[];
  ms: number;
}

/**
 * Copies every table of `source` into `target`, which must hold no data.
 * Both must be at the latest schema (openStore migrates them).
 */
export async function copyDatabase(
  source: OpenedStore,
  target: OpenedStore,
  now: () => Date = () => new Date(),
): Promise<CopyReport> {
  const started = Date.now();
  const lease = await source.leases.find('reminders');
  if (lease && lease.expires_at > now().toISOString()) {
    throw new CopyError(
      `A bot is running on ${source.location} (process ${lease.owner} holds the reminders lease until ${lease.expires_at}): stop it first, or the copy would miss what it writes meanwhile.`,
    );
  }
  for (const table of COPIED_TABLES) {
    const rows = await countRows(target.db, table.name);
    if (rows > 0) {
      throw new CopyError(
        `${target.location} already holds data (${table.name}: ${rows} rows): copy into an empty database, so that nothing is mixed or overwritten.`,
      );
    }
  }

  // One snapshot of the source (a read transaction), one transaction on the target.
  const tables = await source.db.transaction().execute(async (from) =>
    target.db.transaction().execute(async (to) => {
      const copied: CopyReport['tables'] = [];
      for (const table of COPIED_TABLES) {
        const expected = await countRows(from, table.name);
        let offset = 0;
        for (;;) {
          const { rows } = await sql<Record<string, unknown>>`select ${sql.join(
            table.columns.map((c) => sql.ref(c)),
          )} from ${sql.table(table.name)} order by ${sql.join(
            table.key.map((c) => sql.ref(c)),
          )} limit ${BATCH} offset ${offset}`.execute(from);
          if (rows.length === 0) break;
          try {
            await sql`insert into ${sql.table(table.name)} (${sql.join(
              table.columns.map((c) => sql.ref(c)),
            )}) values ${sql.join(
              rows.map((row) => sql`(${sql.join(table.columns.map((c) => row[c] ?? null))})`),
            )}`.execute(to);
          } catch (error) {
            throw new CopyError(
              `Copying ${table.name} (rows ${offset + 1}–${offset + rows.length}) failed, so nothing was copied: ${describeDatabaseError(error, target.where)}`,
              { cause: error },
            );
          }
          offset += rows.length;
        }
        const written = await countRows(to, table.name);
        if (offset !== expected || written !== expected) {
          throw new CopyError(
            `${table.name}: the source has ${expected} rows but ${written} arrived, so nothing was copied.`,
          );
        }
        copied.push({ name: table.name, rows: written });
      }
      return copied;
    }),
  );
  return { tables, ms: Date.now() - started };
}
