/**
 * Interactions over HTTP, as Discord sends them to an Interactions Endpoint URL: each one
 * signed (see signing.ts) and POSTed, the HTTP response being the bot's answer. With several
 * URLs the fake acts as the load balancer in front of them: round robin, and an endpoint
 * that refuses the connection is skipped for the next one (nothing was sent to it, so that is
 * safe); a request that was sent and then lost is never sent again, since Discord does not
 * retry and a balancer must not repeat a POST.
 */
import { Agent, request } from 'node:http';
import type { InteractionRecord } from './interactions.js';
import { Signer } from './signing.js';
import {
  asObject,
  DiscordHttpError,
  FakeDiscordError,
  type JsonObject,
  type SnowflakeGenerator,
} from './util.js';

/** One request on its way to an endpoint. */
export interface SignedRequest {
  headers: Record<string, string>;
  body: Buffer;
}

/** Changes a signed request on the wire, like a man in the middle (to fuzz an endpoint). */
export type Tamper = (request: SignedRequest, url: string) => SignedRequest;

/** What became of one interaction sent over HTTP. */
export interface HttpDeliveryRecord {
  interactionId: string;
  /** e.g. `/log mentor`. */
  label: string;
  /** The endpoint that has (or had) the request; undefined when every one refused the connection. */
  url: string | undefined;
  /** Endpoints that refused the connection first, in the order tried. */
  refused: string[];
  /** The endpoint's HTTP status; undefined when no response came. */
  status: number | undefined;
  /** `late`: answered after the reply window, so ignored, as Discord ignores it. */
  outcome: 'answered' | 'failed' | 'late';
  /** Why it failed or came late. */
  problem: string | undefined;
  /** From sending to the end of the response (or the failure). */
  ms: number;
}

export interface HttpDeliveryHost {
  readonly applicationId: string;
  readonly ids: SnowflakeGenerator;
  /** Applies the response body as the interaction's callback (throws a `DiscordHttpError`). */
  answer(record: InteractionRecord, callback: JsonObject): void;
  /** Called whenever a delivery settles, so waits re-check. */
  changed(): void;
}

interface Answer {
  status: number;
  text: string;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String(error);
}

export class HttpDelivery {
  /** Every interaction delivered over HTTP, in order. */
  readonly records: HttpDeliveryRecord[] = [];
  /** The application's key pair: what Discord signs with. */
  readonly signer = new Signer();
  #tamper: Tamper | undefined;
  #urls: readonly string[] = [];
  #next = 0;
  // A connection per request: an endpoint that is gone refuses the connection, and is skipped,
  // rather than a reused connection failing under a request it may or may not have seen.
  readonly #agent = new Agent({ keepAlive: false });

  constructor(private readonly host: HttpDeliveryHost) {}

  get urls(): readonly string[] {
    return this.#urls;
  }

  /**
   * Checks each URL as the Developer Portal checks an Interactions Endpoint URL before saving
   * it (a signed PING must get PONG, a badly signed one 401), then sends interactions there.
   * An empty list goes back to the gateway.
   */
  async use(urls: readonly string[], options: { tamper?: Tamper | undefined } = {}): Promise<void> {
    for (const url of urls) await this.#check(url);
    this.#urls = [...urls];
    this.#next = 0;
    this.#tamper = options.tamper;
  }

  /** Sends the interaction; whatever happens is recorded, and a failure set on the record. */
  deliver(record: InteractionRecord): void {
    const started = performance.now();
    const entry: HttpDeliveryRecord = {
      interactionId: record.id,
      label: record.label,
      url: undefined,
      refused: [],
      status: undefined,
      outcome: 'failed',
      problem: undefined,
      ms: 0,
    };
    this.records.push(entry);
    void this.#send(record, entry)
      .catch((error: unknown) => `discord-fake could not apply the answer: ${String(error)}`)
      .then((problem) => {
        entry.ms = performance.now() - started;
        entry.problem = problem;
        // Discord shows "This interaction failed"; the test's reply promise rejects with why.
        if (problem !== undefined && record.state === 'pending') record.failure = problem;
        this.host.changed();
      });
  }

  close(): void {
    this.#agent.destroy();
  }

  /** Tries the endpoints from the next in turn; returns the problem, or undefined once answered. */
  async #send(record: InteractionRecord, entry: HttpDeliveryRecord): Promise<string | undefined> {
    const urls = this.#urls;
    const first = this.#next++;
    const body = Buffer.from(JSON.stringify(record.payload));
    const signed = { headers: this.#headers(body), body };
    for (let k = 0; k < urls.length; k++) {
      const url = urls[(first + k) % urls.length] ?? '';
      // Set before the answer, so an interaction still in flight shows where it is.
      entry.url = url;
      let answer: Answer;
      try {
        answer = await this.#post(url, this.#tamper ? this.#tamper(signed, url) : signed);
      } catch (error) {
        if (errorCode(error) !== 'ECONNREFUSED') {
          return `the connection to ${url} was lost before an answer (${errorCode(error)})`;
        }
        entry.refused.push(url);
        entry.url = undefined;
        continue;
      }
      entry.status = answer.status;
      if (answer.status !== 200) {
        return `${url} answered ${answer.status}: ${answer.text.slice(0, 200).trim()}`;
      }
      const callback = safeJson(answer.text);
      if (callback === undefined) {
        return `${url} answered 200 with a body that is not JSON: ${answer.text.slice(0, 200)}`;
      }
      if (record.state === 'expired') {
        entry.outcome = 'late';
        return `${url} answered after the reply window`;
      }
      try {
        this.host.answer(record, asObject(callback));
      } catch (error) {
        if (!(error instanceof DiscordHttpError)) throw error;
        return `${url} answered with a callback Discord refuses: ${JSON.stringify(error.body)}`;
      }
      entry.outcome = 'answered';
      return undefined;
    }
    return `every interactions endpoint refused the connection (${urls.join(', ')})`;
  }

  #headers(body: Buffer): Record<string, string> {
    return { 'content-type': 'application/json', ...this.signer.headers(body) };
  }

  async #check(url: string): Promise<void> {
    const ping = Buffer.from(
      JSON.stringify({
        id: this.host.ids.next(),
        application_id: this.host.applicationId,
        type: 1,
        token: `ping.${this.host.ids.next()}`,
        version: 1,
      }),
    );
    const refuse = (problem: string): never => {
      throw new FakeDiscordError(
        `Discord would not save ${url} as the Interactions Endpoint URL: ${problem}`,
      );
    };
    const post = (request: SignedRequest) =>
      this.#post(url, request).catch((error: unknown) =>
        refuse(`it cannot be reached (${errorCode(error)})`),
      );
    const pong = await post({ headers: this.#headers(ping), body: ping });
    if (pong.status !== 200 || asObject(safeJson(pong.text)).type !== 1) {
      refuse(`a signed PING got ${pong.status} ${pong.text.slice(0, 200)}, not PONG {"type":1}`);
    }
    // Well-formed, but the signature of another body.
    const forged = { headers: this.#headers(Buffer.from('{}')), body: ping };
    const refused = await post(forged);
    if (refused.status !== 401) {
      refuse(`a PING with a bad signature got ${refused.status}, not 401`);
    }
  }

  #post(url: string, signed: SignedRequest): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers = { 'content-length': String(signed.body.length), ...signed.headers };
      const req = request(url, { method: 'POST', agent: this.#agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('close', () => {
          if (!res.complete) reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        });
      });
      req.on('error', reject);
      req.end(signed.body);
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
