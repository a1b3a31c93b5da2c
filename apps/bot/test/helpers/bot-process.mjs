// One bot process for the multi-process reminder tests: the built bot (dist/)
// logged in to a fake Discord on the database in DATABASE_URL, with its clock
// and its scheduler's ticks driven by the test over IPC (fork). Messages in:
//   { type: 'now', iso }   set the clock          → { type: 'now' }
//   { type: 'tick', id }   one scheduler tick     → { type: 'tick', id, report }
//   { type: 'stop' }       bot.stop(), close, exit 0 (which hands the lease back)
import { startBot } from '../../dist/discord/bot.js';
import { createLogger } from '../../dist/log.js';
import { openStore } from '../../dist/store/index.js';

const env = process.env;
let now = new Date(env.BOT_NOW ?? Date.now());
const log = createLogger({ level: 'info', secrets: [env.DISCORD_TOKEN] });

const store = await openStore(env.DATABASE_URL ?? null, { log });
const bot = await startBot({
  token: env.DISCORD_TOKEN ?? '',
  discordApi: env.DISCORD_API ?? null,
  siteUrl: 'https://cec.example.org',
  store,
  log,
  now: () => now,
  reminders: false,
});

process.on('message', async (message) => {
  if (message.type === 'now') {
    now = new Date(message.iso);
    process.send({ type: 'now' });
  } else if (message.type === 'tick') {
    try {
      const report = await bot.scheduler.tick();
      process.send({ type: 'tick', id: message.id, report });
    } catch (error) {
      process.send({ type: 'tick', id: message.id, error: String(error) });
    }
  } else if (message.type === 'stop') {
    await bot.stop();
    await store.close();
    process.exit(0);
  }
});
process.send({ type: 'ready', owner: bot.scheduler.owner, pid: process.pid });
