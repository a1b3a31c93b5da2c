/**
 * Schema migrations, in code so the built bot carries them. Kysely's Migrator
 * records each one in its `kysely_migration` table (the schema version) and
 * runs the missing ones at start. Only the portable schema builder is used, so
 * a PostgreSQL dialect can run the same migrations.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_members_and_groups': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('certifications')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('credential', 'text', (c) => c.notNull())
        .addColumn('expires', 'text')
        .addColumn('certified', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('certifications_pk', ['user_id', 'credential'])
        .execute();

      await db.schema
        .createTable('activities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('completed', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('activities_by_user')
        .on('activities')
        .columns(['user_id', 'completed'])
        .execute();

      await db.schema
        .createTable('group_settings')
        .addColumn('guild_id', 'text', (c) => c.primaryKey())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('reminder_days', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('group_members')
        .addColumn('guild_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('group_members_pk', ['guild_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('group_members_by_user')
        .on('group_members')
        .column('user_id')
        .execute();

      await db.schema
        .createTable('reminder_log')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('guild_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('claimed_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .addColumn('detail', 'text')
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
};

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The newest schema version this code knows. */
export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1) ?? '';

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
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
