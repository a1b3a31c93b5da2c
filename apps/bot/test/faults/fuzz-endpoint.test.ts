/**
 * Fuzzing the HTTP interactions endpoint beyond interactions-endpoint.test.ts's raw fuzz (one
 * fixed /log body: random signatures, cut or flipped bytes, old timestamps, content types,
 * sizes). Here:
 * - through the fake Discord's signer: the interactions it builds for many commands and a
 *   delete-everything button, signed with its key and tampered with on the wire (another
 *   key, a member or permission swapped after signing, a genuine replay dated outside the
 *   window, the timestamp header moved, JSON lookalike content types), between genuine ones
 *   that must run, some genuinely signed and padded to just under or over the size limit;
 * - raw where only raw bytes can say it: a Content-Length longer or shorter than the body,
 *   a second unsigned request pipelined behind a signed one, chunked bodies, duplicate
 *   signature headers, and signed timestamps in every odd format.
 * Nothing unsigned ever runs: no store write, no REST call to Discord, no body in the log.
 */
import { connect } from 'node:net';
import {
  type FakeDiscord,
  type InteractionReply,
  Permission,
  type SignedRequest,
  startFakeDiscord,
} from '@cec/discord-fake';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { type RunningHttpBot, startHttpBot } from '../../src/discord/http-bot.js';
import { MAX_BODY_BYTES } from '../../src/discord/interactions-endpoint.js';
import { createLogger } from '../../src/log.js';
import { type OpenedStore, openStore } from '../../src/store/index.js';
import { TOKEN } from '../helpers/fake-discord.js';
import { newSigningKey, rawCommand, signatureHeaders } from '../helpers/http-interactions.js';

const MARK = 'fuzzmark';
const USERS = ['fuzz-ann', 'fuzz-ben', 'fuzz-cy'];

let fake: FakeDiscord;
let store: OpenedStore;
let bot: RunningHttpBot;
let endpointUrl: string;
const logs: string[] = [];
/** What the wire does to the next request; the fake's endpoint setting calls it. */
let onTheWire: (request: SignedRequest) => SignedRequest = (request) => request;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
  await deployCommands({
    token: TOKEN,
    applicationId: fake.applicationId,
    discordApi: fake.apiUrl,
    guildId: null,
  });
  store = await openStore(':memory:');
  bot = await startHttpBot({
    token: TOKEN,
    discordApi: fake.apiUrl,
    publicKey: fake.publicKey,
    port: 0,
    host: '127.0.0.1',
    siteUrl: 'https://cec.example.org',
    store,
    log: createLogger({ level: 'debug', secrets: [TOKEN], write: (line) => logs.push(line) }),
    reminders: false,
  });
  endpointUrl = `${bot.endpoint.url}/interactions`;
  const guild = fake.guild();
  await store.groups.configure(guild.id, guild.channel('general')?.id ?? '', [30]);
  await fake.setInteractionsEndpoint(endpointUrl, { tamper: (request) => onTheWire(request) });
});

afterAll(async () => {
  await bot?.stop();
  await store?.close();
  await fake?.close();
});

/** Everything the fuzz users have in the store, as one comparable string. */
async function snapshot(): Promise<string> {
  const rows = [];
  for (const name of USERS) {
    const id = fake.user(name).id;
    rows.push([
      (await store.activities.list(id)).map((a) => a.id),
      await store.certifications.list(id),
      (await store.groups.membershipsOf(id)).length,
    ]);
  }
  return JSON.stringify(rows);
}

const seconds = () => Math.floor(Date.now() / 1000);

type Change = 'impersonate' | 'escalate' | 'retitle';

/** The signed body with one thing changed, as an attacker in the middle would. */
function changed(body: Buffer, change: Change): Buffer {
  const payload = JSON.parse(body.toString('utf8')) as {
    member: { user: { id: string }; permissions: string };
    locale: string;
  };
  if (change === 'impersonate') {
    const others = USERS.map((name) => fake.user(name).id).filter(
      (id) => id !== payload.member.user.id,
    );
    payload.member.user.id = others[0] ?? '1';
  } else if (change === 'escalate') {
    payload.member.permissions = String(Permission.Administrator | Permission.ManageGuild);
  } else {
    payload.locale = 'fr';
  }
  const text = JSON.stringify(payload);
  return Buffer.from(change === 'retitle' ? text.replaceAll(MARK, MARK.toUpperCase()) : text);
}

