/**
 * The running bot: client, router and reminder scheduler over a store.
 * `main` starts it for real; tests and benchmarks start it against a local
 * fake Discord with the same code.
 */
import { type Client, type ClientOptions, Events } from 'discord.js';
import { createCommandContext } from '../commands/context.js';
import type { CommandContext } from '../commands/types.js';
import type { Logger } from '../log.js';
import { createReminderScheduler, type ReminderScheduler } from '../reminders/scheduler.js';
import type { Store } from '../store/index.js';
import { createDiscordClient } from './client.js';
import { discordMessenger } from './messenger.js';
import { createRouter } from './router.js';

export interface BotOptions {
  token: string;
  discordApi: string | null;
  siteUrl: string;
  store: Store;
  log: Logger;
  now?: () => Date;
  /** REMINDER_TIME_ZONE: whose calendar day is "today" (default UTC). */
  timeZone?: string;
  /** Run the reminder timer (tests drive `scheduler.tick()` themselves). */
  reminders?: boolean;
  autoDeferMs?: number;
  /** How long to wait for the gateway's READY (ms). */
  readyTimeoutMs?: number;
  /** Gateway settings passed to the client (tests use a fake Discord's). */
  ws?: ClientOptions['ws'];
}

export interface RunningBot {
  client: Client;
  scheduler: ReminderScheduler;
  context: CommandContext;
  stop(): Promise<void>;
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { log, store } = options;
  const now = options.now ?? (() => new Date());
  const context = createCommandContext({
    store,
    siteUrl: options.siteUrl,
    now,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const client = createDiscordClient({
    discordApi: options.discordApi,
    ...(options.ws ? { ws: options.ws } : {}),
  });
  createRouter({
    context,
    log,
    ...(options.autoDeferMs !== undefined ? { autoDeferMs: options.autoDeferMs } : {}),
  }).attach(client);
  const scheduler = createReminderScheduler({
    store,
    members: context.members,
    timeZone: context.timeZone,
    messenger: discordMessenger(client.rest),
    log,
    now,
  });

  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn(`gateway closed (shard ${shard}, code ${event.code}): reconnecting`),
  );
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info(`gateway resumed (shard ${shard}, ${replayed} events replayed)`),
  );
  client.on(Events.ShardReconnecting, (shard) => log.info(`gateway reconnecting (shard ${shard})`));

  let timeout: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timeout = setTimeout(
      () => reject(new Error('Discord did not report READY in time.')),
      options.readyTimeoutMs ?? 30_000,
    );
    client.once(Events.ClientReady, (c) => {
      clearTimeout(timeout);
      log.info(`logged in as ${c.user.tag} in ${c.guilds.cache.size} server(s)`);
      resolve();
    });
  });
  // Observed below; this keeps a timeout during a failed login from being an unhandled rejection.
  ready.catch(() => undefined);
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    clearTimeout(timeout);
    await client.destroy();
    throw error;
  }
  if (options.reminders ?? true) scheduler.start();

  let stopped = false;
  return {
    client,
    scheduler,
    context,
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      await client.destroy();
    },
  };
}
