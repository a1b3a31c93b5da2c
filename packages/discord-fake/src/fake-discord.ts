/** The fake Discord: REST (`/api/v10`) and the gateway on 127.0.0.1; interactions also over HTTP. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CommandRegistry, type StoredCommand } from './commands.js';
import type { FaultSpec } from './faults.js';
import {
  type Comeback,
  type ComebackOptions,
  Gateway,
  type GatewayEvent,
  type GatewaySession,
} from './gateway.js';
import { HttpDelivery, type HttpDeliveryRecord, type Tamper } from './http-delivery.js';
import {
  type AutocompleteInvocation,
  type CommandInvocation,
  type ComponentInvocation,
  Interactions,
  type ModalSubmission,
} from './interact.js';
import type { AutocompleteChoice, InteractionReply } from './interactions.js';
import { type FakeMessage, MessageStore } from './messages.js';
import { channelRoutes } from './routes/channels.js';
import { commandRoutes } from './routes/commands.js';
import { answerInteraction, interactionRoutes } from './routes/interactions.js';
import { memberRoutes } from './routes/members.js';
import { type RecordedRequest, RestApi, type UnknownRoute } from './server.js';
import { ALL_PRIVILEGED_INTENTS, refusedIntents, ServerMembers } from './server-members.js';
import {
  type FakeChannel,
  type FakeGuild,
  type FakeGuildInit,
  type FakeUser,
  type UserRef,
  World,
} from './state.js';
import {
  FakeDiscordError,
  SnowflakeGenerator,
  shardOf,
  Waiters,
  type WaitOptions,
} from './util.js';

export interface FakeDiscordOptions {
  /** Default: one guild "Fake Guild" with a #general text channel. */
  guilds?: FakeGuildInit[];
  /** HELLO's heartbeat_interval in ms. Default: Discord's. */
  heartbeatIntervalMs?: number;
  /** If set, REST calls must carry `Authorization: Bot <token>` and IDENTIFY must send it. */
  token?: string;
  /** Privileged intents enabled in the Developer Portal (PrivilegedIntent bits). Default: all. */
  privilegedIntents?: number;
}

const DISCORD_HEARTBEAT_MS = 41_250;

/**
 * A local, in-process Discord for tests. Start it with {@link startFakeDiscord}, give discord.js
 * `fake.clientOptions()` (or `rest: { api: fake.apiUrl }`), and drive the bot.
 */
export class FakeDiscord {
  readonly applicationId: string;
  readonly botUser: FakeUser;
  /** Members leaving and renaming themselves, with their gateway events. */
  readonly serverMembers: ServerMembers;

