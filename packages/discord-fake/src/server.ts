/**
 * The REST side of the HTTP server: records every request, parses JSON and multipart bodies,
 * applies injected faults and the token check, routes, and reports routes the fake lacks.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AttachmentStore } from './attachments.js';
import { Faults } from './faults.js';
import type { RecordedFile } from './messages.js';
import {
  apiError,
  DiscordHttpError,
  ErrorCode,
  FakeDiscordError,
  isObject,
  type JsonObject,
} from './util.js';

/** One REST request the client made, as the fake saw it. */
export interface RecordedRequest {
  /** 0-based position in `fake.requests`. */
  index: number;
  method: string;
  /** Decoded path below the API root, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  /** The raw URL path, e.g. `/api/v10/webhooks/1/abc/messages/%40original`. */
  rawPath: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  /** The status the fake answered with. */
  status: number;
  /** The route pattern that matched, e.g. `POST /channels/:channel/messages`. */
  route: string | undefined;
  /** The error body when the fake answered 4xx/5xx. */
  error: JsonObject | undefined;
  at: number;
}

export interface UnknownRoute {
  method: string;
  path: string;
  rawPath: string;
}

export interface RouteContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
}

export interface RouteResult {
  status?: number;
  json?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: RouteHandler;
  /** Interaction callbacks and webhooks carry their token in the path, not a header. */
  public: boolean;
}

/** Parses JSON, or multipart/form-data (`payload_json` + `files[n]`) with Node's web `Request`. */
async function parseBody(
  contentType: string,
  raw: Buffer,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    return { body: JSON.parse(raw.toString('utf8')), files: [] };
  }
  const form = await new Request('http://discord-fake.invalid/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const body: JsonObject = {};
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') Object.assign(body, JSON.parse(value));
    } else {
      const data = Buffer.from(await value.arrayBuffer());
      files.push({
        field,
        name: value.name,
        contentType: value.type || undefined,
        data,
        text: data.toString('utf8'),
      });
    }
  }
  return { body, files };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const NOT_FOUND: RouteResult = { status: 404, json: { message: '404: Not Found', code: 0 } };

export class RestApi {
  /** Every REST request, in order. */
  readonly requests: RecordedRequest[] = [];
  /** Requests to routes the fake does not implement (answered 404). */
  readonly unknownRoutes: UnknownRoute[] = [];
  readonly faults = new Faults();
  readonly #routes: Route[] = [];

  constructor(
    /** If set, requests to non-public routes must carry `Authorization: Bot <token>`. */
    private readonly token: string | undefined,
    /** Called after every answered request. */
    private readonly changed: () => void,
    /** Attachment files, served outside `/api` as Discord's CDN serves them. */
    private readonly files?: AttachmentStore,
  ) {}

  /** Adds a route; `:name` in the pattern matches one decoded path segment. */
  add(
    method: string,
    pattern: string,
    handler: RouteHandler,
    options: { public?: boolean } = {},
  ): void {
    const segments = pattern.split('/').filter(Boolean);
    this.#routes.push({ method, pattern, segments, handler, public: options.public === true });
  }

  /** Answers one HTTP request (a bug in the fake, or a broken request, is answered 500). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.files?.serve(req, res)) return;
    await this.#handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }

  /** Throws listing every unknown route the client called. */
  assertNoUnknownRoutes(): void {
    if (this.unknownRoutes.length === 0) return;
    const list = this.unknownRoutes.map((r) => `  ${r.method} ${r.path}`).join('\n');
    throw new FakeDiscordError(`the client called routes the fake does not implement:\n${list}`);
  }

  /** Lines explaining a silent bot: requests that failed since request `mark`, unknown routes. */
  failuresSince(mark: number): string[] {
    const failed = this.requests.slice(mark).filter((r) => r.status >= 400);
    const unknown = this.unknownRoutes.map((r) => `${r.method} ${r.path}`).join(', ');
    return [
      ...(failed.length > 0 ? ['Failed requests meanwhile:'] : []),
      ...failed.map(
        (r) => `  ${r.method} ${r.path} → ${r.status} ${JSON.stringify(r.error ?? {})}`,
      ),
      ...(unknown ? [`Unknown routes so far: ${unknown}`] : []),
    ];
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://discord-fake.invalid');
    const raw = await readBody(req);
    const segments = url.pathname.split('/').filter(Boolean).map(safeDecode);
    // discord.js calls `${rest.api}/v10/...`; anything outside /api/vN is not Discord's API.
    const api =
      segments[0] === 'api' && /^v\d+$/.test(segments[1] ?? '') ? segments.slice(2) : undefined;
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    const record: RecordedRequest = {
      index: this.requests.length,
      method,
      path: `/${(api ?? segments).join('/')}`,
      rawPath: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: undefined,
      files: [],
      status: 0,
      route: undefined,
      error: undefined,
      at: Date.now(),
    };
    this.requests.push(record);
    let result: RouteResult;
    try {
      const parsed = await parseBody(headers['content-type'] ?? '', raw).catch(() => {
        throw apiError(400, ErrorCode.InvalidJson, 'The request body contains invalid JSON.');
      });
      record.body = parsed.body;
      record.files = parsed.files;
      result = this.faults.take(method, record.path) ?? this.#route(api, record);
    } catch (error) {
      // Anything else is a bug in the fake: the 500's message (kept in `requests`) names it.
      const message = error instanceof Error ? error.message : String(error);
      result =
        error instanceof DiscordHttpError
          ? { status: error.status, json: error.body }
          : { status: 500, json: { message: `discord-fake internal error: ${message}`, code: 0 } };
    }
    const status = result.status ?? (result.json === undefined ? 204 : 200);
    record.status = status;
    if (status >= 400 && isObject(result.json)) record.error = result.json;
    const out: Record<string, string> = { ...result.headers };
    const json = result.json !== undefined && status !== 204;
    if (json) out['content-type'] = 'application/json';
    res.writeHead(status, out);
    res.end(json ? JSON.stringify(result.json) : undefined);
    this.changed();
  }

  #route(api: string[] | undefined, record: RecordedRequest): RouteResult {
    const found = api === undefined ? undefined : this.#match(record.method, api);
    if (!found) {
      this.unknownRoutes.push({
        method: record.method,
        path: record.path,
        rawPath: record.rawPath,
      });
      return NOT_FOUND;
    }
    const { route, params } = found;
    record.route = `${route.method} ${route.pattern}`;
    if (
      !route.public &&
      this.token !== undefined &&
      record.headers.authorization !== `Bot ${this.token}`
    ) {
      return { status: 401, json: { message: '401: Unauthorized', code: 0 } };
    }
    return route.handler({ params, query: record.query, body: record.body, files: record.files });
  }

  #match(
    method: string,
    segments: string[],
  ): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const matches = route.segments.every((part, i) => {
        const actual = segments[i] ?? '';
        if (part.startsWith(':')) params[part.slice(1)] = actual;
        return part.startsWith(':') || part === actual;
      });
      if (matches) return { route, params };
    }
    return undefined;
  }
}
