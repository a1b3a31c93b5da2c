/**
 * Fuzzing the environment the bot starts with: random maps of its variables
 * (valid, blank, malformed, pasted with spaces, unknown extras) go through
 * the real config parser. It never throws; a valid map gives typed settings;
 * an invalid one gives one sentence per problem, each naming the variable;
 * and neither the Discord token nor a database password is ever repeated.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeConfigProblems, LOG_LEVELS, loadConfig } from '../../src/config.js';

const VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DATABASE_URL',
  'SITE_URL',
  'DISCORD_API',
  'LOG_LEVEL',
  'SHARDS',
  'SHARD_SPAWN_DELAY_MS',
] as const;

/** Token-shaped secrets: long enough that they cannot appear in a message by chance. */
const token = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9]{24}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}$/),
    fc.constantFrom('', ' ', '\n', 'Bot ', '"', ' \t'),
    fc.constantFrom('', ' ', '\n', '"'),
  )
  .map(([secret, before, after]) => ({ secret, value: `${before}${secret}${after}` }));

const password = fc.stringMatching(/^[A-Za-z0-9]{14,30}$/);

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', '\n', '\u0000', '0', '-1', '1e3', 'true', 'null', 'undefined', '{}'),
);

const values: Record<(typeof VARIABLES)[number], fc.Arbitrary<string>> = {
  DISCORD_TOKEN: fc.oneof(
    token.map((t) => t.value),
    junk,
  ),
  DISCORD_APPLICATION_ID: fc.oneof(
    fc.stringMatching(/^\d{17,20}$/),
    fc.stringMatching(/^\d{1,25}$/),
    junk,
  ),
  DATABASE_URL: fc.oneof(
    fc.constantFrom(':memory:', 'sqlite::memory:', 'data/x.sqlite', 'sqlite:///tmp/x.sqlite'),
    fc
      .tuple(password, fc.constantFrom('db:5432/cec', '', 'db/cec', ':5432', 'db:port/cec'))
      .map(([p, rest]) => `postgres://cec:${p}@${rest}`),
    fc.webUrl(),
    junk,
  ),
  SITE_URL: fc.oneof(
    fc.webUrl(),
    fc.webUrl().map((u) => `${u}///`),
    junk,
  ),
  DISCORD_API: fc.oneof(fc.webUrl(), fc.constantFrom('ftp://x', 'http://127.0.0.1:1/api/'), junk),
  LOG_LEVEL: fc.oneof(fc.constantFrom(...LOG_LEVELS, 'DEBUG', ' Warn ', 'loud'), junk),
  SHARDS: fc.oneof(fc.integer({ min: -2, max: 100 }).map(String), junk),
  SHARD_SPAWN_DELAY_MS: fc.oneof(fc.integer({ min: -1, max: 70_000 }).map(String), junk),
};

/** Values a careful operator would set. */
const good: Record<(typeof VARIABLES)[number], fc.Arbitrary<string>> = {
  DISCORD_TOKEN: token.map((t) => t.secret),
  DISCORD_APPLICATION_ID: fc.stringMatching(/^\d{17,20}$/),
  DATABASE_URL: fc.constantFrom('data/x.sqlite', 'sqlite:///tmp/x.sqlite', ' '),
  SITE_URL: fc.webUrl(),
  DISCORD_API: fc.constantFrom('http://127.0.0.1:8080/api', 'https://discord.com/api/'),
  LOG_LEVEL: fc.constantFrom(...LOG_LEVELS),
  SHARDS: fc.integer({ min: 1, max: 8 }).map(String),
  SHARD_SPAWN_DELAY_MS: fc.integer({ min: 0, max: 10_000 }).map(String),
};

/** A random environment: some of the bot's variables, maybe unrelated ones too. */
const environment = fc.oneof(
  fc.record({ ...values, EXTRA: junk, PATH: fc.constant('/usr/bin') }, { requiredKeys: [] }),
  fc.record(good, { requiredKeys: [] }),
  // Mostly good, with one variable set to anything.
  fc
    .tuple(fc.record(good, { requiredKeys: [] }), fc.constantFrom(...VARIABLES), junk)
    .map(([env, name, value]) => ({ ...env, [name]: value })),
) as fc.Arbitrary<Record<string, string>>;

/** The secrets in an environment: the token as pasted (trimmed) and any database password. */
function secretsOf(env: Record<string, string>): string[] {
  const secrets: string[] = [];
  const pasted = env.DISCORD_TOKEN?.trim()
    .replace(/^Bot\s+/, '')
    .replace(/^"|"$/g, '');
  if (pasted && pasted.length >= 20) secrets.push(pasted);
  const password = /^postgres:\/\/[^:]*:([^@]+)@/.exec(env.DATABASE_URL ?? '')?.[1];
  if (password) secrets.push(password);
  return secrets;
}

describe('the environment, fuzzed', () => {
  test('never throws; one sentence per problem, naming its variable; no secret repeated', () => {
    let tried = 0;
    let refused = 0;
    fc.assert(
      fc.property(environment, (env) => {
        tried++;
        const result = loadConfig(env);
        if (result.ok) {
          const { config } = result;
          expect(LOG_LEVELS).toContain(config.logLevel);
          if (config.siteUrl !== null) expect(config.siteUrl).toMatch(/^https?:\/\/.*[^/]$/);
          else expect(env.SITE_URL ?? '').toMatch(/^\s*$/);
          if (config.discordApi !== null) expect(config.discordApi).toMatch(/^https?:\/\/.*[^/]$/);
          if (config.discordToken !== null) expect(config.discordToken).not.toMatch(/\s/);
          if (config.applicationId !== null) expect(config.applicationId).toMatch(/^\d{17,20}$/);
          return;
        }
        refused++;
        expect(result.problems.length).toBeGreaterThan(0);
        const named = new Map<string, number>();
        for (const problem of result.problems) {
          // One sentence: no line break, ends with a full stop, starts with the variable.
          expect(problem).not.toMatch(/\n/);
          expect(problem).toMatch(/\.$/);
          const variable = /^([A-Z_]+)\b/.exec(problem)?.[1] ?? '';
          expect(VARIABLES as readonly string[], problem).toContain(variable);
          expect(Object.keys(env), problem).toContain(variable);
          named.set(variable, (named.get(variable) ?? 0) + 1);
        }
        for (const [variable, times] of named) expect(times, variable).toBe(1);
        const shown = describeConfigProblems(result.problems);
        for (const secret of secretsOf(env)) {
          expect(shown).not.toContain(secret);
          expect(shown).not.toContain(secret.slice(0, 12));
        }
      }),
      { numRuns: 3000 },
    );
    console.log(
      `fuzz: environment maps tried: ${tried} (${tried - refused} accepted, ${refused} refused with problems)`,
    );
    expect(refused).toBeGreaterThan(0);
    expect(tried - refused).toBeGreaterThan(0);
  });
});
