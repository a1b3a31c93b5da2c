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

function callback(
  fake: FakeDiscord,
  id: string,
  token: string,
  body: unknown,
  withResponse = false,
): Promise<Response> {
  const query = withResponse ? '?with_response=true' : '';
  return api(fake, `/interactions/${id}/${token}/callback${query}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
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
    fake.setCommands([{ name: 'hi', description: 'Say hi', type: 1 }]);
    const first = await identify(fake);
    const ready = first.received.find((p) => p.t === 'READY') as Payload;
    const sessionId = (ready.d as { session_id: string }).session_id;
    await first.next((p) => p.t === 'GUILD_CREATE');
    first.close();
    await fake.waitFor(() => fake.gatewayEvents.some((e) => e.type === 'close'));
    const unanswered = fake.command({ name: 'hi', timeoutMs: 2000 });

    const second = await connect(fake);
    await second.next((p) => p.op === 10);
    second.send({ op: 6, d: { token: 't', session_id: sessionId, seq: 2 } });
    const missed = await second.next();
    expect(missed).toMatchObject({ t: 'INTERACTION_CREATE', s: 3 });
    expect(await second.next()).toMatchObject({ t: 'RESUMED', s: 4 });
    expect(fake.resumes).toBe(1);
    const { id, token } = missed.d as { id: string; token: string };
    await callback(fake, id, token, { type: 4, data: { content: 'late but there' } });
    expect((await unanswered).content).toBe('late but there');

    const third = await connect(fake);
    await third.next((p) => p.op === 10);
    third.send({ op: 6, d: { token: 't', session_id: 'nope', seq: 1 } });
    expect(await third.next()).toEqual({ op: 9, d: false });
    expect(fake.gatewayEvents.at(-1)).toMatchObject({ type: 'invalid-resume' });
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
    const binary = await connect(fake);
    binary.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await binary.closed()).toBe(4002);
    const notJson = await connect(fake);
    notJson.ws.send('{nope');
    expect(await notJson.closed()).toBe(4002);
    const twice = await connect(fake);
    twice.send({ op: 2, d: { token: 'secret', intents: 1 } });
    twice.send({ op: 2, d: { token: 'secret', intents: 1 } });
    expect(await twice.closed()).toBe(4005);
  });

  test('sharded IDENTIFY gets only its guilds; an interaction goes to its guild’s shard', async () => {
    const even = (4n << 22n).toString();
    const odd = (5n << 22n).toString();
    const fake = await start({ guilds: [{ id: even }, { id: odd, name: 'Odd' }] });
    fake.setCommands([{ name: 'hi', description: 'Say hi', type: 1 }]);
    const shard0 = await identify(fake, [0, 2]);
    const shard1 = await identify(fake, [1, 2]);
    const ids = (g: RawGateway) =>
      (
        (g.received.find((p) => p.t === 'READY') as Payload).d as { guilds: { id: string }[] }
      ).guilds.map((x) => x.id);
    expect(ids(shard0)).toEqual([even]);
    expect(ids(shard1)).toEqual([odd]);
    void fake.command({ name: 'hi', guildId: 'Odd', timeoutMs: 200 }).catch(() => undefined);
    const created = await shard1.next((p) => p.t === 'INTERACTION_CREATE');
    expect(created.d).toMatchObject({ guild_id: odd });
    expect(shard0.received.some((p) => p.t === 'INTERACTION_CREATE')).toBe(false);
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
    const withResponse = await callback(fake, id, token, { type: 4, data: { content: 'x' } }, true);
    expect(withResponse.status).toBe(400);
    expect(await withResponse.json()).toMatchObject({ message: /with_response=true/ });
    const update = await callback(fake, id, token, { type: 7, data: { content: 'x' } });
    expect(await update.json()).toMatchObject({ message: /only valid for component interactions/ });
    const choices = await callback(fake, id, token, { type: 8, data: { choices: [] } });
    expect(await choices.json()).toMatchObject({ message: /only they, are answered with choices/ });
    const ok = await callback(fake, id, token, { type: 4, data: { content: 'hello' } });
    expect(ok.status).toBe(204);
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
    await callback(fake, id, token, { type: 5, data: { flags: 64 } });
    const reply = await pending;
    expect(reply.message?.loading).toBe(true);
    const webhook = `/webhooks/${fake.applicationId}/${token}`;
    const followUp = await api(fake, webhook, {
      method: 'POST',
      body: JSON.stringify({ content: 'done' }),
    });
    expect(followUp.status).toBe(200);
    const final = await reply.final();
    expect(final.content).toBe('done');
    expect(final.ephemeral).toBe(true);
    expect(final.loading).toBe(false);
    const edit = await api(fake, `${webhook}/messages/%40original`, {
      method: 'PATCH',
      body: JSON.stringify({ content: 'edited' }),
    });
    expect(await edit.json()).toMatchObject({ id: final.id, content: 'edited' });
    expect(fake.requests.at(-1)?.path).toBe(`${webhook}/messages/@original`);
    const second = await api(fake, webhook, { method: 'POST', body: '{"content":"more"}' });
    expect(await second.json()).toMatchObject({ content: 'more', flags: 0 });
    expect(reply.followUps.map((m) => m.content)).toEqual(['edited', 'more']);
    const stranger = await api(fake, `${webhook}/messages/123`, { method: 'DELETE' });
    expect(await stranger.json()).toMatchObject({ code: 10008 });
    const wrongToken = await api(fake, `/webhooks/${fake.applicationId}/nope`, {
      method: 'POST',
      body: '{"content":"x"}',
    });
    expect(await wrongToken.json()).toMatchObject({ code: 10015 });
  });

  test('autocomplete choices are checked like Discord', async () => {
    const fake = await start();
    fake.setCommands([
      {
        name: 'find',
        description: 'Find',
        options: [{ type: 3, name: 'q', description: 'q', autocomplete: true }],
      },
    ]);
    const gateway = await identify(fake);
    const pending = fake.autocomplete({ name: 'find', focused: 'q', value: 'a' });
    const { id, token } = (await gateway.next((p) => p.t === 'INTERACTION_CREATE')).d as {
      id: string;
      token: string;
    };
    const bad = [
      { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: i })) },
      { choices: [{ name: '', value: 'a' }] },
      { choices: [{ name: 'a' }] },
      { choices: [{ name: 'a', value: 'x'.repeat(101) }] },
    ];
    for (const data of bad) {
      const res = await callback(fake, id, token, { type: 8, data });
      expect(res.status).toBe(400);
    }
    const message = await callback(fake, id, token, { type: 4, data: { content: 'x' } });
    expect(await message.json()).toMatchObject({ message: /only they, are answered with choices/ });
    await callback(fake, id, token, {
      type: 8,
      data: { choices: [{ name: 'apple', value: 'a' }] },
    });
    expect(await pending).toEqual([{ name: 'apple', value: 'a' }]);
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

  test('allowed_mentions is kept as sent, and says who a message would notify', async () => {
    const fake = await start();
    const channel = fake.guild().channel('general')?.id ?? '';
    const post = (body: unknown) =>
      api(fake, `/channels/${channel}/messages`, { method: 'POST', body: JSON.stringify(body) });
    const content = '<@111> and <@!222>, hello';
    await post({ content });
    await post({ content, allowed_mentions: { parse: [] } });
    await post({ content, allowed_mentions: { users: ['222'] } });
    await post({ content, allowed_mentions: { parse: ['users'] } });
    const [none, silent, one, all] = fake.messages(channel);
    expect([none, silent, one, all].map((m) => m?.allowedMentions)).toEqual([
      undefined,
      { parse: [] },
      { users: ['222'] },
      { parse: ['users'] },
    ]);
    expect([none, silent, one, all].map((m) => m?.pinged())).toEqual([
      ['111', '222'],
      [],
      ['222'],
      ['111', '222'],
    ]);
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
    fake.failNext({ method: 'GET', pathPattern: /^\/gateway\/bot$/, status: 429, retryAfter: 1.5 });
    const limited = await api(fake, '/gateway/bot');
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
    expect((await api(fake, '/gateway/bot')).status).toBe(200);
    fake.failNext({ pathPattern: /bot/, status: 429, global: true, body: { message: 'slow' } });
    const global = await api(fake, '/gateway/bot');
    expect(global.headers.get('x-ratelimit-global')).toBe('true');
    expect(await global.json()).toEqual({ message: 'slow' });
    fake.failNext({ pathPattern: /bot/, status: 503 });
    expect((await api(fake, '/gateway/bot')).status).toBe(503);
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

  test('registration: what Discord rejects, and what the fake does not support', async () => {
    const fake = await start();
    const put = (body: unknown, path = `/applications/${fake.applicationId}/commands`) =>
      api(fake, path, { method: 'PUT', body: JSON.stringify(body) });
    const option = (extra: object) => ({ name: 'o', description: 'o', ...extra });
    const cases: [unknown, RegExp][] = [
      [{ name: 'x' }, /expected an array/],
      [[option({}), option({})], /must be unique/],
      [[option({ type: 2 })], /CHAT_INPUT \(type 1\) commands only/],
      [
        [option({ options: [option({ type: 8 })] })],
        /option type 8 is not one discord-fake supports/,
      ],
      [[option({ options: [option({ type: 1, options: [option({ type: 1 })] })] })], /no nesting/],
      [
        [option({ options: [option({ type: 1 }), option({ type: 3, name: 'p' })] })],
        /mutually exclusive/,
      ],
      [[option({ options: [option({ type: 3 }), option({ type: 3 })] })], /Duplicate option name/],
      [[option({ options: [option({ type: 5, choices: [] })] })], /Choices are only allowed/],
      [
        [
          option({
            options: [
              option({ type: 3, autocomplete: true, choices: [{ name: 'a', value: 'a' }] }),
            ],
          }),
        ],
        /Autocomplete cannot be enabled/,
      ],
      [
        [
          option({
            options: [
              option({
                type: 3,
                choices: Array.from({ length: 26 }, () => ({ name: 'a', value: 'a' })),
              }),
            ],
          }),
        ],
        /25 or fewer/,
      ],
      [
        [option({ options: [option({ type: 4, choices: [{ name: '', value: 1 }] })] })],
        /must be 1-100 long/,
      ],
      [
        [
          option({
            options: Array.from({ length: 26 }, (_, i) => option({ type: 3, name: `o${i}` })),
          }),
        ],
        /25 or fewer/,
      ],
    ];
    for (const [body, error] of cases) {
      expect(JSON.stringify(await (await put(body)).json())).toMatch(error);
    }
    expect(await (await put([], '/applications/1/commands')).json()).toMatchObject({ code: 10002 });
    const guilds = `/applications/${fake.applicationId}/guilds`;
    expect(await (await put([], `${guilds}/1/commands`)).json()).toMatchObject({ code: 10004 });
    const [first] = (await (await put([option({})])).json()) as { id: string }[];
    const [again] = (await (await put([option({ description: 'new' })])).json()) as {
      id: string;
    }[];
    expect(again?.id).toBe(first?.id);
    const guild = fake.guild().id;
    await put([option({ name: 'local' })], `${guilds}/${guild}/commands`);
    expect(fake.commands(guild).map((c) => [c.name, c.guild_id])).toEqual([['local', guild]]);
  });

  test('bad bodies, unknown users and closed DMs are answered like Discord', async () => {
    const fake = await start();
    const bad = await api(fake, '/users/@me/channels', { method: 'POST', body: '{nope' });
    expect(await bad.json()).toMatchObject({ code: 50109 });
    const unknown = await api(fake, '/users/@me/channels', {
      method: 'POST',
      body: JSON.stringify({ recipient_id: '1' }),
    });
    expect(await unknown.json()).toMatchObject({ code: 10013 });
    const alice = fake.user('alice');
    fake.closeDms('alice');
    const opened = await api(fake, '/users/@me/channels', {
      method: 'POST',
      body: JSON.stringify({ recipient_id: alice.id }),
    });
    const dm = (await opened.json()) as { id: string; type: number };
    expect(dm.type).toBe(1);
    const sent = await api(fake, `/channels/${dm.id}/messages`, {
      method: 'POST',
      body: '{"content":"hi"}',
    });
    expect(sent.status).toBe(403);
    expect(await sent.json()).toMatchObject({ code: 50007 });
    expect(fake.dms(alice)).toEqual([]);
  });

  test('auth is checked when a token is set; unknown routes are recorded', async () => {
    const fake = await start({ token: 'secret' });
    expect((await api(fake, '/gateway/bot')).status).toBe(401);
    expect(
      (await api(fake, '/gateway/bot', { headers: { authorization: 'Bot secret' } })).status,
    ).toBe(200);
    expect((await api(fake, '/nope/%40me')).status).toBe(404);
    expect(fake.unknownRoutes).toEqual([
      { method: 'GET', path: '/nope/@me', rawPath: '/api/v10/nope/%40me' },
    ]);
  });
});