  readonly #ids = new SnowflakeGenerator();
  readonly #waiters = new Waiters();
  readonly #world: World;
  readonly #commands: CommandRegistry;
  readonly #messages: MessageStore;
  readonly #interactions: Interactions;
  readonly #gateway: Gateway;
  readonly #http: HttpDelivery;
  readonly #api: RestApi;
  readonly #server: Server;
  #port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.#world = new World(this.#ids);
    this.botUser = this.#world.botUser;
    this.applicationId = this.botUser.id;
    for (const guild of options.guilds ?? [{}]) this.#world.addGuild(guild);
    this.#commands = new CommandRegistry(this.#ids, this.applicationId);
    this.#messages = new MessageStore(this.#ids, this.#world.attachments);
    const checkToken = (token: string): boolean =>
      options.token === undefined || token === options.token || token === `Bot ${options.token}`;
    this.#gateway = new Gateway(
      {
        botUser: this.botUser,
        applicationId: this.applicationId,
        url: () => this.gatewayUrl,
        guildCreates: (shardId, shardCount) =>
          [...this.#world.guilds.values()]
            .filter((g) => shardOf(g.id, shardCount) === shardId)
            .map((g) => this.#world.guildCreateJson(g)),
        checkToken,
        refusedIntents: (intents) =>
          refusedIntents(intents, options.privilegedIntents ?? ALL_PRIVILEGED_INTENTS),
        changed: () => this.#waiters.changed(),
        waitFor: (check, wait) => this.waitFor(check, wait),
      },
      options.heartbeatIntervalMs ?? DISCORD_HEARTBEAT_MS,
    );
    const deps = {
      applicationId: this.applicationId,
      botUser: this.botUser,
      world: this.#world,
      commands: this.#commands,
      messages: this.#messages,
      ids: this.#ids,
      guild: (idOrName?: string) => this.guild(idOrName),
      waitFor: <T>(check: () => T | undefined | null | false, wait: WaitOptions) =>
        this.waitFor(check, wait),
      requestCount: () => this.requests.length,
      explainSilence: (mark: number) => [
        ...this.#api.failuresSince(mark),
        ...(this.#http.urls.length > 0 || this.#gateway.connected
          ? []
          : ['No client is connected to the gateway right now.']),
      ],
    };
    this.#http = new HttpDelivery({
      ...deps,
      answer: (record, callback) => answerInteraction(deps, record, callback, []),
      changed: () => this.#waiters.changed(),
    });
    // Over HTTP once endpoint URLs are set; else as dispatches on their guild's shard.
    this.#interactions = new Interactions(deps, (record, guildId) =>
      this.#http.urls.length > 0
        ? this.#http.deliver(record)
        : this.#gateway.dispatch(
            'INTERACTION_CREATE',
            record.payload,
            shardOf(guildId, this.#gateway.shardCount),
          ),
    );
    this.#api = new RestApi(options.token, () => this.#waiters.changed(), this.#world.attachments);
    this.#api.add('GET', '/gateway/bot', () => ({ json: this.#gateway.botInfo() }));
    commandRoutes(this.#api, deps);
    interactionRoutes(this.#api, { ...deps, interactions: this.#interactions });
    channelRoutes(this.#api, deps);
    memberRoutes(this.#api, deps);
    this.serverMembers = new ServerMembers(this.#world, this.#gateway, (g) => this.guild(g));
    this.#server = createServer((req, res) => this.#api.handle(req, res));
    this.#server.on('upgrade', (req, socket, head: Buffer) =>
      this.#gateway.handleUpgrade(req, socket, head),
    );
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.#port = (fake.#server.address() as AddressInfo).port;
    fake.#world.attachments.origin = `http://127.0.0.1:${fake.#port}`;
    return fake;
  }

  /** Pass as discord.js `rest.api` (no `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
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

  /** The application's Public Key (64 hex characters): the bot's `DISCORD_PUBLIC_KEY`. */
  get publicKey(): string {
    return this.#http.signer.publicKeyHex;
  }

  /** The headers Discord signs `body` with (`X-Signature-Ed25519`, `X-Signature-Timestamp`). */
  signatureHeaders(body: Buffer | string, timestamp?: string): Record<string, string> {
    return this.#http.signer.headers(body, timestamp);
  }

  /**
   * Sets the Interactions Endpoint URL (several: a round-robin load balancer in front), checked
   * as the Developer Portal checks it; interactions are then signed and POSTed there instead of
   * the gateway (`null`: the gateway again). `tamper` changes each request on the wire.
   */
  setInteractionsEndpoint(
    urls: string | readonly string[] | null,
    options: { tamper?: Tamper } = {},
  ): Promise<void> {
    return this.#http.use(urls === null ? [] : typeof urls === 'string' ? [urls] : urls, options);
  }

  /** Every interaction sent over HTTP: where it went, what came back, how long it took. */
  get httpDeliveries(): readonly HttpDeliveryRecord[] {
    return this.#http.records;
  }

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

  /** A channel by id, or by name in any guild. */
  channel(idOrName: string): FakeChannel {
    const channel = this.#world.findChannel(idOrName);
    if (!channel) throw new FakeDiscordError(`unknown channel "${idOrName}"`);
    return channel;
  }

  /** What the bot posted to a channel (id or name) with POST /channels/{id}/messages, oldest first. */
  messages(channel: string): FakeMessage[] {
    return this.#messages.posts(this.#world.findChannel(channel)?.id ?? channel);
  }

  /** What the bot posted to a user's DMs. */
  dms(user: UserRef): FakeMessage[] {
    const userId = typeof user === 'string' ? this.#world.getUser(user)?.id : user.id;
    return this.#messages.posts(this.#world.dmChannels.get(userId ?? '') ?? '');
  }

  /** Makes sending a DM to this user fail with 50007 (Cannot send messages to this user). */
  closeDms(user: UserRef): void {
    this.#world.closedDms.add(this.#world.resolveUser(user).id);
  }

  /** Registered commands: global without an argument, else that guild's. */
  commands(guildId?: string): StoredCommand[] {
    return [...this.#commands.list(guildId === undefined ? undefined : this.guild(guildId).id)];
  }

  /** Registers commands directly (JSON or builders), replacing the list, as a PUT would. */
  setCommands(commands: unknown[], guildId?: string): StoredCommand[] {
    return this.#commands.set(commands, guildId === undefined ? undefined : this.guild(guildId).id);
  }

  /** Runs a slash command and resolves with the bot's callback (rejects after the reply window). */
  command(invocation: CommandInvocation): Promise<InteractionReply> {
    return this.#interactions.command(invocation);
  }

  /** Sends an autocomplete interaction; resolves with the choices the bot returned. */
  autocomplete(invocation: AutocompleteInvocation): Promise<AutocompleteChoice[]> {
    return this.#interactions.autocomplete(invocation);
  }

  /** Like `autocomplete()`, but resolves with the whole reply. */
  autocompleteReply(invocation: AutocompleteInvocation): Promise<InteractionReply> {
    return this.#interactions.autocompleteReply(invocation);
  }

  /** Clicks a button on a message the bot sent. */
  clickButton(invocation: ComponentInvocation): Promise<InteractionReply> {
    return this.#interactions.clickButton(invocation);
  }

  /** Fills in and submits the modal a reply opened (MODAL_SUBMIT, by the user it was shown to). */
  submitModal(submission: ModalSubmission): Promise<InteractionReply> {
    return this.#interactions.submitModal(submission);
  }

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

  /** Whether heartbeats are acknowledged (false: the client sees a zombie connection and resumes). */
  get ackHeartbeats(): boolean {
    return this.#gateway.ackHeartbeats;
  }

  set ackHeartbeats(value: boolean) {
    this.#gateway.ackHeartbeats = value;
  }

  /** Resolves once `count` IDENTIFYs have been answered (READY and GUILD_CREATEs sent). */
  async waitForIdentify(options: { count?: number; timeoutMs?: number } = {}): Promise<void> {
    const count = options.count ?? 1;
    await this.waitFor(() => this.#gateway.identifies >= count, {
      timeoutMs: options.timeoutMs ?? 4000,
      message: () => `waited for ${count} IDENTIFY, saw ${this.#gateway.identifies}`,
    });
  }

  /**
   * Closes the gateway socket(s) with `code` (default 4000, resumable). Resolves when the client
   * is back (resumed or re-identified); for codes it does not recover from, once it is closed.
   */
  disconnect(code = 4000, options: ComebackOptions = {}): Promise<Comeback> {
    return this.#gateway.disconnect(code, options);
  }

  /** Sends op 9 INVALID_SESSION (not resumable by default: the client identifies again). */
  invalidateSession(resumable = false, options: ComebackOptions = {}): Promise<Comeback> {
    return this.#gateway.invalidate(resumable, options);
  }

  /** Sends op 7 RECONNECT; resolves when the client has resumed. */
  requestReconnect(options: ComebackOptions = {}): Promise<Comeback> {
    return this.#gateway.requestReconnect(options);
  }

  /** Every REST request, in order. */
  get requests(): RecordedRequest[] {
    return this.#api.requests;
  }

  /** Requests to routes the fake does not implement (answered 404). */
  get unknownRoutes(): UnknownRoute[] {
    return this.#api.unknownRoutes;
  }

  /** Requests the fake answered with a status of 400 or more. */
  get failedRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.status >= 400);
  }

  /** Makes the next matching REST request(s) fail (429 with proper rate-limit headers, 5xx, ...). */
  failNext(spec: FaultSpec): void {
    this.#api.faults.add(spec);
  }

  /** Throws listing every unknown route the client called (use in afterEach). */
  assertNoUnknownRoutes(): void {
    this.#api.assertNoUnknownRoutes();
  }

  /**
   * Resolves with the first truthy value of `check`, re-checked after every request and
   * gateway event; rejects after `timeoutMs` (default 3000).
   */
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    return this.#waiters.waitFor(check, options);
  }

  /** Closes every socket and the server (destroy the client first). */
  async close(): Promise<void> {
    this.#waiters.close();
    this.#gateway.close();
    this.#http.close();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      // undici keeps connections alive; without this, close() would wait for them.
      this.#server.closeAllConnections();
    });
  }
}

/** Starts a fake Discord on 127.0.0.1, on a free port. */
export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}
