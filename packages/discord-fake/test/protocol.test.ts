/** The fake's protocol without discord.js: raw WebSocket gateway and raw HTTP REST calls. */
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from '../src/index.js';

type Payload = { op: number; t?: string; s?: number; d?: Record<string, unknown> | boolean | null };

/** A minimal gateway client that keeps every payload it receives. */
class RawGateway {
  readonly received: Payload[] = [];
  closeCode: number | undefined;
  #seen = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.received.push(JSON.parse(String(data)) as Payload));
    ws.on('close', (code) => {
      this.closeCode = code;
    });
  }

  static async connect(url: string): Promise<RawGateway> {
    const ws = new WebSocket(`${url}?v=10&encoding=json`);
    const gateway = new RawGateway(ws);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return gateway;
  }

  send(payload: unknown): void {
    this.ws.send(JSON.stringify(payload));
  }

  /** The next payload (after those already taken) matching `match`. */
  async next(match: (p: Payload) => boolean = () => true, timeoutMs = 2000): Promise<Payload> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const index = this.received.findIndex((p, i) => i >= this.#seen && match(p));
      if (index >= 0) {
        this.#seen = index + 1;
        return this.received[index] as Payload;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`no matching payload; received ${JSON.stringify(this.received)}`);
  }

  async closed(timeoutMs = 2000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.closeCode ?? -1;
  }

  close(): void {
    this.ws.close(1000);
  }
}

const fakes: FakeDiscord[] = [];
const sockets: RawGateway[] = [];

async function start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord(options);
  fakes.push(fake);
  return fake;
}

async function connect(fake: FakeDiscord): Promise<RawGateway> {
  const gateway = await RawGateway.connect(fake.gatewayUrl);
  sockets.push(gateway);
  return gateway;
}

async function identify(fake: FakeDiscord, shard?: [number, number]): Promise<RawGateway> {
  const gateway = await connect(fake);
  await gateway.next((p) => p.op === 10);
  gateway.send({
    op: 2,
    d: { token: 'Bot-token', intents: 513, properties: {}, ...(shard ? { shard } : {}) },
  });
  await gateway.next((p) => p.t === 'READY');
  return gateway;
}

function api(fake: FakeDiscord, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${fake.apiUrl}/v10${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.ws.terminate();
  for (const fake of fakes.splice(0)) await fake.close();
});

