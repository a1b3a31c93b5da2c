/**
 * Schema migrations, in code so the built bot carries them. Kysely's Migrator
 * records each one in its `kysely_migration` table (the schema version) and
 * runs the missing ones at start. The same migrations run on SQLite and
 * PostgreSQL: portable types only (text and integer), and on PostgreSQL every
 * text column compares byte by byte (COLLATE "C"), as SQLite's BINARY does,
 * so ids, keys and dates sort the same on both whatever the server's locale.
 */
import {
  type ColumnDataType,
  type Expression,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
} from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

function migrationsFor(dialect: Dialect): Record<string, Migration> {
  /** Text as SQLite compares it (bytes); a database created with a locale would otherwise sort 'B' after 'a'. */
  const text: ColumnDataType | Expression<unknown> =
    dialect === 'postgres' ? sql`text collate "C"` : 'text';
  return {
    '0001_members_and_groups': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('certifications')
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('credential', text, (c) => c.notNull())
          .addColumn('expires', text)
          .addColumn('certified', text)
          .addColumn('updated_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('certifications_pk', ['user_id', 'credential'])
          .execute();

        await db.schema
          .createTable('activities')
          .addColumn('id', text, (c) => c.primaryKey())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('kind', text, (c) => c.notNull())
          .addColumn('completed', text, (c) => c.notNull())
          .addColumn('data', text, (c) => c.notNull())
          .addColumn('created_at', text, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('activities_by_user')
          .on('activities')
          .columns(['user_id', 'completed'])
          .execute();

        await db.schema
          .createTable('group_settings')
          .addColumn('guild_id', text, (c) => c.primaryKey())
          .addColumn('channel_id', text, (c) => c.notNull())
          .addColumn('reminder_days', text, (c) => c.notNull())
          .addColumn('updated_at', text, (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('group_members')
          .addColumn('guild_id', text, (c) => c.notNull())
          .addColumn('user_id', text, (c) => c.notNull())
          .addColumn('display_name', text, (c) => c.notNull())
          .addColumn('joined_at', text, (c) => c.notNull())
          .addPrimaryKeyConstraint('group_members_pk', ['guild_id', 'user_id'])
          .execute();
        await db.schema
          .createIndex('group_members_by_user')
          .on('group_members')
          .column('user_id')
          .execute();

        await db.schema
          .createTable('reminder_log')
          .addColumn('key', text, (c) => c.primaryKey())
          .addColumn('guild_id', text)
          .addColumn('user_id', text)
          .addColumn('target', text, (c) => c.notNull())
          .addColumn('payload', text, (c) => c.notNull())
          .addColumn('state', text, (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('claimed_at', text, (c) => c.notNull())
          .addColumn('sent_at', text)
          .addColumn('detail', text)
          .execute();
        await db.schema
          .createIndex('reminder_log_by_state')
          .on('reminder_log')
          .columns(['state', 'claimed_at'])
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of [
          'reminder_log',
          'group_members',
          'group_settings',
          'activities',
          'certifications',
        ]) {
          await db.schema.dropTable(table).execute();
        }
      },
    },

    /**
     * Who runs the reminder scheduler: one row per lease, taken with an atomic
     * upsert, so only one of several bot processes (shards, machines) sends at a
     * time. See src/store/leases.ts.
     */
    '0002_leases': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('leases')
          .addColumn('name', text, (c) => c.primaryKey())
          .addColumn('owner', text, (c) => c.notNull())
          .addColumn('acquired_at', text, (c) => c.notNull())
          .addColumn('expires_at', text, (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('leases').execute();
      },
    },

    /**
     * The /log read (a member's entries in completion, creation, id order) and the
     * cap's count, answered from one index in order with no sort; it replaces the
     * narrower (user_id, completed) index, so an insert still updates one index.
     */
    '0003_activities_by_user_in_order': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createIndex('activities_by_user_in_order')
          .on('activities')
          .columns(['user_id', 'completed', 'created_at', 'id'])
          .execute();
        await db.schema.dropIndex('activities_by_user').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema
          .createIndex('activities_by_user')
          .on('activities')
          .columns(['user_id', 'completed'])
          .execute();
        await db.schema.dropIndex('activities_by_user_in_order').execute();
      },
    },

    /**
     * Members' own reminder choices (channel, DM, days), and a server's switch
     * for the weekly digest (on for the servers already set up).
     */
    '0004_member_reminders': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('member_reminders')
          .addColumn('user_id', text, (c) => c.primaryKey())
          .addColumn('channel', 'integer', (c) => c.notNull())
          .addColumn('dm', 'integer', (c) => c.notNull())
          .addColumn('days', text)
          .addColumn('updated_at', text, (c) => c.notNull())
          .execute();
        await db.schema
          .alterTable('group_settings')
          .addColumn('weekly_post', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('group_settings').dropColumn('weekly_post').execute();
        await db.schema.dropTable('member_reminders').execute();
      },
    },

    /**
     * A planned entry (logged with a date after that day) counts as earned only
     * once its owner confirms it happened: `confirmed` is 0 until then. Rows from
     * before this migration dated on or before its day stay counted (1), as they
     * were, so nobody loses credit; those dated later are planned and will be asked.
     */
    '0006_planned_entries': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('activities')
          .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
        const today = new Date().toISOString().slice(0, 10);
        await sql`update activities set confirmed = 0 where completed > ${today}`.execute(db);
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('activities').dropColumn('confirmed').execute();
      },
    },
  };
}

/** The newest schema version this code knows. */
export const LATEST_MIGRATION = Object.keys(migrationsFor('sqlite')).sort().at(-1) ?? '';

/** Every schema version, oldest first. */
export const MIGRATIONS = Object.keys(migrationsFor('sqlite')).sort();

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: Dialect,
  /** PostgreSQL: the schema the tables live in (the migrator would otherwise look in every schema). */
  schema: string | null = null,
): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Database migration ${failed?.migrationName ?? ''} failed: ${cause}`.replace('  ', ' '),
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
