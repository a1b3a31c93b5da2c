/**
 * The bot's own posts: messages to a guild channel, and DMs (open the DM channel, then post;
 * a user with closed DMs answers 50007).
 */
import { validateMessageBody } from '../message-validation.js';
import type { MessageStore } from '../messages.js';
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
    return { json: deps.messages.create(channel, deps.botUser, body, ctx.files).toJSON() };
  });
}
