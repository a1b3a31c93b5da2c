/**
 * The registered command JSON, `deploy-commands` against the fake through
 * DISCORD_API, and the built `main` with and without a token.
 */
import { join } from 'node:path';
import { startFakeDiscord } from '@cec/discord-fake';
import { describe, expect, test } from 'vitest';
import { commandDefinitions } from '../src/commands/index.js';
import { tempDir } from './helpers/context.js';
import { TOKEN } from './helpers/fake-discord.js';
import { kill, launch, run } from './helpers/processes.js';

interface Option {
  name: string;
  type: number;
  description: string;
  required?: boolean;
  options?: Option[];
  choices?: unknown[];
}

const SUBCOMMAND = 1;

function optionLists(): { where: string; options: Option[] }[] {
  return commandDefinitions().flatMap((command) => {
    const options = (command.options ?? []) as Option[];
    const subs = options.filter((o) => o.type === SUBCOMMAND);
    if (subs.length === 0) return [{ where: `/${command.name}`, options }];
    return subs.map((s) => ({ where: `/${command.name} ${s.name}`, options: s.options ?? [] }));
  });
}

describe('the command definitions', () => {
  test('no required option comes after an optional one (Discord rejects it; toJSON does not)', () => {
    for (const { where, options } of optionLists()) {
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional === -1) continue;
      const lateRequired = options
        .slice(firstOptional)
        .filter((o) => o.required)
        .map((o) => o.name);
      expect(lateRequired, where).toEqual([]);
    }
  });

  test('every option has a description and at most 25 choices', () => {
    for (const { where, options } of optionLists()) {
      for (const o of options) {
        expect(o.description.length, `${where} ${o.name}`).toBeGreaterThan(0);
        expect(o.description.length, `${where} ${o.name}`).toBeLessThanOrEqual(100);
        expect(o.choices?.length ?? 0).toBeLessThanOrEqual(25);
      }
    }
  });

  test('/log <kind> takes the /cec options plus date (bot.md)', () => {
    const names = (where: string) =>
      optionLists()
        .find((l) => l.where === where)
        ?.options.map((o) => o.name) ?? [];
    expect(names('/cec cpr')).toEqual(['term', 'skills']);
    expect(names('/log cpr')).toEqual(['term', 'date', 'skills']);
    expect(names('/cec college')).toEqual(['credits', 'grade', 'related', 'cert-prep']);
    expect(names('/log college')).toEqual([
      'credits',
      'grade',
      'date',
      'related',
      'title',
      'cert-prep',
    ]);
    expect(names('/log course')).toEqual(['number', 'cecs', 'date', 'ethics', 'title']);
    expect(names('/log petition')).toEqual(['title', 'status', 'cecs', 'date', 'ethics']);
    expect(names('/log first-aid')).toEqual(['date', 'title']);
    expect(names('/log extra-cert')).toEqual(['credential', 'date']);
    expect(names('/log broaden')).toEqual(['name', 'date']);
    expect(names('/cert add')).toEqual(['credential', 'expires', 'certified']);
    expect(names('/group setup')).toEqual(['channel', 'reminder-days']);
    expect(names('/log remove')).toEqual(['entry']);
  });
});

describe('deploy-commands (built)', () => {
  test('registers every command in a guild through DISCORD_API and says what it registered', async () => {
    const fake = await startFakeDiscord({ token: TOKEN });
    try {
      const guild = fake.guild();
      const result = await run('discord/deploy-commands.js', ['--guild', guild.id], {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API: fake.apiUrl,
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        [
          `Registered 8 commands in server ${guild.id}:`,
          '  /cec (cpr, college, extra-cert, present, broaden, publish, mentor, course, petition, first-aid, ask)',
          '  /cert (add, list, remove)',
          '  /log (cpr, college, extra-cert, present, broaden, publish, mentor, course, petition, first-aid, list, remove)',
          '  /progress',
          '  /group (join, leave, board, setup, settings, remove)',
          '  /remind',
          '  /privacy (export, import, delete)',
          '  /help',
          '',
        ].join('\n'),
      );
      expect(fake.commands(guild.id).map((c) => c.name)).toHaveLength(8);
      expect(fake.commands()).toEqual([]);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `PUT /applications/${fake.applicationId}/guilds/${guild.id}/commands`,
      ]);
    } finally {
      await fake.close();
    }
  });

  test('without --guild it registers globally', async () => {
    const fake = await startFakeDiscord({ token: TOKEN });
    try {
      const result = await run('discord/deploy-commands.js', [], {
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API: fake.apiUrl,
      });
      expect(result.stdout).toContain('Registered 8 commands globally:');
      expect(fake.commands().map((c) => c.name)).toContain('cec');
    } finally {
      await fake.close();
    }
  });

  test('missing settings and bad arguments are explained', async () => {
    const missing = await run('discord/deploy-commands.js', [], {});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('deploy-commands needs DISCORD_TOKEN');
    const bad = await run('discord/deploy-commands.js', ['--guild', 'my-server'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--guild must be a server id');
  });
});

describe('main (built)', () => {
  test('without DISCORD_TOKEN: says what to set and how to try the console, exits 0', async () => {
    const result = await run('main.js', [], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('DISCORD_TOKEN=');
    expect(result.stdout).toContain("echo '/cec cpr term:2yr' | pnpm bot:console");
  });

  test('a bad setting: one line per problem, exit 1', async () => {
    const result = await run('main.js', [], { SITE_URL: 'nope', LOG_LEVEL: 'loud' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  - SITE_URL must be an http(s) URL');
    expect(result.stderr).toContain('  - LOG_LEVEL must be one of');
  });

  test('connects, and shuts down cleanly on SIGTERM without printing the token', async () => {
    const fake = await startFakeDiscord({ token: TOKEN });
    const dir = tempDir();
    try {
      const bot = launch('main.js', [], {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API: fake.apiUrl,
        DATABASE_URL: join(dir.path, 'cec.sqlite'),
        LOG_LEVEL: 'debug',
      });
      await bot.waitFor('logged in as FakeBot');
      kill(bot.child, 'SIGTERM');
      const result = await bot.finished;
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('SIGTERM: shutting down');
      expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
    } finally {
      await fake.close();
      dir.remove();
    }
  });
});
