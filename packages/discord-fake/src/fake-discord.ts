/** The fake Discord: one HTTP server on 127.0.0.1 serving REST (`/api/v10`) and the gateway (WebSocket). */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AttachmentInput,
  buildCommandData,
  CommandRegistry,
  FakeDiscordError,
  type OptionValue,
  type StoredCommand,
} from './commands.js';
import { Gateway, type GatewayEvent, type GatewaySession } from './gateway.js';
import {
  parseBody,
  type RecordedRequest,
  type RouteContext,
  type RouteResult,
  Router,
  readBody,
} from './http.js';
import {
  type AutocompleteChoice,
  CallbackType,
  checkChoices,
  checkModal,
  type InteractionRecord,
  InteractionReply,
  InteractionType,
} from './interactions.js';
import {
  type AttachmentStore,
  FakeMessage,
  MessageFlag,
  type MessageSource,
  type RecordedFile,
  validateMessageBody,
} from './message.js';
import { Permission } from './permissions.js';
import {
  type FakeChannel,
  type FakeChannelInit,
  type FakeGuild,
  type FakeGuildInit,
  type FakeMember,
  type FakeRole,
  type FakeRoleInit,
  type FakeUser,
  type FakeUserInit,
  type UserRef,
  World,
} from './state.js';
import {
  apiError,
  asArray,
  asNumber,
  asObject,
  asString,
  DiscordHttpError,
  ErrorCode,
  isObject,
  type JsonObject,
  objects,
  SnowflakeGenerator,
  shardOf,
  toBigIntPermissions,
} from './util.js';

export interface FakeDiscordOptions {
  /** Default: a fresh snowflake (also the bot user's id unless `botUser.id` says otherwise). */
  applicationId?: string;
  botUser?: Partial<FakeUser>;
  /** Default: one guild "Fake Guild" with a #general text channel. Pass `[]` for none. */
  guilds?: FakeGuildInit[];
  /** HELLO's heartbeat_interval. Default 41250 (Discord's). */
  heartbeatIntervalMs?: number;
  /** If set, REST calls must carry `Authorization: Bot <token>` and IDENTIFY must send it. */
  token?: string;
  /** How long `command()` & co. wait for the bot's callback. Default 3000 (Discord's window). */
  replyTimeoutMs?: number;
  /** How long `reply.final()` / `reply.followUp()` wait. Default 3000. */
  finalTimeoutMs?: number;
  /** Username of the default interaction user. Default `tester`. */
  defaultUser?: string;
  /** Port to listen on. Default 0 (any free port). */
  port?: number;
}

/** A REST fault to inject: the next matching request(s) fail with this status. */
export interface FaultSpec {
  method?: string;
  /** Tested against the decoded path below the API root, e.g. `/interactions/1/tok/callback`. */
  pathPattern: RegExp;
  status: number;
  /** For 429: seconds to wait, like Discord's `retry_after` (default 0.05). */
  retryAfter?: number;
  /** How many requests fail (default 1). discord.js retries a 5xx 3 times, so use 4 to surface one. */
  times?: number;
  /** For 429: a global rate limit (sends `X-RateLimit-Global`). */
  global?: boolean;
  /** Error body (default: Discord's body for the status). */
  body?: JsonObject;
}

export interface UnknownRoute {
  method: string;
  path: string;
  rawPath: string;
}

/** Where and by whom an interaction is made. */
export interface InteractionContextOptions {
  /** The user (object, id or username; a new username creates the user). Default `tester`. */
  user?: UserRef;
  /** Guild id or name. Default: the first guild (or a DM when there is none). */
  guildId?: string;
  /** Channel id or name. Default: the guild's first text channel. */
  channelId?: string;
  /** Use the command in the user's DM with the bot. */
  dm?: boolean;
  /** The member's permissions (default: computed from roles; the owner has all). */
  memberPermissions?: bigint | string;
  /** The user's locale. Default `en-US`. */
  locale?: string;
  /** Reply window in ms. Default: `replyTimeoutMs` (3000). */
  timeoutMs?: number;
  /** Check option types, choices, ranges, required options and command permissions (default true). */
  validate?: boolean;
}

export interface CommandInvocation extends InteractionContextOptions {
  /** Command name; may include the subcommand: `'cec cpr'` or `'admin users add'`. */
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Plain option values, typed by the registered command definition. */
  options?: Record<string, OptionValue | undefined>;
}

export interface AutocompleteInvocation extends CommandInvocation {
  /** The option being typed. */
  focused: string;
  /** What the user has typed so far. */
  value: string | number;
}

export interface ContextMenuInvocation extends InteractionContextOptions {
  name: string;
  /** A user (USER command) or a message (MESSAGE command). */
  target: UserRef | FakeMessage;
}

/** A message: the message object, its id, or a reply (its `@original` message). */
export type MessageRef = FakeMessage | InteractionReply | string;

export interface ComponentInvocation
  extends Omit<InteractionContextOptions, 'guildId' | 'channelId' | 'dm'> {
  message: MessageRef;
  customId: string;
}

export interface SelectInvocation extends ComponentInvocation {
  /** Option values (string select) or users/roles/channels (ids, names or objects). */
  values: (string | FakeUser | FakeRole | FakeChannel)[];
}

export interface ModalInvocation
  extends Omit<InteractionContextOptions, 'guildId' | 'channelId' | 'dm'> {
  /** The reply that showed the modal (callback type 9). */
  reply: InteractionReply;
  /** custom_id of each input → its value (text) or values (selects). */
  fields: Record<string, string | string[]>;
}

export interface RawInteraction extends InteractionContextOptions {
  type: number;
  data: JsonObject;
  /** The message a component interaction is on. */
  message?: MessageRef;
  /** Fields merged over the generated payload last. */
  overrides?: JsonObject;
  label?: string;
}

export interface WaitOptions {
  timeoutMs?: number;
  message?: string | (() => string);
}

/** A user's message dispatched to the bot as MESSAGE_CREATE. */
export interface UserMessageOptions {
  user?: UserRef;
  /** Channel id or name; default: the first guild's first text channel. */
  channelId?: string;
  /** Send it in the user's DM with the bot. */
  dm?: boolean;
  content: string;
}

export interface MessageFilter {
  /** Which messages: default `'channel'` (POST /channels/{id}/messages); `'all'` for every kind. */
  source?: MessageSource | MessageSource[] | 'all';
  includeDeleted?: boolean;
}

interface Fault extends FaultSpec {
  remaining: number;
}

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

