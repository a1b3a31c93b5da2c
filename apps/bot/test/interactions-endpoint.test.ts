/**
 * The HTTP interactions endpoint on 127.0.0.1, signed with a key pair made here: PING, the
 * same handlers as the gateway (a /cec answer, a /log entry, a deferred /privacy export
 * through REST, autocomplete, a button), and every request it must refuse — unsigned,
 * badly signed, replayed late, oversized, not JSON, malformed — with nothing executed and
 * nothing of the body in the log. Then a fuzz of all of those at once, counted.
 */
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningHttpBot, startHttpBot } from '../src/discord/http-bot.js';
import { MAX_BODY_BYTES } from '../src/discord/interactions-endpoint.js';
import { createLogger } from '../src/log.js';
import { type OpenedStore, openStore } from '../src/store/index.js';
import {
  APPLICATION_ID,
  httpRequest,
  newSigningKey,
  rawButton,
  rawCommand,
  type SigningKey,
  signatureHeaders,
  startRestRecorder,
} from './helpers/http-interactions.js';

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.HtTpEn.http-endpoint-token-for-tests-0000';
const MEMBER = '400000000000000004';

let key: SigningKey;
let rest: Awaited<ReturnType<typeof startRestRecorder>>;
let store: OpenedStore;
let bot: RunningHttpBot;
let endpoint: string;
const logs: string[] = [];

beforeAll(async () => {
  key = newSigningKey();
  rest = await startRestRecorder();
  store = await openStore(':memory:');
  bot = await startHttpBot({
    token: TOKEN,
    discordApi: rest.apiUrl,
    publicKey: key.publicKeyHex,
    port: 0,
    host: '127.0.0.1',
    siteUrl: 'https://cec.example.org',
    store,
    log: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
    now: () => new Date('2026-06-01T12:00:00Z'),
    reminders: false,
  });
  endpoint = `${bot.endpoint.url}/interactions`;
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await rest?.close();
});

const JSON_TYPE = { 'content-type': 'application/json' };

/** A request signed as Discord signs it. */
function signed(payload: unknown, timestamp?: string) {
  const body = JSON.stringify(payload);
  return httpRequest(endpoint, {
    headers: { ...JSON_TYPE, ...signatureHeaders(key, body, timestamp) },
    body,
  });
}

interface CallbackData {
  content?: string;
  embeds?: { title?: string; description?: string }[];
  components?: { components: { custom_id?: string }[] }[];
  flags?: number;
  allowed_mentions?: unknown;
  choices?: { name: string; value: string }[];
}
const callback = (json: unknown) => json as { type: number; data?: CallbackData };

const entries = () => store.activities.count(MEMBER);

