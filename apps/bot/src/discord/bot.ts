/**
 * The running bot: client, router and reminder scheduler over a store.
 * `main` starts it for real; tests and benchmarks start it against a local
 * fake Discord with the same code.
 */
import { type Client, type ClientOptions, Events, GatewayCloseCodes } from 'discord.js';
import { createCommandContext } from '../commands/context.js';
import type { CommandContext } from '../commands/types.js';
import type { Logger } from '../log.js';
import { createReminderScheduler, type ReminderScheduler } from '../reminders/scheduler.js';
import type { Store } from '../store/index.js';
import { gatewayActions } from './actions.js';
import { createDiscordClient } from './client.js';
import { followMembers } from './member-events.js';
import { discordMessenger } from './messenger.js';
import { createRouter } from './router.js';

export interface BotOptions {
  token: string;
  discordApi: string | null;
  siteUrl: string | null;
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

/** Discord closed the gateway with 4014: the Server Members intent is not enabled. */
class MembersIntentRefused extends Error {}

const INTENT_REFUSED =
  'Discord refused the Server Members intent (gateway close 4014, "Disallowed intent(s)"): running without it. ' +
  'Members who leave are dropped from a board when it is next shown, and names update when members use a command. ' +
  'To follow leaves and renames as they happen, turn on "Server Members Intent" on the Developer Portal\'s Bot page.';

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { log, store } = options;
  const now = options.now ?? (() => new Date());
  let current: Client | undefined;
  const client = (): Client => {
    if (!current) throw new Error('the Discord client is not connected yet');
    return current;
  };
  const context = createCommandContext({
    store,
    discord: gatewayActions(client),
    siteUrl: options.siteUrl,
    now,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    discordApi: options.discordApi,
  });
  const router = createRouter({
    context,
    log,
    ...(options.autoDeferMs !== undefined ? { autoDeferMs: options.autoDeferMs } : {}),
  });

  async function connect(serverMembers: boolean): Promise<Client> {
    const connecting = createDiscordClient({
      discordApi: options.discordApi,
      serverMembers,
      ...(options.ws ? { ws: options.ws } : {}),
    });
    current = connecting;
    router.attach(connecting);
    if (serverMembers) followMembers(connecting, store, log);
    listenToGateway(connecting, log);
    let timeout: NodeJS.Timeout | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      timeout = setTimeout(
        () => reject(new Error('Discord did not report READY in time.')),
        options.readyTimeoutMs ?? 30_000,
      );
      connecting.on(Events.ShardDisconnect, (event) => {
        if (event.code === GatewayCloseCodes.DisallowedIntents) reject(new MembersIntentRefused());
      });
      connecting.once(Events.ClientReady, (c) => {
        log.info(`logged in as ${c.user.tag} in ${c.guilds.cache.size} server(s)`);
        resolve();
      });
    });
    // Observed below; this keeps a timeout during a failed login from being an unhandled rejection.
    ready.catch(() => undefined);
    try {
      // A refused intent closes the gateway without failing login(): whichever settles first.
      const login = connecting.login(options.token);
      login.catch(() => undefined);
      await Promise.race([login, ready]);
      await ready;
      return connecting;
    } catch (error) {
      await connecting.destroy();
      throw error;
    } finally {
      clearTimeout(timeout);
    }
  }

  let connected: Client;
  try {
    connected = await connect(true);
  } catch (error) {
    if (!(error instanceof MembersIntentRefused)) throw error;
    log.warn(INTENT_REFUSED);
    connected = await connect(false);
  }
  const scheduler = createReminderScheduler({
    store,
    members: context.members,
    timeZone: context.timeZone,
    messenger: discordMessenger(connected.rest),
    log,
    now,
  });
  if (options.reminders ?? true) scheduler.start();

  let stopped = false;
  return {
    client: connected,
    scheduler,
    context,
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      await connected.destroy();
    },
  };
}

function listenToGateway(client: Client, log: Logger): void {
  client.on(Events.ShardDisconnect, (event, shard) => {
    // 4014 is answered by connecting without the intent (see startBot), not by a reconnect.
    if (event.code !== GatewayCloseCodes.DisallowedIntents) {
      log.warn(`gateway closed (shard ${shard}, code ${event.code}): reconnecting`);
    }
  });
  client.on(Events.ShardResume, (shard, replayed) =>
    log.info(`gateway resumed (shard ${shard}, ${replayed} events replayed)`),
  );
  client.on(Events.ShardReconnecting, (shard) => log.info(`gateway reconnecting (shard ${shard})`));
}
