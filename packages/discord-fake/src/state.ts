/** The fake's world: users, guilds, their channels, roles and members, and DM channels. */

import { AttachmentStore } from './attachments.js';
import { channelPermissions } from './channel-permissions.js';
import {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  effective,
  Permission,
} from './permissions.js';
import { FakeDiscordError, isSnowflake, type JsonObject, type SnowflakeGenerator } from './util.js';

/** A user as Discord's API shows it. */
export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
  public_flags: number;
  flags: number;
  banner: string | null;
  accent_color: number | null;
}

/** Anything that names a user: the user object, its id, or its username. */
export type UserRef = FakeUser | string;

/** A channel as Discord's API shows it. */
export interface FakeChannel {
  id: string;
  type: number;
  name?: string;
  guild_id?: string;
  position?: number;
  parent_id?: string | null;
  permission_overwrites?: unknown[];
  last_message_id: string | null;
  flags: number;
  recipients?: FakeUser[];
}

export interface FakeChannelInit {
  id?: string;
  name: string;
  /** Channel type: 0 text (default), 2 voice, 4 category, 5 announcement, ... */
  type?: number;
  /** Permissions taken from the bot in this channel (a member overwrite), e.g. Send Messages. */
  botDeny?: bigint;
}

/** A role as Discord's API shows it. */
export interface FakeRole {
  id: string;
  name: string;
  color: number;
  hoist: boolean;
  position: number;
  permissions: string;
  managed: boolean;
  mentionable: boolean;
  flags: number;
  tags?: JsonObject;
}

export interface FakeMember {
  userId: string;
  /** Role ids (without @everyone). */
  roles: string[];
  joinedAt: string;
  /** The server nickname, if the member set one. */
  nick?: string | null;
}

export interface FakeGuildInit {
  id?: string;
  name?: string;
  /** Default: one text channel `general`. */
  channels?: FakeChannelInit[];
}