describe('answering Discord', () => {
  test('PING is answered with PONG', async () => {
    const answer = await signed({
      id: '1',
      application_id: APPLICATION_ID,
      type: 1,
      token: 't',
      version: 1,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.json).toEqual({ type: 1 });
  });

  test('/cec cpr term:2yr: the answer is the HTTP response, public, pinging nobody', async () => {
    const answer = await signed(rawCommand('cec', 'cpr', { term: '2yr' }));
    expect(answer.status).toBe(200);
    const { type, data } = callback(answer.json);
    expect(type).toBe(4);
    expect(data?.embeds?.[0]?.title).toBe('2-year CPR/AED certificate: 0.4 CECs');
    expect(data?.flags).toBeUndefined();
    expect(data?.allowed_mentions).toEqual({ parse: [] });
  });

  test('/log records the entry before answering, privately', async () => {
    const before = await entries();
    const answer = await signed(
      rawCommand('log', 'mentor', { date: '2026-01-01', title: 'over http' }, { user: MEMBER }),
    );
    const { type, data } = callback(answer.json);
    expect(type).toBe(4);
    expect(data?.flags).toBe(64);
    const id = /Entry `([a-z0-9]+)`/.exec(data?.embeds?.[0]?.description ?? '')?.[1];
    expect(id).toBeDefined();
    expect(await entries()).toBe(before + 1);
    const stored = await store.activities.list(MEMBER);
    expect(stored.map((e) => e.id)).toContain(id);
  });

  test('/privacy export: deferred in the response, the files follow through REST', async () => {
    const seen = rest.requests.length;
    const raw = rawCommand('privacy', 'export', {}, { user: MEMBER });
    const answer = await signed(raw);
    expect(callback(answer.json)).toEqual({ type: 5, data: { flags: 64 } });
    await expect.poll(() => rest.requests.length, { timeout: 5000 }).toBeGreaterThan(seen);
    const edit = rest.requests[seen];
    expect(edit?.method).toBe('PATCH');
    expect(edit?.path).toBe(`/webhooks/${APPLICATION_ID}/${raw.token}/messages/@original`);
    expect(edit?.contentType).toMatch(/^multipart\/form-data/);
    expect(edit?.body).toContain('.csv');
    expect(edit?.body).toContain('over http');
  });

  test('autocomplete is answered with choices from the member’s own entries', async () => {
    const answer = await signed(
      rawCommand('log', 'remove', { entry: '' }, { user: MEMBER, type: 4, focused: 'entry' }),
    );
    const { type, data } = callback(answer.json);
    expect(type).toBe(8);
    expect(data?.choices?.some((c) => c.name.includes('over http'))).toBe(true);
  });

  test('a button press replaces its message (/privacy delete, then Cancel)', async () => {
    const prompt = callback(
      (await signed(rawCommand('privacy', 'delete', {}, { user: MEMBER }))).json,
    );
    const cancel = prompt.data?.components?.[0]?.components
      .map((c) => c.custom_id)
      .find((id) => id?.includes(':cancel:'));
    expect(cancel).toBeDefined();
    const pressed = callback((await signed(rawButton(cancel ?? '', { user: MEMBER }))).json);
    expect(pressed.type).toBe(7);
    expect(await entries()).toBeGreaterThan(0);
  });

  test('GET /health answers 200 for a load balancer; other paths 404', async () => {
    expect((await httpRequest(`${bot.endpoint.url}/health`, { method: 'GET' })).status).toBe(200);
    expect((await httpRequest(`${bot.endpoint.url}/other`, { method: 'GET' })).status).toBe(404);
    expect((await httpRequest(endpoint, { method: 'GET' })).status).toBe(405);
  });
});

/** A /log that would add an entry if it ran; its title marks the body in the logs. */
const BODY_MARK = 'body-text-never-logged';
function logPayload(label: string) {
  const title = `${BODY_MARK} ${label}`;
  return JSON.stringify(
    rawCommand('log', 'mentor', { date: '2026-01-01', title }, { user: MEMBER }),
  );
}

describe('refusing what Discord did not sign', () => {
  test('no signature: 401; a bad one: 401; another key’s: 401 — and nothing runs', async () => {
    const before = await entries();
    const body = logPayload('unsigned');
    const good = signatureHeaders(key, body);
    const other = signatureHeaders(newSigningKey(), body);
    const flipped = `${good['x-signature-ed25519']?.slice(0, -1)}${good['x-signature-ed25519']?.endsWith('0') ? '1' : '0'}`;
    for (const headers of [
      { ...JSON_TYPE },
      { ...JSON_TYPE, 'x-signature-timestamp': good['x-signature-timestamp'] ?? '' },
      { ...JSON_TYPE, ...good, 'x-signature-ed25519': flipped },
      { ...JSON_TYPE, ...good, 'x-signature-ed25519': 'not hex' },
      { ...JSON_TYPE, ...other },
    ]) {
      expect((await httpRequest(endpoint, { headers, body })).status).toBe(401);
    }
    expect(await entries()).toBe(before);
  });

  test('a correctly signed request replayed 6 minutes late (or dated ahead) is refused', async () => {
    const before = await entries();
    const body = logPayload('replayed');
    const seconds = Math.floor(Date.now() / 1000);
    for (const timestamp of [seconds - 6 * 60, seconds + 6 * 60, 0]) {
      const answer = await httpRequest(endpoint, {
        headers: { ...JSON_TYPE, ...signatureHeaders(key, body, String(timestamp)) },
        body,
      });
      expect(answer.status).toBe(401);
    }
    expect(await entries()).toBe(before);
  });

  test('a body over the limit: 413, declared or streamed, and reading stops', async () => {
    const huge = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const declared = await httpRequest(endpoint, {
      headers: { ...JSON_TYPE, ...signatureHeaders(key, huge) },
      body: huge,
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code }));
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(declared.status);

    // Chunked, with no length up front: the endpoint stops at the limit and closes.
    const streamed = await new Promise<{ status: number; written: number }>((resolve, reject) => {
      const req = request(endpoint, {
        method: 'POST',
        headers: { ...JSON_TYPE, ...signatureHeaders(key, 'x') },
      });
      let written = 0;
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, written });
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 64 * MAX_BODY_BYTES && req.write(chunk)) written += chunk.length;
        if (written < 64 * MAX_BODY_BYTES) req.once('drain', pump);
      };
      pump();
    });
    expect(streamed.status).toBe(413);
    expect(streamed.written).toBeLessThan(64 * MAX_BODY_BYTES);
  });

  test('not JSON by its content type: 415; signed but malformed JSON: 400', async () => {
    const body = logPayload('wrong type');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const answer = await httpRequest(endpoint, {
        headers: { 'content-type': type, ...signatureHeaders(key, body) },
        body,
      });
      expect(answer.status).toBe(415);
    }
    const broken = '{"type": 2, "data": ';
    const malformed = await httpRequest(endpoint, {
      headers: { ...JSON_TYPE, ...signatureHeaders(key, broken) },
      body: broken,
    });
    expect(malformed.status).toBe(400);
    const notInteraction = await signed({ hello: 'world' });
    expect(notInteraction.status).toBe(400);
  });

  test('a connection cut mid-body harms nothing; the next request is answered', async () => {
    const body = logPayload('cut off');
    const req = request(endpoint, {
      method: 'POST',
      headers: {
        ...JSON_TYPE,
        ...signatureHeaders(key, body),
        'content-length': String(body.length),
      },
    });
    req.on('error', () => undefined);
    req.write(body.slice(0, 40));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = new Promise((resolve) => req.once('close', resolve));
    req.destroy();
    await closed;
    const answer = await signed({
      id: '2',
      application_id: APPLICATION_ID,
      type: 1,
      token: 't',
      version: 1,
    });
    expect(answer.json).toEqual({ type: 1 });
  });

  test('refusals are logged without the body', () => {
    const refusals = logs.filter((line) => line.includes('interactions endpoint:'));
    expect(refusals.length).toBeGreaterThan(5);
    for (const line of refusals) {
      expect(line).not.toContain(BODY_MARK);
      expect(line).not.toContain('"data"');
    }
  });
});

