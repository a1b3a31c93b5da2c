/**
 * The bot's own posts: messages to a guild channel, and DMs (open the DM channel, then post;
 * a user with closed DMs answers 50007). A guild post needs View Channel (else 50001), Send
 * Messages (else 50013), and Embed Links for a message of embeds alone (else 50013); with
 * text, Discord drops the embeds instead.
 */
import { validateMessageBody } from '../message-validation.js';
import type { MessageStore } from '../messages.js';
import { Permission } from '../permissions.js';
import type { RestApi } from '../server.js';
import type { FakeUser, World } from '../state.js';
import { apiError, asObject, asString, ErrorCode } from '../util.js';

export interface ChannelRouteDeps {
  botUser: FakeUser;
  world: World;
  messages: MessageStore;
}

export function channelRoutes(api: RestApi, deps: ChannelRouteDeps): void {
  const { world } = deps;

  api.add('POST', '/users/@me/channels', (ctx) => {
    const user = world.users.get(asString(asObject(ctx.body).recipient_id) ?? '');
    if (!user) throw apiError(404, ErrorCode.UnknownUser, 'Unknown User');
    return { json: world.dmChannel(user) };
  });

  api.add('POST', '/channels/:channel/messages', (ctx) => {
    const channel = world.channels.get(ctx.params.channel ?? '');
    if (!channel) throw apiError(404, ErrorCode.UnknownChannel, 'Unknown Channel');
    const recipient = channel.recipients?.[0];
    if (recipient && world.closedDms.has(recipient.id)) {
      throw apiError(403, ErrorCode.CannotDmUser, 'Cannot send messages to this user');
    }
    const body = asObject(ctx.body);
    const error = validateMessageBody(body, ctx.files);
    if (error) throw error;
    let posted = body;
    if (channel.guild_id !== undefined) {
      const bits = world.botPermissionsIn(channel);
      const has = (p: bigint) => (bits & p) === p;
      if (!has(Permission.ViewChannel))
        throw apiError(403, ErrorCode.MissingAccess, 'Missing Access');
      const text = typeof body.content === 'string' && body.content !== '';
      if (!has(Permission.SendMessages) || (!has(Permission.EmbedLinks) && !text)) {
        throw apiError(403, ErrorCode.MissingPermissions, 'Missing Permissions');
      }
      if (!has(Permission.EmbedLinks)) posted = { ...body, embeds: [] };
    }
    return { json: deps.messages.create(channel, deps.botUser, posted, ctx.files).toJSON() };
  });
}