function role(id: string, name: string, position: number, permissions: bigint): FakeRole {
  const bits = permissions.toString();
  return {
    id,
    name,
    color: 0,
    hoist: false,
    position,
    permissions: bits,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export class FakeGuild {
  readonly channels = new Map<string, FakeChannel>();
  readonly roles = new Map<string, FakeRole>();
  readonly members = new Map<string, FakeMember>();
  readonly joinedAt = new Date().toISOString();

  constructor(
    readonly id: string,
    readonly name: string,
    readonly ownerId: string,
  ) {}

  /** A channel by id or name (`general` or `#general`). */
  channel(nameOrId: string): FakeChannel | undefined {
    const name = nameOrId.replace(/^#/, '');
    return this.channels.get(nameOrId) ?? [...this.channels.values()].find((c) => c.name === name);
  }

  /** The first text channel (where commands are used unless a test says otherwise). */
  defaultChannel(): FakeChannel | undefined {
    return [...this.channels.values()].find((c) => c.type === 0 || c.type === 5);
  }

  /** A member's guild-wide permissions (the owner and Administrator get all). */
  permissionsOf(userId: string): bigint {
    if (userId === this.ownerId) return effective(Permission.Administrator);
    const ids = [this.id, ...(this.members.get(userId)?.roles ?? [])];
    let bits = 0n;
    for (const id of ids) bits |= BigInt(this.roles.get(id)?.permissions ?? 0);
    return effective(bits);
  }
}

/** Everything the fake knows about users, guilds and channels. */
export class World {
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, FakeGuild>();
  readonly channels = new Map<string, FakeChannel>();
  /** user id → DM channel id */
  readonly dmChannels = new Map<string, string>();
  /** Users whose DMs are closed to the bot (sending answers 50007). */
  readonly closedDms = new Set<string>();

  /** The bot's user; its id is also the application id. */
  readonly botUser: FakeUser;

  /** Files behind attachment URLs (uploaded with options or with messages). */
  readonly attachments: AttachmentStore;

  constructor(readonly ids: SnowflakeGenerator) {
    this.attachments = new AttachmentStore(ids);
    this.botUser = { ...this.#newUser('FakeBot'), global_name: null, bot: true };
    this.users.set(this.botUser.id, this.botUser);
  }

  #newUser(username: string): FakeUser {
    return {
      id: this.ids.next(),
      username,
      global_name: username,
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      flags: 0,
      banner: null,
      accent_color: null,
    };
  }

  getUser(idOrName: string): FakeUser | undefined {
    return (
      this.users.get(idOrName) ?? [...this.users.values()].find((u) => u.username === idOrName)
    );
  }

  /** A user object, id or username → the stored user (a new username creates the user). */
  resolveUser(ref: UserRef): FakeUser {
    if (typeof ref !== 'string') return this.resolveUser(ref.id);
    const found = this.getUser(ref);
    if (found) return found;
    if (isSnowflake(ref)) throw new FakeDiscordError(`unknown user id ${ref}`);
    const user = this.#newUser(ref);
    this.users.set(user.id, user);
    return user;
  }

  addGuild(init: FakeGuildInit = {}): FakeGuild {
    if (init.id !== undefined && !isSnowflake(init.id)) {
      throw new FakeDiscordError(`guild id must be a snowflake (digits), got "${init.id}"`);
    }
    const id = init.id ?? this.ids.next();
    if (this.guilds.has(id)) throw new FakeDiscordError(`guild ${id} already exists`);
    const owner = this.resolveUser('owner');
    const guild = new FakeGuild(id, init.name ?? 'Fake Guild', owner.id);
    this.guilds.set(id, guild);
    guild.roles.set(id, role(id, '@everyone', 0, DEFAULT_EVERYONE_PERMISSIONS));
    const botRole = role(this.ids.next(), this.botUser.username, 1, DEFAULT_BOT_PERMISSIONS);
    botRole.managed = true;
    botRole.tags = { bot_id: this.botUser.id };
    guild.roles.set(botRole.id, botRole);
    for (const channel of init.channels ?? [{ name: 'general' }]) this.#addChannel(guild, channel);
    this.addMember(guild, this.botUser).roles.push(botRole.id);
    this.addMember(guild, owner);
    return guild;
  }

  guild(idOrName: string): FakeGuild | undefined {
    return this.guilds.get(idOrName) ?? [...this.guilds.values()].find((g) => g.name === idOrName);
  }

  #addChannel(guild: FakeGuild, init: FakeChannelInit): void {
    const channel: FakeChannel = {
      id: init.id ?? this.ids.next(),
      type: init.type ?? 0,
      name: init.name,
      guild_id: guild.id,
      position: guild.channels.size,
      parent_id: null,
      permission_overwrites: init.botDeny
        ? [{ id: this.botUser.id, type: 1, allow: '0', deny: String(init.botDeny) }]
        : [],
      last_message_id: null,
      flags: 0,
    };
    if (this.channels.has(channel.id)) {
      throw new FakeDiscordError(`channel ${channel.id} already exists`);
    }
    guild.channels.set(channel.id, channel);
    this.channels.set(channel.id, channel);
  }

  /** Makes a user a member of the guild (once), as when they use a command there. */
  addMember(guild: FakeGuild, user: FakeUser): FakeMember {
    const existing = guild.members.get(user.id);
    if (existing) return existing;
    const member: FakeMember = { userId: user.id, roles: [], joinedAt: new Date().toISOString() };
    guild.members.set(user.id, member);
    return member;
  }

  memberJson(member: FakeMember, withUser = true): JsonObject {
    const json: JsonObject = {
      roles: [...member.roles],
      nick: member.nick ?? null,
      avatar: null,
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
    if (withUser) json.user = this.users.get(member.userId);
    return json;
  }

  /** The DM channel between the bot and a user, created on first use. */
  dmChannel(user: FakeUser): FakeChannel {
    const existing = this.channels.get(this.dmChannels.get(user.id) ?? '');
    if (existing) return existing;
    const channel: FakeChannel = {
      id: this.ids.next(),
      type: 1,
      last_message_id: null,
      flags: 0,
      recipients: [user],
    };
    this.channels.set(channel.id, channel);
    this.dmChannels.set(user.id, channel.id);
    return channel;
  }

  /** A channel by id, or by name in any guild. */
  findChannel(idOrName: string): FakeChannel | undefined {
    const byId = this.channels.get(idOrName);
    if (byId) return byId;
    for (const guild of this.guilds.values()) {
      const channel = guild.channel(idOrName);
      if (channel) return channel;
    }
    return undefined;
  }

  /** The bot's permissions in a guild channel, overwrites included. */
  botPermissionsIn(channel: FakeChannel): bigint {
    const guild = this.guilds.get(channel.guild_id ?? '');
    return guild ? channelPermissions(guild, channel, this.botUser.id) : 0n;
  }

  /** The full GUILD_CREATE payload (what the gateway sends after READY). */
  guildCreateJson(guild: FakeGuild): JsonObject {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: [...guild.roles.values()],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.defaultChannel()?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.values()].map((m) => this.memberJson(m)),
      channels: [...guild.channels.values()],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
