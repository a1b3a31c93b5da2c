/**
 * Talking to the HTTP interactions endpoint as Discord would: an Ed25519 key pair made in
 * the test, signed requests over node:http on 127.0.0.1, raw interaction payloads, and a
 * tiny local REST server that records what the bot sends after its first answer (deferred
 * replies, follow-ups, reminders).
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SigningKey {
  /** The public key as the Developer Portal shows it (64 hex characters). */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function newSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { publicKeyHex: Buffer.from(jwk.x ?? '', 'base64url').toString('hex'), privateKey };
}

export function signatureHeaders(
  key: SigningKey,
  body: Buffer | string,
  timestamp = String(Math.floor(Date.now() / 1000)),
): Record<string, string> {
  const signature = sign(
    null,
    Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]),
    key.privateKey,
  );
  return {
    'x-signature-ed25519': signature.toString('hex'),
    'x-signature-timestamp': timestamp,
  };
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body as JSON, or null when it is not JSON. */
  json: unknown;
}

/** One request; `body` may be written in pieces (`chunks`) without a Content-Length. */
export function httpRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
    chunks?: readonly Buffer[];
  } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'POST', headers: options.headers ?? {} },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    // The server may close a connection it refused (413) while we are still writing.
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

export const APPLICATION_ID = '100000000000000001';
export const GUILD_ID = '200000000000000002';

let nextId = 300_000_000_000_000_000n;
export const snowflake = () => String(nextId++);

export interface RawOptions {
  user?: string;
  guild?: string | null;
  /** The member's permission bits, as a decimal string. */
  permissions?: string;
}

function actor(options: RawOptions) {
  const user = { id: options.user ?? '400000000000000004', username: 'alex', global_name: 'Alex' };
  return options.guild === null
    ? { user }
    : {
        guild_id: options.guild ?? GUILD_ID,
        member: { user, nick: null, permissions: options.permissions ?? '0' },
      };
}

export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

/** A slash command (`/name sub option:value`); string values are type 3, numbers 10, booleans 5. */
export function rawCommand(
  name: string,
  subcommand: string | null,
  values: Record<string, string | number | boolean> = {},
  options: RawOptions & { type?: 2 | 4; focused?: string } = {},
) {
  const leaves: RawOption[] = Object.entries(values).map(([key, value]) => ({
    name: key,
    type: typeof value === 'number' ? 10 : typeof value === 'boolean' ? 5 : 3,
    value,
    ...(options.focused === key ? { focused: true } : {}),
  }));
  const id = snowflake();
  return {
    id,
    application_id: APPLICATION_ID,
    type: options.type ?? 2,
    token: `token-${id}`,
    version: 1,
    ...actor(options),
    data: {
      id: snowflake(),
      name,
      type: 1,
      options: subcommand ? [{ name: subcommand, type: 1, options: leaves }] : leaves,
    },
  };
}

export function rawButton(customId: string, options: RawOptions = {}) {
  const id = snowflake();
  return {
    id,
    application_id: APPLICATION_ID,
    type: 3,
    token: `token-${id}`,
    version: 1,
    ...actor(options),
    data: { custom_id: customId, component_type: 2 },
  };
}

export interface RecordedRest {
  method: string;
  path: string;
  contentType: string;
  body: string;
}

/** A local stand-in for Discord's REST API: records every request, answers like Discord. */
export async function startRestRecorder() {
  const requests: RecordedRest[] = [];
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => {
      const path = decodeURIComponent((req.url ?? '').replace(/^\/api\/v10/, ''));
      requests.push({
        method: req.method ?? '',
        path,
        contentType: String(req.headers['content-type'] ?? ''),
        body: Buffer.concat(parts).toString('utf8'),
      });
      if (req.method === 'DELETE') {
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: snowflake(), channel_id: snowflake() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    /** DISCORD_API for the bot. */
    apiUrl: `http://127.0.0.1:${port}/api`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
