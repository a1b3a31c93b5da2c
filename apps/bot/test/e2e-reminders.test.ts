/**
 * End to end through the fake Discord: a reminder day for a study group
 * (what each member receives, and whom each message may notify), and
 * `/remind` with every option and every mistake, answered privately.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FakeWorld, startFakeWorld } from './helpers/fake-discord.js';

let w: FakeWorld;
beforeAll(async () => {
  w = await startFakeWorld({ now: '2026-06-01T12:00:00Z' });
});
afterAll(async () => {
  await w?.close();
});

const firstLine = (text: string) => text.split('\n')[0] ?? '';

describe('a reminder day', () => {
  test('each member gets what they chose; each channel post pings only its member', async () => {
    await w.fake.command({ name: 'group setup', options: { channel: 'general' }, user: 'owner' });
    const certs: [string, string][] = [
      ['rita', '2026-07-01'], // 30 days: channel and DM
      ['sam', '2026-06-05'], // 4 days, DMs closed: channel only
      ['tess', '2026-06-25'], // on no board: DM only
      ['uma', '2025-12-15'], // in the grace period, which ends June 15: the grace-end reminder
      ['vic', '2026-07-01'], // chose no reminders
      ['wes', '2027-03-01'], // ready: celebrated
    ];
    for (const [user, expires] of certs) {
      await w.fake.command({
        name: 'cert add',
        options: { credential: 'personal-trainer', expires },
        user,
      });
      if (user !== 'tess') await w.fake.command({ name: 'group join', user });
    }
    await w.fake.command({ name: 'remind', options: { where: 'none' }, user: 'vic' });
    await w.fake.command({
      name: 'log cpr',
      options: { term: '2yr', date: '05/01/2026' },
      user: 'wes',
    });
    await w.fake.command({
      name: 'log course',
      options: { number: 'CA12345', cecs: 2.0, ethics: true, date: '05/20/2026' },
      user: 'wes',
    });
    w.fake.closeDms('sam');

    expect(await w.bot.scheduler.tick()).toMatchObject({ sent: 8, failed: 1 });
    expect(await w.bot.scheduler.tick()).toMatchObject({ sent: 0, failed: 0 });

    const id = (name: string) => w.fake.user(name).id;
    const [setupTest, ...posts] = w.fake.messages('general');
    expect(setupTest?.text()).toContain('CEC study group');
    expect(
      posts.map((m) => [firstLine(m.text()).split(' ').slice(0, 4).join(' '), m.allowedMentions]),
    ).toEqual([
      [`⏰ <@${id('rita')}>, your ACE`, { users: [id('rita')] }],
      [`⏰ <@${id('sam')}>, your ACE`, { users: [id('sam')] }],
      [`⏰ <@${id('uma')}>, your ACE`, { users: [id('uma')] }],
      [`🎉 <@${id('wes')}> is ready`, { users: [id('wes')] }],
      ['Weekly digest', { parse: [] }],
    ]);
    expect(posts.map((m) => m.pinged())).toEqual([
      [id('rita')],
      [id('sam')],
      [id('uma')],
      [id('wes')],
      [],
    ]);
    expect(posts[2]?.content).toMatch(
      /grace period ends <t:\d+:D> \(<t:\d+:R>\): renew before then/,
    );
    const digest = posts[4]?.text() ?? '';
    for (const due of ['rita', 'sam', 'uma', 'vic']) expect(digest).toContain(`<@${id(due)}>`);
    expect(digest).not.toContain(`<@${id('wes')}> ·`);

    const dms = Object.fromEntries(
      ['rita', 'sam', 'tess', 'uma', 'vic', 'wes'].map((u) => [
        u,
        w.fake.dms(u).map((m) => firstLine(m.content)),
      ]),
    );
    expect(dms).toEqual({
      rita: [expect.stringMatching(/^⏰ Your ACE Certified Personal Trainer expires/)],
      sam: [],
      tess: [expect.stringMatching(/^⏰ Your ACE Certified Personal Trainer expires/)],
      uma: [expect.stringMatching(/^⏰ Your .* the grace period ends/)],
      vic: [],
      wes: [],
    });
    expect(w.fake.dms('tess')[0]?.allowedMentions).toEqual({ parse: [] });
    const failed = (await w.store.reminderLog.all()).filter((r) => r.state === 'failed');
    expect(failed.map((r) => r.key)).toEqual([`dm:${id('sam')}:personal-trainer:2026-06-05:7d`]);
  });
});

describe('/remind', () => {
  const remind = async (user: string, options: Record<string, string> = {}, validate = true) => {
    const reply = await w.fake.command({ name: 'remind', options, user, validate });
    expect(reply.ephemeral).toBe(true);
    return reply.text().replaceAll('**', '');
  };

  test('with no options it shows the defaults and what they mean in this server', async () => {
    const shown = await remind('xena');
    expect(shown).toContain('Your reminders');
    expect(shown).toContain(
      'Where: by DM, and in the group channel of each server where you joined the board.',
    );
    expect(shown).toContain('When: 90, 30, 7 and 1 days before an expiration by DM (the default)');
    expect(shown).toContain('and 30 and 7 days before the grace period ends');
    expect(shown).toContain('You have no certification registered yet');
    expect(shown).toContain('You are not on this server’s board');
  });

  test('every where: choice and days are saved and shown', async () => {
    const user = 'yuri';
    await w.fake.command({
      name: 'cert add',
      options: { credential: 'health-coach', expires: '2027-01-01' },
      user,
    });
    await w.fake.command({ name: 'group join', user });
    const channelId = w.fake.channel('general').id;
    const cases: [Record<string, string>, string, object][] = [
      [
        { where: 'dm' },
        'Where: by DM only.\nWhen: 90, 30, 7 and 1 days before an expiration by DM (the default).',
        { channel: false, dm: true, days: null },
      ],
      [
        { where: 'channel' },
        'Where: in the group channel of each server where you joined the board, not by DM.\nWhen: in this server’s channel, its own days: 90, 30, 7 and 1 days.',
        { channel: true, dm: false },
      ],
      [{ where: 'none' }, 'Where: nowhere: you get no reminders.', { channel: false, dm: false }],
      [
        { where: 'both', days: '60, 14' },
        'When: 60 and 14 days before an expiration (your days, everywhere).',
        { channel: true, dm: true, days: [60, 14] },
      ],
      [{ days: '7' }, 'When: 7 days before', { channel: true, dm: true, days: [7] }],
      [
        { days: 'default' },
        'in this server’s channel, its own days: 90, 30, 7 and 1 days',
        { days: null },
      ],
    ];
    for (const [options, expected, stored] of cases) {
      const shown = await remind(user, options);
      expect(shown).toContain('Saved: your reminders');
      expect(shown).toContain(expected);
      expect(await w.store.memberReminders.of(w.fake.user(user).id)).toMatchObject(stored);
    }
    expect(await remind(user)).toContain(`Here they go to <#${channelId}>, mentioning only you.`);
  });

  test('every mistake is answered privately and changes nothing', async () => {
    const user = 'zoe';
    await remind(user, { where: 'dm', days: '30' });
    const mistakes: [Record<string, string>, string, boolean][] = [
      [{ days: 'soon' }, '`days:` takes whole numbers of days separated by commas', true],
      [{ days: ' , ' }, '`days:` needs at least one number of days', true],
      [{ days: '0' }, '`days:` values must be between 1 and 365 days; 0 is not.', true],
      [{ days: '400' }, '`days:` values must be between 1 and 365 days; 400 is not.', true],
      [{ days: '1,2,3,4,5,6,7,8,9,10,11' }, '`days:` takes at most 10 values.', true],
      // What a stale client could send: a where: Discord's own client would refuse.
      [
        { where: 'sms' },
        '`where:` is one of `both`, `channel`, `dm`, `none`; "sms" is not.',
        false,
      ],
      [{ where: 'dm', days: '-3' }, '`days:` takes whole numbers', true],
    ];
    for (const [options, message, validate] of mistakes) {
      const shown = await remind(user, options, validate);
      expect(shown).toMatch(/^⚠️ /);
      expect(shown).toContain(message);
      expect(await w.store.memberReminders.of(w.fake.user(user).id)).toMatchObject({
        channel: false,
        dm: true,
        days: [30],
      });
    }
  });
});