type What =
  | { kind: 'log'; title: string }
  | { kind: 'cert' | 'join' | 'export' | 'cpr' | 'confirm' };

/** Sends one interaction as a member would; resolves once it is fully answered. */
async function send(user: string, what: What, prompts: Map<string, InteractionReply>) {
  switch (what.kind) {
    case 'log':
      return fake.command({
        name: 'log mentor',
        options: { date: '2026-01-01', title: `${MARK} ${what.title}` },
        user,
      });
    case 'cert':
      return fake.command({
        name: 'cert add',
        options: { credential: 'personal-trainer', expires: '03/31/2027' },
        user,
      });
    case 'join':
      return fake.command({ name: 'group join', user });
    case 'export': {
      // Deferred: the file follows through REST, which must land before the next case counts.
      const reply = await fake.command({ name: 'privacy export', user });
      await reply.final();
      return reply;
    }
    case 'cpr':
      return fake.command({ name: 'cec cpr', options: { term: '2yr' }, user });
    default: {
      const prompt = prompts.get(user);
      const confirm = prompt?.message?.customIds().find((id) => id.includes(':confirm:'));
      if (!prompt || !confirm) throw new Error(`no delete prompt for ${user}`);
      return fake.clickButton({ message: prompt, customId: confirm, user });
    }
  }
}

describe('through the fake Discord: its signed interactions, tampered with on the wire', () => {
  const RUNS = 200;

  test(`${RUNS} interactions, each tampered or untouched: only the genuine run`, async () => {
    // A delete-everything prompt per member, whose confirm button a tampered click would press.
    const prompts = new Map<string, InteractionReply>();
    for (const name of USERS) {
      prompts.set(name, await fake.command({ name: 'privacy delete', user: name }));
    }
    const interaction = fc.record({
      user: fc.constantFrom(...USERS),
      what: fc.oneof(
        fc.record({ kind: fc.constant('log'), title: fc.string({ maxLength: 40 }) }),
        fc.record({ kind: fc.constantFrom('cert', 'join', 'export', 'cpr', 'confirm') }),
      ),
    });
    const tampering = fc.oneof(
      { weight: 2, arbitrary: fc.record({ how: fc.constant('untouched') }) },
      fc.record({ how: fc.constant('another key') }),
      fc.record({
        how: fc.constant('body changed after signing'),
        change: fc.constantFrom('impersonate', 'escalate', 'retitle'),
      }),
      fc.record({
        how: fc.constant('replayed'),
        // Outside the 5-minute window by a few seconds at least, so a second ticking over
        // between signing and checking cannot bring it back in.
        skew: fc.oneof(
          fc.integer({ min: 305, max: 10 ** 7 }),
          fc.integer({ min: -(10 ** 7), max: -305 }),
        ),
      }),
      fc.record({
        how: fc.constant('timestamp moved'),
        by: fc.integer({ min: -299, max: 299 }).filter((n) => n !== 0),
      }),
      // Padded with spaces and genuinely signed: up to the limit it runs, past it it is refused.
      fc.record({
        how: fc.constant('signed, padded'),
        over: fc.integer({ min: -64, max: 2048 }),
      }),
      fc.record({
        how: fc.constant('content type'),
        type: fc.constantFrom(
          'application/jsonp',
          'application/json-patch+json',
          'text/json',
          'application/x-json',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
        ),
      }),
    );
    const other = newSigningKey();
    const tally = new Map<string, number>();
    /** Signed and whole: answered, and some of them wrote. */
    let ran = 0;
    let wrote = 0;

    await fc.assert(
      fc.asyncProperty(interaction, tampering, async ({ user, what }, tamper) => {
        onTheWire = (request) => {
          const { body } = request;
          const stamp = request.headers['x-signature-timestamp'] ?? '';
          switch (tamper.how) {
            case 'another key':
              return {
                headers: { ...request.headers, ...signatureHeaders(other, body, stamp) },
                body,
              };
            case 'body changed after signing':
              return { headers: request.headers, body: changed(body, tamper.change) };
            case 'replayed':
              return {
                headers: {
                  ...request.headers,
                  ...fake.signatureHeaders(body, String(seconds() - tamper.skew)),
                },
                body,
              };
            case 'timestamp moved':
              return {
                headers: {
                  ...request.headers,
                  'x-signature-timestamp': String(Number(stamp) + tamper.by),
                },
                body,
              };
            case 'signed, padded': {
              const big = Buffer.concat([
                body,
                Buffer.alloc(MAX_BODY_BYTES - body.length + tamper.over, 0x20),
              ]);
              return { headers: { ...request.headers, ...fake.signatureHeaders(big) }, body: big };
            }
            case 'content type':
              return { headers: { ...request.headers, 'content-type': tamper.type }, body };
            default:
              return request;
          }
        };
        const runs =
          tamper.how === 'untouched' || (tamper.how === 'signed, padded' && tamper.over <= 0);
        // A member's own confirmed deletion would change what the next cases compare.
        fc.pre(!(runs && what.kind === 'confirm'));
        const before = await snapshot();
        const requestsBefore = fake.requests.length;
        const sent = send(user, what, prompts);
        if (runs) {
          await sent;
          ran++;
          if ((await snapshot()) !== before) wrote++;
        } else {
          await expect(sent).rejects.toThrow(/answered (401|413|415)|lost before an answer/);
          expect(await snapshot()).toBe(before);
          expect(fake.requests.length).toBe(requestsBefore);
        }
        tally.set(tamper.how, (tally.get(tamper.how) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    onTheWire = (request) => request;
    // The genuine ones did run, and wrote: the endpoint is not simply refusing everything.
    expect(wrote).toBeGreaterThan(0);
    expect(logs.some((line) => line.includes(MARK))).toBe(false);
    const counted = [...tally].map(([how, n]) => `${n}× ${how}`).join(', ');
    console.log(
      `endpoint fuzz through the fake: ${RUNS} cases, only the ${ran} genuine ones ran, ${wrote} of them writing (${counted})`,
    );
  }, 120_000);
});

/** Raw bytes to the endpoint; resolves with every status line that came back before it closed. */
function rawExchange(bytes: Buffer): Promise<number[]> {
  const { port } = new URL(endpointUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve([...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1])));
    });
    // A request the server waits on forever would hang the test: give up on it instead.
    socket.setTimeout(5000, () => socket.destroy());
    // Half-close: the server answers what it has, then closes.
    socket.end(bytes);
  });
}

