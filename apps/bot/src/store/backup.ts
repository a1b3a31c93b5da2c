/**
 * `pnpm --filter @cec/bot backup --to <file> [--from <sqlite file>]`: an
 * online backup of the embedded SQLite database through SQLite's backup API
 * (better-sqlite3's `.backup()`), safe while the bot runs, then checked
 * (`integrity_check`, row counts). The source defaults to DATABASE_URL, or the
 * embedded file. PostgreSQL is backed up with pg_dump (docs/scaling.md).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { COPIED_TABLES } from './copy.js';
import { describeDatabaseError } from './errors.js';
import { databaseArgument } from './migrate-data.js';

const USAGE = `Usage: pnpm --filter @cec/bot backup --to <backup file> [--from <sqlite file>]
  --from defaults to DATABASE_URL, or apps/bot/data/cec.sqlite. Safe while the bot runs.`;

export interface BackupReport {
  bytes: number;
  tables: { name: string; rows: number }[];
}

/** Copies the live database `from` into the new file `to` and checks the copy. */
export async function backupSqlite(from: string, to: string): Promise<BackupReport> {
  mkdirSync(dirname(to), { recursive: true });
  const source = new SQLite(from, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All remaining pages in one step: in WAL mode that holds only a read snapshot, which
    // the bot's writes do not wait for; in small steps a busy bot would restart the backup.
    await source.backup(to, { progress: ({ remainingPages }) => Math.max(100, remainingPages) });
  } finally {
    source.close();
  }
  const copy = new SQLite(to, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
    const tables = COPIED_TABLES.map(({ name }) => {
      const row = copy.prepare(`select count(*) as n from ${name}`).get() as { n: number };
      return { name, rows: row.n };
    });
    return { bytes: statSync(to).size, tables };
  } finally {
    copy.close();
  }
}

export async function cli(argv: string[]): Promise<number> {
  let values: { from?: string | undefined; to?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
    if (!values.to) throw new Error('--to is needed: the file to write the backup to.');
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const source = databaseArgument(values.from ?? process.env.DATABASE_URL?.trim() ?? '');
  const target = databaseArgument(values.to);
  if (source.location.dialect === 'postgres') {
    console.error(
      `${source.shown} is PostgreSQL: back it up with pg_dump (see docs/scaling.md, "Backup and restore").`,
    );
    return 1;
  }
  if (target.location.dialect !== 'sqlite' || target.url === ':memory:') {
    console.error('--to must be a file path for the backup.');
    return 2;
  }
  if (source.url === ':memory:' || !existsSync(source.url)) {
    console.error(`${source.shown} does not exist: there is nothing to back up.`);
    return 1;
  }
  if (existsSync(target.url)) {
    console.error(`${target.shown} already exists: choose a new file (a backup never overwrites).`);
    return 1;
  }
  try {
    const report = await backupSqlite(source.url, target.url);
    console.log(
      `Backed up ${source.shown} → ${target.shown} (${(report.bytes / 1024).toFixed(0)} KB, integrity ok):`,
    );
    for (const table of report.tables) {
      console.log(`  ${table.name}: ${table.rows} ${table.rows === 1 ? 'row' : 'rows'}`);
    }
    return 0;
  } catch (error) {
    console.error(`Backup failed: ${describeDatabaseError(error, source.location)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await cli(process.argv.slice(2));
}
