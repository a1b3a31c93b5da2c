/**
 * The bot's environment, validated once at start with one clear sentence per
 * problem. The token is a secret: no message built here ever contains it.
 */
import { isTimeZone } from '@cec/rules';
import { z } from 'zod';
import { PUBLIC_KEY_HEX } from './discord/signature.js';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Absent when the bot is only used through the local console. */
  discordToken: string | null;
  applicationId: string | null;
  /** Raw DATABASE_URL; null means the embedded SQLite file in apps/bot/data. */
  databaseUrl: string | null;
  /**
   * Public base URL of the calculator, without a trailing slash; null: no calculator link
   * anywhere (a guessed local address would open on each member's own machine).
   */
  siteUrl: string | null;
  /** discord.js `rest.api` (e.g. http://127.0.0.1:PORT/api); null means Discord's own. */
  discordApi: string | null;
  logLevel: LogLevel;
  /** SHARDS: run under discord.js's ShardingManager with this many shard processes; null: one process. */
  shards: number | null;
  /** Pause between starting two shards (ms): Discord allows one IDENTIFY per 5 s per bucket. */
  shardSpawnDelayMs: number;
  /** This process is one shard, started by the manager (discord.js sets SHARDING_MANAGER). */
  isShard: boolean;
  /** INTERACTIONS_PORT: serve Discord's HTTP interactions here instead of the gateway; null: gateway. */
  interactions: { port: number; host: string; publicKey: string } | null;
  /** REMINDER_TIME_ZONE: the IANA zone whose calendar day is the bot's "today" (reminders, /progress). */
  timeZone: string;
}

/** REMINDER_TIME_ZONE when unset: one day for everyone, whatever zone the host runs in. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** INTERACTIONS_HOST when unset: every interface, as behind a load balancer. */
export const DEFAULT_INTERACTIONS_HOST = '0.0.0.0';

/** Discord's IDENTIFY limit is one per 5 s (max_concurrency 1); discord.js's own default. */
export const DEFAULT_SHARD_SPAWN_DELAY_MS = 5500;
export const MAX_SHARDS = 64;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

function httpUrl(name: string, example: string) {
  return z
    .string()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === 'http:' || url.protocol === 'https:';
        } catch {
          return false;
        }
      },
      { message: `${name} must be an http(s) URL, like ${example}.` },
    )
    .transform((value) => value.replace(/\/+$/, ''));
}

