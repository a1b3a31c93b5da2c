/** HTTP plumbing: reading and parsing request bodies (JSON or multipart) and matching routes. */
import type { IncomingMessage } from 'node:http';
import type { RecordedFile } from './message.js';
import type { JsonObject } from './util.js';

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
  /** Parsed JSON body, or `payload_json` of a multipart body (plus other text fields). */
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

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses JSON or multipart/form-data (`payload_json` + `files[n]`) with Node's web `Request`. */
export async function parseBody(
  contentType: string | undefined,
  raw: Buffer,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://discord-fake.local/', {
      method: 'POST',
      headers: { 'content-type': contentType ?? '' },
      body: raw,
    }).formData();
    const body: JsonObject = {};
    const files: RecordedFile[] = [];
    let payload: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') payload = JSON.parse(value);
        else body[field] = value;
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
    const merged =
      payload !== undefined &&
      typeof payload === 'object' &&
      payload !== null &&
      !Array.isArray(payload)
        ? { ...body, ...(payload as JsonObject) }
        : (payload ?? body);
    return { body: merged, files };
  }
  const text = raw.toString('utf8');
  if (type.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return { body: JSON.parse(text), files: [] };
    } catch {
      return { body: text, files: [] };
    }
  }
  return { body: text, files: [] };
}

export interface RouteContext {
  method: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  headers: Record<string, string>;
}

export interface RouteResult {
  status?: number;
  json?: unknown;
  raw?: { data: Buffer; contentType: string };
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: RouteHandler;
}

/** A tiny router over decoded path segments (`:name` matches one segment). */
export class Router {
  readonly #routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler): void {
    this.#routes.push({ method, pattern, segments: pattern.split('/').filter(Boolean), handler });
  }

  match(
    method: string,
    segments: string[],
  ): { handler: RouteHandler; params: Record<string, string>; route: string } | undefined {
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      route.segments.forEach((part, i) => {
        const actual = segments[i] ?? '';
        if (part.startsWith(':')) params[part.slice(1)] = actual;
        else if (part !== actual) ok = false;
      });
      if (ok) return { handler: route.handler, params, route: `${method} ${route.pattern}` };
    }
    return undefined;
  }
}
