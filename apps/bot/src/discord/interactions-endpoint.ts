/**
 * Discord's HTTP interactions endpoint (node:http, no framework): Discord POSTs each
 * interaction to `/interactions`, signed; the bot answers in the HTTP response when it can
 * (a message, a button update, a modal, autocomplete choices, PONG to a PING) and through the REST
 * API after that (the message of a deferred reply, follow-ups, edits, deletions). Nothing
 * is parsed before the signature is checked, and nothing unsigned runs.
 *
 * Refused, and logged without the body: a body over MAX_BODY_BYTES (413, reading stops at
 * the limit), a type other than JSON (415), a missing or bad signature or a timestamp more
 * than 5 minutes from now (401: a captured request cannot be replayed later), JSON that
 * does not parse or is not an interaction the bot reads (400). `GET /health` answers 200
 * for a load balancer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIInteractionResponse,
  InteractionResponseType,
  MessageFlags,
  type REST,
  Routes,
} from 'discord.js';
import type { Logger } from '../log.js';
import { renderApology } from '../render/problems.js';
import { apiMessageOf, modalDataOf } from './adapter.js';
import { readInteraction } from './raw-interaction.js';
import {
  buttonLabel,
  choicesResponder,
  commandLabel,
  type Incoming,
  modalLabel,
  type Responder,
  type Router,
} from './router.js';
import { isSignedBy, publicKeyFromHex } from './signature.js';

/** Discord's interactions are a few KB; a message component's carries its message (≤ ~30 KB). */
export const MAX_BODY_BYTES = 256 * 1024;
/** How far X-Signature-Timestamp may be from this machine's clock. */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const INTERACTIONS_PATH = '/interactions';
/** Longer than a load balancer's idle timeout (see where it is set). */
const KEEP_ALIVE_MS = 65_000;

export interface EndpointOptions {
  router: Router;
  rest: REST;
  /** The application's public key, 64 hex characters. */
  publicKey: string;
  log: Logger;
  now?: () => number;
}

export interface InteractionsEndpoint {
  server: Server;
  /** http://host:port, with the port actually bound (INTERACTIONS_PORT=0 picks one). */
  url: string;
  close(): Promise<void>;
}

type Sendable = APIInteractionResponse;

/** Answers one interaction: the first answer in the HTTP response, the rest through REST. */
function httpResponder(
  raw: { application_id: string; token: string },
  send: (response: Sendable) => void,
  rest: REST,
): Responder {
  let answered: 'no' | 'deferred' | 'replied' = 'no';
  const original = Routes.webhookMessage(raw.application_id, raw.token, '@original');
  const first = (response: Sendable) => {
    if (answered !== 'no') throw new Error('this interaction was already answered');
    send(response);
  };
  // Interaction webhooks are authorised by their token, not the bot's.
  const edit = async (reply: Parameters<Responder['reply']>[0]) => {
    const message = apiMessageOf(reply, { flags: false });
    await rest.patch(original, { body: message.body, files: message.files, auth: false });
    answered = 'replied';
  };
  const defer = async (ephemeral: boolean) => {
    first({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
    });
    answered = 'deferred';
  };
  return {
    async reply(reply) {
      const message = apiMessageOf(reply, { flags: true });
      if (message.files.length > 0) {
        // Files go as multipart through REST: defer, then send the message with them.
        await defer(reply.ephemeral);
        await edit(reply);
        return;
      }
      first({ type: InteractionResponseType.ChannelMessageWithSource, data: message.body });
      answered = 'replied';
    },
    defer,
    editReply: edit,
    async followUp(reply) {
      const message = apiMessageOf(reply, { flags: true });
      await rest.post(Routes.webhook(raw.application_id, raw.token), {
        body: message.body,
        files: message.files,
        auth: false,
      });
    },
    async deleteReply() {
      await rest.delete(original, { auth: false });
    },
    async update(reply) {
      const message = apiMessageOf(reply, { flags: false });
      if (message.files.length > 0) {
        first({ type: InteractionResponseType.DeferredMessageUpdate });
        answered = 'deferred';
        await edit(reply);
        return;
      }
      first({ type: InteractionResponseType.UpdateMessage, data: message.body });
      answered = 'replied';
    },
    async modal(modal) {
      first({ type: InteractionResponseType.Modal, data: modalDataOf(modal) });
      answered = 'replied';
    },
    choices: () => Promise.reject(new Error('only autocomplete answers with choices')),
    answered: () => answered,
  };
}