const DEFAULT_HEARTBEAT = 41_250;
const Intent = {
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
};

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Splits `'cec cpr'` into name/subcommand (and `'a b c'` into name/group/subcommand). */
function parseCommandName(invocation: CommandInvocation): {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
} {
  const parts = invocation.name.trim().replace(/^\//, '').split(/\s+/);
  const [name = '', second, third] = parts;
  if (parts.length > 3)
    throw new FakeDiscordError(`cannot parse command name "${invocation.name}"`);
  const fromName =
    third !== undefined ? { subcommandGroup: second, subcommand: third } : { subcommand: second };
  return {
    name,
    subcommandGroup: invocation.subcommandGroup ?? fromName.subcommandGroup,
    subcommand: invocation.subcommand ?? fromName.subcommand,
  };
}

/**
 * A local, in-process Discord for tests. Start it with {@link startFakeDiscord}, point
 * discord.js at `fake.apiUrl` (`rest: { api: fake.apiUrl }`), and drive the bot.
 */
export class FakeDiscord {
  readonly applicationId: string;
  readonly botUser: FakeUser;
  /** Users: `fake.users.create({ username, id? })`, `get(idOrName)`, `all()`. */
  readonly users: FakeUsers;
  /** Every REST request, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Requests to routes the fake does not implement (answered 404). */
  readonly unknownRoutes: UnknownRoute[] = [];
  /** Errors thrown inside the fake's own handlers (bugs in the fake; answered 500). */
  readonly internalErrors: Error[] = [];
  readonly replyTimeoutMs: number;
  readonly finalTimeoutMs: number;

  readonly #ids = new SnowflakeGenerator();
  readonly #world: World;
  readonly #commands: CommandRegistry;
  readonly #gateway: Gateway;
  readonly #router = new Router();
  readonly #server: Server;
  readonly #token: string | undefined;
  readonly #defaultUser: string;
  readonly #messages = new Map<string, FakeMessage>();
  readonly #channelMessages = new Map<string, FakeMessage[]>();
  readonly #interactions = new Map<string, InteractionRecord>();
  readonly #attachments = new Map<string, RecordedFile>();
  readonly #faults: Fault[] = [];
  readonly #waiters = new Set<Waiter>();
  readonly #attachmentStore: AttachmentStore;
  #port = 0;
  #closed = false;

  private constructor(options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? this.#ids.next();
    this.botUser = {
      id: this.applicationId,
      username: 'FakeBot',
      global_name: null,
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      flags: 0,
      banner: null,
      accent_color: null,
      ...options.botUser,
      bot: true,
    };
    this.replyTimeoutMs = options.replyTimeoutMs ?? 3000;
    this.finalTimeoutMs = options.finalTimeoutMs ?? 3000;
    this.#token = options.token;
    this.#defaultUser = options.defaultUser ?? 'tester';
    this.#world = new World(this.#ids, this.botUser);
    this.users = new FakeUsers(this.#world);
    this.#commands = new CommandRegistry(this.#ids, this.applicationId);
    this.#attachmentStore = {
      store: (file, channelId) => {
        const id = this.#ids.next();
        this.#attachments.set(id, file);
        const name = encodeURIComponent(file.name);
        return { id, url: `${this.httpUrl}/attachments/${channelId}/${id}/${name}` };
      },
    };
    for (const guild of options.guilds ?? [{}]) this.#world.addGuild(guild);
    this.#world.resolveUser(this.#defaultUser);
    this.#gateway = new Gateway(
      {
        readyData: (session) => this.#readyData(session),
        guildCreates: (shardId, shardCount) =>
          this.#guildsOnShard(shardId, shardCount).map((g) => this.#world.guildCreateJson(g)),
        memberChunks: (request) => this.#memberChunks(request),
        checkToken: (token) =>
          this.#token === undefined || token === this.#token || token === `Bot ${this.#token}`,
        changed: () => this.#changed(),
      },
      options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT,
    );
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        this.internalErrors.push(error instanceof Error ? error : new Error(String(error)));
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.#server.on('upgrade', (req, socket, head: Buffer) =>
      this.#gateway.handleUpgrade(req, socket, head),
    );
    this.#installRoutes();
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(options.port ?? 0, '127.0.0.1', () => {
        fake.#server.off('error', reject);
        resolve();
      });
    });
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  // ------------------------------------------------------------------ addresses

  get port(): number {
    return this.#port;
  }

  /** `http://127.0.0.1:PORT` */
  get httpUrl(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Pass as discord.js `rest.api` (no `/v10`). */
  get apiUrl(): string {
    return `${this.httpUrl}/api`;
  }

  /** What `/gateway/bot` answers. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  /**
   * discord.js client options for this fake: `new Client({ intents, ...fake.clientOptions() })`.
   * Sets `rest.api` and turns off discord.js's identify throttle (it otherwise waits ~5 s
   * before a shard may IDENTIFY again, e.g. after an invalid session).
   */
  clientOptions(): {
    rest: { api: string };
    ws: { buildIdentifyThrottler: () => { waitForIdentify: () => Promise<void> } };
  } {
    return {
      rest: { api: this.apiUrl },
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }) },
    };
  }

  // ------------------------------------------------------------------ world

  /** Gets a user by id or username, creating it (by username) on first use. */
  user(username: string): FakeUser {
    return this.#world.resolveUser(username);
  }

  /** A guild by id or name; without an argument, the first guild. */
  guild(idOrName?: string): FakeGuild {
    const guild =
      idOrName === undefined ? [...this.#world.guilds.values()][0] : this.#world.guild(idOrName);
    if (!guild)
      throw new FakeDiscordError(
        idOrName ? `unknown guild "${idOrName}"` : 'the fake has no guilds',
      );
    return guild;
  }

  guilds(): FakeGuild[] {
    return [...this.#world.guilds.values()];
  }

  /** Adds a guild; if the bot is connected, its shard gets GUILD_CREATE. */
  addGuild(init: FakeGuildInit = {}): FakeGuild {
    const guild = this.#world.addGuild(init);
    this.#dispatchToGuild('GUILD_CREATE', this.#world.guildCreateJson(guild), guild.id);
    return guild;
  }

  addChannel(guildId: string, init: FakeChannelInit): FakeChannel {
    const guild = this.guild(guildId);
    const channel = this.#world.addChannel(guild.id, init);
    this.#dispatchToGuild('CHANNEL_CREATE', channel, guild.id);
    return channel;
  }

  addRole(guildId: string, init: FakeRoleInit): FakeRole {
    const guild = this.guild(guildId);
    const role = this.#world.addRole(guild.id, init);
    this.#dispatchToGuild('GUILD_ROLE_CREATE', { guild_id: guild.id, role }, guild.id);
    return role;
  }

  /** Adds (or updates) a member; roles are ids or names. */
  addMember(
    guildId: string,
    user: UserRef,
    options: { roles?: string[]; nick?: string } = {},
  ): FakeMember {
    const guild = this.guild(guildId);
    const existed = guild.members.has(this.#world.resolveUser(user).id);
    const member = this.#world.addMember(guild.id, { user, ...options });
    this.#dispatchToGuild(
      existed ? 'GUILD_MEMBER_UPDATE' : 'GUILD_MEMBER_ADD',
      { ...this.#world.memberJson(member), guild_id: guild.id },
      guild.id,
      Intent.GuildMembers,
    );
    return member;
  }

  /** A channel by id, or by name in any guild. */
  channel(idOrName: string): FakeChannel {
    const channel = this.#world.findChannel(idOrName);
    if (!channel) throw new FakeDiscordError(`unknown channel "${idOrName}"`);
    return channel;
  }

  /** The DM channel between the bot and a user, if the bot opened one (or the user used a DM). */
  dmChannelOf(user: UserRef): FakeChannel | undefined {
    const userId = typeof user === 'string' ? this.#world.getUser(user)?.id : user.id;
    const id = userId === undefined ? undefined : this.#world.dmChannels.get(userId);
    return id ? this.#world.channels.get(id) : undefined;
  }

  /** Messages the bot sent to a user's DM (same filter as `messages()`). */
  dms(user: UserRef, options: MessageFilter = {}): FakeMessage[] {
    const channel = this.dmChannelOf(user);
    return channel ? this.messages(channel.id, options) : [];
  }

  /** Makes sending a DM to this user fail with 50007 (Cannot send messages to this user). */
  closeDms(user: UserRef, closed = true): void {
    const { id } = this.#world.resolveUser(user);
    if (closed) this.#world.closedDms.add(id);
    else this.#world.closedDms.delete(id);
  }

  /**
   * Messages the bot posted to a channel (id or name) with POST /channels/{id}/messages,
   * oldest first. `source: 'all'` adds interaction replies, follow-ups and `userMessage`s;
   * deleted messages only with `includeDeleted`.
   */
  messages(channel: string, options: MessageFilter = {}): FakeMessage[] {
    const found = this.#world.findChannel(channel);
    const list = this.#channelMessages.get(found?.id ?? channel) ?? [];
    const wanted = options.source ?? 'channel';
    const sources = wanted === 'all' ? undefined : Array.isArray(wanted) ? wanted : [wanted];
    return list.filter(
      (m) => (options.includeDeleted || !m.deleted) && (!sources || sources.includes(m.source)),
    );
  }

  /** Every message the fake stores, oldest first. */
  allMessages(): FakeMessage[] {
    return [...this.#messages.values()];
  }

  message(id: string): FakeMessage | undefined {
    return this.#messages.get(id);
  }

  // ------------------------------------------------------------------ commands

  /** Registered commands: global without an argument, else that guild's. */
  commands(guildId?: string): StoredCommand[] {
    return [...this.#commands.list(guildId === undefined ? undefined : this.guild(guildId).id)];
  }

  /** Registers commands directly (e.g. builders' `toJSON()`), replacing the list, as PUT would. */
  setCommands(commands: unknown[], guildId?: string): StoredCommand[] {
    try {
      return this.#commands.overwrite(
        commands.map((c) =>
          isObject(c) && typeof c.toJSON === 'function' ? (c.toJSON as () => unknown)() : c,
        ),
        guildId === undefined ? undefined : this.guild(guildId).id,
      );
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        throw new FakeDiscordError(`invalid commands: ${JSON.stringify(error.body)}`);
      }
      throw error;
    }
  }

  // ------------------------------------------------------------------ gateway

  get identifies(): number {
    return this.#gateway.identifies;
  }

  get resumes(): number {
    return this.#gateway.resumes;
  }

  /** Identify/resume/close events on the gateway, in order. */
  get gatewayEvents(): readonly GatewayEvent[] {
    return this.#gateway.events;
  }

  /** Live gateway sessions (one per shard). */
  get sessions(): GatewaySession[] {
    return this.#gateway.sessions();
  }

  /** Presence updates (op 3) the client sent. */
  get presences(): readonly JsonObject[] {
    return this.#gateway.presences;
  }

  /** Whether heartbeats are acknowledged (false: the client sees a zombie connection and resumes). */
  get ackHeartbeats(): boolean {
    return this.#gateway.ackHeartbeats;
  }

  set ackHeartbeats(value: boolean) {
    this.#gateway.ackHeartbeats = value;
  }

  /** Resolves once `count` IDENTIFYs have been answered (READY and GUILD_CREATEs sent). */
  waitForIdentify(options: { count?: number; timeoutMs?: number } = {}): Promise<void> {
    const count = options.count ?? 1;
    return this.waitFor(() => this.#gateway.identifies >= count, {
      timeoutMs: options.timeoutMs ?? 4000,
      message: () => `discord-fake: waited for ${count} IDENTIFY, saw ${this.#gateway.identifies}`,
    }).then(() => undefined);
  }

  /**
   * Closes the gateway socket(s) with `code` (default 4000, resumable). Resolves when the
   * client is back (resumed or re-identified); for codes the client does not recover from,
   * once the socket is closed.
   */
  async disconnect(
    code = 4000,
    options: { shard?: number; timeoutMs?: number } = {},
  ): Promise<'resumed' | 'identified' | 'closed'> {
    const mark = this.#gateway.events.length;
    this.#gateway.disconnect(code, options.shard);
    const fatal = [4004, 4010, 4011, 4012, 4013, 4014].includes(code);
    return this.#waitForComeback(mark, options, fatal);
  }

  /**
   * Sends op 9 INVALID_SESSION. Not resumable (default): the client re-identifies; resumable:
   * it resumes. Resolves when it has.
   */
  async invalidateSession(
    resumable = false,
    options: { shard?: number; timeoutMs?: number } = {},
  ): Promise<'resumed' | 'identified' | 'closed'> {
    const mark = this.#gateway.events.length;
    this.#gateway.invalidate(resumable, options.shard);
    return this.#waitForComeback(mark, options, false);
  }

  /** Sends op 7 RECONNECT; resolves when the client has resumed. */
  async requestReconnect(
    options: { shard?: number; timeoutMs?: number } = {},
  ): Promise<'resumed' | 'identified' | 'closed'> {
    const mark = this.#gateway.events.length;
    this.#gateway.requestReconnect(options.shard);
    return this.#waitForComeback(mark, options, false);
  }

  #waitForComeback(
    mark: number,
    options: { shard?: number; timeoutMs?: number },
    fatal: boolean,
  ): Promise<'resumed' | 'identified' | 'closed'> {
    const timeoutMs = options.timeoutMs ?? 4000;
    return this.waitFor(
      () => {
        const events = this.#gateway.events
          .slice(mark)
          .filter((e) => options.shard === undefined || e.shardId === options.shard);
        if (fatal) return events.some((e) => e.type === 'close') ? ('closed' as const) : undefined;
        const back = events.find((e) => e.type === 'identify' || e.type === 'resume');
        if (!back) return undefined;
        return back.type === 'identify' ? ('identified' as const) : ('resumed' as const);
      },
      {
        timeoutMs,
        message: () =>
          `discord-fake: the client did not come back to the gateway within ${timeoutMs} ms ` +
          '(without fake.clientOptions(), discord.js waits ~5 s before a shard may IDENTIFY again)',
      },
    );
  }

  /**
   * Sends a dispatch. Goes to the shard of `d.guild_id` if there is one, else shard 0
   * (or `options.shard`; `'all'` sends it on every shard).
   */
  dispatch(t: string, d: unknown, options: { shard?: number | 'all' } = {}): void {
    if (options.shard === 'all') {
      for (const session of this.#gateway.sessions()) this.#gateway.dispatch(t, d, session.shardId);
      return;
    }
    const guildId = isObject(d) ? asString(d.guild_id) : undefined;
    const shard = options.shard ?? (guildId ? shardOf(guildId, this.#gateway.shardCount) : 0);
    this.#gateway.dispatch(t, d, shard);
  }

  /**
   * A user posts a message: dispatched as MESSAGE_CREATE, like Discord, only if the bot has the
   * GUILD_MESSAGES / DIRECT_MESSAGES intent; `content` is blanked without MESSAGE_CONTENT
   * (unless it mentions the bot or is a DM).
   */
  userMessage(options: UserMessageOptions): FakeMessage {
    const user = this.#world.resolveUser(options.user ?? this.#defaultUser);
    let channel: FakeChannel;
    if (options.dm) channel = this.#world.dmChannel(user);
    else if (options.channelId) channel = this.channel(options.channelId);
    else {
      const fallback = this.guild().defaultChannel();
      if (!fallback) throw new FakeDiscordError('the first guild has no text channel');
      channel = fallback;
    }
    const guild = channel.guild_id ? this.#world.guilds.get(channel.guild_id) : undefined;
    if (guild && !guild.members.has(user.id)) this.#world.addMember(guild.id, { user });
    const message = this.#createMessage(channel, user, { content: options.content }, [], 'user');
    const shard = guild ? shardOf(guild.id, this.#gateway.shardCount) : 0;
    const session = this.#gateway.session(shard);
    if (session) {
      const needed = guild ? Intent.GuildMessages : Intent.DirectMessages;
      if ((session.intents & needed) !== 0) {
        const json = message.toJSON();
        const mentionsBot = options.content.includes(`<@${this.botUser.id}>`);
        if (guild && !mentionsBot && (session.intents & Intent.MessageContent) === 0)
          json.content = '';
        if (guild) {
          const member = guild.members.get(user.id);
          if (member) json.member = this.#world.memberJson(member, false);
        }
        if (mentionsBot) json.mentions = [this.botUser];
        this.#gateway.dispatch('MESSAGE_CREATE', json, shard);
      }
    }
    return message;
  }

  // ------------------------------------------------------------------ interactions

  /** Runs a slash command and resolves with the bot's callback (rejects after the reply window). */
  async command(invocation: CommandInvocation): Promise<InteractionReply> {
    const { name, subcommandGroup, subcommand } = parseCommandName(invocation);
    const where = this.#where(invocation);
    const command = this.#findCommand(name, 1, where.guild);
    this.#checkCommandAccess(command, where, invocation);
    const data = buildCommandData(
      command,
      { subcommandGroup, subcommand, options: invocation.options ?? {} },
      this.#optionContext(where.guild, invocation),
    );
    const label = [`/${name}`, subcommandGroup, subcommand].filter(Boolean).join(' ');
    return this.#send(InteractionType.ApplicationCommand, data, where, invocation, label);
  }

  /** Sends an autocomplete interaction; resolves with the choices the bot returned. */
  async autocomplete(invocation: AutocompleteInvocation): Promise<AutocompleteChoice[]> {
    const reply = await this.autocompleteReply(invocation);
    if (reply.type !== CallbackType.ApplicationCommandAutocompleteResult) {
      throw new FakeDiscordError(`autocomplete was answered with ${reply.typeName}, not choices`);
    }
    return reply.choices;
  }

  /** Like `autocomplete()`, but resolves with the whole reply. */
  async autocompleteReply(invocation: AutocompleteInvocation): Promise<InteractionReply> {
    const { name, subcommandGroup, subcommand } = parseCommandName(invocation);
    const where = this.#where(invocation);
    const command = this.#findCommand(name, 1, where.guild);
    const data = buildCommandData(
      command,
      {
        subcommandGroup,
        subcommand,
        options: invocation.options ?? {},
        focused: { name: invocation.focused, value: String(invocation.value) },
      },
      this.#optionContext(where.guild, invocation),
    );
    const label = `autocomplete of ${[`/${name}`, subcommandGroup, subcommand].filter(Boolean).join(' ')} ${invocation.focused}`;
    return this.#send(
      InteractionType.ApplicationCommandAutocomplete,
      data,
      where,
      invocation,
      label,
    );
  }

  /** Runs a USER or MESSAGE context-menu command. */
  async contextMenu(invocation: ContextMenuInvocation): Promise<InteractionReply> {
    const isMessage = invocation.target instanceof FakeMessage;
    const where =
      invocation.target instanceof FakeMessage &&
      invocation.channelId === undefined &&
      !invocation.dm
        ? this.#whereMessage(invocation.target, {
            ...invocation,
            user: invocation.user ?? this.#defaultUser,
          })
        : this.#where(invocation);
    const command = this.#findCommand(invocation.name, isMessage ? 3 : 2, where.guild);
    this.#checkCommandAccess(command, where, invocation);
    const data: JsonObject = { id: command.id, name: command.name, type: command.type };
    if (command.guild_id !== undefined) data.guild_id = command.guild_id;
    if (invocation.target instanceof FakeMessage) {
      data.target_id = invocation.target.id;
      data.resolved = { messages: { [invocation.target.id]: invocation.target.toJSON() } };
    } else {
      const target = this.#world.resolveUser(invocation.target);
      data.target_id = target.id;
      const resolved: JsonObject = { users: { [target.id]: target } };
      const member = where.guild?.members.get(target.id);
      if (where.guild && member) {
        resolved.members = {
          [target.id]: {
            ...this.#world.memberJson(member, false),
            permissions: where.guild.permissionsOf(target.id).toString(),
          },
        };
      }
      data.resolved = resolved;
    }
    return this.#send(
      InteractionType.ApplicationCommand,
      data,
      where,
      invocation,
      `context menu "${command.name}"`,
    );
  }

  /** Clicks a button on a message the bot sent (a MESSAGE_COMPONENT interaction). */
  async clickButton(invocation: ComponentInvocation): Promise<InteractionReply> {
    const message = this.#resolveMessage(invocation.message);
    const component = this.#component(message, invocation.customId, invocation);
    if (component.type !== 2) {
      throw new FakeDiscordError(
        `component "${invocation.customId}" is type ${String(component.type)}, not a button; use selectMenu()`,
      );
    }
    const data = { custom_id: invocation.customId, component_type: 2 };
    return this.#sendComponent(message, data, invocation, `button "${invocation.customId}"`);
  }

  /** Picks values in a select menu on a message the bot sent. */
  async selectMenu(invocation: SelectInvocation): Promise<InteractionReply> {
    const message = this.#resolveMessage(invocation.message);
    const component = this.#component(message, invocation.customId, invocation);
    const type = Number(component.type);
    if (![3, 5, 6, 7, 8].includes(type)) {
      throw new FakeDiscordError(
        `component "${invocation.customId}" is type ${type}, not a select menu`,
      );
    }
    const guild = message.guildId ? this.#world.guilds.get(message.guildId) : undefined;
    const { values, resolved } = this.#selectValues(
      type,
      component,
      invocation.values,
      guild,
      invocation.validate !== false,
    );
    const data: JsonObject = { custom_id: invocation.customId, component_type: type, values };
    if (resolved) data.resolved = resolved;
    return this.#sendComponent(message, data, invocation, `select menu "${invocation.customId}"`);
  }

  /** Submits the modal the bot showed (the reply must be callback type 9). */
  async submitModal(invocation: ModalInvocation): Promise<InteractionReply> {
    const modal = invocation.reply.modal;
    if (!modal) {
      throw new FakeDiscordError(
        `${invocation.reply.record.label} was answered with ${invocation.reply.typeName}, not a modal`,
      );
    }
    const known = new Set<string>();
    const fill = (component: JsonObject): JsonObject => {
      const customId = asString(component.custom_id);
      const out: JsonObject = { type: component.type };
      if (component.id !== undefined) out.id = component.id;
      if (customId === undefined) return out;
      known.add(customId);
      out.custom_id = customId;
      const value = invocation.fields[customId];
      if (component.type === 4)
        out.value = typeof value === 'string' ? value : (asString(component.value) ?? '');
      else out.values = Array.isArray(value) ? value : value === undefined ? [] : [value];
      return out;
    };
    const components = objects(modal.components).map((top) => {
      if (top.type === 1)
        return {
          type: 1,
          ...(top.id !== undefined ? { id: top.id } : {}),
          components: objects(top.components).map(fill),
        };
      if (isObject(top.component))
        return {
          type: top.type,
          ...(top.id !== undefined ? { id: top.id } : {}),
          component: fill(top.component),
        };
      return fill(top);
    });
    for (const key of Object.keys(invocation.fields)) {
      if (!known.has(key)) {
        throw new FakeDiscordError(
          `modal "${String(modal.custom_id)}" has no input "${key}"; inputs: ${[...known].join(', ')}`,
        );
      }
    }
    const source = invocation.reply.record;
    const message = source.componentMessageId
      ? this.#messages.get(source.componentMessageId)
      : undefined;
    const where = message
      ? this.#whereMessage(message, invocation)
      : this.#whereRecord(source, invocation);
    const data = { custom_id: modal.custom_id, components };
    return this.#send(
      InteractionType.ModalSubmit,
      data,
      where,
      invocation,
      `modal "${String(modal.custom_id)}"`,
      message,
    );
  }

  /** Sends any interaction payload you build (`type`, `data`); fills in the rest. */
  async interact(raw: RawInteraction): Promise<InteractionReply> {
    const message = raw.message === undefined ? undefined : this.#resolveMessage(raw.message);
    const where = message ? this.#whereMessage(message, raw) : this.#where(raw);
    return this.#send(
      raw.type,
      raw.data,
      where,
      raw,
      raw.label ?? `interaction type ${raw.type}`,
      message,
      raw.overrides,
    );
  }

  // ------------------------------------------------------------------ faults & inspection

  /** Makes the next matching REST request(s) fail (429 with proper rate-limit headers, 5xx, ...). */
  failNext(spec: FaultSpec): void {
    this.#faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clearFaults(): void {
    this.#faults.length = 0;
  }

  /** Faults not yet used up. */
  get pendingFaults(): number {
    return this.#faults.reduce((n, f) => n + f.remaining, 0);
  }

  /** Requests the fake answered with a status of 400 or more. */
  get failedRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.status >= 400);
  }

  /** Throws listing every unknown route the client called (use in afterEach). */
  assertNoUnknownRoutes(): void {
    if (this.unknownRoutes.length > 0) {
      throw new FakeDiscordError(
        `the client called routes the fake does not implement:\n${this.unknownRoutes.map((r) => `  ${r.method} ${r.path}`).join('\n')}`,
      );
    }
  }

  /**
   * Resolves with the first truthy value of `check`, re-checked after every request and
   * gateway event; rejects after `timeoutMs` (default 3000).
   */
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new FakeDiscordError('the fake is closed'));
    try {
      const first = check();
      if (first) return Promise.resolve(first);
    } catch (error) {
      return Promise.reject(error);
    }
    const timeoutMs = options.timeoutMs ?? 3000;
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        check: () => {
          try {
            const value = check();
            if (value) {
              done();
              resolve(value);
            }
          } catch (error) {
            done();
            reject(error);
          }
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        done();
        const message = typeof options.message === 'function' ? options.message() : options.message;
        reject(
          new FakeDiscordError(
            message?.replace(/^discord-fake: /, '') ?? `condition not met within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of [...this.#waiters])
      waiter.fail(new FakeDiscordError('the fake was closed'));
    this.#gateway.close();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  // ------------------------------------------------------------------ internals: waiting

  #changed(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  // ------------------------------------------------------------------ internals: gateway data

  #readyData(session: GatewaySession): JsonObject {
    return {
      v: 10,
      user_settings: {},
      user: { ...this.botUser, verified: true, mfa_enabled: false, email: null },
      guilds: this.#guildsOnShard(session.shardId, session.shardCount).map((g) => ({
        id: g.id,
        unavailable: true,
      })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [session.shardId, session.shardCount],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_type: 'normal',
      auth: {},
      _trace: ['["discord-fake",{}]'],
    };
  }

  #guildsOnShard(shardId: number, shardCount: number): FakeGuild[] {
    return [...this.#world.guilds.values()].filter((g) => shardOf(g.id, shardCount) === shardId);
  }

  #memberChunks(request: JsonObject): JsonObject[] {
    const guildIds = Array.isArray(request.guild_id)
      ? request.guild_id.map(String)
      : [String(request.guild_id)];
    const query = asString(request.query);
    const limit = asNumber(request.limit) ?? 0;
    const userIds =
      request.user_ids === undefined
        ? undefined
        : asArray(request.user_ids)
            .map(String)
            .concat(typeof request.user_ids === 'string' ? [request.user_ids] : []);
    return guildIds.flatMap((guildId) => {
      const guild = this.#world.guilds.get(guildId);
      if (!guild) return [];
      let members = [...guild.members.values()];
      const notFound: string[] = [];
      if (userIds) {
        notFound.push(...userIds.filter((id) => !guild.members.has(id)));
        members = members.filter((m) => userIds.includes(m.userId));
      } else if (query) {
        const q = query.toLowerCase();
        members = members.filter((m) =>
          this.#world.users.get(m.userId)?.username.toLowerCase().startsWith(q),
        );
      }
      if (limit > 0) members = members.slice(0, limit);
      const chunk: JsonObject = {
        guild_id: guildId,
        members: members.map((m) => this.#world.memberJson(m)),
        chunk_index: 0,
        chunk_count: 1,
        not_found: notFound,
      };
      if (request.nonce !== undefined) chunk.nonce = request.nonce;
      if (request.presences === true) chunk.presences = [];
      return [chunk];
    });
  }

  /** Dispatches a guild event if the guild's shard is connected (and has the intent, if given). */
  #dispatchToGuild(t: string, d: unknown, guildId: string, intent?: number): void {
    const shard = shardOf(guildId, this.#gateway.shardCount);
    const session = this.#gateway.session(shard);
    if (!session) return;
    if (intent !== undefined && (session.intents & intent) === 0) return;
    this.#gateway.dispatch(t, d, shard);
  }

  // ------------------------------------------------------------------ internals: interactions

  #where(options: InteractionContextOptions): Where {
    const user = this.#world.resolveUser(options.user ?? this.#defaultUser);
    let guild: FakeGuild | undefined;
    let channel: FakeChannel;
    if (options.dm) {
      channel = this.#world.dmChannel(user);
    } else if (options.channelId !== undefined) {
      guild = options.guildId === undefined ? undefined : this.guild(options.guildId);
      const found = guild
        ? guild.channel(options.channelId)
        : this.#world.findChannel(options.channelId);
      if (!found) throw new FakeDiscordError(`unknown channel "${options.channelId}"`);
      channel = found;
      guild = channel.guild_id ? this.#world.guilds.get(channel.guild_id) : undefined;
    } else {
      guild =
        options.guildId === undefined
          ? [...this.#world.guilds.values()][0]
          : this.guild(options.guildId);
      if (guild) {
        const fallback = guild.defaultChannel();
        if (!fallback)
          throw new FakeDiscordError(`guild ${guild.name} has no text channel; pass channelId`);
        channel = fallback;
      } else {
        channel = this.#world.dmChannel(user);
      }
    }
    if (guild && !guild.members.has(user.id)) this.#world.addMember(guild.id, { user });
    return { user, guild, channel };
  }

  #whereMessage(message: FakeMessage, options: InteractionContextOptions): Where {
    const channel = this.#world.channels.get(message.channelId);
    if (!channel) throw new FakeDiscordError(`message ${message.id} is in an unknown channel`);
    const fallback = message.interaction?.user ?? this.#defaultUser;
    const user = this.#world.resolveUser(options.user ?? fallback);
    const guild = channel.guild_id ? this.#world.guilds.get(channel.guild_id) : undefined;
    if (guild && !guild.members.has(user.id)) this.#world.addMember(guild.id, { user });
    return { user, guild, channel };
  }

  #whereRecord(record: InteractionRecord, options: InteractionContextOptions): Where {
    const channel = this.#world.channels.get(record.channelId);
    if (!channel) throw new FakeDiscordError(`interaction ${record.id} is in an unknown channel`);
    const user = this.#world.resolveUser(options.user ?? record.user);
    const guild = record.guildId ? this.#world.guilds.get(record.guildId) : undefined;
    return { user, guild, channel };
  }

  #findCommand(name: string, type: number, guild: FakeGuild | undefined): StoredCommand {
    const command = this.#commands.find(name, type, guild?.id);
    if (command) return command;
    const kind = type === 1 ? 'slash command' : type === 2 ? 'user command' : 'message command';
    const registered = this.#commands.names(guild?.id);
    throw new FakeDiscordError(
      `${kind} "${name}" is not registered${guild ? ` (globally or in guild ${guild.name})` : ' globally'}; registered: ${registered.length > 0 ? registered.join(', ') : '(none)'}. ` +
        'Did the bot register its commands (PUT /applications/{app}/commands), or call fake.setCommands()?',
    );
  }

  #checkCommandAccess(
    command: StoredCommand,
    where: Where,
    options: InteractionContextOptions,
  ): void {
    if (options.validate === false) return;
    const contexts = Array.isArray(command.contexts) ? command.contexts.map(Number) : undefined;
    if (where.guild) {
      if (contexts && !contexts.includes(0)) {
        throw new FakeDiscordError(
          `/${command.name} is not available in guilds (contexts ${JSON.stringify(contexts)})`,
        );
      }
      const required = asString(command.default_member_permissions);
      if (required !== undefined) {
        const perms = this.#memberPermissions(where, options);
        const needed = BigInt(required);
        const isAdmin = (perms & Permission.Administrator) !== 0n;
        if (!isAdmin && (needed === 0n || (perms & needed) !== needed)) {
          throw new FakeDiscordError(
            `${where.user.username} cannot use /${command.name}: it needs permissions ${needed} (default_member_permissions), the member has ${perms}`,
          );
        }
      }
    } else {
      const dmAllowed = contexts
        ? contexts.includes(1)
        : command.dm_permission !== false && command.guild_id === undefined;
      if (!dmAllowed) throw new FakeDiscordError(`/${command.name} is not available in DMs`);
    }
  }

  #memberPermissions(where: Where, options: InteractionContextOptions): bigint {
    if (!where.guild) return 0n;
    if (options.memberPermissions !== undefined)
      return toBigIntPermissions(options.memberPermissions);
    return where.guild.permissionsOf(where.user.id);
  }

  #optionContext(guild: FakeGuild | undefined, options: InteractionContextOptions) {
    return {
      world: this.#world,
      guild,
      validate: options.validate !== false,
      storeAttachment: (file: RecordedFile): JsonObject => {
        const { id, url } = this.#attachmentStore.store(file, 'options');
        const attachment: JsonObject = {
          id,
          filename: file.name,
          size: file.data.length,
          url,
          proxy_url: url,
          ephemeral: true,
        };
        if (file.contentType) attachment.content_type = file.contentType;
        return attachment;
      },
    };
  }

  #resolveMessage(ref: MessageRef): FakeMessage {
    if (ref instanceof FakeMessage) return ref;
    if (ref instanceof InteractionReply) {
      const message = ref.message;
      if (!message) {
        throw new FakeDiscordError(
          `${ref.record.label} has no message yet (${ref.record.callback ? ref.typeName : 'not answered'}); await reply.final() first`,
        );
      }
      return message;
    }
    const message = this.#messages.get(ref);
    if (!message) throw new FakeDiscordError(`unknown message ${ref}`);
    return message;
  }

  #component(
    message: FakeMessage,
    customId: string,
    options: InteractionContextOptions,
  ): JsonObject {
    if (message.deleted) throw new FakeDiscordError(`message ${message.id} was deleted`);
    const component = message.component(customId);
    if (!component) {
      const ids = message.customIds();
      throw new FakeDiscordError(
        `message ${message.id} has no component "${customId}"; custom ids: ${ids.length > 0 ? ids.join(', ') : '(none)'}`,
      );
    }
    if (component.disabled === true && options.validate !== false) {
      throw new FakeDiscordError(`component "${customId}" is disabled`);
    }
    return component;
  }

  #selectValues(
    type: number,
    component: JsonObject,
    values: SelectInvocation['values'],
    guild: FakeGuild | undefined,
    validate: boolean,
  ): { values: string[]; resolved: JsonObject | undefined } {
    const min = asNumber(component.min_values) ?? 1;
    const max = asNumber(component.max_values) ?? 1;
    if (validate && (values.length < min || values.length > max)) {
      throw new FakeDiscordError(
        `select "${String(component.custom_id)}" takes ${min}-${max} values, got ${values.length}`,
      );
    }
    if (type === 3) {
      const allowed = objects(component.options).map((o) => String(o.value));
      const out = values.map((v) => (typeof v === 'string' ? v : String(v.id)));
      const bad = out.filter((v) => !allowed.includes(v));
      if (validate && bad.length > 0) {
        throw new FakeDiscordError(
          `select "${String(component.custom_id)}" has no option ${bad.join(', ')}; options: ${allowed.join(', ')}`,
        );
      }
      return { values: out, resolved: undefined };
    }
    const resolved: Record<string, JsonObject> = {};
    const put = (key: string, id: string, value: unknown): void => {
      resolved[key] = { ...(resolved[key] ?? {}), [id]: value };
    };
    const out = values.map((v) => {
      const ref = typeof v === 'string' ? v : v.id;
      const role = guild?.role(ref);
      const channel = guild?.channel(ref) ?? this.#world.channels.get(ref);
      if ((type === 6 || type === 7) && role) {
        put('roles', role.id, role);
        return role.id;
      }
      if (type === 8 && channel) {
        put('channels', channel.id, {
          id: channel.id,
          name: channel.name ?? '',
          type: channel.type,
          permissions: this.#world.permissionsIn(channel, this.botUser.id).toString(),
        });
        return channel.id;
      }
      if (type === 5 || type === 7) {
        const user = this.#world.resolveUser(typeof v === 'string' ? v : (v as FakeUser));
        put('users', user.id, user);
        const member = guild?.members.get(user.id);
        if (guild && member) {
          put('members', user.id, {
            ...this.#world.memberJson(member, false),
            permissions: guild.permissionsOf(user.id).toString(),
          });
        }
        return user.id;
      }
      throw new FakeDiscordError(`cannot resolve select value "${ref}" for select type ${type}`);
    });
    return { values: out, resolved };
  }

  #sendComponent(
    message: FakeMessage,
    data: JsonObject,
    options: ComponentInvocation,
    label: string,
  ): Promise<InteractionReply> {
    const where = this.#whereMessage(message, options);
    if (
      message.ephemeral &&
      message.interaction &&
      where.user.id !== message.interaction.user.id &&
      options.validate !== false
    ) {
      throw new FakeDiscordError(
        `message ${message.id} is ephemeral: only ${message.interaction.user.username} can see it`,
      );
    }
    return this.#send(InteractionType.MessageComponent, data, where, options, label, message);
  }

  async #send(
    type: number,
    data: JsonObject,
    where: Where,
    options: InteractionContextOptions,
    label: string,
    message?: FakeMessage,
    overrides?: JsonObject,
  ): Promise<InteractionReply> {
    if (this.#closed) throw new FakeDiscordError('the fake is closed');
    const { user, guild, channel } = where;
    const id = this.#ids.next();
    const token = `fake.${id}.${randomBytes(16).toString('hex')}`;
    const channelJson: JsonObject = { ...channel };
    if (guild) channelJson.permissions = this.#memberPermissions(where, options).toString();
    const payload: JsonObject = {
      id,
      application_id: this.applicationId,
      type,
      data,
      channel: channelJson,
      channel_id: channel.id,
      token,
      version: 1,
      app_permissions: this.#world.permissionsIn(channel, this.botUser.id).toString(),
      locale: options.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild ? guild.id : '0' },
      context: guild ? 0 : channel.type === 1 ? 1 : 2,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (guild) {
      const member = guild.members.get(user.id) ?? this.#world.addMember(guild.id, { user });
      payload.guild_id = guild.id;
      payload.guild = { id: guild.id, locale: guild.locale, features: [] };
      payload.guild_locale = guild.locale;
      payload.member = {
        ...this.#world.memberJson(member),
        permissions: this.#memberPermissions(where, options).toString(),
      };
    } else {
      payload.user = user;
    }
    if (message) payload.message = message.toJSON();
    Object.assign(payload, overrides);

    const record: InteractionRecord = {
      id,
      token,
      type,
      payload,
      label,
      channelId: channel.id,
      guildId: guild?.id,
      user,
      sentAt: Date.now(),
      requestMark: this.requests.length,
      state: 'pending',
      callback: undefined,
      callbackFiles: [],
      originalMessageId: message?.id,
      componentMessageId: message?.id,
      followUps: [],
      originalEdits: 0,
    };
    this.#interactions.set(id, record);
    const shard = guild ? shardOf(guild.id, this.#gateway.shardCount) : 0;
    this.#gateway.dispatch('INTERACTION_CREATE', payload, shard);

    const timeoutMs = options.timeoutMs ?? this.replyTimeoutMs;
    try {
      await this.waitFor(() => record.state === 'acknowledged', {
        timeoutMs,
        message: () => this.#noAnswerMessage(record, timeoutMs),
      });
    } catch (error) {
      if (record.state === 'pending') record.state = 'expired';
      throw error;
    }
    return new InteractionReply(this, record);
  }

  #noAnswerMessage(record: InteractionRecord, timeoutMs: number): string {
    const lines = [
      `the bot did not answer ${record.label} (interaction ${record.id}) within ${timeoutMs} ms (Discord's 3-second window).`,
    ];
    const failed = this.requests.slice(record.requestMark).filter((r) => r.status >= 400);
    if (failed.length > 0) {
      lines.push('Failed requests meanwhile:');
      for (const r of failed)
        lines.push(`  ${r.method} ${r.path} → ${r.status} ${JSON.stringify(r.error ?? {})}`);
    }
    if (this.unknownRoutes.length > 0) {
      lines.push(
        `Unknown routes so far: ${this.unknownRoutes.map((r) => `${r.method} ${r.path}`).join(', ')}`,
      );
    }
    if (!this.#gateway.connected) lines.push('No client is connected to the gateway right now.');
    return lines.join('\n');
  }

  // ------------------------------------------------------------------ internals: messages

  #createMessage(
    channel: FakeChannel,
    author: FakeUser,
    body: JsonObject,
    files: RecordedFile[],
    source: FakeMessage['source'],
    record?: InteractionRecord,
  ): FakeMessage {
    const message = new FakeMessage(this.#ids.next(), channel.id, channel.guild_id, author, source);
    message.apply(body, files, this.#attachmentStore, false);
    if (record) {
      message.webhookId = this.applicationId;
      message.applicationId = this.applicationId;
      const data = asObject(record.payload.data);
      const isCommand = record.type === InteractionType.ApplicationCommand;
      message.interaction = {
        id: record.id,
        type: record.type,
        user: record.user,
        ...(isCommand ? { name: String(data.name), commandType: asNumber(data.type) ?? 1 } : {}),
      };
      if (source === 'interaction' && isCommand) message.type = asNumber(data.type) === 1 ? 20 : 23;
    }
    channel.last_message_id = message.id;
    this.#messages.set(message.id, message);
    const list = this.#channelMessages.get(channel.id) ?? [];
    list.push(message);
    this.#channelMessages.set(channel.id, list);
    return message;
  }

  #requireChannel(id: string): FakeChannel {
    const channel = this.#world.channels.get(id);
    if (!channel) throw apiError(404, ErrorCode.UnknownChannel, 'Unknown Channel');
    return channel;
  }

  #requireMessage(channelId: string, messageId: string): FakeMessage {
    const message = this.#messages.get(messageId);
    if (!message || message.deleted || message.channelId !== channelId) {
      throw apiError(404, ErrorCode.UnknownMessage, 'Unknown Message');
    }
    return message;
  }

  #requireGuild(id: string): FakeGuild {
    const guild = this.#world.guilds.get(id);
    if (!guild) throw apiError(404, ErrorCode.UnknownGuild, 'Unknown Guild');
    return guild;
  }

  #requireMember(guild: FakeGuild, userId: string): FakeMember {
    const member = guild.members.get(userId === '@me' ? this.botUser.id : userId);
    if (!member) throw apiError(404, ErrorCode.UnknownMember, 'Unknown Member');
    return member;
  }

  #checkCanSend(channel: FakeChannel): void {
    if (channel.type === 1) {
      const recipient = channel.recipients?.[0];
      if (recipient && this.#world.closedDms.has(recipient.id)) {
        throw new DiscordHttpError(403, {
          message: 'Cannot send messages to this user',
          code: ErrorCode.CannotDmUser,
        });
      }
      return;
    }
    const perms = this.#world.permissionsIn(channel, this.botUser.id);
    const needed = Permission.ViewChannel | Permission.SendMessages;
    if ((perms & needed) !== needed) {
      throw new DiscordHttpError(403, { message: 'Missing Permissions', code: 50013 });
    }
  }

  #interactionByToken(applicationId: string, token: string): InteractionRecord {
    const record =
      applicationId === this.applicationId
        ? [...this.#interactions.values()].find((r) => r.token === token)
        : undefined;
    if (record?.state !== 'acknowledged')
      throw apiError(404, ErrorCode.UnknownWebhook, 'Unknown Webhook');
    return record;
  }

  #webhookMessage(record: InteractionRecord, messageId: string): FakeMessage {
    const id = messageId === '@original' ? record.originalMessageId : messageId;
    const message = id ? this.#messages.get(id) : undefined;
    const belongs =
      message !== undefined &&
      (message.id === record.originalMessageId || record.followUps.includes(message));
    if (!message || message.deleted || !belongs)
      throw apiError(404, ErrorCode.UnknownMessage, 'Unknown Message');
    return message;
  }

  #answerCallback(ctx: RouteContext): RouteResult {
    const record = this.#interactions.get(ctx.params.interaction ?? '');
    if (!record || record.token !== ctx.params.token || record.state === 'expired') {
      throw apiError(404, ErrorCode.UnknownInteraction, 'Unknown interaction');
    }
    if (record.state === 'acknowledged') {
      throw apiError(
        400,
        ErrorCode.AlreadyAcknowledged,
        'Interaction has already been acknowledged.',
      );
    }
    const body = asObject(ctx.body);
    const type = asNumber(body.type);
    const data = asObject(body.data);
    const channel = this.#requireChannel(record.channelId);
    const invalid = (problem: string): DiscordHttpError =>
      new DiscordHttpError(400, {
        message: `Invalid Form Body (${problem})`,
        code: ErrorCode.InvalidFormBody,
      });
    const isComponent = record.componentMessageId !== undefined;
    let message: FakeMessage | undefined;

    switch (type) {
      case CallbackType.ChannelMessageWithSource: {
        const error = validateMessageBody(data, ctx.files, { isEdit: false, prefix: ['data'] });
        if (error) throw error;
        message = this.#createMessage(
          channel,
          this.botUser,
          data,
          ctx.files,
          'interaction',
          record,
        );
        record.originalMessageId = message.id;
        break;
      }
      case CallbackType.DeferredChannelMessageWithSource: {
        const flags = ((asNumber(data.flags) ?? 0) & MessageFlag.Ephemeral) | MessageFlag.Loading;
        message = this.#createMessage(channel, this.botUser, { flags }, [], 'interaction', record);
        record.originalMessageId = message.id;
        break;
      }
      case CallbackType.DeferredMessageUpdate:
        if (!isComponent)
          throw invalid('DEFERRED_UPDATE_MESSAGE is only valid for component interactions');
        message = this.#messages.get(record.componentMessageId ?? '');
        break;
      case CallbackType.UpdateMessage: {
        if (!isComponent) throw invalid('UPDATE_MESSAGE is only valid for component interactions');
        message = this.#messages.get(record.componentMessageId ?? '');
        if (!message) throw apiError(404, ErrorCode.UnknownMessage, 'Unknown Message');
        const error = validateMessageBody(data, ctx.files, {
          isEdit: true,
          prefix: ['data'],
          existing: message,
        });
        if (error) throw error;
        message.apply(data, ctx.files, this.#attachmentStore, true);
        break;
      }
      case CallbackType.ApplicationCommandAutocompleteResult: {
        if (record.type !== InteractionType.ApplicationCommandAutocomplete) {
          throw invalid('autocomplete results are only valid for autocomplete interactions');
        }
        const problem = checkChoices(data);
        if (problem) throw invalid(problem);
        break;
      }
      case CallbackType.Modal: {
        if (
          record.type === InteractionType.ApplicationCommandAutocomplete ||
          record.type === InteractionType.ModalSubmit
        ) {
          throw invalid('a modal cannot answer an autocomplete or modal submit interaction');
        }
        const problem = checkModal(data);
        if (problem) throw invalid(problem);
        break;
      }
      case CallbackType.PremiumRequired:
      case CallbackType.LaunchActivity:
        break;
      default:
        throw invalid(`interaction response type ${String(body.type)} is not valid here`);
    }

    record.state = 'acknowledged';
    record.callback = body.data === undefined ? { type: type } : { type: type, data };
    record.callbackFiles = ctx.files;
    if (ctx.query.with_response !== 'true') return { status: 204 };
    const interaction: JsonObject = { id: record.id, type: record.type };
    if (message) {
      interaction.response_message_id = message.id;
      interaction.response_message_loading = message.loading;
      interaction.response_message_ephemeral = message.ephemeral;
    }
    const json: JsonObject = { interaction };
    if (message) json.resource = { type, message: message.toJSON() };
    else json.resource = { type };
    return { json };
  }

  #followUp(ctx: RouteContext): RouteResult {
    const record = this.#interactionByToken(ctx.params.app ?? '', ctx.params.token ?? '');
    const body = asObject(ctx.body);
    const original = record.originalMessageId
      ? this.#messages.get(record.originalMessageId)
      : undefined;
    if (
      original?.loading &&
      record.callback?.type === CallbackType.DeferredChannelMessageWithSource
    ) {
      // Discord: a follow-up sent while the deferred reply is loading resolves the loading message.
      const error = validateMessageBody(body, ctx.files, { isEdit: true, existing: original });
      if (error) throw error;
      const edit = Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'flags'));
      original.apply(edit, ctx.files, this.#attachmentStore, true);
      original.flags &= ~MessageFlag.Loading;
      record.originalEdits += 1;
      record.followUps.push(original);
      return { json: original.toJSON() };
    }
    const error = validateMessageBody(body, ctx.files, { isEdit: false });
    if (error) throw error;
    const channel = this.#requireChannel(record.channelId);
    const message = this.#createMessage(channel, this.botUser, body, ctx.files, 'followup', record);
    record.followUps.push(message);
    return { json: message.toJSON() };
  }

  #editWebhookMessage(ctx: RouteContext): RouteResult {
    const record = this.#interactionByToken(ctx.params.app ?? '', ctx.params.token ?? '');
    const message = this.#webhookMessage(record, ctx.params.message ?? '');
    const body = asObject(ctx.body);
    const error = validateMessageBody(body, ctx.files, { isEdit: true, existing: message });
    if (error) throw error;
    message.apply(body, ctx.files, this.#attachmentStore, true);
    if (message.id === record.originalMessageId) {
      message.flags &= ~MessageFlag.Loading;
      record.originalEdits += 1;
    }
    return { json: message.toJSON() };
  }

  // ------------------------------------------------------------------ internals: HTTP

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.httpUrl);
    const raw = await readBody(req);
    const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    let apiSegments: string[] | undefined;
    if (segments[0] === 'api')
      apiSegments = /^v\d+$/.test(segments[1] ?? '') ? segments.slice(2) : segments.slice(1);
    const path = `/${(apiSegments ?? segments).join('/')}`;
    const record: RecordedRequest = {
      index: this.requests.length,
      method,
      path,
      rawPath: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      files: [],
      status: 0,
      route: undefined,
      error: undefined,
      at: Date.now(),
    };
    this.requests.push(record);

    let result: RouteResult;
    try {
      const parsed = await parseBody(headers['content-type'], raw).catch(() => {
        throw apiError(400, 50109, 'The request body contains invalid JSON.');
      });
      record.body = parsed.body;
      record.files = parsed.files;
      result =
        this.#takeFault(method, path) ?? (await this.#route(method, segments, apiSegments, record));
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        result = { status: error.status, json: error.body, headers: error.headers };
      } else {
        const err = error instanceof Error ? error : new Error(String(error));
        this.internalErrors.push(err);
        result = {
          status: 500,
          json: { message: `discord-fake internal error: ${err.message}`, code: 0 },
        };
      }
    }

    const status = result.status ?? (result.json === undefined && !result.raw ? 204 : 200);
    record.status = status;
    if (status >= 400 && isObject(result.json)) record.error = result.json;
    const out: Record<string, string> = { ...result.headers };
    let payload: Buffer | undefined;
    if (result.raw) {
      out['content-type'] = result.raw.contentType;
      payload = result.raw.data;
    } else if (result.json !== undefined && status !== 204) {
      out['content-type'] = 'application/json';
      payload = Buffer.from(JSON.stringify(result.json));
    }
    res.writeHead(status, out);
    res.end(payload);
    this.#changed();
  }

  async #route(
    method: string,
    segments: string[],
    apiSegments: string[] | undefined,
    record: RecordedRequest,
  ): Promise<RouteResult> {
    if (apiSegments === undefined) {
      if (method === 'GET' && segments[0] === 'attachments' && segments.length === 4) {
        const file = this.#attachments.get(segments[2] ?? '');
        if (file) {
          return {
            raw: { data: file.data, contentType: file.contentType ?? 'application/octet-stream' },
          };
        }
      }
      this.unknownRoutes.push({ method, path: record.path, rawPath: record.rawPath });
      return { status: 404, json: { message: '404: Not Found', code: 0 } };
    }
    const match = this.#router.match(method, apiSegments);
    if (!match) {
      this.unknownRoutes.push({ method, path: record.path, rawPath: record.rawPath });
      return { status: 404, json: { message: '404: Not Found', code: 0 } };
    }
    record.route = match.route;
    const needsAuth = apiSegments[0] !== 'interactions' && apiSegments[0] !== 'webhooks';
    if (
      needsAuth &&
      this.#token !== undefined &&
      record.headers.authorization !== `Bot ${this.#token}`
    ) {
      return { status: 401, json: { message: '401: Unauthorized', code: 0 } };
    }
    return match.handler({
      method,
      params: match.params,
      query: record.query,
      body: record.body,
      files: record.files,
      headers: record.headers,
    });
  }

  #takeFault(method: string, path: string): RouteResult | undefined {
    const index = this.#faults.findIndex((fault) => {
      if (fault.method && fault.method.toUpperCase() !== method) return false;
      fault.pathPattern.lastIndex = 0;
      return fault.pathPattern.test(path);
    });
    const fault = this.#faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(index, 1);
    if (fault.status === 429) {
      const retryAfter = fault.retryAfter ?? 0.05;
      const headers: Record<string, string> = {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': `fake-${path.split('/')[1] ?? 'root'}`,
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
      };
      if (fault.global) headers['x-ratelimit-global'] = 'true';
      return {
        status: 429,
        headers,
        json: fault.body ?? {
          message: 'You are being rate limited.',
          retry_after: retryAfter,
          global: fault.global === true,
          code: 0,
        },
      };
    }
    const messages: Record<number, string> = {
      400: '400: Bad Request',
      401: '401: Unauthorized',
      403: 'Missing Access',
      404: '404: Not Found',
      500: '500: Internal Server Error',
      502: '502: Bad Gateway',
      503: '503: Service Unavailable',
    };
    return {
      status: fault.status,
      json: fault.body ?? {
        message: messages[fault.status] ?? `${fault.status}: discord-fake fault`,
        code: 0,
      },
    };
  }

  #installRoutes(): void {
    const r = this.#router;
    const json = (value: unknown): RouteResult => ({ json: value });
    const empty: RouteResult = { status: 204 };
    const guildOf = (ctx: RouteContext): FakeGuild => this.#requireGuild(ctx.params.guild ?? '');

    // gateway
    r.add('GET', '/gateway/bot', () =>
      json({
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      }),
    );
    r.add('GET', '/gateway', () => json({ url: this.gatewayUrl }));

    // users
    r.add('GET', '/users/@me', () => json(this.botUser));
    r.add('PATCH', '/users/@me', (ctx) => {
      const body = asObject(ctx.body);
      if (typeof body.username === 'string') this.botUser.username = body.username;
      if ('avatar' in body) this.botUser.avatar = body.avatar === null ? null : 'fake-avatar-hash';
      return json(this.botUser);
    });
    r.add('GET', '/users/@me/guilds', () =>
      json(
        this.guilds().map((g) => ({
          id: g.id,
          name: g.name,
          icon: null,
          banner: null,
          owner: g.ownerId === this.botUser.id,
          permissions: g.permissionsOf(this.botUser.id).toString(),
          features: [],
        })),
      ),
    );
    r.add('DELETE', '/users/@me/guilds/:guild', (ctx) => {
      const guild = guildOf(ctx);
      this.#dispatchToGuild('GUILD_DELETE', { id: guild.id }, guild.id);
      this.#world.guilds.delete(guild.id);
      return empty;
    });
    r.add('POST', '/users/@me/channels', (ctx) => {
      const recipient = asString(asObject(ctx.body).recipient_id) ?? '';
      const user = this.#world.users.get(recipient);
      if (!user) throw apiError(404, ErrorCode.UnknownUser, 'Unknown User');
      return json(this.#world.dmChannel(user));
    });
    r.add('GET', '/users/:user', (ctx) => {
      const user = this.#world.users.get(ctx.params.user ?? '');
      if (!user) throw apiError(404, ErrorCode.UnknownUser, 'Unknown User');
      return json(user);
    });

    // application
    const application = (): JsonObject => ({
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      summary: '',
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: 'fake',
      flags: 0,
      team: null,
      owner: this.#world.resolveUser('owner'),
      bot: this.botUser,
      approximate_guild_count: this.#world.guilds.size,
      integration_types_config: { '0': {} },
      tags: [],
    });
    r.add('GET', '/applications/@me', () => json(application()));
    r.add('PATCH', '/applications/@me', () => json(application()));
    r.add('GET', '/oauth2/applications/@me', () => json(application()));

    const appCheck = (ctx: RouteContext): void => {
      if (ctx.params.app !== this.applicationId) throw apiError(404, 10002, 'Unknown Application');
    };
    const commandRoutes = (prefix: string, scoped: boolean): void => {
      const scope = (ctx: RouteContext): string | undefined => {
        appCheck(ctx);
        return scoped ? guildOf(ctx).id : undefined;
      };
      r.add('GET', prefix, (ctx) => json(this.#commands.list(scope(ctx))));
      r.add('PUT', prefix, (ctx) => json(this.#commands.overwrite(ctx.body, scope(ctx))));
      r.add('POST', prefix, (ctx) => {
        const { command, created } = this.#commands.upsert(ctx.body, scope(ctx));
        return { status: created ? 201 : 200, json: command };
      });
      if (scoped)
        r.add('GET', `${prefix}/permissions`, (ctx) => {
          scope(ctx);
          return json([]);
        });
      r.add('GET', `${prefix}/:command`, (ctx) =>
        json(this.#commands.get(ctx.params.command ?? '', scope(ctx))),
      );
      r.add('PATCH', `${prefix}/:command`, (ctx) =>
        json(this.#commands.edit(ctx.params.command ?? '', ctx.body, scope(ctx))),
      );
      r.add('DELETE', `${prefix}/:command`, (ctx) => {
        this.#commands.remove(ctx.params.command ?? '', scope(ctx));
        return empty;
      });
    };
    commandRoutes('/applications/:app/commands', false);
    commandRoutes('/applications/:app/guilds/:guild/commands', true);
    r.add('GET', '/applications/:app/emojis', (ctx) => {
      appCheck(ctx);
      return json({ items: [] });
    });
    r.add('GET', '/applications/:app/entitlements', (ctx) => {
      appCheck(ctx);
      return json([]);
    });
    r.add('GET', '/applications/:app/skus', (ctx) => {
      appCheck(ctx);
      return json([]);
    });
    r.add('GET', '/applications/:app/role-connections/metadata', (ctx) => {
      appCheck(ctx);
      return json([]);
    });

    // interactions
    r.add('POST', '/interactions/:interaction/:token/callback', (ctx) => this.#answerCallback(ctx));
    r.add('POST', '/webhooks/:app/:token', (ctx) => this.#followUp(ctx));
    r.add('GET', '/webhooks/:app/:token/messages/:message', (ctx) => {
      const record = this.#interactionByToken(ctx.params.app ?? '', ctx.params.token ?? '');
      return json(this.#webhookMessage(record, ctx.params.message ?? '').toJSON());
    });
    r.add('PATCH', '/webhooks/:app/:token/messages/:message', (ctx) =>
      this.#editWebhookMessage(ctx),
    );
    r.add('DELETE', '/webhooks/:app/:token/messages/:message', (ctx) => {
      const record = this.#interactionByToken(ctx.params.app ?? '', ctx.params.token ?? '');
      this.#webhookMessage(record, ctx.params.message ?? '').deleted = true;
      return empty;
    });

    // channels
    const channelOf = (ctx: RouteContext): FakeChannel =>
      this.#requireChannel(ctx.params.channel ?? '');
    const messageOf = (ctx: RouteContext): FakeMessage =>
      this.#requireMessage(channelOf(ctx).id, ctx.params.message ?? '');
    r.add('GET', '/channels/:channel', (ctx) => json(channelOf(ctx)));
    r.add('PATCH', '/channels/:channel', (ctx) => {
      const channel = channelOf(ctx);
      const body = asObject(ctx.body);
      if (typeof body.name === 'string') channel.name = body.name;
      if ('topic' in body) channel.topic = asString(body.topic) ?? null;
      if (typeof body.nsfw === 'boolean') channel.nsfw = body.nsfw;
      if (typeof body.rate_limit_per_user === 'number')
        channel.rate_limit_per_user = body.rate_limit_per_user;
      return json(channel);
    });
    r.add('DELETE', '/channels/:channel', (ctx) => {
      const channel = channelOf(ctx);
      this.#world.channels.delete(channel.id);
      if (channel.guild_id) this.#world.guilds.get(channel.guild_id)?.channels.delete(channel.id);
      return json(channel);
    });
    r.add('GET', '/channels/:channel/messages', (ctx) => {
      const channel = channelOf(ctx);
      const limit = Math.min(Number(ctx.query.limit ?? 50) || 50, 100);
      let list = this.messages(channel.id, { source: 'all' })
        .filter((m) => !m.ephemeral)
        .reverse();
      const { before, after } = ctx.query;
      if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
      if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
      return json(list.slice(0, limit).map((m) => m.toJSON()));
    });
    r.add('GET', '/channels/:channel/messages/pins', (ctx) => {
      const pins = this.messages(channelOf(ctx).id, { source: 'all' }).filter((m) => m.pinned);
      return json({
        items: pins.map((m) => ({ pinned_at: new Date().toISOString(), message: m.toJSON() })),
        has_more: false,
      });
    });
    r.add('GET', '/channels/:channel/pins', (ctx) =>
      json(
        this.messages(channelOf(ctx).id, { source: 'all' })
          .filter((m) => m.pinned)
          .map((m) => m.toJSON()),
      ),
    );
    r.add('GET', '/channels/:channel/messages/:message', (ctx) => json(messageOf(ctx).toJSON()));
    r.add('POST', '/channels/:channel/messages', (ctx) => {
      const channel = channelOf(ctx);
      this.#checkCanSend(channel);
      const body = asObject(ctx.body);
      const error = validateMessageBody(body, ctx.files, { isEdit: false });
      if (error) throw error;
      const reference = asObject(body.message_reference);
      if (typeof reference.message_id === 'string' && reference.fail_if_not_exists !== false) {
        const target = this.#messages.get(reference.message_id);
        if (!target || target.deleted) {
          throw new DiscordHttpError(400, {
            message: 'Invalid Form Body',
            code: ErrorCode.InvalidFormBody,
            errors: {
              message_reference: {
                _errors: [
                  { code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' },
                ],
              },
            },
          });
        }
      }
      return json(this.#createMessage(channel, this.botUser, body, ctx.files, 'channel').toJSON());
    });
    r.add('POST', '/channels/:channel/messages/bulk-delete', (ctx) => {
      const channel = channelOf(ctx);
      for (const id of asArray(asObject(ctx.body).messages).map(String)) {
        const message = this.#messages.get(id);
        if (message && message.channelId === channel.id) message.deleted = true;
      }
      return empty;
    });
    r.add('PATCH', '/channels/:channel/messages/:message', (ctx) => {
      const message = messageOf(ctx);
      if (message.author.id !== this.botUser.id) {
        throw new DiscordHttpError(403, {
          message: 'Cannot edit a message authored by another user',
          code: 50005,
        });
      }
      const body = asObject(ctx.body);
      const error = validateMessageBody(body, ctx.files, { isEdit: true, existing: message });
      if (error) throw error;
      message.apply(body, ctx.files, this.#attachmentStore, true);
      return json(message.toJSON());
    });
    r.add('DELETE', '/channels/:channel/messages/:message', (ctx) => {
      messageOf(ctx).deleted = true;
      return empty;
    });
    r.add('POST', '/channels/:channel/typing', (ctx) => {
      channelOf(ctx);
      return empty;
    });
    r.add('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', (ctx) => {
      const message = messageOf(ctx);
      const emoji = ctx.params.emoji ?? '';
      if (!message.reactions.includes(emoji)) message.reactions.push(emoji);
      return empty;
    });
    r.add('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', (ctx) => {
      const message = messageOf(ctx);
      const index = message.reactions.indexOf(ctx.params.emoji ?? '');
      if (index >= 0) message.reactions.splice(index, 1);
      return empty;
    });
    r.add('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/:user', (ctx) => {
      messageOf(ctx);
      return empty;
    });
    r.add('DELETE', '/channels/:channel/messages/:message/reactions/:emoji', (ctx) => {
      messageOf(ctx);
      return empty;
    });
    r.add('DELETE', '/channels/:channel/messages/:message/reactions', (ctx) => {
      messageOf(ctx).reactions.length = 0;
      return empty;
    });
    r.add('GET', '/channels/:channel/messages/:message/reactions/:emoji', (ctx) => {
      messageOf(ctx);
      return json([]);
    });
    const pin =
      (value: boolean) =>
      (ctx: RouteContext): RouteResult => {
        messageOf(ctx).pinned = value;
        return empty;
      };
    r.add('PUT', '/channels/:channel/pins/:message', pin(true));
    r.add('DELETE', '/channels/:channel/pins/:message', pin(false));
    r.add('PUT', '/channels/:channel/messages/pins/:message', pin(true));
    r.add('DELETE', '/channels/:channel/messages/pins/:message', pin(false));
    const createThread = (ctx: RouteContext): RouteResult => {
      const parent = channelOf(ctx);
      if (!parent.guild_id)
        throw apiError(400, 50024, 'Cannot execute action on this channel type');
      const body = asObject(ctx.body);
      const thread = this.#world.addChannel(parent.guild_id, {
        name: asString(body.name) ?? 'thread',
        type: asNumber(body.type) ?? (ctx.params.message ? 11 : 12),
        parentId: parent.id,
      });
      Object.assign(thread, {
        owner_id: this.botUser.id,
        member_count: 1,
        message_count: 0,
        thread_metadata: {
          archived: false,
          auto_archive_duration: asNumber(body.auto_archive_duration) ?? 1440,
          archive_timestamp: new Date().toISOString(),
          locked: false,
        },
      });
      return { status: 201, json: thread };
    };
    r.add('POST', '/channels/:channel/threads', createThread);
    r.add('POST', '/channels/:channel/messages/:message/threads', createThread);
    r.add('PUT', '/channels/:channel/thread-members/@me', (ctx) => {
      channelOf(ctx);
      return empty;
    });
    r.add('PUT', '/channels/:channel/thread-members/:user', (ctx) => {
      channelOf(ctx);
      return empty;
    });
    r.add('GET', '/channels/:channel/webhooks', (ctx) => {
      channelOf(ctx);
      return json([]);
    });
    r.add('GET', '/channels/:channel/invites', (ctx) => {
      channelOf(ctx);
      return json([]);
    });
    r.add('PUT', '/channels/:channel/permissions/:overwrite', (ctx) => {
      channelOf(ctx);
      return empty;
    });
    r.add('DELETE', '/channels/:channel/permissions/:overwrite', (ctx) => {
      channelOf(ctx);
      return empty;
    });

    // guilds
    r.add('GET', '/guilds/:guild', (ctx) => {
      const guild = guildOf(ctx);
      const out = this.#world.guildJson(guild);
      if (ctx.query.with_counts === 'true') {
        out.approximate_member_count = guild.members.size;
        out.approximate_presence_count = 0;
      }
      return json(out);
    });
    r.add('GET', '/guilds/:guild/preview', (ctx) => {
      const guild = guildOf(ctx);
      return json({
        id: guild.id,
        name: guild.name,
        icon: null,
        splash: null,
        discovery_splash: null,
        emojis: [],
        stickers: [],
        features: [],
        approximate_member_count: guild.members.size,
        approximate_presence_count: 0,
        description: null,
      });
    });
    r.add('GET', '/guilds/:guild/channels', (ctx) => json([...guildOf(ctx).channels.values()]));
    r.add('POST', '/guilds/:guild/channels', (ctx) => {
      const guild = guildOf(ctx);
      const body = asObject(ctx.body);
      const init: FakeChannelInit = {
        name: asString(body.name) ?? 'channel',
        type: asNumber(body.type) ?? 0,
      };
      const parent = asString(body.parent_id);
      if (parent) init.parentId = parent;
      const topic = asString(body.topic);
      if (topic) init.topic = topic;
      return { status: 201, json: this.#world.addChannel(guild.id, init) };
    });
    r.add('GET', '/guilds/:guild/roles', (ctx) => json([...guildOf(ctx).roles.values()]));
    r.add('GET', '/guilds/:guild/roles/:role', (ctx) => {
      const role = guildOf(ctx).roles.get(ctx.params.role ?? '');
      if (!role) throw apiError(404, ErrorCode.UnknownRole, 'Unknown Role');
      return json(role);
    });
    r.add('POST', '/guilds/:guild/roles', (ctx) => {
      const body = asObject(ctx.body);
      const init: FakeRoleInit = { name: asString(body.name) ?? 'new role' };
      const permissions = asString(body.permissions);
      if (permissions) init.permissions = permissions;
      const color = asNumber(body.color);
      if (color !== undefined) init.color = color;
      return json(this.#world.addRole(guildOf(ctx).id, init));
    });
    r.add('DELETE', '/guilds/:guild/roles/:role', (ctx) => {
      const guild = guildOf(ctx);
      const roleId = ctx.params.role ?? '';
      if (!guild.roles.delete(roleId)) throw apiError(404, ErrorCode.UnknownRole, 'Unknown Role');
      for (const member of guild.members.values())
        member.roles = member.roles.filter((r) => r !== roleId);
      return empty;
    });
    r.add('GET', '/guilds/:guild/members', (ctx) => {
      const guild = guildOf(ctx);
      const limit = Math.min(Number(ctx.query.limit ?? 1) || 1, 1000);
      const after = ctx.query.after ? BigInt(ctx.query.after) : -1n;
      const members = [...guild.members.values()]
        .filter((m) => BigInt(m.userId) > after)
        .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
        .slice(0, limit);
      return json(members.map((m) => this.#world.memberJson(m)));
    });
    r.add('GET', '/guilds/:guild/members/search', (ctx) => {
      const guild = guildOf(ctx);
      const query = (ctx.query.query ?? '').toLowerCase();
      const limit = Math.min(Number(ctx.query.limit ?? 1) || 1, 1000);
      const found = [...guild.members.values()].filter((m) => {
        const user = this.#world.users.get(m.userId);
        return [user?.username, user?.global_name, m.nick].some((n) =>
          n?.toLowerCase().startsWith(query),
        );
      });
      return json(found.slice(0, limit).map((m) => this.#world.memberJson(m)));
    });
    r.add('GET', '/guilds/:guild/members/:user', (ctx) => {
      const guild = guildOf(ctx);
      return json(this.#world.memberJson(this.#requireMember(guild, ctx.params.user ?? '')));
    });
    const editMember = (ctx: RouteContext): RouteResult => {
      const guild = guildOf(ctx);
      const member = this.#requireMember(guild, ctx.params.user ?? '@me');
      const body = asObject(ctx.body);
      if ('nick' in body) member.nick = asString(body.nick) || null;
      if (Array.isArray(body.roles)) {
        const roles = body.roles.map(String);
        for (const id of roles)
          if (!guild.roles.has(id)) throw apiError(404, ErrorCode.UnknownRole, 'Unknown Role');
        member.roles = roles.filter((id) => id !== guild.id);
      }
      if ('communication_disabled_until' in body) {
        member.communicationDisabledUntil = asString(body.communication_disabled_until) ?? null;
      }
      const out = this.#world.memberJson(member);
      this.#dispatchToGuild(
        'GUILD_MEMBER_UPDATE',
        { ...out, guild_id: guild.id },
        guild.id,
        Intent.GuildMembers,
      );
      return json(out);
    };
    r.add('PATCH', '/guilds/:guild/members/@me', editMember);
    r.add('PATCH', '/guilds/:guild/members/:user', editMember);
    const memberRole =
      (add: boolean) =>
      (ctx: RouteContext): RouteResult => {
        const guild = guildOf(ctx);
        const member = this.#requireMember(guild, ctx.params.user ?? '');
        const roleId = ctx.params.role ?? '';
        if (!guild.roles.has(roleId)) throw apiError(404, ErrorCode.UnknownRole, 'Unknown Role');
        member.roles = member.roles.filter((r) => r !== roleId);
        if (add) member.roles.push(roleId);
        this.#dispatchToGuild(
          'GUILD_MEMBER_UPDATE',
          { ...this.#world.memberJson(member), guild_id: guild.id },
          guild.id,
          Intent.GuildMembers,
        );
        return empty;
      };
    r.add('PUT', '/guilds/:guild/members/:user/roles/:role', memberRole(true));
    r.add('DELETE', '/guilds/:guild/members/:user/roles/:role', memberRole(false));
    r.add('DELETE', '/guilds/:guild/members/:user', (ctx) => {
      const guild = guildOf(ctx);
      const member = this.#requireMember(guild, ctx.params.user ?? '');
      guild.members.delete(member.userId);
      return empty;
    });
    r.add('GET', '/guilds/:guild/bans', (ctx) => {
      guildOf(ctx);
      return json([]);
    });
    r.add('PUT', '/guilds/:guild/bans/:user', (ctx) => {
      guildOf(ctx).members.delete(ctx.params.user ?? '');
      return empty;
    });
    r.add('DELETE', '/guilds/:guild/bans/:user', (ctx) => {
      guildOf(ctx);
      return empty;
    });
    for (const list of [
      'emojis',
      'stickers',
      'invites',
      'webhooks',
      'scheduled-events',
      'auto-moderation/rules',
      'integrations',
    ]) {
      r.add('GET', `/guilds/:guild/${list}`, (ctx) => {
        guildOf(ctx);
        return json([]);
      });
    }
    r.add('GET', '/guilds/:guild/audit-logs', (ctx) => {
      guildOf(ctx);
      return json({
        audit_log_entries: [],
        users: [],
        integrations: [],
        webhooks: [],
        guild_scheduled_events: [],
        threads: [],
        application_commands: [],
        auto_moderation_rules: [],
      });
    });
  }
}

interface Where {
  user: FakeUser;
  guild: FakeGuild | undefined;
  channel: FakeChannel;
}

/** The fake's users: create them with fixed ids, look them up by id or username. */
export class FakeUsers {
  constructor(private readonly world: World) {}

  /** Creates a user (`'alice'` or `{ username, id?, globalName?, bot? }`). */
  create(init: FakeUserInit | string): FakeUser {
    return this.world.createUser(init);
  }

  get(idOrUsername: string): FakeUser | undefined {
    return this.world.getUser(idOrUsername);
  }

  all(): FakeUser[] {
    return [...this.world.users.values()];
  }
}

/** Starts a fake Discord on 127.0.0.1 (a free port unless `port` is given). */
export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}

export type { AttachmentInput };
