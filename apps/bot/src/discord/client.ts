/**
 * The discord.js client: the Guilds intent, and Server Members (privileged:
 * members leaving and renaming) when asked; slash commands arrive as
 * interactions and the bot reads no messages and no member lists. Small caches
 * so memory stays flat however many members use it, no mentions by default,
 * and `rest.api` pointing at DISCORD_API when set (a local Discord in tests).
 */
import { Client, type ClientOptions, GatewayIntentBits, Options } from 'discord.js';
import { NO_MENTIONS } from './adapter.js';

export interface ClientSettings {
  /** Base URL of the REST API (no /v10), or null for Discord's own. */
  discordApi: string | null;
  /** Ask for the Server Members intent (Discord refuses it unless enabled in the Developer Portal). */
  serverMembers: boolean;
  /** Gateway settings (tests turn off the identify throttle of a local fake). */
  ws?: ClientOptions['ws'];
}

export function createDiscordClient(settings: ClientSettings): Client {
  return new Client({
    intents: settings.serverMembers
      ? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers]
      : [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(settings.discordApi ? { rest: { api: settings.discordApi } } : {}),
    ...(settings.ws ? { ws: settings.ws } : {}),
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      // Interactions bring the member and user with them; keeping them all would grow forever.
      MessageManager: 0,
      GuildMemberManager: {
        maxSize: 100,
        keepOverLimit: (member) => member.id === member.client.user.id,
      },
      UserManager: { maxSize: 500, keepOverLimit: (user) => user.id === user.client.user.id },
      PresenceManager: 0,
      ReactionManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
    }),
  });
}
