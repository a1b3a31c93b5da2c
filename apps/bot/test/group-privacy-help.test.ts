/** `/group`, `/privacy` and `/help` on plain data. */
import { parsePlan } from '@cec/rules';
import { beforeEach, describe, expect, test } from 'vitest';
import { parseReminderDays } from '../src/commands/reminder-days.js';
import { runButton } from '../src/commands/run.js';
import type { CommandInput, OptionValue } from '../src/commands/types.js';
import { ALICE, BOB, GUILD, memoryContext, NOW, runLine, shown } from './helpers/context.js';

let context: Awaited<ReturnType<typeof memoryContext>>;
beforeEach(async () => {
  context = await memoryContext();
});

function run(
  line: string,
  options: Record<string, OptionValue> = {},
  extra: Partial<CommandInput> = {},
) {
  return runLine(context, line, options, extra);
}

describe('/group', () => {
  test('join, join again, leave, leave again', async () => {
    expect((await run('group join')).content).toContain('You joined the group board');
    expect((await run('group join')).content).toContain('You are already on the group board');
    expect(await context.store.groups.isMember(GUILD, ALICE.id)).toBe(true);
    const left = (await run('group leave')).content;
    expect(left).toContain('You left the group board');
    expect(left).toContain('`/remind where:none` stops them');
    expect((await run('group leave')).content).toContain('You were not on the group board');
  });

  test('joining mentions the reminder channel once a moderator chose one', async () => {
    await context.store.groups.configure(GUILD, '400000000000000001', [30]);
    expect((await run('group join')).content).toContain('<#400000000000000001>');
  });

  test('the board lists members, most urgent first', async () => {
    const people = [
      { user: ALICE, expires: '2027-03-31' },
      { user: BOB, expires: '2026-07-01' },
      { user: { id: '200000000000000003', name: 'Cara' }, expires: null },
    ];
    for (const p of people) {
      if (p.expires)
        await run(
          'cert add',
          { credential: 'personal-trainer', expires: p.expires },
          { user: p.user },
        );
      await run('group join', {}, { user: p.user });
    }
    const reply = await run('group board');
    expect(reply.ephemeral).toBe(true);
    const text = reply.embeds?.[0]?.description ?? '';
    expect(text.indexOf('**Bob**')).toBeLessThan(text.indexOf('**Alice**'));
    expect(text.indexOf('**Alice**')).toBeLessThan(text.indexOf('No certification registered'));
    expect(text).toContain('30 days left');
    expect(text).toContain('No certification registered (1): Cara');
  });

  test('an empty board says how to join', async () => {
    expect((await run('group board')).content).toContain('Nobody has joined');
  });

  test('setup needs Manage Server, checked at run time', async () => {
    const refused = await run('group setup', { channel: '400000000000000001' });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('Only members with the Manage Server permission');
    expect(await context.store.groups.settings(GUILD)).toBeNull();

    const done = await run(
      'group setup',
      { channel: '400000000000000001', 'reminder-days': '7, 30 ,90' },
      { canManageServer: true },
    );
    expect(done.content).toContain('<#400000000000000001>');
    expect((await context.store.groups.settings(GUILD))?.reminderDays).toEqual([90, 30, 7]);
  });

  test('settings pauses and resumes the weekly digest, and shows it', async () => {
    const moderator = { canManageServer: true };
    await run('group setup', { channel: '400000000000000001' }, moderator);
    expect((await context.store.groups.settings(GUILD))?.weeklyPost).toBe(true);
    const paused = await run('group settings', { 'weekly-digest': false }, moderator);
    expect(paused.content).toContain('Weekly digest: paused.');
    expect((await context.store.groups.settings(GUILD))?.weeklyPost).toBe(false);
    expect((await run('group settings', {}, moderator)).content).toContain('Weekly digest: paused');
    // Changing the days leaves the digest as the moderator set it.
    await run('group settings', { 'reminder-days': '30' }, moderator);
    expect((await context.store.groups.settings(GUILD))?.weeklyPost).toBe(false);
    await run('group settings', { 'weekly-digest': true }, moderator);
    expect((await context.store.groups.settings(GUILD))?.weeklyPost).toBe(true);
    expect((await run('group settings', { 'weekly-digest': false })).content).toContain(
      'Manage Server',
    );
    expect((await context.store.groups.settings(GUILD))?.weeklyPost).toBe(true);
  });

  test('setup without reminder-days uses 90, 30, 7, 1', async () => {
    await run('group setup', { channel: '400000000000000001' }, { canManageServer: true });
    expect((await context.store.groups.settings(GUILD))?.reminderDays).toEqual([90, 30, 7, 1]);
  });

  test.each([
    ['', 'at least one number'],
    ['30,abc', '"abc" is not one'],
    ['0', 'between 1 and 365'],
    ['400', 'between 1 and 365'],
    ['1,2,3,4,5,6,7,8,9,10,11', 'at most 10'],
  ])('reminder-days "%s" is refused: %s', (typed, message) => {
    expect(() => parseReminderDays(typed)).toThrow(message);
  });

  test('outside a server, /group explains itself', async () => {
    expect((await run('group join', {}, { guildId: null })).content).toContain('works in a server');
  });
});

