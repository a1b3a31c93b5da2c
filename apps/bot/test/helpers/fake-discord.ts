/**
 * The real bot (client factory, router, store on an on-disk temp SQLite file)
 * logged in to the local fake Discord, with its commands registered through
 * deploy-commands' own code.
 */
import { join } from 'node:path';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from '@cec/discord-fake';
import { todayIso } from '@cec/rules';
import { type RunningBot, startBot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { createLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from './context.js';

export const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.fake-token-for-tests-only-0123456789';
export const SITE_URL = 'https://cec.example.org';

export interface FakeWorld {
  fake: FakeDiscord;
  bot: RunningBot;
  store: Store;
  /** Everything the bot logged. */
  logs: string[];
  databaseFile: string;
  /** Moves the bot's clock (reminders, "today"). */
  setNow(iso: string): void;
  /** Stops the bot, closes and reopens its database file, and starts a new bot on the same fake. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeWorld(
  options: {
    fake?: FakeDiscordOptions;
    now?: string;
    autoDeferMs?: number;
    /** The bot's SITE_URL; null: unset. */
    siteUrl?: string | null;
  } = {},
): Promise<FakeWorld> {
  const fake = await startFakeDiscord({ token: TOKEN, ...options.fake });
  const dir = tempDir();
  const databaseFile = join(dir.path, 'cec.sqlite');
  let store = await openStore(databaseFile);
  let now = new Date(options.now ?? '2026-06-01T12:00:00Z');
  const logs: string[] = [];
  await deployCommands({
    token: TOKEN,
    applicationId: fake.applicationId,
    discordApi: fake.apiUrl,
    guildId: null,
  });
  const start = () =>
    startBot({
      token: TOKEN,
      discordApi: fake.apiUrl,
      siteUrl: options.siteUrl === undefined ? SITE_URL : options.siteUrl,
      store,
      log: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
      now: () => now,
      reminders: false,
      ws: fake.clientOptions().ws,
      ...(options.autoDeferMs !== undefined ? { autoDeferMs: options.autoDeferMs } : {}),
    });
  const world: FakeWorld = {
    fake,
    bot: await start(),
    store,
    logs,
    databaseFile,
    setNow(iso) {
      now = new Date(iso);
    },
    async restart() {
      await world.bot.stop();
      await store.close();
      store = await openStore(databaseFile);
      world.store = store;
      world.bot = await start();
    },
    async close() {
      await world.bot.stop();
      await fake.close();
      await store.close();
      dir.remove();
    },
  };
  return world;
}

/** The bot's "today" in tests (the clock is fixed at noon UTC). */
export function todayOf(world: FakeWorld): string {
  return todayIso(world.bot.context.now());
}
