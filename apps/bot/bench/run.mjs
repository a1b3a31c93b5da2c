// Benchmarks of @cec/bot. Prints only {"metrics": {...}} on stdout; progress
// and the bot's own logs go to stderr. Everything runs against the local fake
// Discord (no network). Machines here are noisy, so each figure is compared
// with a bare discord.js client measured in the same run, alternating with it:
// the overhead ratio compares medians of /cec cpr round trips; the /log p99 is
// the median of several runs of its definition (1,000 interactions, 50 in
// flight, after a warm-up), printed next to the bare client's p99 in `context`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '@cec/discord-fake';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { commandDefinitions } from '../dist/commands/index.js';
import { startBot } from '../dist/discord/bot.js';
import { createLogger } from '../dist/log.js';
import { openStore } from '../dist/store/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.BeNcH0.benchmark-token-not-a-secret-000000';
const quiet = createLogger({ level: 'warn', secrets: [TOKEN] });
const say = (text) => process.stderr.write(`bench(bot): ${text}\n`);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

const metrics = {};
/** `context`: figures that explain the value (e.g. the floor measured in the same run). */
function metric(name, value, unit, budget, lowerIsBetter = true, context = undefined) {
  metrics[name] = {
    value: Math.round(value * 1000) / 1000,
    unit,
    budget,
    ok: lowerIsBetter ? value <= budget : value >= budget,
    ...(context ? { context } : {}),
  };
}

const temp = mkdtempSync(join(tmpdir(), 'cec-bot-bench-'));
const cleanups = [() => rmSync(temp, { recursive: true, force: true })];

/** Runs `total` tasks with `width` in flight; returns each task's duration (ms). */
async function pool(total, width, task) {
  const durations = new Array(total);
  let next = 0;
  async function worker() {
    while (next < total) {
      const i = next++;
      const start = process.hrtime.bigint();
      await task(i);
      durations[i] = ms(start);
    }
  }
  await Promise.all(Array.from({ length: width }, worker));
  return durations;
}

// --- bot.interaction_overhead_ratio ---------------------------------------
// Two fakes side by side: one serves the real bot (router, handlers, store on a
// file), the other a bare discord.js client that answers at once. `/cec cpr`
// alternates between them so both see the same machine load.
async function overheadRatio() {
  const fakeBot = await startFakeDiscord({ token: TOKEN });
  const fakeBare = await startFakeDiscord({ token: TOKEN });
  cleanups.unshift(
    () => fakeBot.close(),
    () => fakeBare.close(),
  );
  for (const fake of [fakeBot, fakeBare]) fake.setCommands(commandDefinitions());

  const store = await openStore(join(temp, 'overhead.sqlite'));
  cleanups.unshift(() => store.close());
  const bot = await startBot({
    token: TOKEN,
    discordApi: fakeBot.apiUrl,
    siteUrl: 'http://127.0.0.1:4321',
    store,
    log: quiet,
    reminders: false,
  });
  cleanups.unshift(() => bot.stop());

  const bare = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fakeBare.apiUrl } });
  bare.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) {
      interaction.reply({ content: '0.4 CECs', allowedMentions: { parse: [] } }).catch(() => {});
    }
  });
  const ready = new Promise((resolve) => bare.once(Events.ClientReady, resolve));
  await bare.login(TOKEN);
  await ready;
  cleanups.unshift(() => bare.destroy());

  const run = (fake) => fake.command({ name: 'cec cpr', options: { term: '2yr' }, user: 'bench' });
  for (let i = 0; i < 100; i++) {
    await run(fakeBot);
    await run(fakeBare);
  }
  const withBot = [];
  const withBare = [];
  for (let i = 0; i < 600; i++) {
    // Alternate which goes first, so neither always gets the warmer cache.
    const order = i % 2 ? [fakeBot, fakeBare] : [fakeBare, fakeBot];
    for (const fake of order) {
      const start = process.hrtime.bigint();
      await run(fake);
      (fake === fakeBot ? withBot : withBare).push(ms(start));
    }
  }
  say(
    `/cec cpr median: bot ${median(withBot).toFixed(3)} ms, bare ${median(withBare).toFixed(3)} ms`,
  );
  metric('bot.interaction_overhead_ratio', median(withBot) / median(withBare), 'ratio', 1.5);
}

// --- bot.store_log_per_s --------------------------------------------------
async function storeRate() {
  const store = await openStore(join(temp, 'store.sqlite'));
  const total = 5000;
  for (let i = 0; i < 200; i++) {
    await store.activities.add(`warm${i}`, { kind: 'mentoring', completed: '2026-01-01' });
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < total; i++) {
    await store.activities.add(`member${i % 100}`, {
      kind: 'approved-course',
      courseNumber: `CA${10000 + i}`,
      cecs: 0.5,
      ethics: false,
      completed: '2026-01-15',
    });
  }
  const perSecond = total / (ms(start) / 1000);
  await store.close();
  say(`store: ${Math.round(perSecond)} activities recorded per second`);
  metric('bot.store_log_per_s', perSecond, '/s', 2000, false);
}

