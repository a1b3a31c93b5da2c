/**
 * Shared by the fault tests: a fake Discord with the bot's commands
 * registered, the built bot as a child process pointed at it, a seeded random
 * source (the seed is printed, and FAULT_SEED replays a run), and a pool that
 * keeps a fixed number of interactions in flight.
 */
import { join } from 'node:path';
import {
  CallbackType,
  type FakeDiscord,
  type InteractionReply,
  type JsonObject,
  startFakeDiscord,
} from '@cec/discord-fake';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { tempDir } from '../helpers/context.js';
import { TOKEN } from '../helpers/fake-discord.js';
import { kill, launch } from '../helpers/processes.js';

export { TOKEN };

/** The seed of this run: FAULT_SEED when set (to replay a failure), else a fresh one. */
export function faultSeed(): number {
  const fromEnv = Number.parseInt(process.env.FAULT_SEED ?? '', 10);
  return Number.isFinite(fromEnv) ? fromEnv : Math.floor(Math.random() * 2 ** 31);
}

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
}

/**
 * Runs `total` tasks with `width` in flight. A worker stops taking new tasks
 * once `stop()` returns true; tasks already started are awaited (settled).
 */
export async function pool(
  total: number,
  width: number,
  task: (index: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < total && !stop()) {
      const index = next++;
      await task(index).catch(() => undefined);
    }
  }
  await Promise.all(Array.from({ length: width }, worker));
}

/** The entry id a `/log` reply (or message) shows ("Entry `abcd2345` · …"), or null. */
export function entryIdOf(reply: { readonly embeds: readonly JsonObject[] }): string | null {
  return /Entry `([a-z0-9]+)`/.exec(String(reply.embeds[0]?.description ?? ''))?.[1] ?? null;
}

/**
 * The entry id the member ends up seeing: in the reply, or, when a slow write was deferred,
 * in the message that fills the reply in; null if that never comes.
 */
export async function entryShownBy(reply: InteractionReply): Promise<string | null> {
  if (reply.type !== CallbackType.DeferredChannelMessageWithSource) return entryIdOf(reply);
  const message = await reply.final().catch(() => null);
  return message ? entryIdOf(message) : null;
}

export interface DiscordForProcess {
  fake: FakeDiscord;
  databaseFile: string;
  /** The environment a bot process needs to reach the fake and the database file. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A fake Discord with the commands registered (as deploy-commands does) and a temp database path. */
export async function discordForProcess(): Promise<DiscordForProcess> {
  const fake = await startFakeDiscord({ token: TOKEN });
  const dir = tempDir('cec-faults-');
  const databaseFile = join(dir.path, 'cec.sqlite');
  await deployCommands({
    token: TOKEN,
    applicationId: fake.applicationId,
    discordApi: fake.apiUrl,
    guildId: null,
  });
  return {
    fake,
    databaseFile,
    env: {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API: fake.apiUrl,
      DATABASE_URL: databaseFile,
      LOG_LEVEL: 'info',
    },
    async close() {
      await fake.close();
      dir.remove();
    },
  };
}

export type BotProcess = ReturnType<typeof launch>;

/** Starts the built bot (dist/main.js) and resolves once it is logged in to the fake. */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const bot = launch('main.js', [], env);
  try {
    await bot.waitFor('logged in as', 30_000);
  } catch (error) {
    kill(bot.child, 'SIGKILL');
    throw error;
  }
  return bot;
}

/** Stops a bot process politely (SIGTERM) and returns its exit code. */
export async function stopBotProcess(bot: BotProcess): Promise<number | null> {
  kill(bot.child, 'SIGTERM');
  return (await bot.finished).code;
}
