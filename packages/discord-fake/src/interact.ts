/**
 * A test's interactions: slash commands, autocomplete and button clicks, built from plain
 * values, delivered to the bot, and answered. `send` is the one place an interaction is
 * delivered and its callback awaited; `Delivery` says how it reaches the bot.
 */
import { randomBytes } from 'node:crypto';
import type { CommandRegistry, StoredCommand } from './commands.js';
import {
  type AutocompleteChoice,
  type InteractionRecord,
  InteractionReply,
  InteractionType,
  type ReplyHost,
} from './interactions.js';
import { FakeMessage, type MessageStore } from './messages.js';
import { modalSubmitData } from './modals.js';
import { buildCommandData, type OptionValue } from './options.js';
import { Permission } from './permissions.js';
import type { FakeChannel, FakeGuild, FakeUser, UserRef, World } from './state.js';
import {
  asString,
  FakeDiscordError,
  type JsonObject,
  type SnowflakeGenerator,
  type WaitOptions,
} from './util.js';

/** Where and by whom an interaction is made. */
export interface InteractionContextOptions {
  /** The user (object, id or username; a new username creates the user). Default `tester`. */
  user?: UserRef;
  /** The member's permissions (default: computed from roles; the owner has all). */
  memberPermissions?: bigint | string;
  /** Reply window in ms. Default: 3000, Discord's. */
  timeoutMs?: number;
  /**
   * Check required options, choices, lengths, ranges, channel types and command permissions,
   * as Discord's client does (default true); false sends what a stale client might.
   */
  validate?: boolean;
}

export interface CommandInvocation extends InteractionContextOptions {
  /** Command name; may include the subcommand: `'cec cpr'`. */
  name: string;
  subcommand?: string;
  /** Plain option values, typed by the registered command definition. */
  options?: Record<string, OptionValue | undefined>;
  /** Guild id or name, used in its first text channel. Default: the first guild. */
  guildId?: string;
}

export interface AutocompleteInvocation extends CommandInvocation {
  /** The option being typed. */
  focused: string;
  /** What the user has typed so far. */
  value: string | number;
}

/** A message: the message object, its id, or a reply (its `@original` message). */
export type MessageRef = FakeMessage | InteractionReply | string;

export interface ComponentInvocation extends InteractionContextOptions {
  message: MessageRef;
  customId: string;
}

export interface ModalSubmission {
  /** The bot's answer that opened the modal (callback type 9). */
  reply: InteractionReply;
  /** What is typed, by text input custom id; inputs left out keep their prefilled value. */
  values?: Record<string, string>;
  /** Reply window in ms. Default: 3000, Discord's. */
  timeoutMs?: number;
  /** Check the values as Discord's client does (default true); false sends them as given. */
  validate?: boolean;
}

/** Discord's window for answering an interaction; a deferred reply gets as long again. */
const REPLY_WINDOW_MS = 3000;
/** Who uses a command unless a test says otherwise. */
const DEFAULT_USER = 'tester';

/**
 * How an interaction reaches the bot: INTERACTION_CREATE on the guild's shard, or a signed
 * POST to the interactions endpoint. A delivery that fails sets `record.failure`.
 */
export type Delivery = (record: InteractionRecord, guildId: string) => void;

/** What interactions need from the rest of the fake. */
export interface InteractionsHost {
  readonly applicationId: string;
  readonly world: World;
  readonly commands: CommandRegistry;
  readonly messages: MessageStore;
  readonly ids: SnowflakeGenerator;
  guild(idOrName?: string): FakeGuild;
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions): Promise<T>;
  /** Why nothing answered since request number `mark`: failed requests, unknown routes... */
  explainSilence(mark: number): string[];
  /** How many REST requests the fake has seen. */
  requestCount(): number;
}

interface Where {
  user: FakeUser;
  guild: FakeGuild;
  channel: FakeChannel;
}

export class Interactions {
  readonly #records = new Map<string, InteractionRecord>();
  readonly #replies: ReplyHost;

