/**
 * Load: 1,000 interactions, 50 in flight, from the fake Discord to the built
 * bot (dist/main.js, on-disk SQLite) in its own process. Every one must be
 * answered inside Discord's 3-second window (the fake gives up after 3 s,
 * as Discord does), with a real answer, and every /log must be stored once.
 * The latencies are printed for information; speed budgets are benchmarks
 * (bench/run.mjs), not tests.
 */
import type { InteractionReply } from '@cec/discord-fake';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../../src/store/index.js';
import {
  type BotProcess,
  type DiscordForProcess,
  discordForProcess,
  entryIdOf,
  percentile,
  pool,
  startBotProcess,
  stopBotProcess,
} from './support.js';

const TOTAL = 1000;
const IN_FLIGHT = 50;
const MEMBERS = 50;
const DISCORD_WINDOW_MS = 3000;

let discord: DiscordForProcess | undefined;
let bot: BotProcess | undefined;
afterAll(async () => {
  if (bot) await stopBotProcess(bot);
  await discord?.close();
});

type Check = (reply: InteractionReply) => string | null;

const LOG_KINDS = [
  (i: number) => ({
    name: 'log cpr',
    options: { term: i % 2 ? '1yr' : '2yr', date: '2026-01-15' },
  }),
  (i: number) => ({
    name: 'log college',
    options: { credits: 1 + (i % 4), grade: 'B', date: '2025-11-01' },
  }),
  (i: number) => ({
    name: 'log course',
    options: { number: `CA${20000 + i}`, cecs: 0.5, date: '2026-02-01' },
  }),
  (i: number) => ({ name: 'log mentor', options: { date: '2026-03-01', title: `visit ${i}` } }),
];

const isLog: Check = (r) => (r.ephemeral && entryIdOf(r) ? null : 'no entry id in a /log reply');
const hasEmbed: Check = (r) => (r.type === 4 && r.embeds.length > 0 ? null : 'no embed');

/** The i-th interaction of the mix: mostly /log (writes), and the commands members read with. */
function interaction(discordWorld: DiscordForProcess, i: number) {
  const { fake } = discordWorld;
  const user = `load${i % MEMBERS}`;
  switch (i % 10) {
    case 6:
      return {
        kind: '/cec cpr',
        run: () => fake.command({ name: 'cec cpr', options: { term: '2yr' }, user }),
        check: ((r) => (r.text().includes('0.4 CECs') ? null : 'wrong /cec cpr')) as Check,
      };
    case 7:
      return {
        kind: '/progress',
        run: () => fake.command({ name: 'progress', user }),
        check: hasEmbed,
      };
    case 8:
      return {
        kind: 'autocomplete /log remove',
        run: () =>
          fake.autocompleteReply({ name: 'log remove', focused: 'entry', value: '', user }),
        check: ((r) => (r.type === 8 && r.choices.length <= 25 ? null : 'bad choices')) as Check,
      };
    case 9:
      return {
        kind: '/cec ask',
        run: () =>
          fake.command({
            name: 'cec ask',
            options: { question: 'college 3 credits grade B' },
            user,
          }),
        check: ((r) => (r.type === 4 ? null : 'no answer')) as Check,
      };
    default: {
      const log = LOG_KINDS[i % LOG_KINDS.length]?.(i) ?? { name: 'log mentor', options: {} };
      return { kind: '/log', run: () => fake.command({ ...log, user }), check: isLog };
    }
  }
}

describe('a burst of 1,000 interactions, 50 at a time, against the bot process', () => {
  test('every interaction is answered inside the 3-second window', async () => {
    discord = await discordForProcess();
    const world = discord;
    bot = await startBotProcess(world.env);
    // Members with a certification, so /progress and /log compute real cycles and totals.
    await pool(MEMBERS, 10, async (m) => {
      const reply = await world.fake.command({
        name: 'cert add',
        options: { credential: 'personal-trainer', expires: '2027-03-31' },
        user: `load${m}`,
      });
      expect(reply.ephemeral).toBe(true);
    });

    const latencies: number[] = [];
    const problems: string[] = [];
    let logs = 0;
    const started = performance.now();
    await pool(TOTAL, IN_FLIGHT, async (i) => {
      const { kind, run, check } = interaction(world, i);
      if (kind === '/log') logs++;
      const start = performance.now();
      try {
        const reply = await run();
        const took = performance.now() - start;
        latencies.push(took);
        const wrong = check(reply);
        if (wrong) problems.push(`#${i} ${kind}: ${wrong}: ${reply.text()}`);
        if (reply.text().includes('Sorry, something went wrong')) {
          problems.push(`#${i} ${kind}: answered with the apology`);
        }
        if (took >= DISCORD_WINDOW_MS) problems.push(`#${i} ${kind}: ${Math.round(took)} ms`);
      } catch (error) {
        problems.push(`#${i} ${kind}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    const seconds = (performance.now() - started) / 1000;

    console.log(
      `load: ${latencies.length}/${TOTAL} answered in ${seconds.toFixed(1)} s, ${IN_FLIGHT} in flight: ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
        `max ${Math.max(...latencies).toFixed(1)} ms (window ${DISCORD_WINDOW_MS} ms)`,
    );
    expect(problems.slice(0, 20)).toEqual([]);
    expect(latencies).toHaveLength(TOTAL);

    // Every /log acknowledged above is stored, once.
    const store = await openStore(world.databaseFile);
    try {
      let stored = 0;
      for (let m = 0; m < MEMBERS; m++) {
        stored += await store.activities.count(world.fake.user(`load${m}`).id);
      }
      expect(stored).toBe(logs);
    } finally {
      await store.close();
    }
    const running = bot;
    bot = undefined;
    expect(await stopBotProcess(running)).toBe(0);
    expect(running.output().stderr).not.toMatch(/ ERROR /);
  }, 90_000);
});