/** One HTTP/1.1 request as bytes; `length` overrides Content-Length (null: none). */
function rawRequest(
  headers: [string, string][],
  body: Buffer,
  length: number | null = body.length,
): Buffer {
  const lines = [
    'POST /interactions HTTP/1.1',
    'Host: 127.0.0.1',
    ...headers.map(([name, value]) => `${name}: ${value}`),
    ...(length === null ? [] : [`Content-Length: ${length}`]),
  ];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** `body` as chunked transfer encoding, cut at the given points. */
function chunked(body: Buffer, cuts: number[]): Buffer {
  const points = [...new Set(cuts.map((c) => c % body.length))].sort((a, b) => a - b);
  const pieces = [0, ...points, body.length]
    .slice(1)
    .map((end, i, ends) => body.subarray(i === 0 ? 0 : (ends[i - 1] ?? 0), end))
    .filter((piece) => piece.length > 0);
  const framed = pieces.map((piece) =>
    Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]),
  );
  return Buffer.concat([...framed, Buffer.from('0\r\n\r\n')]);
}

describe("raw bytes, signed with the fake Discord's key", () => {
  const RUNS = 150;
  const MEMBER = '400000000000000004';

  test(`${RUNS} framing and header tricks: only genuinely signed, whole, timely bodies run`, async () => {
    let n = 0;
    const tricks = fc.oneof(
      fc.record({ trick: fc.constant('length longer'), extra: fc.integer({ min: 1, max: 4096 }) }),
      fc.record({ trick: fc.constant('length shorter'), cut: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ trick: fc.constant('pipelined, reusing the signature') }),
      fc.record({
        trick: fc.constant('chunked'),
        cuts: fc.array(fc.nat(), { maxLength: 8 }),
        flip: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
      }),
      fc.record({
        trick: fc.constant('duplicate header'),
        name: fc.constantFrom('X-Signature-Ed25519', 'X-Signature-Timestamp'),
        junkFirst: fc.boolean(),
        sameTwice: fc.boolean(),
      }),
      fc.record({
        trick: fc.constant('signed timestamp'),
        stamp: fc.oneof(
          // Now, give or take, written oddly: padded, signed, fractional, exponent, hex.
          {
            weight: 3,
            arbitrary: fc
              .tuple(
                // Clear of the 5-minute edge, which a second ticking over could move.
                fc.integer({ min: -400, max: 400 }).filter((n) => Math.abs(Math.abs(n) - 300) > 5),
                fc.constantFrom('', '0', '00', '+', '-', '.0', 'e0', '0x'),
              )
              .map(([skew, odd]) => {
                const value = seconds() + skew;
                if (odd === '.0' || odd === 'e0') return `${value}${odd}`;
                if (odd === '0x') return `0x${value.toString(16)}`;
                return `${odd}${value}`;
              }),
          },
          fc.stringMatching(/^[\x21-\x7e]{1,16}$/),
        ),
      }),
    );
    const statuses = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(tricks, async (t) => {
        n++;
        const title = `raw ${MARK} ${n}`;
        const payload = rawCommand(
          'log',
          'mentor',
          { date: '2026-01-01', title },
          { user: MEMBER },
        );
        const body = Buffer.from(JSON.stringify(payload));
        const signed = fake.signatureHeaders(body);
        const headers: [string, string][] = [
          ['Content-Type', 'application/json'],
          ['X-Signature-Ed25519', signed['x-signature-ed25519'] ?? ''],
          ['X-Signature-Timestamp', signed['x-signature-timestamp'] ?? ''],
        ];
        let bytes: Buffer;
        let shouldRun = false;
        let other: string | undefined;
        switch (t.trick) {
          case 'length longer':
            bytes = rawRequest(headers, body, body.length + t.extra);
            break;
          case 'length shorter':
            bytes = rawRequest(headers, body, Math.max(0, body.length - t.cut));
            break;
          case 'pipelined, reusing the signature': {
            other = `raw ${MARK} ${n} smuggled`;
            const second = Buffer.from(
              JSON.stringify(
                rawCommand('log', 'mentor', { date: '2026-01-01', title: other }, { user: MEMBER }),
              ),
            );
            bytes = Buffer.concat([rawRequest(headers, body), rawRequest(headers, second)]);
            shouldRun = true;
            break;
          }
          case 'chunked': {
            // A byte of the signed body changed (before framing, so the framing stays sound).
            const sent = Buffer.from(body);
            if (t.flip !== undefined) {
              const at = t.flip % sent.length;
              sent[at] = (sent[at] ?? 0) ^ 0x01;
            }
            const framed = chunked(sent, t.cuts);
            bytes = rawRequest([...headers, ['Transfer-Encoding', 'chunked']], framed, null);
            shouldRun = t.flip === undefined;
            break;
          }
          case 'duplicate header': {
            const index = t.name === 'X-Signature-Ed25519' ? 1 : 2;
            const genuine = headers[index]?.[1] ?? '';
            const junk = t.sameTwice ? genuine : index === 1 ? '0'.repeat(128) : '1';
            const pair: [string, string][] = [
              [t.name, t.junkFirst ? junk : genuine],
              [t.name, t.junkFirst ? genuine : junk],
            ];
            bytes = rawRequest([...headers.filter((_, i) => i !== index), ...pair], body);
            break;
          }
          default: {
            const stamped = fake.signatureHeaders(body, t.stamp);
            bytes = rawRequest(
              [
                ['Content-Type', 'application/json'],
                ['X-Signature-Ed25519', stamped['x-signature-ed25519'] ?? ''],
                ['X-Signature-Timestamp', t.stamp],
              ],
              body,
            );
            // Discord's timestamps are Unix seconds in plain digits; within 5 minutes, they run.
            shouldRun = /^\d{1,12}$/.test(t.stamp) && Math.abs(Number(t.stamp) - seconds()) <= 300;
          }
        }
        const requestsBefore = fake.requests.length;
        const got = await rawExchange(bytes);
        statuses.set(
          `${t.trick}: ${got.join('+') || 'closed'}`,
          (statuses.get(`${t.trick}: ${got.join('+') || 'closed'}`) ?? 0) + 1,
        );
        const titles = (await store.activities.list(MEMBER)).map((a) => String(a.activity.title));
        expect(titles.filter((x) => x === title)).toHaveLength(shouldRun ? 1 : 0);
        if (other !== undefined) expect(titles).not.toContain(other);
        expect(fake.requests.length).toBe(requestsBefore);
        if (shouldRun) expect(got[0]).toBe(200);
        else expect(got.includes(200)).toBe(false);
      }),
      { numRuns: RUNS },
    );
    expect(logs.some((line) => line.includes(MARK))).toBe(false);
    const counted = [...statuses]
      .sort()
      .map(([key, count]) => `${count}× ${key}`)
      .join('; ');
    console.log(`endpoint fuzz, raw: ${RUNS} cases (${counted})`);
  }, 120_000);
});
