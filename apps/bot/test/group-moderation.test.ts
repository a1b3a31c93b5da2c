/**
 * A study group's moderator and members, end to end through the fake Discord (issue 13): setup
 * checks the bot can post and posts a test message, settings and removal for moderators only,
 * members who leave the server leave the board, names stay current, a refused Server Members
 * intent, and a board that reads right.
 */
import { Permission, setPermissionOverwrite, startFakeDiscord } from '@cec/discord-fake';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { deployCommands } from '../src/discord/deploy-commands.js';
import { startHttpBot } from '../src/discord/http-bot.js';
import { createLogger } from '../src/log.js';
import { openStore } from '../src/store/index.js';
import { type FakeWorld, startFakeWorld, TOKEN } from './helpers/fake-discord.js';

const worlds: FakeWorld[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) {
    w.fake.assertNoUnknownRoutes();
    await w.close();
  }
});

/** A server with a usable #cec and channels where the bot lacks one permission each. */
async function world(options: { privilegedIntents?: number } = {}): Promise<FakeWorld> {
  const w = await startFakeWorld({
    fake: {
      guilds: [
        {
          name: 'Study group',
          channels: [
            { name: 'general' },
            { name: 'cec' },
            { name: 'other' },
            { name: 'quiet', botDeny: Permission.SendMessages },
            { name: 'hidden', botDeny: Permission.ViewChannel },
            { name: 'no-embeds', botDeny: Permission.EmbedLinks },
          ],
        },
      ],
      ...options,
    },
  });
  worlds.push(w);
  return w;
}

/** A moderator's (the owner's) command, answered after its deferral. */
async function asModerator(w: FakeWorld, name: string, options: Record<string, string> = {}) {
  const reply = await w.fake.command({ name, options, user: 'owner' });
  expect(reply.type).toBe(5);
  expect(reply.ephemeral).toBe(true);
  return reply.final();
}

describe('/group setup checks the channel', () => {
  test.each([
    ['quiet', 'I am missing **Send Messages** there'],
    ['hidden', 'I am missing **View Channel** there'],
    ['no-embeds', 'I am missing **Embed Links** there'],
  ])(
    '#%s is refused, privately, with the fix; nothing is saved or posted',
    async (channel, why) => {
      const w = await world();
      const answer = await asModerator(w, 'group setup', { channel });
      expect(answer.content).toContain(`⚠️ I cannot post in <#${w.fake.channel(channel).id}>`);
      expect(answer.content).toContain(why);
      expect(answer.content).toContain('allow View Channel, Send Messages and Embed Links');
      expect(await w.store.groups.settings(w.fake.guild().id)).toBeNull();
      expect(w.fake.messages(channel)).toEqual([]);
    },
  );

  test('a permission taken after the bot cached the channel is caught by Discord’s answer', async () => {
    const w = await world();
    // The bot is not told (no CHANNEL_UPDATE): its cache still says it may post.
    setPermissionOverwrite(
      w.fake.channel('cec'),
      { id: w.fake.botUser.id, type: 1 },
      { deny: Permission.SendMessages },
    );
    const answer = await asModerator(w, 'group setup', { channel: 'cec' });
    expect(answer.content).toContain('I am missing **Send Messages** or **Embed Links** there');
    expect(await w.store.groups.settings(w.fake.guild().id)).toBeNull();
    expect(w.fake.failedRequests.map((r) => r.status)).toEqual([403]);
  });

  test('a channel the bot can post in gets the test message, and is saved', async () => {
    const w = await world();
    const cec = w.fake.channel('cec');
    const answer = await asModerator(w, 'group setup', { channel: 'cec', 'reminder-days': '30,7' });
    expect(answer.content).toBe(
      `Group channel set to <#${cec.id}>, and a test message is posted there. Members who \`/group join\` get reminders there 30, 7 days before their expiration and when they enter the grace period, and the board is posted weekly. \`/group settings\` shows or changes this.`,
    );
    const [post, ...more] = w.fake.messages('cec');
    expect(more).toEqual([]);
    expect(post?.embeds[0]?.description).toMatch(
      /^Reminders and the weekly post for this study group will appear here\./,
    );
    expect(await w.store.groups.settings(w.fake.guild().id)).toMatchObject({
      channelId: cec.id,
      reminderDays: [30, 7],
    });
  });
});

