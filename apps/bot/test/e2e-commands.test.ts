/**
 * End to end: the real discord.js client and router, the store on a temp
 * SQLite file, logged in to the local fake Discord. Checks the callback
 * bodies Discord would receive for every command and subcommand.
 */
import { Permission } from '@cec/discord-fake';
import { decodePlan } from '@cec/rules';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { renderCredit } from '../src/render/answers.js';
import { type FakeWorld, SITE_URL, startFakeWorld } from './helpers/fake-discord.js';

let world: FakeWorld;
beforeAll(async () => {
  world = await startFakeWorld();
});
afterAll(async () => {
  await world?.close();
});

const EPHEMERAL = 64;
const NO_MENTIONS = { parse: [] };

/** The entry id in a `/log` reply ("Entry `abcd2345` · …"). */
function entryIdOf(description: unknown): string {
  const id = /Entry `([a-z0-9]+)`/.exec(String(description ?? ''))?.[1];
  if (!id) throw new Error(`no entry id in ${String(description)}`);
  return id;
}

describe('registration', () => {
  test('the bot registered exactly the commands of the contract', () => {
    const commands = world.fake.commands();
    expect(commands.map((c) => c.name)).toEqual([
      'cec',
      'cert',
      'log',
      'progress',
      'group',
      'remind',
      'privacy',
      'help',
    ]);
    const subs = (name: string) =>
      ((commands.find((c) => c.name === name)?.options ?? []) as { name: string }[]).map(
        (o) => o.name,
      );
    // One subcommand per opportunity of the rules (their order), then ask.
    expect(subs('cec')).toEqual([
      'cpr',
      'college',
      'extra-cert',
      'present',
      'broaden',
      'publish',
      'mentor',
      'course',
      'petition',
      'first-aid',
      'ask',
    ]);
    expect(subs('cert')).toEqual(['add', 'list', 'remove']);
    expect(subs('log')).toEqual([
      'cpr',
      'college',
      'extra-cert',
      'present',
      'broaden',
      'publish',
      'mentor',
      'course',
      'petition',
      'first-aid',
      'list',
      'remove',
    ]);
    expect(subs('group')).toEqual(['join', 'leave', 'board', 'setup', 'settings', 'remove']);
    expect(subs('privacy')).toEqual(['export', 'import', 'delete']);
    expect(subs('progress')).toEqual(['member']);
  });
});

describe('/cec answers publicly', () => {
  test('/cec cpr term:2yr: the exact callback body', async () => {
    const reply = await world.fake.command({
      name: 'cec cpr',
      options: { term: '2yr' },
      user: 'alice',
    });
    const expected = renderCredit(
      '2-year CPR/AED certificate',
      { tenths: 4, reason: 'A 2-year CPR/AED certification is worth 0.4 CECs (S1).' },
      [],
    );
    expect(reply.callback).toEqual({
      type: 4,
      data: {
        tts: false,
        enforce_nonce: false,
        embeds: expected.embeds,
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 2, label: 'Details', custom_id: 'cec:d:cpr' },
              { type: 2, style: 1, label: 'Log this', custom_id: 'cec:l:cpr:2yr|' },
            ],
          },
        ],
        allowed_mentions: NO_MENTIONS,
      },
    });
    expect(reply.embeds[0]?.title).toBe('2-year CPR/AED certificate: 0.4 CECs');
    expect(reply.ephemeral).toBe(false);
  });

  test.each([
    ['cec college', { credits: 2, grade: 'B' }, 'College course (2 credit hours, B): 2.0 CECs'],
    [
      'cec college',
      { credits: 3, grade: 'B', related: false },
      'College course (3 credit hours, B): 0.0 CECs',
    ],
    ['cec present', {}, 'Presenting'],
    ['cec publish', {}, 'Publishing'],
    ['cec broaden', {}, 'A certification from another NCCA-accredited provider'],
    ['cec mentor', {}, 'Mentoring and community outreach'],
    ['cec extra-cert', {}, 'An extra ACE certification'],
    ['cec course', { number: 'CEP123456' }, 'CEP123456 is a well-formed ACE course number'],
    ['cec ask', { question: 'published a book' }, 'Publishing'],
  ])('/%s %j', async (name, options, title) => {
    const reply = await world.fake.command({ name, options, user: 'alice' });
    expect(reply.type).toBe(4);
    expect(reply.flags & EPHEMERAL).toBe(0);
    expect(reply.embeds[0]?.title).toBe(title);
    expect(reply.data.allowed_mentions).toEqual(NO_MENTIONS);
  });

  test('a mistake is answered privately with the reason', async () => {
    const reply = await world.fake.command({ name: 'cec course', options: { number: 'AB12345' } });
    expect(reply.callback).toEqual({
      type: 4,
      data: {
        tts: false,
        enforce_nonce: false,
        content:
          '⚠️ "AB" is not an ACE course prefix: it must be CEP, CP, CA, CS or CL (for example CA23456).',
        allowed_mentions: NO_MENTIONS,
        flags: EPHEMERAL,
      },
    });
  });

  test('/cec ask autocompletes from the rules’ example questions', async () => {
    const choices = await world.fake.autocomplete({
      name: 'cec ask',
      focused: 'question',
      value: 'col',
    });
    expect(choices).toContainEqual({
      name: 'college 3 credits grade B',
      value: 'college 3 credits grade B',
    });
  });
});

