/** REST faults a test injects: the next matching requests fail like Discord's would. */
import type { RouteResult } from './server.js';
import type { JsonObject } from './util.js';

/** A REST fault to inject: the next matching request(s) fail with this status. */
export interface FaultSpec {
  method?: string;
  /** Tested against the decoded path below the API root, e.g. `/interactions/1/tok/callback`. */
  pathPattern: RegExp;
  status: number;
  /** For 429: seconds to wait, like Discord's `retry_after` (default 0.05). */
  retryAfter?: number;
  /** How many requests fail (default 1). discord.js retries a 5xx 3 times, so use 4 to surface one. */
  times?: number;
  /** For 429: a global rate limit (sends `X-RateLimit-Global`). */
  global?: boolean;
  /** Error body (default: Discord's body for the status). */
  body?: JsonObject;
}

export class Faults {
  readonly #pending: (FaultSpec & { remaining: number })[] = [];

  add(spec: FaultSpec): void {
    this.#pending.push({ ...spec, remaining: spec.times ?? 1 });
  }

  /** The answer of the first fault matching this request, which it uses up; else undefined. */
  take(method: string, path: string): RouteResult | undefined {
    const index = this.#pending.findIndex((fault) => {
      fault.pathPattern.lastIndex = 0;
      return (
        (!fault.method || fault.method.toUpperCase() === method) && fault.pathPattern.test(path)
      );
    });
    const fault = this.#pending[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#pending.splice(index, 1);
    if (fault.status !== 429) {
      return {
        status: fault.status,
        json: fault.body ?? { message: `${fault.status}: discord-fake fault`, code: 0 },
      };
    }
    const retryAfter = fault.retryAfter ?? 0.05;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
      'x-ratelimit-reset-after': String(retryAfter),
      'x-ratelimit-bucket': `fake-${path.split('/')[1] ?? 'root'}`,
      'x-ratelimit-scope': fault.global ? 'global' : 'user',
    };
    if (fault.global) headers['x-ratelimit-global'] = 'true';
    const body = fault.body ?? {
      message: 'You are being rate limited.',
      retry_after: retryAfter,
      global: fault.global === true,
      code: 0,
    };
    return { status: 429, headers, json: body };
  }
}
