/** The fake's world: users, guilds, channels, roles and members. */
import {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  DM_APP_PERMISSIONS,
  effective,
} from './permissions.js';
import { isSnowflake, type SnowflakeGenerator, toBigIntPermissions } from './util.js';

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

export interface FakeUserInit {
  id?: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
  avatar?: string | null;
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
  topic?: string | null;
  nsfw?: boolean;
  permission_overwrites?: unknown[];
  rate_limit_per_user?: number;
  last_message_id: string | null;
  flags: number;
  recipients?: FakeUser[];
}

export interface FakeChannelInit {
  id?: string;
  name: string;
  /** Channel type: 0 text (default), 2 voice, 4 category, 5 announcement, 15 forum, ... */
  type?: number;
  parentId?: string;
  topic?: string;
  nsfw?: boolean;
}

/** A role as Discord's API shows it. */
export interface FakeRole {
  id: string;
  name: string;
  color: number;
  colors: { primary_color: number; secondary_color: number | null; tertiary_color: number | null };
  hoist: boolean;
  icon: string | null;
  unicode_emoji: string | null;
  position: number;
  permissions: string;
  managed: boolean;
  mentionable: boolean;
  flags: number;
  tags?: Record<string, unknown>;
}

export interface FakeRoleInit {
  id?: string;
  name: string;
  permissions?: bigint | string;
  color?: number;
  position?: number;
  hoist?: boolean;
  mentionable?: boolean;
}

export interface FakeMember {
  userId: string;
  /** Role ids (without @everyone). */
  roles: string[];
  nick: string | null;
  joinedAt: string;
  communicationDisabledUntil: string | null;
}

export interface FakeMemberInit {
  user: UserRef;
  /** Role ids or role names. */
  roles?: string[];
  nick?: string;
}

export interface FakeGuildInit {
  id?: string;
  name?: string;
  /** Guild owner (gets every permission). Default: a user named `owner`. */
  owner?: UserRef;
  /** Default: one text channel `general`. */
  channels?: FakeChannelInit[];
  roles?: FakeRoleInit[];
  members?: (UserRef | FakeMemberInit)[];
  /** Permissions of @everyone. Default: Discord's usual defaults. */
  everyonePermissions?: bigint | string;
  /** Permissions of the bot's managed role. */
  botPermissions?: bigint | string;
  locale?: string;
}

export class FakeGuild {
  readonly channels = new Map<string, FakeChannel>();
  readonly roles = new Map<string, FakeRole>();
  readonly members = new Map<string, FakeMember>();
  readonly joinedAt = new Date().toISOString();
  botRoleId = '';

  constructor(
    readonly id: string,
    public name: string,
    public ownerId: string,
    public locale: string,
  ) {}

  get everyoneRole(): FakeRole {
    const role = this.roles.get(this.id);
    if (!role) throw new Error(`guild ${this.id} has no @everyone role`);
    return role;
  }

