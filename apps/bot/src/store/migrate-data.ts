/**
 * `pnpm --filter @cec/bot migrate-data --from <database> --to <database>`:
 * copies everything the bot stores from one database to another, e.g. the
 * embedded SQLite file to PostgreSQL. Both are brought to the current schema
 * first (as the bot does at start); the target must be empty; the copy is one
 * transaction whose row counts are checked before it commits.
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { silentLogger } from '../log.js';
import { CopyError, copyDatabase } from './copy.js';
import { DatabaseOpenError, describeLocation, resolveDatabaseUrl } from './database.js';
import { type OpenedStore, openStore } from './index.js';

const USAGE = `Usage: pnpm --filter @cec/bot migrate-data --from <database> --to <database>
  <database>: a SQLite file (relative to where you run the command), sqlite:path, or postgres://user:password@host:5432/db
  Stop the bot first. The target must hold no data; it gets every row or none.`;

/**
 * A database argument as an absolute location: pnpm runs scripts in apps/bot, so a relative
 * path is taken from where the command was typed (INIT_CWD), as a shell user expects.
 */
export function databaseArgument(value: string, cwd = process.env.INIT_CWD ?? process.cwd()) {
  const location = resolveDatabaseUrl(value, cwd);
  return {
    location,
    url: location.dialect === 'sqlite' ? location.filename : location.url,
    shown: describeLocation(location),
  };
}

const rows = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

export async function cli(argv: string[]): Promise<number> {
  let from: string;
  let to: string;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.from || !values.to) throw new Error('Both --from and --to are needed.');
    from = values.from;
    to = values.to;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const source = databaseArgument(from);
  const target = databaseArgument(to);
  if (source.url === target.url) {
    console.error('--from and --to name the same database: nothing to copy.');
    return 2;
  }
  for (const side of [source, target]) {
    if (side.location.dialect === 'sqlite' && side.location.filename === ':memory:') {
      console.error(':memory: keeps nothing between processes: name a file or a server.');
      return 2;
    }
  }
  if (source.location.dialect === 'sqlite' && !(isAbsolute(source.url) && existsSync(source.url))) {
    console.error(`${source.shown} does not exist: --from must be the bot's database file.`);
    return 1;
  }

  const opened: OpenedStore[] = [];
  try {
    const sourceStore = await openStore(source.url, { log: silentLogger });
    opened.push(sourceStore);
    const targetStore = await openStore(target.url, { log: silentLogger });
    opened.push(targetStore);
    console.log(`Copying ${sourceStore.location} → ${targetStore.location}`);
    const report = await copyDatabase(sourceStore, targetStore);
    const width = Math.max(...report.tables.map((t) => t.name.length));
    for (const table of report.tables) {
      console.log(`  ${table.name.padEnd(width)}  ${rows(table.rows).padStart(12)}`);
    }
    const total = report.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Copied ${rows(total)} in ${(report.ms / 1000).toFixed(1)} s; every table's count matches the source.`,
    );
    console.log('Now set DATABASE_URL to the new database and start the bot.');
    return 0;
  } catch (error) {
    if (error instanceof CopyError || error instanceof DatabaseOpenError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    for (const store of opened) await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await cli(process.argv.slice(2));
}