describe('a member’s records are private and their own', () => {
  test('/cert add, list, remove', async () => {
    const added = await world.fake.command({
      name: 'cert add',
      options: { credential: 'personal-trainer', expires: '03/31/2027' },
      user: 'carol',
    });
    expect(added.ephemeral).toBe(true);
    expect(added.embeds[0]?.title).toBe('Added: ACE Certified Personal Trainer');
    const listed = await world.fake.command({ name: 'cert list', user: 'carol' });
    expect(listed.text()).toContain('ACE Certified Personal Trainer');
    const removed = await world.fake.command({
      name: 'cert remove',
      options: { credential: 'personal-trainer' },
      user: 'carol',
    });
    expect(removed.content).toBe(
      'Removed your ACE Certified Personal Trainer. Your recorded activities are kept.',
    );
  });

  test.each([
    ['cpr', { term: '2yr' }, '0.4'],
    ['college', { credits: 2, grade: 'A', title: 'Kinesiology' }, '2.0'],
    ['course', { number: 'CA23456', cecs: 0.7, ethics: true }, '0.7'],
    ['present', { title: 'Cueing' }, '0.5'],
    ['publish', { title: 'Strength after 60' }, '0.5'],
    ['broaden', { name: 'NSCA-CPT' }, '0.5'],
    ['mentor', {}, '0.1'],
    ['extra-cert', { credential: 'health-coach' }, '2.0'],
    ['petition', { title: 'Pilates', status: 'pending', cecs: 0.5 }, '0.0'],
  ])('/log %s', async (kind, options, amount) => {
    const reply = await world.fake.command({
      name: `log ${kind}`,
      options: { ...options, date: '2026-01-15' },
      user: 'dave',
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.data.allowed_mentions).toEqual(NO_MENTIONS);
    expect(reply.embeds[0]?.description).toContain(`worth **${amount} CEC`);
  });

  test('a required option left out, and a bad date, get a short private explanation', async () => {
    const missing = await world.fake.command({
      name: 'log cpr',
      options: { term: '2yr' },
      user: 'dave',
      validate: false,
    });
    expect(missing.ephemeral).toBe(true);
    expect(missing.content).toBe('⚠️ `/log cpr` needs `date:`, for example `date:01/15/2026`.');
    const bad = await world.fake.command({
      name: 'log cpr',
      options: { term: '2yr', date: '2026-02-30' },
      user: 'dave',
    });
    expect(bad.content).toBe(
      '⚠️ That entry was not recorded:\n• Completion date: "2026-02-30" is not a real date: February 2026 has 28 days.',
    );
  });

  test('guessing another member’s entry id changes nothing and reveals nothing', async () => {
    const erin = await world.fake.command({
      name: 'log mentor',
      options: { date: '2026-02-01' },
      user: 'erin',
    });
    const erinsId = entryIdOf(erin.embeds[0]?.description);
    const guess = await world.fake.command({
      name: 'log remove',
      options: { entry: erinsId },
      user: 'frank',
    });
    const unknown = await world.fake.command({
      name: 'log remove',
      options: { entry: 'zzzzzzzz' },
      user: 'frank',
    });
    expect(guess.ephemeral).toBe(true);
    expect(guess.content?.replace(erinsId, 'ID')).toBe(unknown.content?.replace('zzzzzzzz', 'ID'));
    const erinsList = await world.fake.command({ name: 'log list', user: 'erin' });
    expect(erinsList.text()).toContain(erinsId);
    const franksChoices = await world.fake.autocomplete({
      name: 'log remove',
      focused: 'entry',
      value: '',
      user: 'frank',
    });
    expect(franksChoices).toEqual([]);
  });

  test('/log remove with autocomplete of the member’s own entries', async () => {
    const logged = await world.fake.command({
      name: 'log present',
      options: { date: '2026-03-03', title: 'Balance talk' },
      user: 'gina',
    });
    const id = entryIdOf(logged.embeds[0]?.description);
    const choices = await world.fake.autocomplete({
      name: 'log remove',
      focused: 'entry',
      value: 'balance',
      user: 'gina',
    });
    expect(choices).toEqual([
      { name: `03/03/2026 · Presentation: Balance talk · 0.5 (${id})`, value: id },
    ]);
    const removed = await world.fake.command({
      name: 'log remove',
      options: { entry: id },
      user: 'gina',
    });
    expect(removed.content).toBe(
      `Removed entry \`${id}\`: Presentation: Balance talk. \`/progress\` shows your new total.`,
    );
  });

  test('/progress: bar, deadline timestamps, checklist and a calculator link', async () => {
    await world.fake.command({
      name: 'cert add',
      options: { credential: 'group-fitness-instructor', expires: '2027-03-31' },
      user: 'hana',
    });
    await world.fake.command({
      name: 'log cpr',
      options: { term: '2yr', date: '2026-01-15' },
      user: 'hana',
    });
    const reply = await world.fake.command({ name: 'progress', user: 'hana' });
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0] ?? {};
    expect(embed.title).toBe('ACE Certified Group Fitness Instructor');
    expect(String(embed.description)).toMatch(
      /^`██░░░░░░░░` \*\*0\.4 \/ 2\.0\*\* CECs\n0\.4 of 2\.0 CECs earned, 1\.6 to go\.\nExpires <t:\d+:D> \(<t:\d+:R>\) · Active$/,
    );
    const link = /\((https:\/\/cec\.example\.org\/\?plan=[^)]+)\)/.exec(reply.content ?? '')?.[1];
    expect(link?.startsWith(`${SITE_URL}/?plan=`)).toBe(true);
    const plan = await decodePlan(new URL(link ?? 'x:').searchParams.get('plan') ?? '');
    expect(plan.ok && plan.plan.activities).toEqual([
      { kind: 'cpr-aed', term: '2yr', completed: '2026-01-15' },
    ]);
  });
});