const schema = z.object({
  DISCORD_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      // The message must not quote the value: it is a secret.
      .refine((value) => !/\s/.test(value), {
        message:
          'DISCORD_TOKEN contains spaces or line breaks: paste only the token from the Developer Portal (Bot → Reset Token).',
      })
      .optional(),
  ),
  DISCORD_APPLICATION_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{17,20}$/, {
        message:
          'DISCORD_APPLICATION_ID must be the numeric application id from the Developer Portal (General Information → Application ID).',
      })
      .optional(),
  ),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine(
        (value) =>
          !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(sqlite|file|postgres(ql)?):/i.test(value),
        {
          message:
            'DATABASE_URL must be a file path, a sqlite: URL (sqlite:data/cec.sqlite), :memory:, or a postgres:// URL.',
        },
      )
      // The message must not quote the value: a PostgreSQL URL carries a password.
      .refine((value) => !/^postgres(ql)?:\/\//i.test(value) || URL.canParse(value.trim()), {
        message:
          'DATABASE_URL is not a readable PostgreSQL URL: use postgres://user:password@host:5432/database (percent-encode special characters in the password, e.g. @ as %40).',
      })
      .optional(),
  ),
  SITE_URL: z.preprocess(
    blankToUndefined,
    httpUrl('SITE_URL', 'https://cec-toolkit.example.org').optional(),
  ),
  DISCORD_API: z.preprocess(
    blankToUndefined,
    httpUrl('DISCORD_API', 'http://127.0.0.1:8080/api').optional(),
  ),
  SHARDS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*\d+\s*$/, {
        message: `SHARDS must be a whole number of shards from 1 to ${MAX_SHARDS}, like SHARDS=2 (leave it unset for one process).`,
      })
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_SHARDS, {
        message: `SHARDS must be a whole number of shards from 1 to ${MAX_SHARDS}, like SHARDS=2 (leave it unset for one process).`,
      })
      .optional(),
  ),
  SHARD_SPAWN_DELAY_MS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*\d+\s*$/, {
        message:
          'SHARD_SPAWN_DELAY_MS must be a whole number of milliseconds from 0 to 60000 (default 5500).',
      })
      .transform(Number)
      .refine((n) => n <= 60_000, {
        message:
          'SHARD_SPAWN_DELAY_MS must be a whole number of milliseconds from 0 to 60000 (default 5500).',
      })
      .optional(),
  ),
  INTERACTIONS_PORT: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\s*\d+\s*$/, {
        message:
          'INTERACTIONS_PORT must be a TCP port number from 0 to 65535, like INTERACTIONS_PORT=8080 (leave it unset to use the gateway).',
      })
      .transform(Number)
      .refine((n) => n <= 65_535, {
        message:
          'INTERACTIONS_PORT must be a TCP port number from 0 to 65535, like INTERACTIONS_PORT=8080 (leave it unset to use the gateway).',
      })
      .optional(),
  ),
  INTERACTIONS_HOST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[0-9a-z.:-]+$/i, {
        message:
          'INTERACTIONS_HOST must be an address or host name to listen on, like 127.0.0.1 or 0.0.0.0 (the default).',
      })
      .default(DEFAULT_INTERACTIONS_HOST),
  ),
  DISCORD_PUBLIC_KEY: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() || undefined : value),
    z
      .string()
      .regex(PUBLIC_KEY_HEX, {
        message:
          "DISCORD_PUBLIC_KEY must be the 64 hexadecimal characters of the application's Public Key (Developer Portal → General Information → Public Key).",
      })
      .optional(),
  ),
  REMINDER_TIME_ZONE: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() || undefined : value),
    z
      .string()
      .refine(isTimeZone, {
        message:
          'REMINDER_TIME_ZONE must be an IANA time zone name, like UTC (the default), America/New_York or Europe/London.',
      })
      .default(DEFAULT_TIME_ZONE),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z
      .enum(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.` })
      .default('info'),
  ),
});

/** Reads the configuration from an environment (process.env in production, a plain object in tests). */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  // In a shard process the manager has replaced SHARDS with the shard's own id ("0", "1", …).
  const isShard = env.SHARDING_MANAGER === 'true';
  const result = schema.safeParse(isShard ? { ...env, SHARDS: undefined } : env);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => issue.message) };
  }
  const value = result.data;
  const shards = value.SHARDS ?? null;
  if (shards !== null && value.DATABASE_URL?.replace(/^sqlite:/i, '') === ':memory:') {
    return {
      ok: false,
      problems: [
        'SHARDS needs a database the shard processes share, and DATABASE_URL=:memory: gives each its own: use a file or PostgreSQL.',
      ],
    };
  }
  const port = value.INTERACTIONS_PORT ?? null;
  if (port !== null && !value.DISCORD_PUBLIC_KEY) {
    return {
      ok: false,
      problems: [
        "INTERACTIONS_PORT needs DISCORD_PUBLIC_KEY, the application's Public Key (Developer Portal → General Information), to check that each request comes from Discord.",
      ],
    };
  }
  if (port !== null && shards !== null) {
    return {
      ok: false,
      problems: [
        'SHARDS and INTERACTIONS_PORT do not go together: an HTTP interactions instance has no gateway to shard (run several instances behind a load balancer instead).',
      ],
    };
  }
  return {
    ok: true,
    config: {
      discordToken: value.DISCORD_TOKEN ?? null,
      applicationId: value.DISCORD_APPLICATION_ID ?? null,
      databaseUrl: value.DATABASE_URL ?? null,
      siteUrl: value.SITE_URL ?? null,
      discordApi: value.DISCORD_API ?? null,
      logLevel: value.LOG_LEVEL,
      shards,
      shardSpawnDelayMs: value.SHARD_SPAWN_DELAY_MS ?? DEFAULT_SHARD_SPAWN_DELAY_MS,
      isShard,
      interactions:
        port !== null && value.DISCORD_PUBLIC_KEY
          ? { port, host: value.INTERACTIONS_HOST, publicKey: value.DISCORD_PUBLIC_KEY }
          : null,
      timeZone: value.REMINDER_TIME_ZONE,
    },
  };
}

/** The problems as a block a person can act on. */
export function describeConfigProblems(problems: readonly string[]): string {
  return [
    'The bot cannot start: its environment needs fixing.',
    ...problems.map((p) => `  - ${p}`),
    'See apps/bot/.env.example for every setting.',
  ].join('\n');
}
