/**
 * Interactions over HTTP: the fake signs each one with a key pair of its own and POSTs it to
 * the endpoint URL(s), taking the HTTP response as the callback. The endpoints here are tiny
 * node:http servers that check signatures with node:crypto and the fake's public key alone.
 */
import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from '../src/index.js';

const fakes: FakeDiscord[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord(options);
  fakes.push(fake);
  fake.setCommands([
    {
      name: 'say',
      description: 'Say something',
      options: [{ type: 3, name: 'text', description: 'What', required: true }],
    },
  ]);
  return fake;
}

/** Checks a signature the way a bot does, from the public key's 64 hex characters only. */
function signedBy(publicKeyHex: string, signature: string, timestamp: string, body: Buffer) {
  const x = Buffer.from(publicKeyHex, 'hex').toString('base64url');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  return verify(
    null,
    Buffer.concat([Buffer.from(timestamp), body]),
    key,
    Buffer.from(signature, 'hex'),
  );
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

type Payload = {
  id: string;
  type: number;
  token: string;
  data?: { options?: { value: string }[] };
};

interface Endpoint {
  url: string;
  server: Server;
  /** Every request, with whether its signature checked out. */
  received: { body: Buffer; verified: boolean; headers: IncomingMessage['headers'] }[];
}

/**
 * An interactions endpoint: 401 for a bad signature, PONG to a PING, else `answer`'s callback.
 * `checkSignature: false` makes one that trusts anything (which Discord refuses to save).
 */
async function startEndpoint(
  fake: FakeDiscord,
  answer: (payload: Payload) => unknown | Promise<unknown> = (p) => ({
    type: 4,
    data: { content: `said ${p.data?.options?.[0]?.value}` },
  }),
  options: { checkSignature?: boolean; pong?: unknown } = {},
): Promise<Endpoint> {
  const received: Endpoint['received'] = [];
  const server = createServer(async (req, res) => {
    const body = await read(req);
    const verified = signedBy(
      fake.publicKey,
      String(req.headers['x-signature-ed25519']),
      String(req.headers['x-signature-timestamp']),
      body,
    );
    received.push({ body, verified, headers: req.headers });
    if (!verified && options.checkSignature !== false) {
      res.writeHead(401);
      res.end('invalid request signature');
      return;
    }
    const payload = JSON.parse(body.toString('utf8')) as Payload;
    const callback = payload.type === 1 ? (options.pong ?? { type: 1 }) : await answer(payload);
    if (callback === undefined) return; // answered by the test itself
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(callback));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/interactions`, server, received };
}

describe('signing', () => {
  test('the signature verifies with fake.publicKey; a changed body or timestamp does not', async () => {
    const fake = await start();
    const other = await start();
    expect(fake.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(other.publicKey).not.toBe(fake.publicKey);
    const body = Buffer.from('{"type":2,"id":"1"}');
    const headers = fake.signatureHeaders(body);
    const signature = headers['x-signature-ed25519'] ?? '';
    const timestamp = headers['x-signature-timestamp'] ?? '';
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(signedBy(fake.publicKey, signature, timestamp, body)).toBe(true);
    expect(signedBy(fake.publicKey, signature, timestamp, Buffer.from('{"type":2,"id":"2"}'))).toBe(
      false,
    );
    expect(signedBy(fake.publicKey, signature, String(Number(timestamp) - 1), body)).toBe(false);
    expect(signedBy(other.publicKey, signature, timestamp, body)).toBe(false);
    const old = fake.signatureHeaders(body, '1000');
    expect(old['x-signature-timestamp']).toBe('1000');
    expect(signedBy(fake.publicKey, old['x-signature-ed25519'] ?? '', '1000', body)).toBe(true);
  });

  test('setInteractionsEndpoint checks each URL as the Developer Portal does', async () => {
    const fake = await start();
    const good = await startEndpoint(fake);
    await fake.setInteractionsEndpoint(good.url);
    // A signed PING, then the same PING with a bad signature.
    expect(good.received.map((r) => r.verified)).toEqual([true, false]);
    expect(JSON.parse(good.received[0]?.body.toString() ?? '')).toMatchObject({ type: 1 });

    const trusting = await startEndpoint(fake, undefined, { checkSignature: false });
    await expect(fake.setInteractionsEndpoint(trusting.url)).rejects.toThrow(
      /would not save .* a PING with a bad signature got 200, not 401/,
    );
    const noPong = await startEndpoint(fake, undefined, { pong: { type: 4 } });
    await expect(fake.setInteractionsEndpoint([good.url, noPong.url])).rejects.toThrow(
      /a signed PING got 200 \{"type":4\}, not PONG/,
    );
    const closed = await startEndpoint(fake);
    closed.server.close();
    await expect(fake.setInteractionsEndpoint(closed.url)).rejects.toThrow(
      /cannot be reached \(ECONNREFUSED\)/,
    );
    // A refused setting changes nothing: interactions still go to the good endpoint.
    expect((await fake.command({ name: 'say', options: { text: 'hi' } })).content).toBe('said hi');
  });
});

describe('delivery', () => {
  test('a command goes over HTTP, signed; the HTTP response is its callback', async () => {
    const fake = await start();
    const endpoint = await startEndpoint(fake);
    await fake.setInteractionsEndpoint(endpoint.url);
    const reply = await fake.command({ name: 'say', options: { text: 'hello' }, user: 'alice' });
    expect(reply.content).toBe('said hello');
    expect(reply.message?.content).toBe('said hello');
    const request = endpoint.received.at(-1);
    expect(request?.verified).toBe(true);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body.toString() ?? '')).toEqual(reply.interaction);
    expect(fake.httpDeliveries).toEqual([
      expect.objectContaining({
        interactionId: reply.id,
        label: '/say',
        url: endpoint.url,
        refused: [],
        status: 200,
        outcome: 'answered',
        problem: undefined,
      }),
    ]);
    // No gateway client was ever connected; back on the gateway, there is no session.
    await fake.setInteractionsEndpoint(null);
    await expect(
      fake.command({ name: 'say', options: { text: 'x' }, timeoutMs: 50 }),
    ).rejects.toThrow(/no gateway session for shard 0/);
  });

  test('what follows a deferral goes through webhooks that take no bot token', async () => {
    const fake = await start({ token: 'bot-secret' });
    const endpoint = await startEndpoint(fake, () => ({ type: 5, data: { flags: 64 } }));
    await fake.setInteractionsEndpoint(endpoint.url);
    const reply = await fake.command({ name: 'say', options: { text: 'later' } });
    expect(reply.message?.loading).toBe(true);
    const webhook = `${fake.apiUrl}/v10/webhooks/${fake.applicationId}/${reply.token}`;
    const call = (path: string, method: string, body?: unknown) =>
      fetch(`${webhook}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await call('/messages/%40original', 'PATCH', { content: 'done' })).status).toBe(200);
    expect((await reply.final()).content).toBe('done');
    const followUp = await call('', 'POST', { content: 'and more' });
    expect(followUp.status).toBe(200);
    const { id } = (await followUp.json()) as { id: string };
    expect((await call(`/messages/${id}`, 'DELETE')).status).toBe(204);
    expect((await call('/messages/%40original', 'DELETE')).status).toBe(204);
    expect(reply.message?.deleted).toBe(true);
    expect(fake.failedRequests).toEqual([]);
    // The bot's own routes still want the token.
    expect((await fetch(`${fake.apiUrl}/v10/gateway/bot`)).status).toBe(401);
  });

  test('round robin over two endpoints; one that refuses the connection is skipped', async () => {
    const fake = await start();
    const a = await startEndpoint(fake, () => ({ type: 4, data: { content: 'a' } }));
    const b = await startEndpoint(fake, () => ({ type: 4, data: { content: 'b' } }));
    await fake.setInteractionsEndpoint([a.url, b.url]);
    const say = () => fake.command({ name: 'say', options: { text: 'x' } });
    const first = [await say(), await say(), await say(), await say()];
    expect(first.map((r) => r.content)).toEqual(['a', 'b', 'a', 'b']);
    b.server.closeAllConnections();
    await new Promise((resolve) => b.server.close(resolve));
    const after = [await say(), await say(), await say()];
    expect(after.map((r) => r.content)).toEqual(['a', 'a', 'a']);
    expect(fake.httpDeliveries.slice(4).map((d) => [d.url, d.refused])).toEqual([
      [a.url, []],
      [a.url, [b.url]],
      [a.url, []],
    ]);
    a.server.closeAllConnections();
    await new Promise((resolve) => a.server.close(resolve));
    await expect(say()).rejects.toThrow(/every interactions endpoint refused the connection/);
  });

  test('a refusal, a bad callback or a lost connection fails the interaction at once, saying why', async () => {
    const fake = await start();
    let answer: (p: Payload) => unknown = () => ({ type: 4, data: { content: 'x'.repeat(2001) } });
    const endpoint = await startEndpoint(fake, (p) => answer(p));
    await fake.setInteractionsEndpoint(endpoint.url);
    const say = () => fake.command({ name: 'say', options: { text: 'x' }, timeoutMs: 10_000 });
    await expect(say()).rejects.toThrow(/answered with a callback Discord refuses: .*50035/);
    answer = () => ({ type: 1 });
    await expect(say()).rejects.toThrow(/interaction response type 1 is not one/);
    // Bad signatures (a tampered body) are the endpoint's 401.
    answer = () => ({ type: 4, data: { content: 'fine' } });
    await fake.setInteractionsEndpoint(endpoint.url, {
      tamper: (request) => ({
        ...request,
        body: Buffer.from(request.body.toString().replace('"x"', '"y"')),
      }),
    });
    await expect(say()).rejects.toThrow(/answered 401: invalid request signature/);
    await fake.setInteractionsEndpoint(endpoint.url);
    expect((await say()).content).toBe('fine');
    // The endpoint's process dies with the request in hand.
    answer = () => {
      endpoint.server.closeAllConnections();
      return undefined;
    };
    await expect(say()).rejects.toThrow(
      /connection to .* was lost before an answer \(ECONNRESET\)/,
    );
    expect(fake.httpDeliveries.map((d) => d.outcome)).toEqual([
      'failed',
      'failed',
      'failed',
      'answered',
      'failed',
    ]);
  });

  test('an answer after the reply window is ignored, as Discord ignores it', async () => {
    const fake = await start();
    let release: (callback: unknown) => void = () => undefined;
    const endpoint = await startEndpoint(
      fake,
      () =>
        new Promise((resolve) => {
          release = resolve;
        }),
    );
    await fake.setInteractionsEndpoint(endpoint.url);
    await expect(
      fake.command({ name: 'say', options: { text: 'x' }, timeoutMs: 50 }),
    ).rejects.toThrow(/did not answer \/say .* within 50 ms/);
    release({ type: 4, data: { content: 'too late' } });
    const late = await fake.waitFor(() => fake.httpDeliveries.find((d) => d.outcome === 'late'));
    expect(late).toMatchObject({
      status: 200,
      problem: `${endpoint.url} answered after the reply window`,
    });
  });
});
