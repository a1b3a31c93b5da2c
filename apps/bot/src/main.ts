/**
 * Starts the bot: configuration, database, Discord. Wiring only; every
 * piece lives in its own module. With SHARDS set this process is the
 * sharding manager and runs this same file once per shard (src/sharding.ts);
 * with INTERACTIONS_PORT it serves Discord's HTTP interactions instead of
 * connecting to the gateway (src/discord/http-bot.ts).
 */
import { describeConfigProblems, loadConfig } from './config.js';
import { startBot } from './discord/bot.js';
import { startHttpBot } from './discord/http-bot.js';
import { createLogger, type Logger } from './log.js';
import { runShardingManager, shardLogger, shardOfThisProcess } from './sharding.js';
import { DatabaseOpenError, openStore } from './store/index.js';

const NO_TOKEN = `The bot needs a Discord bot token to connect.

  1. Create an application at https://discord.com/developers/applications
     and copy its token (Bot → Reset Token) and Application ID.
  2. Put them in the environment (see apps/bot/.env.example):
       DISCORD_TOKEN=...  DISCORD_APPLICATION_ID=...
  3. Register the commands once:  pnpm --filter @cec/bot deploy-commands --guild <server id>
  4. Start:                        pnpm --filter @cec/bot start

To try the commands without Discord, use the local console:
  echo '/cec cpr term:2yr' | pnpm bot:console
  pnpm bot:console            (interactive; type /help)`;

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(describeConfigProblems(loaded.problems));
    process.exitCode = 1;
    return;
  }
  const { config } = loaded;
  if (!config.discordToken) {
    console.log(NO_TOKEN);
    return;
  }
  const shard = config.isShard ? shardOfThisProcess(process.env) : null;
  const baseLog = createLogger({
    level: config.logLevel,
    secrets: [config.discordToken, databasePassword(config.databaseUrl)],
  });
  const log: Logger = shard ? shardLogger(baseLog, `shard ${shard.ids.join(',')}`) : baseLog;
  process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason));

  const store = await openStore(config.databaseUrl, { log }).catch((error: unknown) => {
    // An unreachable server or an unwritable file is a setup problem: one sentence, no stack.
    if (error instanceof DatabaseOpenError) {
      log.error(`cannot start: ${error.message}`);
      return null;
    }
    throw error;
  });
  if (!store) {
    process.exitCode = 1;
    return;
  }
  log.info(
    `database ${store.location}${store.migrated.length ? ` (migrated: ${store.migrated.join(', ')})` : ''}`,
  );
  if (config.shards !== null) {
    // The manager only checked (and migrated) the database: the shard processes use it.
    await store.close();
    await runShardingManager({ config: { ...config, shards: config.shards }, log });
    return;
  }
  // Signals are handled from here on, so a stop during the connection still closes the database.
  let bot: { stop(): Promise<void> } | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    await bot
      ?.stop()
      .catch((error: unknown) => log.error('stopping the Discord client failed', error));
    await store.close().catch((error: unknown) => log.error('closing the database failed', error));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // A shard whose manager is gone (killed, crashed) stops too, instead of running orphaned.
  if (shard) process.once('disconnect', () => void shutdown('the sharding manager exited'));

  const shared = {
    token: config.discordToken,
    discordApi: config.discordApi,
    siteUrl: config.siteUrl,
    timeZone: config.timeZone,
    store,
    log,
  };
  try {
    bot = config.interactions
      ? await startHttpBot({ ...shared, ...config.interactions })
      : await startBot(shared);
  } catch (error) {
    log.error(
      config.interactions
        ? 'could not start the interactions endpoint'
        : 'could not connect to Discord',
      error,
    );
    await store.close();
    process.exit(1);
  }
}

/** The password in a PostgreSQL DATABASE_URL, so the logger masks it wherever it appears. */
function databasePassword(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  const { password } = new URL(url);
  return password ? decodeURIComponent(password) : null;
}

await main();
