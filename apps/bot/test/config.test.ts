/** Configuration: one clear message per problem, and the token never printed. */
import { describe, expect, test } from 'vitest';
import { describeConfigProblems, loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('loadConfig', () => {
  test('nothing set: console-only defaults', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      config: {
        discordToken: null,
        applicationId: null,
        databaseUrl: null,
        // No guessed local address: without SITE_URL the bot posts no calculator link.
        siteUrl: null,
        discordApi: null,
        logLevel: 'info',
        shards: null,
        shardSpawnDelayMs: 5500,
        isShard: false,
        interactions: null,
        timeZone: 'UTC',
      },
    });
  });

  test('everything set; blank values count as unset; trailing slashes dropped', () => {
    const result = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: '123456789012345678',
      DATABASE_URL: ' ',
      SITE_URL: 'https://cec.example.org/',
      DISCORD_API: 'http://127.0.0.1:9999/api/',
      LOG_LEVEL: 'DEBUG',
      SHARDS: '4',
      SHARD_SPAWN_DELAY_MS: '0',
      REMINDER_TIME_ZONE: ' America/New_York ',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        discordToken: TOKEN,
        applicationId: '123456789012345678',
        databaseUrl: null,
        siteUrl: 'https://cec.example.org',
        discordApi: 'http://127.0.0.1:9999/api',
        logLevel: 'debug',
        shards: 4,
        shardSpawnDelayMs: 0,
        isShard: false,
        interactions: null,
        timeZone: 'America/New_York',
      },
    });
  });

  test('REMINDER_TIME_ZONE must be a zone Intl knows; the host zone is never the default', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(loadConfig({ REMINDER_TIME_ZONE: '' })).toMatchObject({ config: { timeZone: 'UTC' } });
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
    for (const wrong of ['Mars/Olympus', 'EST+5', 'New York']) {
      expect(loadConfig({ REMINDER_TIME_ZONE: wrong })).toEqual({
        ok: false,
        problems: [
          'REMINDER_TIME_ZONE must be an IANA time zone name, like UTC (the default), America/New_York or Europe/London.',
        ],
      });
    }
  });

  test('each problem gets its own sentence naming the variable', () => {
    const result = loadConfig({
      DISCORD_APPLICATION_ID: 'my-app',
      SITE_URL: 'cec.example.org',
      DISCORD_API: 'ftp://x',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://u:p@db/cec',
      SHARDS: 'two',
      SHARD_SPAWN_DELAY_MS: '-1',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(7);
    for (const name of [
      'DISCORD_APPLICATION_ID',
      'SITE_URL',
      'DISCORD_API',
      'LOG_LEVEL',
      'DATABASE_URL',
      'SHARDS',
      'SHARD_SPAWN_DELAY_MS',
    ]) {
      expect(result.problems.filter((p) => p.startsWith(`${name} `))).toHaveLength(1);
    }
    expect(describeConfigProblems(result.problems)).toContain('apps/bot/.env.example');
  });

  test('PostgreSQL URLs are accepted; a mangled one is refused without quoting its password', () => {
    for (const url of [
      'postgres://cec:secret@db.example.org:5432/cec',
      'postgresql://cec@127.0.0.1/cec?sslmode=require',
    ]) {
      expect(loadConfig({ DATABASE_URL: url })).toMatchObject({
        ok: true,
        config: { databaseUrl: url },
      });
    }
    const result = loadConfig({ DATABASE_URL: 'postgres://cec:pa ss@wo rd@db host/cec' });
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.problems.join('\n');
    expect(text).toMatch(/^DATABASE_URL is not a readable PostgreSQL URL: use postgres:\/\//);
    expect(text).not.toContain('pa ss');
  });

  test.each([
    ['0', 'SHARDS must be a whole number of shards from 1 to 64'],
    ['65', 'SHARDS must be a whole number of shards from 1 to 64'],
    ['1.5', 'SHARDS must be a whole number of shards from 1 to 64'],
  ])('SHARDS=%s is refused', (value, message) => {
    const result = loadConfig({ SHARDS: value });
    expect(result.ok ? [] : result.problems).toEqual([expect.stringContaining(message)]);
  });

  test('SHARDS with :memory: is refused: the shards would not share the data', () => {
    const result = loadConfig({ SHARDS: '2', DATABASE_URL: ':memory:' });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringMatching(/^SHARDS needs a database the shard processes share/),
    ]);
  });

  test('in a shard process, SHARDS is the shard id discord.js set, not a count', () => {
    expect(
      loadConfig({
        SHARDING_MANAGER: 'true',
        SHARDS: '0',
        SHARD_COUNT: '2',
        DATABASE_URL: ':memory:',
      }),
    ).toMatchObject({ ok: true, config: { shards: null, isShard: true } });
  });

  test('a malformed token is reported without quoting it', () => {
    const pasted = `${TOKEN} \n`;
    const result = loadConfig({ DISCORD_TOKEN: `Bot ${pasted}` });
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : describeConfigProblems(result.problems);
    expect(text).toContain('DISCORD_TOKEN');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(0, 12));
  });
});

describe('the logger', () => {
  test('masks the token in messages, details and error stacks', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', secrets: [TOKEN], write: (l) => lines.push(l) });
    log.info(`connecting with ${TOKEN}`);
    log.error('failed', new Error(`401 for Bot ${TOKEN}`));
    log.warn('detail', { headers: { authorization: `Bot ${TOKEN}` } });
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).toContain('[redacted]');
    }
  });

  test('respects the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (l) => lines.push(l) });
    log.debug('a');
    log.info('b');
    log.warn('c');
    log.error('d');
    expect(lines.map((l) => l.split(' ').slice(1).join(' '))).toEqual(['WARN c', 'ERROR d']);
  });
});
