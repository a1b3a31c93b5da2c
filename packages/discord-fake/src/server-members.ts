/**
 * Members leaving a server and changing their nickname, with the gateway events Discord sends
 * for them; and the privileged intents, which Discord grants only when they are enabled for the
 * application in the Developer Portal (IDENTIFY with another is closed with 4014).
 */
import type { Gateway } from './gateway.js';
import type { FakeGuild, UserRef, World } from './state.js';
import { FakeDiscordError, shardOf } from './util.js';

export const PrivilegedIntent = {
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  MessageContent: 1 << 15,
} as const;

export const ALL_PRIVILEGED_INTENTS =
  PrivilegedIntent.GuildMembers | PrivilegedIntent.GuildPresences | PrivilegedIntent.MessageContent;

/** The privileged intents in `intents` that are not enabled. */
export function refusedIntents(intents: number, enabled: number): number {
  return intents & ALL_PRIVILEGED_INTENTS & ~enabled;
}

export class ServerMembers {
  constructor(
    private readonly world: World,
    private readonly gateway: Gateway,
    private readonly guildOf: (idOrName?: string) => FakeGuild,
  ) {}

  /**
   * The user leaves (or is kicked from) the guild (default: the first). Resolves true if a
   * GUILD_MEMBER_REMOVE was dispatched: only a session with the Server Members intent gets one.
   */
  leave(user: UserRef, guildIdOrName?: string): boolean {
    const guild = this.guildOf(guildIdOrName);
    const found = this.world.resolveUser(user);
    if (!guild.members.delete(found.id)) {
      throw new FakeDiscordError(`${found.username} is not a member of ${guild.name}`);
    }
    return this.#dispatch(guild, 'GUILD_MEMBER_REMOVE', { guild_id: guild.id, user: found });
  }

  /** Sets the member's server nickname (null clears it); true if GUILD_MEMBER_UPDATE was dispatched. */
  rename(user: UserRef, nick: string | null, guildIdOrName?: string): boolean {
    const guild = this.guildOf(guildIdOrName);
    const member = this.world.addMember(guild, this.world.resolveUser(user));
    member.nick = nick;
    return this.#dispatch(guild, 'GUILD_MEMBER_UPDATE', {
      guild_id: guild.id,
      ...this.world.memberJson(member),
    });
  }

  #dispatch(guild: FakeGuild, t: string, d: unknown): boolean {
    const shard = shardOf(guild.id, this.gateway.shardCount);
    const session = this.gateway.session(shard);
    if (!session || (session.intents & PrivilegedIntent.GuildMembers) === 0) return false;
    this.gateway.dispatch(t, d, shard);
    return true;
  }
}
