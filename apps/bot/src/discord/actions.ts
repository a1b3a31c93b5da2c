/**
 * What commands ask of Discord besides answering (`DiscordActions`): posting in a server
 * channel, and asking whether someone is still in a server. Over REST for both transports;
 * the gateway bot first reads the channel's permissions from its cache, which names exactly
 * what is missing (Discord's 50013 answer does not).
 */
import {
  type Client,
  DiscordAPIError,
  PermissionFlagsBits,
  type REST,
  RESTJSONErrorCodes,
  Routes,
} from 'discord.js';
import type { DiscordActions, PostOutcome } from '../commands/types.js';
import type { PostingPermission } from '../render/group.js';
import type { Reply } from '../render/payload.js';
import { discordMessenger } from './messenger.js';

const BITS: Record<PostingPermission, bigint> = {
  'View Channel': PermissionFlagsBits.ViewChannel,
  'Send Messages': PermissionFlagsBits.SendMessages,
  'Embed Links': PermissionFlagsBits.EmbedLinks,
};

/** Embeds need Embed Links: without it Discord drops them, or refuses a message of embeds alone. */
function needed(reply: Reply): PostingPermission[] {
  const all: PostingPermission[] = ['View Channel', 'Send Messages', 'Embed Links'];
  return reply.embeds?.length ? all : all.filter((p) => p !== 'Embed Links');
}

/** Discord's refusal as what is missing; null for any other failure. */
function refusalOf(error: unknown, reply: Reply): PostOutcome | null {
  if (!(error instanceof DiscordAPIError)) return null;
  if (error.code === RESTJSONErrorCodes.MissingAccess) {
    return { posted: false, missing: ['View Channel'], exact: true };
  }
  if (error.code === RESTJSONErrorCodes.MissingPermissions) {
    const missing = needed(reply).filter((p) => p !== 'View Channel');
    return { posted: false, missing, exact: missing.length === 1 };
  }
  return null;
}

export function restActions(rest: REST): DiscordActions {
  const messenger = discordMessenger(rest);
  return {
    async post(channelId, reply) {
      try {
        await messenger.post(channelId, reply);
        return { posted: true };
      } catch (error) {
        const refused = refusalOf(error, reply);
        if (refused) return refused;
        throw error;
      }
    },
    async isServerMember(guildId, userId) {
      try {
        await rest.get(Routes.guildMember(guildId, userId));
        return true;
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMember) {
          return false;
        }
        throw error;
      }
    },
  };
}

/** The permissions the cache shows missing for the bot in a channel ([] when it cannot tell). */
function missingInCache(client: Client, channelId: string, reply: Reply): PostingPermission[] {
  const channel = client.channels.cache.get(channelId);
  if (!channel || channel.isDMBased() || !client.user) return [];
  const permissions = channel.permissionsFor(client.user);
  if (!permissions) return [];
  return needed(reply).filter((p) => !permissions.has(BITS[p]));
}

/** For the gateway bot: the cache's answer first, then REST (the cache may be behind). */
export function gatewayActions(client: () => Client): DiscordActions {
  const rest = (): DiscordActions => restActions(client().rest);
  return {
    async post(channelId, reply) {
      const missing = missingInCache(client(), channelId, reply);
      if (missing.length > 0) return { posted: false, missing, exact: true };
      return rest().post(channelId, reply);
    },
    isServerMember: (guildId, userId) => rest().isServerMember(guildId, userId),
  };
}
