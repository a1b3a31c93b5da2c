/**
 * The bot's environment, validated once at start with one clear sentence per
 * problem. The token is a secret: no message built here ever contains it.
 */
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the site's calculator runs when nothing else is configured (Astro's local preview). */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321';

export interface Config {
  /** Absent when the bot is only used through the local console. */
  discordToken: string | null;
  applicationId: string | null;
  /** Raw DATABASE_URL; null means the embedded SQLite file in apps/bot/data. */
  databaseUrl: string | null;
  /** Base URL of the calculator, without a trailing slash. */
  siteUrl: string;
  /** discord.js `rest.api` (e.g. http://127.0.0.1:PORT/api); null means Discord's own. */
  discordApi: string | null;
  logLevel: LogLevel;
}

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
      .refine((value) => !/^postgres(ql)?:\/\//i.test(value), {
        message:
          'DATABASE_URL points to PostgreSQL, which this build of the bot does not support yet: leave it unset for the embedded SQLite file, or use a file path or sqlite: URL.',
      })
      .refine(
        (value) =>
          !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(sqlite|file|postgres(ql)?):/i.test(value),
        {
          message:
            'DATABASE_URL must be a file path, a sqlite: URL (sqlite:data/cec.sqlite) or :memory:.',
        },
      )
      .optional(),
  ),
  SITE_URL: z.preprocess(
    blankToUndefined,
    httpUrl('SITE_URL', 'https://cec-toolkit.example.org').default(DEFAULT_SITE_URL),
  ),
  DISCORD_API: z.preprocess(
    blankToUndefined,
    httpUrl('DISCORD_API', 'http://127.0.0.1:8080/api').optional(),
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
  const result = schema.safeParse(env);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => issue.message) };
  }
  const value = result.data;
  return {
    ok: true,
    config: {
      discordToken: value.DISCORD_TOKEN ?? null,
      applicationId: value.DISCORD_APPLICATION_ID ?? null,
      databaseUrl: value.DATABASE_URL ?? null,
      siteUrl: value.SITE_URL,
      discordApi: value.DISCORD_API ?? null,
      logLevel: value.LOG_LEVEL,
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
