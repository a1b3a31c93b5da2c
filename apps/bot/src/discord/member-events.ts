/**
 * Members leaving a server or changing their name there (gateway events that need the Server
 * Members intent): the board drops who left and shows the current name. Read as raw dispatches,
 * so a member the small member cache no longer holds is not missed.
 */
import {
  type Client,
  GatewayDispatchEvents,
  type GatewayGuildMemberRemoveDispatchData,
  type GatewayGuildMemberUpdateDispatchData,
} from 'discord.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';

export function followMembers(client: Client, store: Store, log: Logger): void {
  client.ws.on(
    GatewayDispatchEvents.GuildMemberRemove,
    (data: GatewayGuildMemberRemoveDispatchData) => {
      store.groups
        .leave(data.guild_id, data.user.id)
        .catch((error) => log.error(`could not take a departed member off the board`, error));
    },
  );
  client.ws.on(
    GatewayDispatchEvents.GuildMemberUpdate,
    (data: GatewayGuildMemberUpdateDispatchData) => {
      // The name a server shows: nickname, else display name, else username.
      const name = data.nick || data.user.global_name || data.user.username;
      store.groups
        .rename(data.guild_id, data.user.id, name)
        .catch((error) => log.error(`could not update a member's name on the board`, error));
    },
  );
}
