/**
 * The bot as an HTTP interactions instance (INTERACTIONS_PORT): no gateway connection, the
 * same router and handlers behind Discord's signed HTTP requests, and the reminder
 * scheduler sending through the REST API. Any number of these can run behind a load
 * balancer on one shared database: each request is answered by whichever instance gets it,
 * and the reminders lease lets one instance at a time send reminders. No gateway means no
 * member events: whoever left a server is dropped from its board when the board is shown
 * (Discord answers Unknown Member), and names update when members use a command.
 */
import { REST } from 'discord.js';
import { createCommandContext } from '../commands/context.js';
import type { CommandContext } from '../commands/types.js';
import { createReminderScheduler, type ReminderScheduler } from '../reminders/scheduler.js';
import { restActions } from './actions.js';
import type { BotOptions } from './bot.js';
import { type InteractionsEndpoint, startInteractionsEndpoint } from './interactions-endpoint.js';
import { discordMessenger } from './messenger.js';
import { createRouter } from './router.js';

/** The HTTP-interactions bot's options: the gateway bot's, without its gateway settings, plus the endpoint's. */
export interface HttpBotOptions extends Omit<BotOptions, 'readyTimeoutMs' | 'ws'> {
  publicKey: string;
  port: number;
  host: string;
}

export interface RunningHttpBot {
  endpoint: InteractionsEndpoint;
  scheduler: ReminderScheduler;
  context: CommandContext;
  stop(): Promise<void>;
}

export async function startHttpBot(options: HttpBotOptions): Promise<RunningHttpBot> {
  const { log, store } = options;
  const now = options.now ?? (() => new Date());
  const rest = new REST({
    version: '10',
    ...(options.discordApi ? { api: options.discordApi } : {}),
  });
  rest.setToken(options.token);
  const context = createCommandContext({
    store,
    discord: restActions(rest),
    siteUrl: options.siteUrl,
    now,
    discordApi: options.discordApi,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const router = createRouter({
    context,
    log,
    ...(options.autoDeferMs !== undefined ? { autoDeferMs: options.autoDeferMs } : {}),
  });
  const endpoint = await startInteractionsEndpoint({
    router,
    rest,
    publicKey: options.publicKey,
    log,
    port: options.port,
    host: options.host,
  });
  log.info(`interactions endpoint listening on ${endpoint.url}/interactions`);
  const scheduler = createReminderScheduler({
    store,
    members: context.members,
    timeZone: context.timeZone,
    messenger: discordMessenger(rest),
    log,
    now,
  });
  if (options.reminders ?? true) scheduler.start();

  let stopped = false;
  return {
    endpoint,
    scheduler,
    context,
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      await endpoint.close();
    },
  };
}
