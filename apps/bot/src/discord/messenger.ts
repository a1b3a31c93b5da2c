/**
 * Messages the bot sends on its own (reminders, the weekly board), over
 * Discord's REST API directly: no channel or user has to be cached first, and
 * no gateway connection is needed (an HTTP-interactions instance sends them too).
 */
import { DiscordAPIError, type REST, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { DmResult, Messenger } from '../reminders/scheduler.js';
import type { Reply } from '../render/payload.js';
import { allowedMentionsOf } from './adapter.js';

function body(reply: Reply) {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    ...(reply.embeds !== undefined ? { embeds: reply.embeds } : {}),
    allowed_mentions: allowedMentionsOf(reply),
  };
}

/** Discord refuses a DM when the member closed DMs or shares no server with the bot. */
const DM_REFUSED = new Set<number | string>([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.UnknownUser,
]);

export function discordMessenger(rest: REST): Messenger {
  return {
    async post(channelId, reply) {
      await rest.post(Routes.channelMessages(channelId), { body: body(reply) });
    },
    async dm(userId, reply): Promise<DmResult> {
      try {
        const channel = (await rest.post(Routes.userChannels(), {
          body: { recipient_id: userId },
        })) as { id: string };
        await rest.post(Routes.channelMessages(channel.id), { body: body(reply) });
        return 'sent';
      } catch (error) {
        if (error instanceof DiscordAPIError && DM_REFUSED.has(error.code)) return 'refused';
        throw error;
      }
    },
  };
}
