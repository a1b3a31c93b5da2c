/**
 * The local console: the bot's commands on the embedded database, for one
 * local member, without Discord. Reads one command per line from stdin
 * (interactively or piped) and prints each reply as text on stdout; logs go
 * to stderr. Exits 1 if any line could not be read as a command.
 *
 *   echo '/cec cpr term:2yr' | pnpm bot:console
 */
import { createInterface } from 'node:readline';
import { createCommandContext } from './commands/context.js';
import type { DiscordActions } from './commands/types.js';
import { describeConfigProblems, loadConfig } from './config.js';
import { CONSOLE_HELP, createConsoleSession } from './console/session.js';
import { createLogger } from './log.js';
import { replyToText } from './render/text.js';
import { openStore } from './store/index.js';

async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(describeConfigProblems(loaded.problems));
    return 1;
  }
  const { config } = loaded;
  // Quiet by default: the console's output is the replies.
  const log = createLogger({
    level: process.env.LOG_LEVEL ? config.logLevel : 'warn',
    secrets: [config.discordToken],
  });
  const store = await openStore(config.databaseUrl);
  // No Discord here: what the bot would post in a channel is printed after the reply, marked.
  const posts: string[] = [];
  const discord: DiscordActions = {
    async post(channelId, reply) {
      posts.push(`[posted in <#${channelId}>]\n${replyToText(reply, new Date())}\n\n`);
      return { posted: true };
    },
    // The console's server holds the local member alone, who never leaves it.
    isServerMember: async () => true,
  };
  const session = createConsoleSession(
    createCommandContext({
      store,
      discord,
      siteUrl: config.siteUrl,
      now: () => new Date(),
      timeZone: config.timeZone,
    }),
    log,
  );

  const interactive = process.stdin.isTTY === true;
  const lines = createInterface({
    input: process.stdin,
    ...(interactive ? { output: process.stdout, prompt: 'cec> ' } : {}),
    terminal: interactive,
  });
  if (interactive) {
    console.log(`CEC Toolkit console (database: ${store.location})\n${CONSOLE_HELP}\n`);
    lines.prompt();
  }
  let unreadable = 0;
  try {
    for await (const line of lines) {
      if (/^\s*(exit|quit)\s*$/i.test(line)) break;
      const result = await session.run(line);
      if (result.unreadable) unreadable++;
      if (result.text !== '') {
        // Piped input is echoed so the output reads as a transcript.
        process.stdout.write(`${interactive ? '' : `> ${line.trim()}\n`}${result.text}\n\n`);
      }
      process.stdout.write(posts.splice(0).join(''));
      if (interactive) lines.prompt();
    }
  } finally {
    lines.close();
    await store.close();
  }
  return unreadable > 0 ? 1 : 0;
}

process.exitCode = await main();