/** The interaction as the router takes it, answering through `send` and `rest`. */
function incomingOf(
  read: Exclude<ReturnType<typeof readInteraction>, { kind: 'ping' | 'unsupported' }>,
  send: (response: Sendable) => void,
  rest: REST,
): Incoming {
  if (read.kind === 'autocomplete') {
    return {
      kind: 'autocomplete',
      label: commandLabel(read.input.command, read.input.subcommand, read.raw.id),
      input: read.input,
      respond: choicesResponder(async (choices) => {
        send({
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices },
        });
      }),
    };
  }
  const respond = httpResponder(read.raw, send, rest);
  if (read.kind === 'button') {
    return {
      kind: 'button',
      label: buttonLabel(read.input.customId, read.raw.id),
      input: read.input,
      respond,
    };
  }
  if (read.kind === 'modal') {
    return {
      kind: 'modal',
      label: modalLabel(read.input.customId, read.raw.id),
      input: read.input,
      respond,
    };
  }
  return {
    kind: 'command',
    label: commandLabel(read.input.command, read.input.subcommand, read.raw.id),
    input: read.input,
    respond,
  };
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The body, up to `limit` bytes; past that, a 413 refusal and no more reading. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        reject(new Refusal(413, `body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
    request.once('close', () => {
      if (!request.complete) reject(new Refusal(400, 'the request was cut off'));
    });
  });
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value : null;
}

export async function startInteractionsEndpoint(
  options: EndpointOptions & { port: number; host: string },
): Promise<InteractionsEndpoint> {
  const { router, rest, log } = options;
  const key = publicKeyFromHex(options.publicKey);
  const now = options.now ?? Date.now;

  /** Checks everything before a byte of the body is trusted; returns the parsed JSON. */
  async function signedJson(request: IncomingMessage): Promise<unknown> {
    const type = header(request, 'content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new Refusal(415, `content type "${type.slice(0, 60)}" is not application/json`);
    }
    const declared = Number(header(request, 'content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) throw new Refusal(413, `body of ${declared} bytes declared`);
    const signature = header(request, 'x-signature-ed25519');
    const timestamp = header(request, 'x-signature-timestamp');
    if (!signature || !timestamp) throw new Refusal(401, 'no signature');
    const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (!(Math.abs(now() - seconds * 1000) <= MAX_CLOCK_SKEW_MS)) {
      throw new Refusal(401, 'timestamp more than 5 minutes from now');
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (!isSignedBy(key, signature, timestamp, body)) throw new Refusal(401, 'bad signature');
    try {
      return JSON.parse(body.toString('utf8'));
    } catch {
      throw new Refusal(400, 'malformed JSON');
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    const plain = (status: number, text: string) => {
      if (response.headersSent) return;
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${text}\n`);
    };
    if (request.method === 'GET' && path === '/health') return plain(200, 'ok');
    if (path !== INTERACTIONS_PATH) return plain(404, 'not found');
    if (request.method !== 'POST') return plain(405, 'POST only');

    let json: unknown;
    try {
      json = await signedJson(request);
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal(400, 'unreadable request');
      log.warn(
        `interactions endpoint: ${refusal.status} (${refusal.reason}) for ${request.socket.remoteAddress ?? 'a client'}`,
      );
      // Stop reading an oversized body: answer, then drop the connection.
      if (refusal.status === 413) response.once('finish', () => request.destroy());
      response.setHeader('connection', refusal.status === 413 ? 'close' : 'keep-alive');
      return plain(refusal.status, refusal.reason);
    }

    const read = readInteraction(json);
    const send = (body: Sendable) => {
      if (response.headersSent) throw new Error('this interaction was already answered');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (read.kind === 'ping') return send({ type: InteractionResponseType.Pong });
    if (read.kind === 'unsupported') {
      log.warn(`interactions endpoint: 400 (${read.reason})`);
      return plain(400, read.reason);
    }
    const incoming = incomingOf(read, send, rest);
    await router.route(incoming);
    // The router always answers; should a bug slip through, Discord still hears back.
    if (!response.headersSent) {
      log.error(`${incoming.label} ended without an answer`);
      send({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: apiMessageOf(renderApology(), { flags: true }).body,
      });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log.error('interactions endpoint: answering a request failed', error);
      if (!response.headersSent) {
        response.writeHead(500);
        response.end();
      }
    });
  });
  // A load balancer keeps idle connections open for about a minute (60 s on common ones):
  // the server must not close them first, or a request sent just as it does is lost.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // In-flight requests finish; idle keep-alive connections go now.
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
