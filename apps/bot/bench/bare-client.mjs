// A bare discord.js client that answers every slash command at once: the
// floor the bot's latency is compared with (see run.mjs). Reads DISCORD_TOKEN
// and DISCORD_API like the bot.
import { Client, Events, GatewayIntentBits } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API },
});
client.on(Events.InteractionCreate, (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  interaction
    .reply({ content: 'ok', flags: 64, allowedMentions: { parse: [] } })
    .catch((error) => process.stderr.write(`bare client: ${error.message}\n`));
});
process.once('SIGTERM', () => client.destroy().then(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
