/**
 * `backup` (the built CLI): an online copy of the SQLite database taken while
 * another process writes to it, checked, and restored the way docs/scaling.md
 * says (stop the bot, copy the file over, remove the old -wal and -shm).
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { ALICE } from './helpers/context.js';
import { freshDatabase } from './helpers/databases.js';
import { launch, run } from './helpers/processes.js';

describe('backup', () => {
  test('while the database is being written: a consistent copy that restores', async () => {
    const database = await freshDatabase('sqlite');
    const live = await database.open();
    for (let i = 0; i < 200; i++) {
      await live.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });
    }
    const backupFile = join(database.url, '..', 'backups', 'cec-1.sqlite');

    // A writer keeps adding entries in this process while the backup runs in another.
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await live.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-02' });
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const before = await live.activities.count(ALICE.id);
    const backup = launch('store/backup.js', ['--from', database.url, '--to', backupFile], {});
    const result = await backup.finished;
    writing = false;
    await writer;
    const after = await live.activities.count(ALICE.id);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Backed up .*cec\.sqlite → .*cec-1\.sqlite \(\d+ KB, integrity ok\):/,
    );
    const copied = Number(/activities: (\d+) rows/.exec(result.stdout)?.[1]);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(after);
    expect(after).toBeGreaterThan(before); // the writer really ran during the backup

    // Restore as docs/scaling.md says: stop the bot, remove the old -wal and -shm, copy.
    await live.close();
    for (const suffix of ['-wal', '-shm']) rmSync(`${database.url}${suffix}`, { force: true });
    copyFileSync(backupFile, database.url);
    const restored = await database.open();
    expect(await restored.activities.count(ALICE.id)).toBe(copied);
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(
      restored.db,
    );
    expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
    expect(restored.migrated).toEqual([]);
  });

  test('never overwrites; PostgreSQL points to pg_dump; nothing to back up is said so', async () => {
    const database = await freshDatabase('sqlite');
    await database.open();
    const exists = await run('store/backup.js', ['--from', database.url, '--to', database.url], {});
    expect(exists.code).toBe(1);
    expect(exists.stderr.trim()).toBe(
      `${database.url} already exists: choose a new file (a backup never overwrites).`,
    );

    const target = join(database.url, '..', 'never.sqlite');
    const postgres = await run('store/backup.js', ['--to', target], {
      DATABASE_URL: 'postgres://cec:Sup3r-Secret-pw@127.0.0.1:1/cec',
    });
    expect(postgres.code).toBe(1);
    expect(postgres.stderr.trim()).toBe(
      'postgres://cec:***@127.0.0.1:1/cec is PostgreSQL: back it up with pg_dump (see docs/scaling.md, "Backup and restore").',
    );

    const absent = await run(
      'store/backup.js',
      ['--from', '/nonexistent/cec.sqlite', '--to', target],
      {},
    );
    expect(absent.code).toBe(1);
    expect(absent.stderr.trim()).toBe(
      '/nonexistent/cec.sqlite does not exist: there is nothing to back up.',
    );
    expect(existsSync(target)).toBe(false);

    const usage = await run('store/backup.js', [], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--to is needed');
  });
});
