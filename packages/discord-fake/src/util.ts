/** Small shared helpers: JSON narrowing, API errors, snowflakes, waiting. */

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

/** An error answered to the client as a Discord-style JSON error body. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonObject,
    readonly headers: Record<string, string> = {},
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
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMember: 10007,
  UnknownMessage: 10008,
  UnknownRole: 10011,
  UnknownUser: 10013,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  UnknownCommand: 10063,
  AlreadyAcknowledged: 40060,
  MissingAccess: 50001,
  EmptyMessage: 50006,
  CannotDmUser: 50007,
  InvalidFormBody: 50035,
} as const;

/**
 * Collects field problems and turns them into Discord's "Invalid Form Body" answer
 * (`{ code: 50035, errors: { field: { _errors: [{ code, message }] } } }`).
 */
export class FormErrors {
  readonly list: { path: (string | number)[]; code: string; message: string }[] = [];

  add(path: (string | number)[], code: string, message: string): void {
    this.list.push({ path, code, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** One line per problem, e.g. `data.content: Must be 2000 or fewer in length.` */
  summary(): string {
    return this.list.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ');
  }

  toError(): DiscordHttpError | undefined {
    if (this.empty) return undefined;
    const errors: JsonObject = {};
    for (const problem of this.list) {
      let node = errors;
      for (const key of problem.path) {
        const k = String(key);
        const next = node[k];
        if (isObject(next)) node = next;
        else {
          const created: JsonObject = {};
          node[k] = created;
          node = created;
        }
      }
      const existing = asArray(node._errors);
      node._errors = [...existing, { code: problem.code, message: problem.message }];
    }
    return new DiscordHttpError(400, {
      message: 'Invalid Form Body',
      code: ErrorCode.InvalidFormBody,
      errors,
    });
  }
}

export const DISCORD_EPOCH = 1_420_070_400_000n;

/** Generates snowflakes that always increase, even within one millisecond. */
export class SnowflakeGenerator {
  #lastTimestamp = 0n;
  #increment = 0n;

  next(): string {
    let timestamp = BigInt(Date.now()) - DISCORD_EPOCH;
    if (timestamp <= this.#lastTimestamp) {
      timestamp = this.#lastTimestamp;
      this.#increment += 1n;
      if (this.#increment > 4095n) {
        timestamp += 1n;
        this.#increment = 0n;
      }
    } else {
      this.#increment = 0n;
    }
    this.#lastTimestamp = timestamp;
    return ((timestamp << 22n) | (1n << 17n) | this.#increment).toString();
  }
}

export function isSnowflake(value: string): boolean {
  return /^\d{1,20}$/.test(value);
}

/** Which shard a guild lives on: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  if (shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function toBigIntPermissions(value: bigint | string | number): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}
