/**
 * Registers the slash commands with Discord: `--guild <id>` for one server
 * (instant, for development), otherwise globally (for release). Run it when
 * the commands change, never on every start. Honors DISCORD_API like the bot.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../commands/index.js';
import { describeConfigProblems, loadConfig } from '../config.js';

export interface DeployOptions {
  token: string;
  applicationId: string;
  discordApi: string | null;
  guildId: string | null;
}

interface RegisteredCommand {
  name: string;
  options?: { name: string; type: number }[];
}

/** Registers every command and returns them as Discord echoed them back. */
export async function deployCommands(options: DeployOptions): Promise<RegisteredCommand[]> {
  const rest = new REST({
    version: '10',
    ...(options.discordApi ? { api: options.discordApi } : {}),
  }).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const registered = await rest.put(route, { body: commandDefinitions() });
  return Array.isArray(registered) ? (registered as RegisteredCommand[]) : [];
}

const SUBCOMMAND = 1;

/** "/cec (cpr, college, …)": one line per registered command. */
export function describeRegistered(commands: readonly RegisteredCommand[]): string[] {
  return commands.map((c) => {
    const subs = (c.options ?? []).filter((o) => o.type === SUBCOMMAND).map((o) => o.name);
    return `/${c.name}${subs.length ? ` (${subs.join(', ')})` : ''}`;
  });
}

async function cli(argv: readonly string[]): Promise<number> {
  let guildId: string | null = null;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { guild: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      console.log(
        'Usage: deploy-commands [--guild <server id>]\nWithout --guild the commands are registered globally (they can take up to an hour to appear).',
      );
      return 0;
    }
    guildId = values.guild ?? null;
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\nUsage: deploy-commands [--guild <server id>]`,
    );
    return 2;
  }
  if (guildId !== null && !/^\d{17,20}$/.test(guildId)) {
    console.error(
      '--guild must be a server id (right-click the server with Developer Mode on → Copy Server ID).',
    );
    return 2;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(describeConfigProblems(loaded.problems));
    return 1;
  }
  const { discordToken, applicationId, discordApi } = loaded.config;
  const missing = [
    ...(discordToken ? [] : ['DISCORD_TOKEN (Developer Portal → Bot → Reset Token)']),
    ...(applicationId ? [] : ['DISCORD_APPLICATION_ID (Developer Portal → General Information)']),
  ];
  if (!discordToken || !applicationId) {
    console.error(`deploy-commands needs ${missing.join(' and ')}. See apps/bot/.env.example.`);
    return 1;
  }
  try {
    const registered = await deployCommands({
      token: discordToken,
      applicationId,
      discordApi,
      guildId,
    });
    console.log(
      `Registered ${registered.length} commands ${guildId ? `in server ${guildId}` : 'globally'}:`,
    );
    for (const line of describeRegistered(registered)) console.log(`  ${line}`);
    return 0;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error))
      .split(discordToken)
      .join('[redacted]');
    console.error(`Registration failed: ${message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await cli(process.argv.slice(2));
}
