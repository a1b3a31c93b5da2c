/**
 * Starts the bot: configuration, database, Discord. Wiring only; every
 * piece lives in its own module.
 */
import { describeConfigProblems, loadConfig } from './config.js';
import { startBot } from './discord/bot.js';
import { createLogger } from './log.js';
import { openStore } from './store/index.js';

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
  const log = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason));

  const store = await openStore(config.databaseUrl);
  log.info(
    `database ${store.location}${store.migrated.length ? ` (migrated: ${store.migrated.join(', ')})` : ''}`,
  );
  // Signals are handled from here on, so a stop during the connection still closes the database.
  let bot: Awaited<ReturnType<typeof startBot>> | null = null;
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

  try {
    bot = await startBot({
      token: config.discordToken,
      discordApi: config.discordApi,
      siteUrl: config.siteUrl,
      store,
      log,
    });
  } catch (error) {
    log.error('could not connect to Discord', error);
    await store.close();
    process.exit(1);
  }
}

await main();