describe('gateway', () => {
  test('HELLO, heartbeat ACK, READY with guild stubs, then GUILD_CREATE', async () => {
    const fake = await start({ heartbeatIntervalMs: 1234 });
    const gateway = await connect(fake);
    expect(await gateway.next()).toMatchObject({ op: 10, d: { heartbeat_interval: 1234 } });
    gateway.send({ op: 1, d: null });
    expect(await gateway.next()).toEqual({ op: 11 });
    gateway.send({ op: 2, d: { token: 't', intents: 1, properties: {} } });
    const ready = await gateway.next();
    expect(ready).toMatchObject({
      op: 0,
      t: 'READY',
      s: 1,
      d: {
        v: 10,
        user: { id: fake.botUser.id, bot: true },
        guilds: [{ id: fake.guild().id, unavailable: true }],
        resume_gateway_url: fake.gatewayUrl,
        shard: [0, 1],
        application: { id: fake.applicationId, flags: 0 },
      },
    });
    const guild = await gateway.next();
    expect(guild).toMatchObject({
      t: 'GUILD_CREATE',
      s: 2,
      d: { id: fake.guild().id, unavailable: false, channels: [{ name: 'general', type: 0 }] },
    });
    const members = (guild.d as { members: { user: { id: string } }[] }).members.map(
      (m) => m.user.id,
    );
    expect(members).toContain(fake.botUser.id);
    await fake.waitForIdentify();
    expect(fake.identifies).toBe(1);
  });

  test('RESUME replays what was missed, then RESUMED; an unknown session gets op 9', async () => {
    const fake = await start();
    const first = await identify(fake);
    const ready = first.received.find((p) => p.t === 'READY') as Payload;
    const sessionId = (ready.d as { session_id: string }).session_id;
    await first.next((p) => p.t === 'GUILD_CREATE');
    first.close();
    await fake.waitFor(() => fake.gatewayEvents.some((e) => e.type === 'close'));
    fake.dispatch('TYPING_START', { channel_id: '1', user_id: '2', timestamp: 0 });

    const second = await connect(fake);
    await second.next((p) => p.op === 10);
    second.send({ op: 6, d: { token: 't', session_id: sessionId, seq: 2 } });
    expect(await second.next()).toMatchObject({ t: 'TYPING_START', s: 3 });
    expect(await second.next()).toMatchObject({ t: 'RESUMED', s: 4 });
    expect(fake.resumes).toBe(1);

    const third = await connect(fake);
    await third.next((p) => p.op === 10);
    third.send({ op: 6, d: { token: 't', session_id: 'nope', seq: 1 } });
    expect(await third.next()).toEqual({ op: 9, d: false });
  });

  test('bad shard, bad token, unknown opcode and a second IDENTIFY close the socket', async () => {
    const fake = await start({ token: 'secret' });
    const badShard = await connect(fake);
    badShard.send({ op: 2, d: { token: 'secret', intents: 1, shard: [2, 2] } });
    expect(await badShard.closed()).toBe(4010);
    const badToken = await connect(fake);
    badToken.send({ op: 2, d: { token: 'wrong', intents: 1 } });
    expect(await badToken.closed()).toBe(4004);
    const badOp = await connect(fake);
    badOp.send({ op: 42, d: null });
    expect(await badOp.closed()).toBe(4001);
    const twice = await connect(fake);
    twice.send({ op: 2, d: { token: 'secret', intents: 1 } });
    twice.send({ op: 2, d: { token: 'secret', intents: 1 } });
    expect(await twice.closed()).toBe(4005);
  });

  test('sharded IDENTIFY gets only its guilds; dispatch routes by guild', async () => {
    const even = (4n << 22n).toString();
    const odd = (5n << 22n).toString();
    const fake = await start({ guilds: [{ id: even }, { id: odd }] });
    const shard0 = await identify(fake, [0, 2]);
    const shard1 = await identify(fake, [1, 2]);
    const ids = (g: RawGateway) =>
      (
        (g.received.find((p) => p.t === 'READY') as Payload).d as { guilds: { id: string }[] }
      ).guilds.map((x) => x.id);
    expect(ids(shard0)).toEqual([even]);
    expect(ids(shard1)).toEqual([odd]);
    fake.dispatch('GUILD_UPDATE', { guild_id: odd, id: odd });
    expect(await shard1.next((p) => p.t === 'GUILD_UPDATE')).toMatchObject({ d: { id: odd } });
    expect(shard0.received.some((p) => p.t === 'GUILD_UPDATE')).toBe(false);
  });

  test('heartbeats can go unacknowledged', async () => {
    const fake = await start();
    fake.ackHeartbeats = false;
    const gateway = await connect(fake);
    gateway.send({ op: 1, d: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway.received.map((p) => p.op)).toEqual([10]);
  });
});

describe('interaction callbacks (raw)', () => {
  async function commandSetup() {
    const fake = await start();
    fake.setCommands([{ name: 'hi', description: 'Say hi', type: 1 }]);
    const gateway = await identify(fake);
    return { fake, gateway };
  }

  test('second callback → 40060; an invalid callback is rejected and leaves it unanswered', async () => {
    const { fake, gateway } = await commandSetup();
    const pending = fake.command({ name: 'hi' });
    const created = await gateway.next((p) => p.t === 'INTERACTION_CREATE');
    const { id, token } = created.d as { id: string; token: string };
    const tooLong = await api(fake, `/interactions/${id}/${token}/callback`, {
      method: 'POST',
      body: JSON.stringify({ type: 4, data: { content: 'x'.repeat(2001) } }),
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({
      code: 50035,
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    const ok = await api(fake, `/interactions/${id}/${token}/callback?with_response=true`, {
      method: 'POST',
      body: JSON.stringify({ type: 4, data: { content: 'hello' } }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      interaction: {
        id,
        type: 2,
        response_message_loading: false,
        response_message_ephemeral: false,
      },
      resource: { type: 4, message: { content: 'hello' } },
    });
    expect((await pending).content).toBe('hello');
    const again = await api(fake, `/interactions/${id}/${token}/callback`, {
      method: 'POST',
      body: JSON.stringify({ type: 4, data: { content: 'again' } }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });
  });

  test('a callback after the reply window → 10062 Unknown interaction', async () => {
    const { fake, gateway } = await commandSetup();
    await expect(fake.command({ name: 'hi', timeoutMs: 30 })).rejects.toThrow(
      /did not answer \/hi/,
    );
    const created = await gateway.next((p) => p.t === 'INTERACTION_CREATE');
    const { id, token } = created.d as { id: string; token: string };
    const late = await api(fake, `/interactions/${id}/${token}/callback`, {
      method: 'POST',
      body: JSON.stringify({ type: 4, data: { content: 'late' } }),
    });
    expect(late.status).toBe(404);
    expect(await late.json()).toMatchObject({ code: 10062 });
  });

  test('follow-up after defer resolves the loading message; @original is matched decoded', async () => {
    const { fake, gateway } = await commandSetup();
    const pending = fake.command({ name: 'hi' });
    const { id, token } = (await gateway.next((p) => p.t === 'INTERACTION_CREATE')).d as {
      id: string;
      token: string;
    };
    await api(fake, `/interactions/${id}/${token}/callback`, {
      method: 'POST',
      body: JSON.stringify({ type: 5, data: { flags: 64 } }),
    });
    const reply = await pending;
    expect(reply.message?.loading).toBe(true);
    const followUp = await api(fake, `/webhooks/${fake.applicationId}/${token}`, {
      method: 'POST',
      body: JSON.stringify({ content: 'done' }),
    });
    expect(followUp.status).toBe(200);
    const final = await reply.final();
    expect(final.content).toBe('done');
    expect(final.ephemeral).toBe(true);
    const fetched = await api(
      fake,
      `/webhooks/${fake.applicationId}/${token}/messages/%40original`,
    );
    expect(await fetched.json()).toMatchObject({ id: final.id, content: 'done' });
    expect(fake.requests.at(-1)?.path).toBe(
      `/webhooks/${fake.applicationId}/${token}/messages/@original`,
    );
  });
});

describe('REST', () => {
  test('message bodies are validated like Discord', async () => {
    const fake = await start();
    const channel = fake.guild().channel('general')?.id ?? '';
    const post = (body: unknown) =>
      api(fake, `/channels/${channel}/messages`, { method: 'POST', body: JSON.stringify(body) });
    const empty = await post({ content: '' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ message: 'Cannot send an empty message', code: 50006 });
    const field = await post({ embeds: [{ title: 't', fields: [{ name: '', value: 'v' }] }] });
    expect(await field.json()).toMatchObject({
      code: 50035,
      errors: {
        embeds: {
          '0': { fields: { '0': { name: { _errors: [{ code: 'BASE_TYPE_REQUIRED' }] } } } },
        },
      },
    });
    const rows = await post({
      content: 'x',
      components: [{ type: 2, custom_id: 'a', style: 1, label: 'A' }],
    });
    expect(rows.status).toBe(400);
    const unknown = await api(fake, '/channels/123/messages', {
      method: 'POST',
      body: '{"content":"x"}',
    });
    expect(await unknown.json()).toEqual({ message: 'Unknown Channel', code: 10003 });
    expect(fake.failedRequests).toHaveLength(4);
  });

  test('multipart bodies: payload_json plus files[n]', async () => {
    const fake = await start();
    const channel = fake.guild().channel('general')?.id ?? '';
    const form = new FormData();
    form.append(
      'payload_json',
      JSON.stringify({ content: 'see file', attachments: [{ id: 0, description: 'notes' }] }),
    );
    form.append('files[0]', new Blob(['hello file'], { type: 'text/plain' }), 'notes.txt');
    const res = await fetch(`${fake.apiUrl}/v10/channels/${channel}/messages`, {
      method: 'POST',
      body: form,
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { attachments: { filename: string; description: string }[] };
    expect(json.attachments[0]).toMatchObject({ filename: 'notes.txt', description: 'notes' });
    const recorded = fake.requests.at(-1);
    expect(recorded?.body).toEqual({
      content: 'see file',
      attachments: [{ id: 0, description: 'notes' }],
    });
    expect(recorded?.files.map((f) => [f.field, f.name, f.contentType, f.text])).toEqual([
      ['files[0]', 'notes.txt', 'text/plain', 'hello file'],
    ]);
    expect(fake.messages(channel)[0]?.files[0]?.text).toBe('hello file');
  });

  test('429 faults carry Discord rate-limit headers and body', async () => {
    const fake = await start();
    fake.failNext({ method: 'GET', pathPattern: /^\/users\/@me$/, status: 429, retryAfter: 1.5 });
    const limited = await api(fake, '/users/@me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1.5');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-reset-after')).toBe('1.5');
    expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
    expect(limited.headers.get('x-ratelimit-global')).toBeNull();
    expect(await limited.json()).toEqual({
      message: 'You are being rate limited.',
      retry_after: 1.5,
      global: false,
      code: 0,
    });
    expect((await api(fake, '/users/@me')).status).toBe(200);
  });

  test('command registration is validated like Discord', async () => {
    const fake = await start();
    const res = await api(fake, `/applications/${fake.applicationId}/commands`, {
      method: 'PUT',
      body: JSON.stringify([
        { name: 'Bad Name', description: 'x' },
        {
          name: 'ok',
          description: 'x',
          options: [
            { type: 3, name: 'a', description: 'a' },
            { type: 3, name: 'b', description: 'b', required: true },
          ],
        },
      ]),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: number; errors: Record<string, unknown> };
    expect(body.code).toBe(50035);
    expect(Object.keys(body.errors)).toEqual(['0', '1']);
    expect(fake.commands()).toEqual([]);
    expect(() => fake.setCommands([{ name: 'x', description: '' }])).toThrow(/invalid commands/);
  });

  test('auth is checked when a token is set; unknown routes are recorded', async () => {
    const fake = await start({ token: 'secret' });
    expect((await api(fake, '/users/@me')).status).toBe(401);
    expect(
      (await api(fake, '/users/@me', { headers: { authorization: 'Bot secret' } })).status,
    ).toBe(200);
    expect((await api(fake, '/nope/%40me')).status).toBe(404);
    expect(fake.unknownRoutes).toEqual([
      { method: 'GET', path: '/nope/@me', rawPath: '/api/v10/nope/%40me' },
    ]);
  });
});