// --- bot.interaction_p99_ms and bot.rss_mb ---------------------------------
// The built bot (dist/main.js) as its own process, as in production.
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** Starts `script` (with `flags`) against a fresh fake with the bot's commands registered. */
async function startProcess(script, flags, databaseFile) {
  const fake = await startFakeDiscord({ token: TOKEN });
  fake.setCommands(commandDefinitions());
  const child = spawn(process.execPath, [...flags, join(here, '..', script)], {
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: TOKEN,
      DISCORD_API: fake.apiUrl,
      DATABASE_URL: databaseFile,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
    await fake.close();
  };
  cleanups.unshift(stop);
  await fake.waitForIdentify({ timeoutMs: 20_000 });
  // READY and GUILD_CREATE follow the identify; let the client take them in.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { fake, child, stop };
}

const LOG_KINDS = [
  (i) => ({ name: 'log cpr', options: { term: i % 2 ? '1yr' : '2yr', date: '2026-01-15' } }),
  (i) => ({
    name: 'log college',
    options: { credits: 1 + (i % 4), grade: 'B', date: '2025-11-01' },
  }),
  (i) => ({
    name: 'log course',
    options: { number: `CA${20000 + i}`, cecs: 0.5, date: '2026-02-01' },
  }),
  () => ({ name: 'log mentor', options: { date: '2026-03-01' } }),
];

const RUNS = 7;
const BURST = 1000;
const IN_FLIGHT = 50;
const WARM_UP = 500;
/** Runs of the same shape before the measured ones, to get past V8's tiering. */
const WARM_UP_RUNS = 2;

/**
 * One run of the metric's definition: 50 members new to this run log 500 activities
 * (unmeasured, so each holds 10 entries and the process is warm), then 1,000 more, 50 in
 * flight, each timed. Every run sees the same data shape, however many ran before.
 */
async function logRun(fake, run) {
  const logCommand = (i) =>
    fake.command({ ...LOG_KINDS[i % LOG_KINDS.length](i), user: `run${run}-member${i % 50}` });
  await pool(WARM_UP, IN_FLIGHT, logCommand);
  return pool(BURST, IN_FLIGHT, (i) => logCommand(i + WARM_UP));
}

async function botProcess() {
  // The V8 flags of `pnpm start` (package.json), so what is measured is the production process.
  const manifest = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8'));
  const flags = manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
  const bot = await startProcess('dist/main.js', flags, join(temp, 'bot.sqlite'));
  // The floor: a bare discord.js client that answers at once, measured the same way and
  // alternating with the bot run by run, so both see the same machine.
  const bare = await startProcess('bench/bare-client.mjs', [], ':memory:');

  // Warm-up, alternating too: V8 keeps optimising the hot paths for a few thousand interactions.
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    for (const fake of [bot.fake, bare.fake]) await logRun(fake, `warm-up${i}`);
  }

  const botRuns = [];
  const bareRuns = [];
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 ? ['bot', 'bare'] : ['bare', 'bot'];
    for (const which of order) {
      const latencies = await logRun(which === 'bot' ? bot.fake : bare.fake, run);
      (which === 'bot' ? botRuns : bareRuns).push({
        p50: median(latencies),
        p99: percentile(latencies, 99),
      });
    }
    const b = botRuns.at(-1);
    const f = bareRuns.at(-1);
    say(
      `run ${run + 1}/${RUNS}: /log p50 ${b.p50.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms; ` +
        `bare client p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`,
    );
  }
  await bot.stop();
  await bare.stop();
  const p99 = median(botRuns.map((r) => r.p99));
  const bareP99 = median(bareRuns.map((r) => r.p99));
  say(
    `/log p99 with ${IN_FLIGHT} in flight, median of ${RUNS} runs of ${BURST}: bot ${p99.toFixed(1)} ms, ` +
      `bare discord.js client ${bareP99.toFixed(1)} ms (the floor on this machine right now)`,
  );
  const tenth = (x) => Math.round(x * 10) / 10;
  metric('bot.interaction_p99_ms', p99, 'ms', 50, true, {
    runs: botRuns.map((r) => tenth(r.p99)),
    p50: tenth(median(botRuns.map((r) => r.p50))),
    bare_client_p99_ms: tenth(bareP99),
    bare_client_runs: bareRuns.map((r) => tenth(r.p99)),
  });
}

/** The bot process's memory after 10,000 interactions: /log, then a mix of what members do. */
async function botMemory() {
  const manifest = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8'));
  const flags = manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
  const { fake, child, stop } = await startProcess('dist/main.js', flags, join(temp, 'rss.sqlite'));
  const user = (i) => `member${i % 100}`;
  const logCommand = (i) =>
    fake.command({ ...LOG_KINDS[i % LOG_KINDS.length](i), user: `member${i % 50}` });
  await pool(WARM_UP + BURST, IN_FLIGHT, logCommand);
  const mix = [
    (i) => fake.command({ name: 'cec cpr', options: { term: '2yr' }, user: user(i) }),
    (i) => logCommand(i),
    (i) => fake.command({ name: 'progress', user: user(i) }),
    (i) =>
      fake.command({
        name: 'cec ask',
        options: { question: 'college 3 credits grade B' },
        user: user(i),
      }),
    (i) =>
      fake.autocomplete({
        name: 'log remove',
        focused: 'entry',
        value: '',
        user: `member${i % 50}`,
      }),
  ];
  await pool(10_000 - (WARM_UP + BURST), IN_FLIGHT, (i) => mix[i % mix.length](i));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rss = rssMb(child.pid);
  say(`bot process after 10,000 interactions: ${rss.toFixed(1)} MB resident`);
  metric('bot.rss_mb', rss, 'MB', 150);
  await stop();
}

try {
  say('store rate');
  await storeRate();
  say('overhead ratio (/cec cpr, bot vs bare client)');
  await overheadRatio();
  say(`bot process: /log p99 (${RUNS} runs, alternating with a bare discord.js client)`);
  await botProcess();
  say('bot process: memory after 10,000 interactions');
  await botMemory();
} finally {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch (error) {
      say(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
process.stdout.write(`${JSON.stringify({ metrics })}\n`);
process.exitCode = Object.values(metrics).every((m) => m.ok) ? 0 : 1;