describe('/group', () => {
  test('setup needs Manage Server: refused without it, done with it', async () => {
    const refused = await world.fake.command({
      name: 'group setup',
      options: { channel: 'general' },
      user: 'ivan',
      memberPermissions: Permission.SendMessages,
    });
    expect(refused.ephemeral).toBe(true);
    expect((await refused.final()).content).toBe(
      '⚠️ Only members with the Manage Server permission can use `/group setup`.',
    );

    const general = world.fake.channel('general');
    const done = await world.fake.command({
      name: 'group setup',
      options: { channel: 'general', 'reminder-days': '60,7' },
      user: 'ivan',
      memberPermissions: Permission.ManageGuild,
    });
    expect(done.ephemeral).toBe(true);
    expect((await done.final()).content).toContain(`<#${general.id}>`);
    expect((await world.store.groups.settings(world.fake.guild().id))?.reminderDays).toEqual([
      60, 7,
    ]);
  });

  test('join, board (deferred), another member’s progress, leave', async () => {
    await world.fake.command({
      name: 'cert add',
      options: { credential: 'health-coach', expires: '2026-07-01' },
      user: 'jill',
    });
    const joined = await world.fake.command({ name: 'group join', user: 'jill' });
    expect(joined.content).toContain('You joined the group board in this server.');

    const board = await world.fake.command({ name: 'group board', user: 'kim' });
    expect(board.type).toBe(5);
    expect(board.ephemeral).toBe(true);
    const shown = await board.final();
    expect(shown.embeds[0]?.title).toBe('Group board: 1 member, most urgent first');
    expect(shown.text()).toContain('jill');
    expect(shown.text()).toContain('30 days left');

    const jill = world.fake.user('jill');
    const seen = await world.fake.command({
      name: 'progress',
      options: { member: jill.id },
      user: 'kim',
    });
    expect(seen.content).toContain("**jill's progress**");

    await world.fake.command({ name: 'group leave', user: 'jill' });
    const hidden = await world.fake.command({
      name: 'progress',
      options: { member: jill.id },
      user: 'kim',
    });
    expect(hidden.content).toBe(
      '⚠️ That member has not joined the group board in this server, so their progress is private.',
    );
  });
});

