/** The local console: lines parsed like Discord options, the same handlers, text out. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseLine, tokenize } from '../src/console/parse-line.js';
import { CONSOLE_IDENTITY, createConsoleSession } from '../src/console/session.js';
import { silentLogger } from '../src/log.js';
import { PACKAGE_DIR } from '../src/store/database.js';
import { memoryContext, tempDir } from './helpers/context.js';

describe('reading a line', () => {
  test('quoted values keep their spaces', () => {
    expect(tokenize('/log publish title:"Strength after 60" date:2026-01-01').tokens).toEqual([
      '/log',
      'publish',
      'title:Strength after 60',
      'date:2026-01-01',
    ]);
    expect(tokenize('title:"open').error).toContain('not closed');
  });

  test('options are typed from the command definitions, as Discord types them', () => {
    const parsed = parseLine(
      '/log college credits:3 grade:b date:12/10/2025 related:no title:"Intro to anatomy"',
      CONSOLE_IDENTITY,
    );
    expect(parsed).toEqual({
      ok: true,
      input: {
        command: 'log',
        subcommand: 'college',
        user: CONSOLE_IDENTITY.user,
        guildId: CONSOLE_IDENTITY.guildId,
        canManageServer: true,
        options: {
          credits: 3,
          grade: 'B',
          date: '12/10/2025',
          related: false,
          title: 'Intro to anatomy',
        },
        people: {},
      },
    });
  });

  test('words after an unquoted option continue it, as typing in Discord does', () => {
    const parsed = parseLine('/cec ask question:cpr 2 year', CONSOLE_IDENTITY);
    expect(parsed.ok && parsed.input.options).toEqual({ question: 'cpr 2 year' });
  });

  test('users and channels take mentions or ids', () => {
    const parsed = parseLine('/progress member:<@123456789012345678>', CONSOLE_IDENTITY);
    expect(parsed.ok && parsed.input.options).toEqual({ member: '123456789012345678' });
    const setup = parseLine('/group setup channel:#cec reminder-days:30,7', CONSOLE_IDENTITY);
    expect(setup.ok && setup.input.options).toEqual({ channel: 'cec', 'reminder-days': '30,7' });
  });

  test.each([
    [
      '/foo',
      'Unknown command "/foo". Commands: /cec, /cert, /log, /progress, /group, /remind, /privacy, /help.',
    ],
    [
      '/cec',
      '`/cec` needs a subcommand: cpr, college, extra-cert, present, broaden, publish, mentor, course, petition, first-aid, ask.',
    ],
    ['/cec cpx', '`/cec` has no subcommand "cpx".'],
    ['/cec cpr trm:2yr', '`/cec cpr` has no option `trm:`; its options: term, skills.'],
    ['/cec cpr term:3yr', '`term:` of `/cec cpr` must be one of 1yr, 2yr (got "3yr").'],
    ['/cec college credits:three grade:B', '`credits:` of `/cec college` must be a number'],
    ['/cec cpr 2yr', '"2yr" is not an option: write options as name:value'],
    ['/help now:1', '`/help` has no option `now:`; it takes no options.'],
  ])('%s → a specific message', (line, message) => {
    const parsed = parseLine(line, CONSOLE_IDENTITY);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });
});

describe('a session', () => {
  test('runs commands and presses buttons of the last reply', async () => {
    const context = await memoryContext();
    const session = createConsoleSession(context, silentLogger);
    expect((await session.run('/cec cpr term:2yr')).text).toContain('0.4 CECs');
    await session.run('/log cpr term:2yr date:01/15/2026');
    const prompt = await session.run('/privacy delete');
    expect(prompt.text).toContain('[1] Delete everything   [2] Cancel');
    expect((await session.run('click 1')).text).toContain('Deleted: 0 certifications, 1 entry');
    expect((await session.run('click 1')).text).toBe('There is no button to press.');
    expect(await session.run('/nope')).toMatchObject({ unreadable: true });
    expect(await session.run('# a comment')).toEqual({ text: '', unreadable: false });
  });

  test('"Log this" shows the form as text; "fill" submits it; a mistake keeps what was typed', async () => {
    const context = await memoryContext();
    const session = createConsoleSession(context, silentLogger);
    expect((await session.run('fill date:01/15/2026')).text).toContain('no form to fill in');
    expect((await session.run('/cec college credits:3 grade:B')).text).toContain(
      '[1] Details   [2] Log this',
    );
    const form = (await session.run('click 2')).text;
    expect(form).toContain('📝 Log: College course');
    expect(form).toContain('  date: Completion date, required');
    expect((await session.run('fill title:"Anatomy I"')).text).toBe(
      '⚠️ `date` (Completion date) is required.',
    );
    const refused = (await session.run('fill date:13/45/2026 title:"Anatomy I"')).text;
    expect(refused).toContain('has no month 13');
    expect(refused).toContain('[1] Try again');
    expect((await session.run('click 1')).text).toContain('= "Anatomy I"');
    expect((await session.run('fill date:2026-05-02')).text).toContain(
      'Recorded: Anatomy I (3 credit hours, B)',
    );
    const [entry] = await context.store.activities.list(CONSOLE_IDENTITY.user.id);
    expect(entry?.activity).toMatchObject({ kind: 'college', title: 'Anatomy I' });
  });
});

describe('the built console (dist/console.js), piped', () => {
  const consoleJs = join(PACKAGE_DIR, 'dist', 'console.js');

  function pipe(lines: string[], env: Record<string, string> = {}) {
    return spawnSync(process.execPath, [consoleJs], {
      input: `${lines.join('\n')}\n`,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 15_000,
    });
  }

  test("echo '/cec cpr term:2yr' prints an answer containing 0.4", () => {
    const dir = tempDir();
    try {
      const result = pipe(['/cec cpr term:2yr'], { DATABASE_URL: join(dir.path, 'c.sqlite') });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('2-year CPR/AED certificate: 0.4 CECs');
      expect(result.stderr).toBe('');
    } finally {
      dir.remove();
    }
  });

  test('records persist in the embedded file between runs; a bad line exits 1', () => {
    const dir = tempDir();
    const env = { DATABASE_URL: join(dir.path, 'c.sqlite') };
    try {
      pipe(
        ['/cert add credential:personal-trainer expires:03/31/2027', '/log mentor date:2026-01-01'],
        env,
      );
      const second = pipe(['/log list', '/log mentr date:2026-01-01'], env);
      expect(second.stdout).toContain('Your entries (1)');
      expect(second.stdout).toContain('Community outreach');
      expect(second.stdout).toContain('`/log` has no subcommand "mentr"');
      expect(second.status).toBe(1);
    } finally {
      dir.remove();
    }
  });
});