  constructor(
    private readonly host: InteractionsHost,
    private readonly deliver: Delivery,
  ) {
    this.#replies = {
      message: (id) => host.messages.get(id),
      waitFor: (check, options) => host.waitFor(check, options),
      finalTimeoutMs: REPLY_WINDOW_MS,
    };
  }

  /** The interaction a callback names, if its id and token match. */
  byId(id: string, token: string): InteractionRecord | undefined {
    const record = this.#records.get(id);
    return record?.token === token ? record : undefined;
  }

  /** The acknowledged interaction a webhook token belongs to. */
  byToken(token: string): InteractionRecord | undefined {
    return [...this.#records.values()].find((r) => r.token === token && r.state === 'acknowledged');
  }

  async command(invocation: CommandInvocation): Promise<InteractionReply> {
    const { data, where, label } = this.#commandData(invocation);
    return this.#send(InteractionType.ApplicationCommand, data, where, invocation, label);
  }

  async autocompleteReply(invocation: AutocompleteInvocation): Promise<InteractionReply> {
    const focused = { name: invocation.focused, value: String(invocation.value) };
    const { data, where, label } = this.#commandData(invocation, focused);
    const type = InteractionType.ApplicationCommandAutocomplete;
    return this.#send(type, data, where, invocation, `autocomplete of ${label} ${focused.name}`);
  }

  async autocomplete(invocation: AutocompleteInvocation): Promise<AutocompleteChoice[]> {
    // The callback route only takes choices (type 8) for an autocomplete interaction.
    return (await this.autocompleteReply(invocation)).choices;
  }

  async clickButton(invocation: ComponentInvocation): Promise<InteractionReply> {
    const message = this.#resolveMessage(invocation.message);
    const { customId } = invocation;
    const component = message.deleted ? undefined : message.component(customId);
    if (component?.type !== 2) {
      const ids = message.deleted ? '(deleted)' : message.customIds().join(', ') || '(none)';
      throw new FakeDiscordError(
        `message ${message.id} has no button "${customId}"; custom ids: ${ids}`,
      );
    }
    if (component.disabled === true) {
      throw new FakeDiscordError(`button "${customId}" is disabled`);
    }
    const channel = this.host.world.channels.get(message.channelId);
    const guild = this.host.world.guilds.get(message.guildId ?? '');
    if (!channel || !guild)
      throw new FakeDiscordError(`message ${message.id} is not in a guild channel`);
    const user = this.#member(guild, invocation.user ?? message.interaction?.user ?? DEFAULT_USER);
    if (message.ephemeral && message.interaction && user.id !== message.interaction.user.id) {
      throw new FakeDiscordError(
        `message ${message.id} is ephemeral: only ${message.interaction.user.username} can see it`,
      );
    }
    const data = { custom_id: customId, component_type: 2 };
    const where = { user, guild, channel };
    return this.#send(
      InteractionType.MessageComponent,
      data,
      where,
      invocation,
      `button "${customId}"`,
      message,
    );
  }

  /** Submits the modal a reply opened, as the user it was shown to (only they see it). */
  async submitModal(submission: ModalSubmission): Promise<InteractionReply> {
    const { reply } = submission;
    const modal = reply.modal;
    if (!modal) {
      throw new FakeDiscordError(
        `${reply.record.label} was answered with ${reply.typeName}, not a modal`,
      );
    }
    const data = modalSubmitData(modal, submission.values ?? {}, submission.validate !== false);
    const channel = this.host.world.channels.get(reply.record.channelId);
    const guild = this.host.world.guilds.get(channel?.guild_id ?? '');
    if (!channel || !guild)
      throw new FakeDiscordError(`${reply.record.label} is not in a guild channel`);
    const message = this.host.messages.get(reply.record.componentMessageId ?? '');
    const where = { user: reply.record.user, guild, channel };
    const label = `modal "${String(modal.custom_id)}"`;
    return this.#send(InteractionType.ModalSubmit, data, where, submission, label, message);
  }

  /**
   * The interaction data of a command (`'cec cpr'` names command and subcommand), where it is
   * used, and its label; checks the member may use it, and the options.
   */
  #commandData(invocation: CommandInvocation, focused?: { name: string; value: string }) {
    const [name = '', sub, ...rest] = invocation.name.trim().replace(/^\//, '').split(/\s+/);
    if (rest.length > 0) {
      throw new FakeDiscordError(`cannot parse command name "${invocation.name}"`);
    }
    const guild = this.host.guild(invocation.guildId);
    const channel = guild.defaultChannel();
    if (!channel) throw new FakeDiscordError(`guild ${guild.name} has no text channel`);
    const where = { user: this.#member(guild, invocation.user ?? DEFAULT_USER), guild, channel };
    const command = this.host.commands.find(name, guild.id);
    if (!command) {
      const registered = this.host.commands.names(guild.id).join(', ') || '(none)';
      throw new FakeDiscordError(
        `slash command "${name}" is not registered (globally or in guild ${guild.name}); registered: ${registered}. ` +
          'Did the bot register its commands (PUT /applications/{app}/commands), or call fake.setCommands()?',
      );
    }
    this.#checkAccess(command, where, invocation);
    const subcommand = invocation.subcommand ?? sub;
    const data = buildCommandData(command, {
      subcommand,
      options: invocation.options ?? {},
      focused,
      world: this.host.world,
      guild,
      validate: invocation.validate !== false,
    });
    return { data, where, label: [`/${name}`, subcommand].filter(Boolean).join(' ') };
  }

  /** The user, who joins the guild on first use, like a member using a command there. */
  #member(guild: FakeGuild, ref: UserRef): FakeUser {
    const user = this.host.world.resolveUser(ref);
    this.host.world.addMember(guild, user);
    return user;
  }

  #checkAccess(command: StoredCommand, where: Where, options: InteractionContextOptions): void {
    if (options.validate === false) return;
    const contexts = Array.isArray(command.contexts) ? command.contexts.map(Number) : undefined;
    if (contexts && !contexts.includes(0)) {
      throw new FakeDiscordError(
        `/${command.name} is not available in guilds (contexts ${JSON.stringify(contexts)})`,
      );
    }
    const required = asString(command.default_member_permissions);
    if (required === undefined) return;
    const perms = this.#permissions(where, options);
    const needed = BigInt(required);
    const isAdmin = (perms & Permission.Administrator) !== 0n;
    if (!isAdmin && (needed === 0n || (perms & needed) !== needed)) {
      throw new FakeDiscordError(
        `${where.user.username} cannot use /${command.name}: it needs permissions ${needed} (default_member_permissions), the member has ${perms}`,
      );
    }
  }

  #permissions(where: Where, options: InteractionContextOptions): bigint {
    if (options.memberPermissions === undefined) return where.guild.permissionsOf(where.user.id);
    return BigInt(options.memberPermissions);
  }

  #resolveMessage(ref: MessageRef): FakeMessage {
    if (ref instanceof FakeMessage) return ref;
    const message = ref instanceof InteractionReply ? ref.message : this.host.messages.get(ref);
    if (message) return message;
    throw new FakeDiscordError(
      ref instanceof InteractionReply
        ? `${ref.record.label} has no message yet; await reply.final() first`
        : `unknown message ${ref}`,
    );
  }

  /** Builds the payload, delivers it, and resolves once the bot has posted its callback. */
  async #send(
    type: number,
    data: JsonObject,
    where: Where,
    options: InteractionContextOptions,
    label: string,
    message?: FakeMessage,
  ): Promise<InteractionReply> {
    const { host } = this;
    const { user, guild, channel } = where;
    const id = host.ids.next();
    const token = `fake.${id}.${randomBytes(16).toString('hex')}`;
    const member = host.world.addMember(guild, user);
    const permissions = this.#permissions(where, options).toString();
    const payload: JsonObject = {
      id,
      application_id: host.applicationId,
      type,
      data,
      guild_id: guild.id,
      guild: { id: guild.id, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel: { ...channel, permissions },
      channel_id: channel.id,
      member: { ...host.world.memberJson(member), permissions },
      token,
      version: 1,
      app_permissions: host.world.botPermissionsIn(channel).toString(),
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
      ...(message ? { message: message.toJSON() } : {}),
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      payload,
      label,
      channelId: channel.id,
      user,
      requestMark: host.requestCount(),
      state: 'pending',
      failure: undefined,
      callback: undefined,
      callbackFiles: [],
      originalMessageId: message?.id,
      componentMessageId: message?.id,
      followUps: [],
      originalEdits: 0,
    };
    this.#records.set(id, record);
    this.deliver(record, guild.id);
    const timeoutMs = options.timeoutMs ?? REPLY_WINDOW_MS;
    try {
      await host.waitFor(() => record.state === 'acknowledged' || record.failure !== undefined, {
        timeoutMs,
        message: () =>
          [
            `the bot did not answer ${label} (interaction ${id}) within ${timeoutMs} ms (Discord's 3-second window).`,
            ...host.explainSilence(record.requestMark),
          ].join('\n'),
      });
    } catch (error) {
      if (record.state === 'pending') record.state = 'expired';
      throw error;
    }
    if (record.failure !== undefined) {
      record.state = 'expired';
      throw new FakeDiscordError(`${label} (interaction ${id}) failed: ${record.failure}`);
    }
    return new InteractionReply(this.#replies, record);
  }
}
