/**
 * The gateway: HELLO, heartbeats, IDENTIFY/READY/GUILD_CREATE, RESUME with replay, sharding,
 * dispatches, and the faults a test causes (closes, invalid sessions, reconnect requests).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { FakeUser } from './state.js';
import {
  asArray,
  asNumber,
  asObject,
  asString,
  FakeDiscordError,
  type JsonObject,
  type WaitOptions,
} from './util.js';

export const GatewayOp = {
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  Reconnect: 7,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

export interface DispatchPayload {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

/** One gateway session (one shard of one login); survives disconnects until invalidated. */
export interface GatewaySession {
  readonly id: string;
  readonly shardId: number;
  readonly shardCount: number;
  readonly intents: number;
  /** The IDENTIFY payload's `d`. */
  readonly identify: JsonObject;
  seq: number;
  socket: WebSocket | undefined;
  invalid: boolean;
  /** Every dispatch sent on the session (replayed on RESUME). */
  readonly log: DispatchPayload[];
}

/** Something that happened on the gateway, in order. */
export interface GatewayEvent {
  type: 'identify' | 'resume' | 'close' | 'invalid-resume';
  shardId: number;
  at: number;
  code?: number;
}

/** How the client came back after a gateway fault. */
export type Comeback = 'resumed' | 'identified' | 'closed';

/** What the gateway needs from the rest of the fake. */
export interface GatewayHost {
  readonly botUser: FakeUser;
  readonly applicationId: string;
  /** The gateway's own URL (READY's `resume_gateway_url`). */
  url(): string;
  /** The GUILD_CREATE payloads of the guilds on a shard. */
  guildCreates(shardId: number, shardCount: number): JsonObject[];
  checkToken(token: string): boolean;
  /** The privileged intents asked for that the application may not use (0: none). */
  refusedIntents(intents: number): number;
  changed(): void;
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions): Promise<T>;
}

/** Close codes after which discord.js does not reconnect. */
const FATAL_CLOSE_CODES = [4004, 4010, 4011, 4012, 4013, 4014];

const MAX_LOG = 10_000;

export interface ComebackOptions {
  /** Only this shard's session (default: every shard's). */
  shard?: number | undefined;
  /** How long to wait for the client to come back (default 4000 ms). */
  timeoutMs?: number | undefined;
}

interface Connection {
  socket: WebSocket;
  session: GatewaySession | undefined;
}

export class Gateway {
  identifies = 0;
  resumes = 0;
  /** Set false to stop acknowledging heartbeats (the client then treats the connection as zombied). */
  ackHeartbeats = true;
  readonly events: GatewayEvent[] = [];
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, GatewaySession>();
  readonly #current = new Map<number, GatewaySession>();
  readonly #connections = new Set<Connection>();
  #lastShardCount = 1;

