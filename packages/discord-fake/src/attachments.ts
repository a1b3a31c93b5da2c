/**
 * Files behind attachment URLs: what a member uploads with an ATTACHMENT option
 * (`resolved.attachments`, as Discord sends it) and what the bot uploads with a
 * message. Served on the fake's own 127.0.0.1 origin, outside `/api`, the way
 * Discord serves them from its CDN, so a bot can fetch what it was sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isObject, type JsonObject, type SnowflakeGenerator } from './util.js';

/** A file a test attaches to a command (see {@link upload}). */
export interface FakeUpload {
  filename: string;
  data: Buffer;
  /** Discord guesses it from the extension; absent when it cannot. */
  contentType?: string;
}

/** A file for an ATTACHMENT option: `upload('plan.json', text, 'application/json')`. */
export function upload(
  filename: string,
  content: string | Uint8Array,
  contentType?: string,
): FakeUpload {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { filename, data, ...(contentType === undefined ? {} : { contentType }) };
}

export function isUpload(value: unknown): value is FakeUpload {
  return isObject(value) && typeof value.filename === 'string' && Buffer.isBuffer(value.data);
}

/** One request for a file, for tests that check what the bot fetched. */
export interface AttachmentFetch {
  path: string;
  status: number;
}

interface Served {
  data: Buffer;
  contentType: string | undefined;
}

const PREFIX = '/attachments/';

export class AttachmentStore {
  /** Set once the server listens: `http://127.0.0.1:<port>`. */
  origin = 'http://127.0.0.1';
  readonly fetches: AttachmentFetch[] = [];
  readonly #files = new Map<string, Served>();

  constructor(private readonly ids: SnowflakeGenerator) {}

  /** Keeps the file and returns its attachment object (`id`, `filename`, `size`, `url`, ...). */
  add(folder: string, file: FakeUpload, extra: JsonObject = {}): JsonObject & { id: string } {
    const id = this.ids.next();
    const path = `${PREFIX}${folder}/${id}/${encodeURIComponent(file.filename)}`;
    this.#files.set(path, { data: file.data, contentType: file.contentType });
    const url = `${this.origin}${path}`;
    return {
      id,
      filename: file.filename,
      size: file.data.length,
      url,
      proxy_url: url,
      ...(file.contentType === undefined ? {} : { content_type: file.contentType }),
      ...extra,
    };
  }

  /** Answers GET /attachments/...; false for any other request (the API's). */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? '/', 'http://discord-fake.invalid').pathname;
    if (!path.startsWith(PREFIX)) return false;
    const file = req.method === 'GET' ? this.#files.get(path) : undefined;
    this.fetches.push({ path, status: file ? 200 : 404 });
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return true;
    }
    res.writeHead(200, {
      'content-length': String(file.data.length),
      ...(file.contentType === undefined ? {} : { 'content-type': file.contentType }),
    });
    res.end(file.data);
    return true;
  }
}