describe('moderators: /group settings and /group remove', () => {
  test('members without Manage Server are refused, privately', async () => {
    const w = await world();
    for (const [name, options] of [
      ['group settings', {}],
      ['group remove', { member: 'owner' }],
      ['group setup', { channel: 'cec' }],
    ] as const) {
      const reply = await w.fake.command({
        name,
        options,
        user: 'ivan',
        memberPermissions: Permission.SendMessages,
      });
      const answer = reply.type === 5 ? await reply.final() : reply;
      expect(answer.ephemeral).toBe(true);
      expect(answer.content).toBe(
        `⚠️ Only members with the Manage Server permission can use \`/${name}\`.`,
      );
    }
    expect(w.fake.messages('cec')).toEqual([]);
  });

  test('settings are shown, then changed with the same checks', async () => {
    const w = await world();
    const before = await asModerator(w, 'group settings');
    expect(before.content).toBe(
      '⚠️ This server has no study group channel yet: `/group setup channel:` chooses one.',
    );
    await asModerator(w, 'group setup', { channel: 'cec' });
    await w.fake.command({ name: 'group join', user: 'kim' });
    const cec = w.fake.channel('cec');
    const shown = await asModerator(w, 'group settings');
    expect(shown.content).toBe(
      [
        '**Study group settings**',
        `Channel: <#${cec.id}>`,
        "Reminders: 90, 30, 7, 1 days before a member's expiration, and when the grace period starts",
        'Weekly digest: on (Mondays: what the group logged that week and who is due within 90 days)',
        'On the board: 1 member',
        'Change them with `/group settings channel:`, `reminder-days:` or `weekly-digest:`; `/group remove member:` takes someone off the board.',
      ].join('\n'),
    );

    const days = await asModerator(w, 'group settings', { 'reminder-days': '60, 14' });
    expect(days.content).toBe(
      `Saved. Channel: <#${cec.id}>. Reminders: 60, 14 days before a member's expiration. Weekly digest: on.`,
    );
    const refused = await asModerator(w, 'group settings', { channel: 'quiet' });
    expect(refused.content).toContain('I am missing **Send Messages** there');
    expect(await w.store.groups.settings(w.fake.guild().id)).toMatchObject({
      channelId: cec.id,
      reminderDays: [60, 14],
    });

    const moved = await asModerator(w, 'group settings', { channel: 'other' });
    const other = w.fake.channel('other');
    expect(moved.content).toBe(
      `Saved. Channel: <#${other.id}> (a test message is posted there). Reminders: 60, 14 days before a member's expiration. Weekly digest: on.`,
    );
    expect(w.fake.messages('other')).toHaveLength(1);
    expect(await w.store.groups.settings(w.fake.guild().id)).toMatchObject({
      channelId: other.id,
      reminderDays: [60, 14],
    });
  });

  test('remove takes a member off the board, keeps their records, and pings nobody', async () => {
    const w = await world();
    await w.fake.command({
      name: 'cert add',
      options: { credential: 'personal-trainer', expires: '2027-03-31' },
      user: 'kim',
    });
    await w.fake.command({ name: 'group join', user: 'kim' });
    const reply = await w.fake.command({
      name: 'group remove',
      options: { member: 'kim' },
      user: 'owner',
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      '**kim** is off the board in this server. Their certifications and entries stay theirs; they can `/group join` again.',
    );
    expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    expect(reply.content).not.toContain('<@');
    const kim = w.fake.user('kim');
    expect(await w.store.groups.isMember(w.fake.guild().id, kim.id)).toBe(false);
    expect(await w.store.certifications.list(kim.id)).toHaveLength(1);

    const again = await w.fake.command({
      name: 'group remove',
      options: { member: 'kim' },
      user: 'owner',
    });
    expect(again.content).toBe('**kim** is not on the board in this server.');
  });
});

async function boardText(w: FakeWorld, user = 'viewer'): Promise<string> {
  const reply = await w.fake.command({ name: 'group board', user });
  return (await reply.final()).text();
}

describe('members who leave, and current names', () => {
  test('with the Server Members intent: a member who leaves drops off; a rename shows at once', async () => {
    const w = await world();
    const guild = w.fake.guild().id;
    for (const user of ['kim', 'lee']) await w.fake.command({ name: 'group join', user });
    const kim = w.fake.user('kim');
    const lee = w.fake.user('lee');

    expect(w.fake.serverMembers.leave('kim')).toBe(true);
    await vi.waitFor(async () => expect(await w.store.groups.isMember(guild, kim.id)).toBe(false));
    expect(w.fake.serverMembers.rename('lee', 'Lee the Coach')).toBe(true);
    await vi.waitFor(async () =>
      expect((await w.store.groups.members(guild)).map((m) => m.displayName)).toContain(
        'Lee the Coach',
      ),
    );
    const text = await boardText(w);
    expect(text).toContain('Lee the Coach');
    expect(text).not.toContain('kim');
    expect(await w.store.groups.isMember(guild, lee.id)).toBe(true);
  });

  test('a name changed while the bot was not told is updated when the member uses a command', async () => {
    const w = await world({ privilegedIntents: 0 });
    await w.fake.command({ name: 'group join', user: 'kim' });
    expect(w.fake.serverMembers.rename('kim', 'Kimberly')).toBe(false);
    expect(await boardText(w)).toContain('No certification registered (1): kim');
    await w.fake.command({ name: 'progress', user: 'kim' });
    // The name is stored just after the answer is sent.
    await vi.waitFor(async () =>
      expect(await boardText(w)).toContain('No certification registered (1): Kimberly'),
    );
  });

  test('a refused Server Members intent (4014): one clear log line, the bot runs and answers; leavers drop off when the board is shown', async () => {
    const w = await world({ privilegedIntents: 0 });
    expect(w.fake.gatewayEvents.filter((e) => e.code === 4014)).toHaveLength(1);
    expect(w.fake.sessions.map((s) => s.intents)).toEqual([1]);
    const refused = w.logs.filter((l) => l.includes('Server Members intent'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('gateway close 4014');
    expect(refused[0]).toContain('Developer Portal');

    const help = await w.fake.command({ name: 'help', user: 'kim' });
    expect(help.embeds.length + (help.content ? 1 : 0)).toBeGreaterThan(0);
    for (const user of ['kim', 'lee']) await w.fake.command({ name: 'group join', user });
    expect(w.fake.serverMembers.leave('kim')).toBe(false);
    const text = await boardText(w, 'lee');
    expect(text).toContain('Group board: 1 member');
    expect(text).not.toContain('kim');
    expect(await w.store.groups.isMember(w.fake.guild().id, w.fake.user('kim').id)).toBe(false);
  });
});

describe('HTTP interactions mode (no gateway, so no member events)', () => {
  test('setup is checked by Discord’s answer; a member who left drops off when the board is shown', async () => {
    const fake = await startFakeDiscord({
      token: TOKEN,
      guilds: [
        { channels: [{ name: 'cec' }, { name: 'quiet', botDeny: Permission.SendMessages }] },
      ],
    });
    const store = await openStore(':memory:');
    await deployCommands({
      token: TOKEN,
      applicationId: fake.applicationId,
      discordApi: fake.apiUrl,
      guildId: null,
    });
    const bot = await startHttpBot({
      token: TOKEN,
      discordApi: fake.apiUrl,
      publicKey: fake.publicKey,
      port: 0,
      host: '127.0.0.1',
      siteUrl: 'https://cec.example.org',
      store,
      log: createLogger({ level: 'warn', secrets: [TOKEN], write: () => undefined }),
      reminders: false,
    });
    try {
      await fake.setInteractionsEndpoint(`${bot.endpoint.url}/interactions`);
      const refused = await fake.command({
        name: 'group setup',
        options: { channel: 'quiet' },
        user: 'owner',
      });
      expect((await refused.final()).content).toContain(
        'I am missing **Send Messages** or **Embed Links** there',
      );
      expect(await store.groups.settings(fake.guild().id)).toBeNull();
      const done = await fake.command({
        name: 'group setup',
        options: { channel: 'cec' },
        user: 'owner',
      });
      expect((await done.final()).content).toContain('a test message is posted there');
      expect(fake.messages('cec')).toHaveLength(1);

      for (const user of ['kim', 'lee']) await fake.command({ name: 'group join', user });
      expect(fake.serverMembers.leave('kim')).toBe(false);
      const board = await (await fake.command({ name: 'group board', user: 'lee' })).final();
      expect(board.embeds[0]?.title).toBe('Group board: 1 member, most urgent first');
      expect(await store.groups.isMember(fake.guild().id, fake.user('kim').id)).toBe(false);
      fake.assertNoUnknownRoutes();
    } finally {
      await bot.stop();
      await fake.close();
      await store.close();
    }
  });
});

describe('the board reads right', () => {
  test('checklist marks, ✅ only when ready, urgent first, long-expired collapsed, none last', async () => {
    // Today is 2026-06-01 (the fake world's clock).
    const w = await world();
    const people = {
      // 3.0 earned, but no CPR/AED and no ethics: short of nothing but still blocked.
      blocked: { expires: '2027-03-31', activities: [course('CA11111', 3.0, false)] },
      // Short of CECs (0.5 and CPR/AED's 0.4), sooner deadline.
      short: { expires: '2026-09-30', activities: [course('CA22222', 0.5, false), cpr()] },
      // Ready: 2.0 with the ethics hour, and CPR/AED (2.4).
      ready: { expires: '2026-12-31', activities: [course('CA33333', 2.0, true), cpr()] },
      // Expired 30 months ago: past the six-month grace period long ago.
      lapsed: { expires: '2023-12-01', activities: [] },
      none: null,
    };
    const guild = w.fake.guild().id;
    for (const [name, person] of Object.entries(people)) {
      const user = w.fake.user(name);
      if (person) {
        await w.store.certifications.save(user.id, {
          credential: 'personal-trainer',
          expires: person.expires,
        });
        for (const activity of person.activities) await w.store.activities.add(user.id, activity);
      }
      await w.fake.command({ name: 'group join', user: name });
    }
    expect((await w.store.groups.members(guild)).length).toBe(5);

    const reply = await w.fake.command({ name: 'group board', user: 'ready' });
    const board = await reply.final();
    const lines = String(board.embeds[0]?.description).split('\n');
    expect(board.embeds[0]?.title).toBe('Group board: 5 members, most urgent first');
    expect(lines).toEqual([
      '**short**',
      '`████░░░░░░` 0.9/2.0 (1.1 to go) · CPR/AED ✅ · ethics ⛔ · 121 days left · Personal Trainer',
      '**blocked**',
      '`██████████` 3.0/2.0 · CPR/AED ⛔ · ethics ⛔ · 303 days left · Personal Trainer',
      '**ready**',
      '`██████████` 2.4/2.0 ✅ ready · CPR/AED ✅ · ethics ✅ · 213 days left · Personal Trainer',
      'Expired past the grace period (1): lapsed',
      'No certification registered (1): none',
    ]);
  });
});

function course(courseNumber: string, cecs: number, ethics: boolean) {
  return {
    kind: 'approved-course' as const,
    courseNumber,
    cecs,
    ethics,
    completed: '2026-01-15',
  };
}

function cpr() {
  return { kind: 'cpr-aed' as const, term: '2yr' as const, completed: '2026-01-15' };
}