  /** A channel by id or name (`general` or `#general`). */
  channel(nameOrId: string): FakeChannel | undefined {
    const name = nameOrId.replace(/^#/, '');
    return this.channels.get(nameOrId) ?? [...this.channels.values()].find((c) => c.name === name);
  }

  /** A role by id or name (`@everyone` works too). */
  role(nameOrId: string): FakeRole | undefined {
    const name = nameOrId.replace(/^@(?!everyone)/, '');
    return this.roles.get(nameOrId) ?? [...this.roles.values()].find((r) => r.name === name);
  }

  /** The first text channel (where commands are used unless a test says otherwise). */
  defaultChannel(): FakeChannel | undefined {
    const text = [...this.channels.values()].filter((c) => c.type === 0 || c.type === 5);
    return text[0];
  }

  /** A member's guild-wide permissions (owner and Administrator get all). */
  permissionsOf(userId: string): bigint {
    if (userId === this.ownerId) return effective(1n << 3n);
    const member = this.members.get(userId);
    let bits = BigInt(this.everyoneRole.permissions);
    for (const roleId of member?.roles ?? []) {
      const role = this.roles.get(roleId);
      if (role) bits |= BigInt(role.permissions);
    }
    return effective(bits);
  }
}

function defaultRole(id: string, name: string, position: number, permissions: bigint): FakeRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
  };
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

  constructor(
    readonly ids: SnowflakeGenerator,
    readonly botUser: FakeUser,
  ) {
    this.users.set(botUser.id, botUser);
  }

  // ---- users ----

  createUser(init: FakeUserInit | string): FakeUser {
    const spec = typeof init === 'string' ? { username: init } : init;
    if (spec.id !== undefined && !isSnowflake(spec.id)) {
      throw new Error(`user id must be a snowflake (digits), got "${spec.id}"`);
    }
    if (spec.id && this.users.has(spec.id)) throw new Error(`user id ${spec.id} already exists`);
    if (this.userByName(spec.username)) throw new Error(`username "${spec.username}" is taken`);
    const user: FakeUser = {
      id: spec.id ?? this.ids.next(),
      username: spec.username,
      global_name: spec.globalName === undefined ? spec.username : spec.globalName,
      discriminator: '0',
      avatar: spec.avatar ?? null,
      public_flags: 0,
      flags: 0,
      banner: null,
      accent_color: null,
    };
    if (spec.bot) user.bot = true;
    this.users.set(user.id, user);
    return user;
  }

  userByName(username: string): FakeUser | undefined {
    return [...this.users.values()].find((u) => u.username === username);
  }

  getUser(idOrName: string): FakeUser | undefined {
    return this.users.get(idOrName) ?? this.userByName(idOrName);
  }

  /** A user object, id or username → the stored user (a new username creates the user). */
  resolveUser(ref: UserRef): FakeUser {
    if (typeof ref !== 'string') {
      const stored = this.users.get(ref.id);
      if (stored) return stored;
      this.users.set(ref.id, ref);
      return ref;
    }
    const found = this.getUser(ref);
    if (found) return found;
    if (isSnowflake(ref))
      throw new Error(`unknown user id ${ref}; create it with fake.users.create()`);
    return this.createUser(ref);
  }

  // ---- guilds ----

  addGuild(init: FakeGuildInit = {}): FakeGuild {
    if (init.id !== undefined && !isSnowflake(init.id)) {
      throw new Error(`guild id must be a snowflake (digits), got "${init.id}"`);
    }
    const id = init.id ?? this.ids.next();
    if (this.guilds.has(id)) throw new Error(`guild ${id} already exists`);
    const owner = this.resolveUser(init.owner ?? this.getUser('owner') ?? 'owner');
    const guild = new FakeGuild(id, init.name ?? 'Fake Guild', owner.id, init.locale ?? 'en-US');
    this.guilds.set(id, guild);

    const everyone = toBigIntPermissions(init.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS);
    guild.roles.set(id, defaultRole(id, '@everyone', 0, everyone));
    const botRole = defaultRole(
      this.ids.next(),
      this.botUser.username,
      1,
      toBigIntPermissions(init.botPermissions ?? DEFAULT_BOT_PERMISSIONS),
    );
    botRole.managed = true;
    botRole.tags = { bot_id: this.botUser.id };
    guild.roles.set(botRole.id, botRole);
    guild.botRoleId = botRole.id;
    for (const role of init.roles ?? []) this.addRole(guild.id, role);

    for (const channel of init.channels ?? [{ name: 'general' }])
      this.addChannel(guild.id, channel);

    this.addMember(guild.id, { user: this.botUser, roles: [botRole.id] });
    this.addMember(guild.id, { user: owner });
    for (const member of init.members ?? []) {
      const spec = typeof member === 'string' || !('user' in member) ? { user: member } : member;
      this.addMember(guild.id, spec);
    }
    return guild;
  }

  guild(idOrName: string): FakeGuild | undefined {
    return this.guilds.get(idOrName) ?? [...this.guilds.values()].find((g) => g.name === idOrName);
  }

  requireGuild(id: string): FakeGuild {
    const guild = this.guild(id);
    if (!guild) throw new Error(`unknown guild ${id}`);
    return guild;
  }

  addRole(guildId: string, init: FakeRoleInit): FakeRole {
    const guild = this.requireGuild(guildId);
    const role = defaultRole(
      init.id ?? this.ids.next(),
      init.name,
      init.position ?? guild.roles.size,
      toBigIntPermissions(init.permissions ?? 0n),
    );
    role.color = init.color ?? 0;
    role.colors.primary_color = role.color;
    role.hoist = init.hoist ?? false;
    role.mentionable = init.mentionable ?? false;
    guild.roles.set(role.id, role);
    return role;
  }

  addChannel(guildId: string, init: FakeChannelInit): FakeChannel {
    const guild = this.requireGuild(guildId);
    const channel: FakeChannel = {
      id: init.id ?? this.ids.next(),
      type: init.type ?? 0,
      name: init.name,
      guild_id: guild.id,
      position: guild.channels.size,
      parent_id: init.parentId ?? null,
      topic: init.topic ?? null,
      nsfw: init.nsfw ?? false,
      permission_overwrites: [],
      rate_limit_per_user: 0,
      last_message_id: null,
      flags: 0,
    };
    if (this.channels.has(channel.id)) throw new Error(`channel ${channel.id} already exists`);
    guild.channels.set(channel.id, channel);
    this.channels.set(channel.id, channel);
    return channel;
  }

  addMember(guildId: string, init: FakeMemberInit): FakeMember {
    const guild = this.requireGuild(guildId);
    const user = this.resolveUser(init.user);
    const roles = (init.roles ?? []).map((ref) => {
      const role = guild.role(ref);
      if (!role) throw new Error(`guild ${guild.name} has no role "${ref}"`);
      return role.id;
    });
    const existing = guild.members.get(user.id);
    if (existing) {
      if (init.roles) existing.roles = roles;
      if (init.nick !== undefined) existing.nick = init.nick;
      return existing;
    }
    const member: FakeMember = {
      userId: user.id,
      roles,
      nick: init.nick ?? null,
      joinedAt: new Date().toISOString(),
      communicationDisabledUntil: null,
    };
    guild.members.set(user.id, member);
    return member;
  }

  memberJson(member: FakeMember, withUser = true): Record<string, unknown> {
    const json: Record<string, unknown> = {
      roles: [...member.roles],
      nick: member.nick,
      avatar: null,
      banner: null,
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: member.communicationDisabledUntil,
    };
    if (withUser) json.user = this.users.get(member.userId);
    return json;
  }

  // ---- channels ----

  /** The DM channel between the bot and a user, created on first use. */
  dmChannel(user: FakeUser): FakeChannel {
    const existing = this.dmChannels.get(user.id);
    const found = existing ? this.channels.get(existing) : undefined;
    if (found) return found;
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

  /** A user's permissions in a channel (DMs: what a DM allows). */
  permissionsIn(channel: FakeChannel, userId: string): bigint {
    if (!channel.guild_id) return DM_APP_PERMISSIONS;
    const guild = this.guilds.get(channel.guild_id);
    return guild ? guild.permissionsOf(userId) : 0n;
  }

  guildJson(guild: FakeGuild): Record<string, unknown> {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
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
      max_presences: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.locale,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  /** The full GUILD_CREATE payload (what the gateway sends after READY). */
  guildCreateJson(guild: FakeGuild): Record<string, unknown> {
    return {
      ...this.guildJson(guild),
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [...guild.members.values()].map((m) => this.memberJson(m)),
      channels: [...guild.channels.values()].filter((c) => c.type !== 11 && c.type !== 12),
      threads: [...guild.channels.values()].filter((c) => c.type === 11 || c.type === 12),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