  constructor(
    private readonly host: GatewayHost,
    private readonly heartbeatIntervalMs: number,
  ) {}

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws));
  }

  /** The shard count the client identified with (1 until it has). */
  get shardCount(): number {
    return this.#lastShardCount;
  }

  /** The live session of a shard (the latest IDENTIFY for it). */
  session(shardId: number): GatewaySession | undefined {
    const session = this.#current.get(shardId);
    return session && !session.invalid ? session : undefined;
  }

  sessions(): GatewaySession[] {
    return [...this.#current.values()].filter((s) => !s.invalid);
  }

  /** What `GET /gateway/bot` answers: where to connect, and an IDENTIFY budget never spent. */
  botInfo(): JsonObject {
    return {
      url: this.host.url(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    };
  }

  get connected(): boolean {
    return this.sessions().some((s) => s.socket?.readyState === WebSocket.OPEN);
  }

  /** Sends a dispatch on a shard's session (buffered for replay if the socket is down). */
  dispatch(t: string, d: unknown, shardId: number): DispatchPayload {
    const session = this.session(shardId);
    if (!session) {
      throw new FakeDiscordError(
        `no gateway session for shard ${shardId}; has the client logged in? (await fake.waitForIdentify())`,
      );
    }
    return this.#dispatch(session, t, d);
  }

  #dispatch(session: GatewaySession, t: string, d: unknown): DispatchPayload {
    session.seq += 1;
    const payload: DispatchPayload = { op: 0, t, s: session.seq, d };
    session.log.push(payload);
    if (session.log.length > MAX_LOG) session.log.shift();
    this.#send(session.socket, payload);
    return payload;
  }

  /** Closes shard sockets with `code` (the session stays resumable); see {@link comeback}. */
  disconnect(code: number, options: ComebackOptions): Promise<Comeback> {
    return this.#comeback(options, FATAL_CLOSE_CODES.includes(code), (session) =>
      session.socket?.close(code, 'discord-fake disconnect'),
    );
  }

  /** Sends op 9 INVALID_SESSION; unless resumable, the session is gone and the client must IDENTIFY. */
  invalidate(resumable: boolean, options: ComebackOptions): Promise<Comeback> {
    return this.#comeback(options, false, (session) => {
      this.#send(session.socket, { op: GatewayOp.InvalidSession, d: resumable });
      if (!resumable) session.invalid = true;
    });
  }

  /** Sends op 7 RECONNECT: the client closes and resumes. */
  requestReconnect(options: ComebackOptions): Promise<Comeback> {
    return this.#comeback(options, false, (session) =>
      this.#send(session.socket, { op: GatewayOp.Reconnect, d: null }),
    );
  }

  /**
   * Does `act` to the shard's sessions (all without `shard`), then resolves once the client is
   * back (resumed or identified again), or, if `fatal`, once its socket has closed.
   */
  #comeback(
    options: ComebackOptions,
    fatal: boolean,
    act: (session: GatewaySession) => void,
  ): Promise<Comeback> {
    const { shard } = options;
    const targets = this.sessions().filter((s) => shard === undefined || s.shardId === shard);
    if (targets.length === 0) {
      throw new FakeDiscordError(
        `no gateway session${shard === undefined ? '' : ` for shard ${shard}`}`,
      );
    }
    const mark = this.events.length;
    for (const session of targets) act(session);
    const timeoutMs = options.timeoutMs ?? 4000;
    return this.host.waitFor(
      () => {
        const events = this.events
          .slice(mark)
          .filter((e) => shard === undefined || e.shardId === shard);
        if (fatal) return events.some((e) => e.type === 'close') ? 'closed' : undefined;
        const back = events.find((e) => e.type === 'identify' || e.type === 'resume');
        return back && (back.type === 'identify' ? 'identified' : 'resumed');
      },
      {
        timeoutMs,
        message: () =>
          `the client did not come back to the gateway within ${timeoutMs} ms ` +
          '(without fake.clientOptions(), discord.js waits ~5 s before a shard may IDENTIFY again)',
      },
    );
  }

  close(): void {
    for (const connection of this.#connections) connection.socket.terminate();
    this.#connections.clear();
    this.#wss.close();
  }

  #send(socket: WebSocket | undefined, payload: unknown): void {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  #onConnection(socket: WebSocket): void {
    const connection: Connection = { socket, session: undefined };
    this.#connections.add(connection);
    socket.on('message', (data, isBinary) => this.#onMessage(connection, data, isBinary));
    socket.on('close', (code) => {
      this.#connections.delete(connection);
      const session = connection.session;
      if (session && session.socket === socket) {
        session.socket = undefined;
        this.events.push({ type: 'close', shardId: session.shardId, at: Date.now(), code });
        this.host.changed();
      }
    });
    socket.on('error', () => {
      /* a broken client socket is just closed */
    });
    this.#send(socket, {
      op: GatewayOp.Hello,
      d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["discord-fake",{}]'] },
    });
  }

  #onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    const { socket } = connection;
    let payload: JsonObject;
    try {
      if (isBinary) throw new Error('binary frame');
      payload = asObject(JSON.parse(String(data)));
    } catch {
      socket.close(4002, 'Error while decoding payload (discord-fake speaks JSON only)');
      return;
    }
    const d = asObject(payload.d);
    switch (payload.op) {
      case GatewayOp.Heartbeat:
        if (this.ackHeartbeats) this.#send(socket, { op: GatewayOp.HeartbeatAck });
        return;
      case GatewayOp.Identify:
        this.#identify(connection, d);
        return;
      case GatewayOp.Resume:
        this.#resume(connection, d);
        return;
      default:
        socket.close(4001, `Unknown opcode ${String(payload.op)}`);
    }
  }

  #identify(connection: Connection, d: JsonObject): void {
    const { socket } = connection;
    if (connection.session) {
      socket.close(4005, 'Already authenticated');
      return;
    }
    if (!this.host.checkToken(asString(d.token) ?? '')) {
      socket.close(4004, 'Authentication failed');
      return;
    }
    const shard = asArray(d.shard);
    const shardId = asNumber(shard[0]) ?? 0;
    const shardCount = asNumber(shard[1]) ?? 1;
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      socket.close(4010, 'Invalid shard');
      return;
    }
    if (this.host.refusedIntents(asNumber(d.intents) ?? 0) !== 0) {
      this.events.push({ type: 'close', shardId, at: Date.now(), code: 4014 });
      socket.close(4014, 'Disallowed intent(s).');
      this.host.changed();
      return;
    }
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      shardId,
      shardCount,
      intents: asNumber(d.intents) ?? 0,
      identify: d,
      seq: 0,
      socket,
      invalid: false,
      log: [],
    };
    const previous = this.#current.get(shardId);
    if (previous) previous.invalid = true;
    this.#sessions.set(session.id, session);
    this.#current.set(shardId, session);
    this.#lastShardCount = shardCount;
    connection.session = session;
    const guilds = this.host.guildCreates(shardId, shardCount);
    this.#dispatch(session, 'READY', {
      v: 10,
      user_settings: {},
      user: { ...this.host.botUser, verified: true, mfa_enabled: false, email: null },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.host.url(),
      shard: [shardId, shardCount],
      application: { id: this.host.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_type: 'normal',
      auth: {},
      _trace: ['["discord-fake",{}]'],
    });
    // Without a GUILD_CREATE for each guild READY lists, ClientReady waits 15 s for them.
    for (const guild of guilds) this.#dispatch(session, 'GUILD_CREATE', guild);
    this.identifies += 1;
    this.events.push({ type: 'identify', shardId, at: Date.now() });
    this.host.changed();
  }

  #resume(connection: Connection, d: JsonObject): void {
    const { socket } = connection;
    if (connection.session) {
      socket.close(4005, 'Already authenticated');
      return;
    }
    const session = this.#sessions.get(asString(d.session_id) ?? '');
    if (!session || session.invalid || !this.host.checkToken(asString(d.token) ?? '')) {
      this.events.push({ type: 'invalid-resume', shardId: session?.shardId ?? -1, at: Date.now() });
      this.#send(socket, { op: GatewayOp.InvalidSession, d: false });
      return;
    }
    const seq = asNumber(d.seq) ?? 0;
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    connection.session = session;
    for (const missed of session.log.filter((p) => p.s > seq)) this.#send(socket, missed);
    this.#dispatch(session, 'RESUMED', {});
    this.resumes += 1;
    this.events.push({ type: 'resume', shardId: session.shardId, at: Date.now() });
    this.host.changed();
  }
}
