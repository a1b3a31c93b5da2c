/**
 * No acknowledged write is lost. The built bot (dist/main.js, an on-disk
 * SQLite file) takes a burst of /log commands from the fake Discord and is
 * killed with SIGKILL at a random moment of the burst; then it is restarted on
 * the same file, and again, for several rounds. After every kill, each entry
 * whose reply reached Discord is in the database exactly once, with what the
 * member typed, no command was recorded twice, and `PRAGMA integrity_check`
 * is ok. The kill points come from a printed seed (FAULT_SEED=… replays them).
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { kill } from '../helpers/processes.js';
import {
  type DiscordForProcess,
  discordForProcess,
  entryIdOf,
  faultSeed,
  pool,
  seededRandom,
  startBotProcess,
  stopBotProcess,
} from './support.js';

const ROUNDS = 4;
/** Commands in each round's burst; the kill lands somewhere inside it. */
const BURST = 500;
const IN_FLIGHT = 40;
const MEMBERS = 10;

/** One /log command per index, each with a title no other command uses. */
function logCommand(round: number, i: number) {
  const title = `r${round}-c${i}`;
  const user = `crash${i % MEMBERS}`;
  switch (i % 4) {
    case 0:
      return { title, user, name: 'log mentor', options: { date: '2026-01-01', title } };
    case 1:
      return { title, user, name: 'log present', options: { date: '2026-02-01', title } };
    case 2:
      return {
        title,
        user,
        name: 'log college',
        options: { credits: 1 + (i % 3), grade: 'B', date: '2025-11-01', title },
      };
    default:
      return {
        title,
        user,
        name: 'log course',
        options: { number: `CA${20000 + (i % 500)}`, cecs: 0.5, date: '2026-03-01', title },
      };
  }
}

interface Acknowledged {
  id: string;
  title: string;
  user: string;
}

let discord: DiscordForProcess | undefined;
afterAll(async () => {
  await discord?.close();
});

/** What the database holds after a kill: every entry by id, and how often each title occurs. */
async function readDatabase(world: DiscordForProcess) {
  const store = await openStore(world.databaseFile);
  try {
    const entries = new Map<string, { title: unknown; user: string }[]>();
    const titles = new Map<string, number>();
    for (let m = 0; m < MEMBERS; m++) {
      const user = `crash${m}`;
      for (const stored of await store.activities.list(world.fake.user(user).id)) {
        entries.set(stored.id, [
          ...(entries.get(stored.id) ?? []),
          { title: stored.activity.title, user },
        ]);
        const title = String(stored.activity.title);
        titles.set(title, (titles.get(title) ?? 0) + 1);
      }
    }
    const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
    return { entries, titles, integrity: check.rows.map((r) => r.integrity_check) };
  } finally {
    await store.close();
  }
}

describe('SIGKILL in the middle of a burst of /log, several times', () => {
  test('every acknowledged entry survives exactly once, and the file stays intact', async () => {
    const seed = faultSeed();
    const random = seededRandom(seed);
    console.log(`crash: seed ${seed} (FAULT_SEED=${seed} replays these kill points)`);
    discord = await discordForProcess();
    const world = discord;
    const acknowledged: Acknowledged[] = [];
    let sent = 0;
    let kills = 0;
    let lost = 0;
    const unexpected: string[] = [];
    let last: Awaited<ReturnType<typeof readDatabase>> | null = null;

    for (let round = 0; round < ROUNDS; round++) {
      // Kill after a random number of replies (10–90 % of the burst), plus a random few ms,
      // so the signal can land anywhere: between commands, inside a transaction, mid-reply.
      const killAfter = Math.floor(BURST * (0.1 + 0.8 * random()));
      const extraDelayMs = Math.floor(random() * 15);
      const bot = await startBotProcess(world.env);
      let replies = 0;
      let killed = false;
      await pool(
        BURST,
        IN_FLIGHT,
        async (i) => {
          const command = logCommand(round, i);
          sent++;
          const reply = await world.fake.command({
            name: command.name,
            options: command.options,
            user: command.user,
            timeoutMs: 2000,
          });
          const id = entryIdOf(reply);
          // Every /log here is valid: a reply without an entry id would be a bug.
          if (id === null) unexpected.push(`${command.title}: ${reply.text()}`);
          else acknowledged.push({ id, title: command.title, user: command.user });
          replies++;
          if (replies === killAfter) {
            setTimeout(() => {
              killed = true;
              kill(bot.child, 'SIGKILL');
            }, extraDelayMs);
          }
        },
        () => killed,
      );
      expect(unexpected, 'replies without an entry id').toEqual([]);
      // On a very slow machine commands can time out before enough replies come back: kill anyway.
      const lateKill = !killed;
      if (lateKill) {
        killed = true;
        kill(bot.child, 'SIGKILL');
      }
      const exit = await bot.finished;
      expect(exit.signal, `round ${round}: the bot was not killed\n${exit.stderr}`).toBe('SIGKILL');
      kills++;

      const db = await readDatabase(world);
      last = db;
      expect(db.integrity).toEqual(['ok']);
      const missing = acknowledged.filter((a) => {
        const found = db.entries.get(a.id) ?? [];
        return !(found.length === 1 && found[0]?.title === a.title && found[0]?.user === a.user);
      });
      lost = missing.length;
      expect(missing, `acknowledged but not stored exactly once after kill ${kills}`).toEqual([]);
      const twice = [...db.titles].filter(([, n]) => n > 1);
      expect(twice, 'commands recorded more than once').toEqual([]);
      const total = [...db.titles.values()].reduce((a, b) => a + b, 0);
      console.log(
        `crash: round ${round + 1}: killed after ${replies} replies ` +
          `(${lateKill ? 'at the end of the burst: too few replies in time' : `aimed at ${killAfter} + ${extraDelayMs} ms`}); ` +
          `${acknowledged.length} acknowledged so far, ${total} stored ` +
          `(${total - acknowledged.length} recorded but never acknowledged)`,
      );
    }

    // The bot comes back on the same file and sees every entry.
    const bot = await startBotProcess(world.env);
    try {
      const member = 'crash3';
      const list = await world.fake.command({ name: 'log list', user: member });
      const stored = [...(last?.entries.values() ?? [])].filter(
        (e) => e[0]?.user === member,
      ).length;
      expect(list.embeds[0]?.title).toBe(`Your entries (${stored})`);
      const after = await world.fake.command({
        name: 'log mentor',
        options: { date: '2026-01-01', title: 'after the crashes' },
        user: member,
      });
      expect(entryIdOf(after)).not.toBeNull();
    } finally {
      expect(await stopBotProcess(bot)).toBe(0);
    }

    expect(sent).toBeGreaterThanOrEqual(500);
    expect(acknowledged.length).toBeGreaterThan(0);
    console.log(
      `kills survived: ${kills}, acknowledged writes lost: ${lost} ` +
        `(${acknowledged.length} acknowledged of ${sent} sent)`,
    );
  }, 120_000);
});