describe('/privacy', () => {
  beforeEach(async () => {
    await run('cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
    await run('log present', {
      date: '2026-01-01',
      title: '=HYPERLINK("http://evil.example","x")',
    });
    await run('log publish', { date: '2026-01-02', title: '+1 tips, "quoted"' });
    await run('log mentor', { date: '2026-01-03', title: '@SUM(1+1)' });
    await run('log broaden', { date: '2026-01-04', name: '-NSCA' });
    await run('group join');
    await run('log cpr', { term: '2yr', date: '2026-01-05' }, { user: BOB });
  });

  test('export: CSV that cannot run formulas, and JSON that is a valid plan', async () => {
    const reply = await run('privacy export');
    expect(reply.ephemeral).toBe(true);
    const [csv, json] = reply.files ?? [];
    expect(csv?.name).toBe('cec-data.csv');
    expect(json?.name).toBe('cec-data.json');
    const cells = (csv?.content ?? '').split('\r\n').flatMap((line) => line.split(','));
    for (const cell of cells) expect(cell.replace(/^\uFEFF?"/, '')).not.toMatch(/^[=+\-@]/);
    expect(csv?.content).toContain(`'=HYPERLINK(""http://evil.example"",""x"")`);
    expect(csv?.content).toContain(`"'+1 tips, ""quoted"""`);
    expect(csv?.content).toContain("'@SUM(1+1)");
    expect(csv?.content).toContain("'-NSCA");
    expect(csv?.content.split('\r\n')[0]).toMatch(/^\uFEFFRecord,Entry,Activity,Completion date,/);

    const data = JSON.parse(json?.content ?? '{}');
    expect(data.discordUserId).toBe(ALICE.id);
    expect(data.entries).toHaveLength(4);
    expect(data.groupBoards).toEqual([
      { server: GUILD, displayName: 'Alice', joinedAt: NOW.toISOString() },
    ]);
    expect(data.reminders).toEqual({ channel: true, dm: true, days: null, chosenAt: null });
    expect(parsePlan(data.plan).ok).toBe(true);
    expect(JSON.stringify(data)).not.toContain(BOB.id);
  });

  test('delete asks first; only the member can confirm; then everything is gone', async () => {
    const prompt = await run('privacy delete');
    expect(prompt.ephemeral).toBe(true);
    expect(prompt.buttons?.map((b) => [b.label, b.style])).toEqual([
      ['Delete everything', 'danger'],
      ['Cancel', 'secondary'],
    ]);
    const confirm = prompt.buttons?.[0]?.customId ?? '';
    expect(await context.store.activities.count(ALICE.id)).toBe(4);

    const byBob = await runButton({ user: BOB, guildId: GUILD, customId: confirm }, context);
    expect(byBob).toMatchObject({ replace: false, reply: { ephemeral: true } });
    expect(byBob.reply.content).toContain('belongs to someone else');
    expect(await context.store.activities.count(ALICE.id)).toBe(4);

    const done = await runButton({ user: ALICE, guildId: GUILD, customId: confirm }, context);
    expect(done.replace).toBe(true);
    expect(done.reply.content).toBe(
      'Deleted: 1 certification, 4 entries, 1 group board membership. The bot holds nothing about you now.',
    );
    expect(done.reply.buttons).toEqual([]);
    expect(await context.store.activities.count(ALICE.id)).toBe(0);
    expect(await context.store.certifications.list(ALICE.id)).toEqual([]);
    expect(await context.store.groups.isMember(GUILD, ALICE.id)).toBe(false);
    expect(await context.store.activities.count(BOB.id)).toBe(1);
  });

  test('cancel deletes nothing; an old confirmation has expired', async () => {
    const prompt = await run('privacy delete');
    const cancel = prompt.buttons?.[1]?.customId ?? '';
    const cancelled = await runButton({ user: ALICE, guildId: GUILD, customId: cancel }, context);
    expect(cancelled.reply.content).toBe('Nothing was deleted.');

    const later = { ...context, now: () => new Date(NOW.getTime() + 16 * 60_000) };
    const confirm = prompt.buttons?.[0]?.customId ?? '';
    const expired = await runButton({ user: ALICE, guildId: GUILD, customId: confirm }, later);
    expect(expired.reply.content).toContain('expired and nothing was deleted');
    expect(await context.store.activities.count(ALICE.id)).toBe(4);
  });
});

describe('/help', () => {
  test('says it is unofficial and not affiliated with ACE, with examples', async () => {
    const text = shown(await run('help'));
    expect(text).toContain('unofficial');
    expect(text).toContain('not affiliated with or endorsed by the American Council on Exercise');
    expect(text).toContain('/cec cpr term:2yr');
    expect(text).toContain('/log cpr term:2yr date:01/15/2026');
    expect(text).toContain('https://cec.example.org/');
  });
});
