/**
 * No acknowledged write is lost: the built bot is killed (SIGKILL) in the
 * middle of a burst of /log commands, restarted on the same file, and every
 * entry whose reply was sent is there exactly once; the file is intact.
 */
import { join } from 'node:path';
import { startFakeDiscord } from '@cec/discord-fake';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { deployCommands } from '../src/discord/deploy-commands.js';
import { openStore } from '../src/store/index.js';
import { tempDir } from './helpers/context.js';
import { TOKEN } from './helpers/fake-discord.js';
import { kill, launch } from './helpers/processes.js';

describe('a crash in the middle of a burst', () => {
  test('every replied /log entry survives SIGKILL exactly once, and the bot comes back', async () => {
    const fake = await startFakeDiscord({ token: TOKEN });
    const dir = tempDir();
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API: fake.apiUrl,
      DATABASE_URL: join(dir.path, 'cec.sqlite'),
      LOG_LEVEL: 'warn',
    };
    try {
      await deployCommands({
        token: TOKEN,
        applicationId: fake.applicationId,
        discordApi: fake.apiUrl,
        guildId: null,
      });
      const first = launch('main.js', [], { ...env, LOG_LEVEL: 'info' });
      await first.waitFor('logged in as');

      const replied: string[] = [];
      let killed = false;
      // A stream of commands a few ms apart, so the kill lands while many are in flight.
      const burst: Promise<void>[] = [];
      for (let i = 0; i < 60; i++) {
        burst.push(
          fake
            .command({
              name: 'log mentor',
              options: { date: '2026-01-01', title: `visit ${i}` },
              user: 'kim',
              timeoutMs: 1500,
            })
            .then((reply) => {
              const id = /Entry `([a-z0-9]+)`/.exec(
                String(reply.embeds[0]?.description ?? ''),
              )?.[1];
              if (id) replied.push(id);
              if (replied.length >= 20 && !killed) {
                killed = true;
                kill(first.child, 'SIGKILL');
              }
            }),
        );
        await new Promise((r) => setTimeout(r, 2));
      }
      const outcomes = await Promise.allSettled(burst);
      const result = await first.finished;
      expect(result.signal).toBe('SIGKILL');
      expect(replied.length).toBeGreaterThanOrEqual(20);
      expect(outcomes.some((o) => o.status === 'rejected')).toBe(true); // the burst went on past the kill

      const second = launch('main.js', [], { ...env, LOG_LEVEL: 'info' });
      await second.waitFor('logged in as');
      const after = await fake.command({ name: 'cec cpr', options: { term: '1yr' } });
      expect(after.embeds[0]?.title).toContain('0.2 CECs');
      kill(second.child, 'SIGTERM');
      expect((await second.finished).code).toBe(0);

      const store = await openStore(env.DATABASE_URL);
      try {
        const kim = fake.user('kim');
        const stored = await store.activities.list(kim.id);
        const ids = stored.map((s) => s.id);
        for (const id of replied) expect(ids.filter((x) => x === id)).toHaveLength(1);
        const titles = stored.map((s) => s.activity.title);
        expect(new Set(titles).size).toBe(titles.length);
        const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(
          store.db,
        );
        expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
      } finally {
        await store.close();
      }
    } finally {
      await fake.close();
      dir.remove();
    }
  });
});
