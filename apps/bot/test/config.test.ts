/** Configuration: one clear message per problem, and the token never printed. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_SITE_URL, describeConfigProblems, loadConfig } from '../src/config.js';
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
        siteUrl: DEFAULT_SITE_URL,
        discordApi: null,
        logLevel: 'info',
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
      },
    });
  });

  test('each problem gets its own sentence naming the variable', () => {
    const result = loadConfig({
      DISCORD_APPLICATION_ID: 'my-app',
      SITE_URL: 'cec.example.org',
      DISCORD_API: 'ftp://x',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'postgres://u:p@db/cec',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(5);
    for (const name of [
      'DISCORD_APPLICATION_ID',
      'SITE_URL',
      'DISCORD_API',
      'LOG_LEVEL',
      'DATABASE_URL',
    ]) {
      expect(result.problems.filter((p) => p.startsWith(name))).toHaveLength(1);
    }
    expect(result.problems.join('\n')).toContain('PostgreSQL');
    expect(describeConfigProblems(result.problems)).toContain('apps/bot/.env.example');
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