describe('/privacy', () => {
  test('export: CSV (formula-safe) and JSON attachments, privately', async () => {
    await world.fake.command({
      name: 'log publish',
      options: { title: '=HYPERLINK("http://evil.example")', date: '2026-01-01' },
      user: 'liam',
    });
    const reply = await world.fake.command({ name: 'privacy export', user: 'liam' });
    expect(reply.callback).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const message = await reply.final();
    expect(message.ephemeral).toBe(true);
    expect(message.files.map((f) => f.name)).toEqual(['cec-data.csv', 'cec-data.json']);
    const csv = message.files[0]?.text ?? '';
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(JSON.parse(message.files[1]?.text ?? '{}').plan.activities).toHaveLength(1);
  });

  test('delete: a confirmation button, then everything is gone', async () => {
    await world.fake.command({ name: 'log mentor', options: { date: '2026-01-01' }, user: 'mona' });
    const prompt = await world.fake.command({ name: 'privacy delete', user: 'mona' });
    expect(prompt.ephemeral).toBe(true);
    const ids = prompt.message?.customIds() ?? [];
    expect(ids).toHaveLength(2);
    const mona = world.fake.user('mona');
    expect(await world.store.activities.count(mona.id)).toBe(1);

    const clicked = await world.fake.clickButton({
      message: prompt,
      customId: ids[0] ?? '',
      user: 'mona',
    });
    expect(clicked.type).toBe(7);
    expect(clicked.callback).toEqual({
      type: 7,
      data: {
        tts: false,
        enforce_nonce: false,
        content:
          'Deleted: 0 certifications, 1 entry, 0 group board memberships. The bot holds nothing about you now.',
        embeds: [],
        components: [],
        allowed_mentions: NO_MENTIONS,
      },
    });
    expect(prompt.message?.embeds).toEqual([]);
    expect(await world.store.activities.count(mona.id)).toBe(0);
  });
});

describe('/help', () => {
  test('says it is not affiliated with ACE', async () => {
    const reply = await world.fake.command({ name: 'help' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.text()).toContain(
      'It is not affiliated with or endorsed by the American Council on Exercise (ACE).',
    );
  });
});

describe('errors and mentions', () => {
  test('a bug in a handler is logged and answered with an apology; the next command works', async () => {
    const spy = vi
      .spyOn(world.store.activities, 'list')
      .mockRejectedValueOnce(new Error('disk on fire'));
    try {
      const reply = await world.fake.command({ name: 'log list', user: 'nina' });
      expect(reply.callback).toEqual({
        type: 4,
        data: {
          tts: false,
          enforce_nonce: false,
          content:
            'Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.',
          allowed_mentions: NO_MENTIONS,
          flags: EPHEMERAL,
        },
      });
      expect(
        world.logs.some((l) => l.includes('ERROR /log list') && l.includes('disk on fire')),
      ).toBe(true);
    } finally {
      spy.mockRestore();
    }
    const after = await world.fake.command({ name: 'log list', user: 'nina' });
    expect(after.content).toContain('You have no entries yet');
  });

  test('text a member typed never pings: every message the bot sent disallows mentions', async () => {
    await world.fake.command({
      name: 'log present',
      options: { title: '@everyone <@&1> look', date: '2026-01-01' },
      user: 'otto',
    });
    const sent = world.fake.requests.filter(
      (r) =>
        /\/callback$|^\/webhooks\/|^\/channels\/\d+\/messages$/.test(r.path) &&
        r.method !== 'GET' &&
        r.method !== 'DELETE',
    );
    expect(sent.length).toBeGreaterThan(30);
    for (const request of sent) {
      const body = request.body as {
        type?: number;
        data?: { allowed_mentions?: unknown };
        allowed_mentions?: unknown;
      };
      if (body.type === 5 || body.type === 8) continue; // a deferral and autocomplete choices carry no message
      const mentions =
        body.type !== undefined ? body.data?.allowed_mentions : body.allowed_mentions;
      expect(mentions, `${request.method} ${request.path}`).toEqual(NO_MENTIONS);
    }
    expect(world.fake.unknownRoutes).toEqual([]);
    expect(world.logs.join('\n')).not.toContain('fake-token-for-tests-only');
  });
});
