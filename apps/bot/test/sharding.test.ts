/**
 * SHARDS=2: the built bot (dist/main.js) becomes discord.js's ShardingManager
 * and starts two shard processes against the fake Discord. Each identifies as
 * its own shard, answers the interactions of its servers, and they share one
 * database; the reminders due at start go out once, from the shard holding
 * the lease. SIGTERM stops everything cleanly; a killed manager takes its
 * shards with it.
 */
import { readFileSync } from 'node:fs';
import { type FakeDiscord, startFakeDiscord } from '@cec/discord-fake';
import { todayIso } from '@cec/rules';
import { describe, expect, onTestFinished, test } from 'vitest';
import { commandDefinitions } from '../src/commands/index.js';
import { describeEachDialect, freshDatabase } from './helpers/databases.js';
import { TOKEN } from './helpers/fake-discord.js';
import { kill, launch } from './helpers/processes.js';

/** Guild ids on shard 0 and shard 1 of 2: Discord routes by (id >> 22) % shard count. */
const GUILD_ON_SHARD_0 = String(1000n << 22n);
const GUILD_ON_SHARD_1 = String(1001n << 22n);

async function shardedWorld(
  databaseUrl: string,
  seed: (fake: FakeDiscord) => Promise<void> = async () => {},
) {
  const fake = await startFakeDiscord({
    token: TOKEN,
    guilds: [
      { id: GUILD_ON_SHARD_0, name: 'Zero' },
      { id: GUILD_ON_SHARD_1, name: 'One' },
    ],
  });
  onTestFinished(() => fake.close());
  fake.setCommands(commandDefinitions());
  await seed(fake);
  const bot = launch('main.js', [], {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API: fake.apiUrl,
    DATABASE_URL: databaseUrl,
    SHARDS: '2',
    // The fake has no IDENTIFY rate limit; Discord's needs the default 5.5 s.
    SHARD_SPAWN_DELAY_MS: '0',
    LOG_LEVEL: 'info',
  });
  onTestFinished(() => kill(bot.child, 'SIGKILL'));
  await bot.waitFor('all 2 shard(s) ready', 20_000);
  const pids = [...bot.output().stderr.matchAll(/shard \d started \(pid (\d+)\)/g)].map((m) =>
    Number(m[1]),
  );
  return { fake, bot, pids };
}

/** Running (a zombie counts as gone: an orphan's exit is reaped by whatever init the machine has). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeEachDialect((dialect) => {
  test('SHARDS=2: two shards, each answering its server, one database, reminders sent once', async () => {
    const database = await freshDatabase(dialect);
    const day = (offset: number) => todayIso(new Date(Date.now() + offset * 86_400_000));
    let channelId = '';
    // Before start, in shard 1's server: a group channel, and Rita 20 days from expiring,
    // so the 30-day reminder and the digest are due when the schedulers start.
    const { fake, bot, pids } = await shardedWorld(database.url, async (fake) => {
      channelId = fake.guild(GUILD_ON_SHARD_1).channel('general')?.id ?? '';
      const rita = fake.user('rita');
      const setup = await database.open();
      await setup.groups.configure(GUILD_ON_SHARD_1, channelId, [90, 30, 7, 1]);
      await setup.groups.join(GUILD_ON_SHARD_1, rita.id, 'Rita');
      await setup.certifications.save(rita.id, {
        credential: 'personal-trainer',
        expires: day(20),
      });
    });
    expect(pids).toHaveLength(2);
    expect(fake.sessions.map((s) => [s.shardId, s.shardCount]).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);

    // Each interaction is dispatched on its server's shard only: both shards answer.
    for (const guildId of [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1]) {
      const answer = await fake.command({ name: 'cec cpr', options: { term: '2yr' }, guildId });
      expect(answer.embeds[0]?.title).toBe('2-year CPR/AED certificate: 0.4 CECs');
    }
    // What shard 0 stores, shard 1 reads: one database.
    await fake.command({
      name: 'log mentor',
      options: { date: '2026-01-01', title: 'Saturday clinic' },
      user: 'kim',
      guildId: GUILD_ON_SHARD_0,
    });
    const list = await fake.command({ name: 'log list', user: 'kim', guildId: GUILD_ON_SHARD_1 });
    expect(list.text()).toContain('Saturday clinic');

    // Both shards started their schedulers; the reminder, its DM and the digest went out once.
    await waitUntil(() => fake.messages(channelId).length >= 2, 'the reminders were posted');
    await new Promise((r) => setTimeout(r, 300));
    const [reminder, digest, ...more] = fake.messages(channelId);
    expect(reminder?.content).toMatch(
      new RegExp(`^⏰ <@${fake.user('rita').id}>, your ACE Certified Personal Trainer expires`),
    );
    expect(digest?.embeds[0]?.title).toBe('Weekly digest');
    expect(more).toEqual([]);
    expect(fake.dms('rita')).toHaveLength(1);
    const lines = bot.output().stderr.split('\n');
    expect(lines.filter((l) => l.includes('runs the scheduler'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('holds the scheduler lease'))).toHaveLength(1);

    // SIGTERM: both shards close Discord and the database; the lease is handed back.
    kill(bot.child, 'SIGTERM');
    expect((await bot.finished).code).toBe(0);
    await waitUntil(() => pids.every((pid) => !alive(pid)), 'both shards exited');
    const after = await database.open();
    expect(await after.leases.find('reminders')).toBeNull();
    expect(await after.activities.count(fake.user('kim').id)).toBe(1);
    expect((await after.reminderLog.all()).map((r) => r.state)).toEqual(['sent', 'sent', 'sent']);
    expect(bot.output().stderr).toMatch(/\[shard 0\] SIGTERM: shutting down/);
    expect(bot.output().stderr).toMatch(/\[shard 1\] SIGTERM: shutting down/);
  });
});

describe('a sharded bot whose manager is killed', () => {
  test('its shard processes notice and stop on their own', async () => {
    const database = await freshDatabase('sqlite');
    const { bot, pids } = await shardedWorld(database.url);
    expect(pids.every(alive)).toBe(true);
    kill(bot.child, 'SIGKILL');
    await waitUntil(() => pids.every((pid) => !alive(pid)), 'the orphaned shards exited');
    expect(bot.output().stderr).not.toContain('unhandled');
  });
});
