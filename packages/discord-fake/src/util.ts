/** Small shared helpers: JSON narrowing, errors, snowflakes, waiting for a condition. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function objects(value: unknown): JsonObject[] {
  return asArray(value).filter(isObject);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Thrown for test mistakes (unknown command, bad option...), never answered over HTTP. */
export class FakeDiscordError extends Error {
  constructor(message: string) {
    super(`discord-fake: ${message}`);
    this.name = 'FakeDiscordError';
  }
}

/** An error answered to the client as a Discord-style JSON error body. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonObject,
  ) {
    super(`${status} ${String(body.message ?? '')}`);
    this.name = 'DiscordHttpError';
  }
}

export function apiError(status: number, code: number, message: string): DiscordHttpError {
  return new DiscordHttpError(status, { message, code });
}

/** Discord JSON error codes the fake answers with. */
export const ErrorCode = {
  UnknownApplication: 10002,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownUser: 10013,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  AlreadyAcknowledged: 40060,
  EmptyMessage: 50006,
  CannotDmUser: 50007,
  MissingAccess: 50001,
  MissingPermissions: 50013,
  InvalidFormBody: 50035,
  InvalidJson: 50109,
} as const;

/**
 * Collects field problems and turns them into Discord's "Invalid Form Body" answer
 * (`{ code: 50035, errors: { field: { _errors: [{ code, message }] } } }`).
 */
export class FormErrors {
  readonly #list: { path: (string | number)[]; code: string; message: string }[] = [];

  add(path: (string | number)[], code: string, message: string): void {
    this.#list.push({ path, code, message });
  }

  toError(): DiscordHttpError | undefined {
    if (this.#list.length === 0) return undefined;
    const errors: JsonObject = {};
    for (const problem of this.#list) {
      let node = errors;
      for (const key of problem.path) {
        const next = asObject(node[key]);
        node[key] = next;
        node = next;
      }
      node._errors = [...asArray(node._errors), { code: problem.code, message: problem.message }];
    }
    return new DiscordHttpError(400, {
      message: 'Invalid Form Body',
      code: ErrorCode.InvalidFormBody,
      errors,
    });
  }
}

const DISCORD_EPOCH = 1_420_070_400_000n;

/** Generates snowflakes that always increase, even within one millisecond. */
export class SnowflakeGenerator {
  #last = 0n;

  next(): string {
    const now = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    this.#last = now > this.#last ? now : this.#last + 1n;
    return this.#last.toString();
  }
}

export function isSnowflake(value: string): boolean {
  return /^\d{1,20}$/.test(value);
}

/** Which shard a guild lives on: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(shardCount, 1)));
}

export interface WaitOptions {
  timeoutMs?: number;
  message?: string | (() => string);
}

interface Waiter {
  check(): void;
  fail(error: Error): void;
}

/** Waits that re-check their condition whenever the fake reports a change. */
export class Waiters {
  readonly #waiters = new Set<Waiter>();
  #closed = false;

  /** Re-checks every pending wait (after each request and gateway event). */
  changed(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  /** Resolves with the first truthy value of `check`; rejects after `timeoutMs` (default 3000). */
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new FakeDiscordError('the fake is closed'));
    const timeoutMs = options.timeoutMs ?? 3000;
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          try {
            const value = check();
            if (value) {
              done();
              resolve(value);
            }
          } catch (error) {
            waiter.fail(error instanceof Error ? error : new Error(String(error)));
          }
        },
        fail: (error) => {
          done();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        const message = typeof options.message === 'function' ? options.message() : options.message;
        waiter.fail(
          new FakeDiscordError(
            message?.replace(/^discord-fake: /, '') ?? `condition not met within ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  /** Rejects every pending wait, and every later one. */
  close(): void {
    this.#closed = true;
    for (const waiter of [...this.#waiters])
      waiter.fail(new FakeDiscordError('the fake was closed'));
  }
}