describe('fuzz: nothing unsigned is ever executed', () => {
  const RUNS = 300;

  test(`${RUNS} mangled requests: each refused, no entry written, nothing sent to Discord`, async () => {
    const before = await entries();
    const restBefore = rest.requests.length;
    const body = Buffer.from(logPayload('fuzzed'));
    const good = signatureHeaders(key, body);
    const statuses = new Map<number | string, number>();

    const mangled = fc.oneof(
      // Random signatures, well-formed or not.
      fc.record({
        kind: fc.constant('signature'),
        signature: fc.oneof(
          fc
            .uint8Array({ minLength: 64, maxLength: 64 })
            .map((b) => Buffer.from(b).toString('hex')),
          fc.string(),
        ),
      }),
      // The signed body cut short, or with one byte changed.
      fc.record({ kind: fc.constant('truncated'), at: fc.nat({ max: body.length - 1 }) }),
      fc.record({
        kind: fc.constant('flipped'),
        at: fc.nat({ max: body.length - 1 }),
        xor: fc.integer({ min: 1, max: 255 }),
      }),
      // Correctly signed, but too old or too far ahead.
      fc.record({
        kind: fc.constant('replayed'),
        skewSeconds: fc.oneof(
          fc.integer({ min: 301, max: 10 ** 8 }),
          fc.integer({ min: -(10 ** 8), max: -301 }),
        ),
      }),
      // Another content type.
      fc.record({
        kind: fc.constant('content-type'),
        type: fc.oneof(
          fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data', 'json'),
          fc.string(),
        ),
      }),
      // Over the size limit.
      fc.record({ kind: fc.constant('huge'), extra: fc.integer({ min: 1, max: 4096 }) }),
    );

    await fc.assert(
      fc.asyncProperty(mangled, async (m) => {
        let headers: Record<string, string> = { ...JSON_TYPE, ...good };
        let payload: Buffer = body;
        if (m.kind === 'signature') headers['x-signature-ed25519'] = m.signature;
        else if (m.kind === 'truncated') payload = body.subarray(0, m.at);
        else if (m.kind === 'flipped') {
          payload = Buffer.from(body);
          payload[m.at] = (payload[m.at] ?? 0) ^ m.xor;
        } else if (m.kind === 'replayed') {
          const late = String(Math.floor(Date.now() / 1000) - m.skewSeconds);
          headers = { ...JSON_TYPE, ...signatureHeaders(key, body, late) };
        } else if (m.kind === 'content-type') {
          if (/^application\/json\s*(;|$)/i.test(m.type)) return;
          headers['content-type'] = m.type.replace(/[^\t\x20-\x7e]/g, '');
        } else
          payload = Buffer.concat([
            body,
            Buffer.alloc(MAX_BODY_BYTES + m.extra - body.length, 0x20),
          ]);
        // A client still writing an oversized body may see the connection closed under it.
        const answer = await httpRequest(endpoint, { headers, body: payload }).catch(() => ({
          status: 'closed at the limit',
        }));
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const allowed = m.kind === 'huge' ? [413, 'closed at the limit'] : [400, 401, 415];
        expect(allowed).toContain(answer.status);
      }),
      { numRuns: RUNS },
    );

    expect(await entries()).toBe(before);
    expect(rest.requests.length).toBe(restBefore);
    const counted = [...statuses].map(([status, n]) => `${n}× ${status}`).join(', ');
    console.log(`endpoint fuzz: ${RUNS} cases tried, none executed (${counted})`);
  }, 60_000);
});
