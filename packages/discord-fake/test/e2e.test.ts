/** End to end: the real discord.js client logs in to the fake and a tiny bot answers. */
import { afterEach, describe, expect, test } from 'vitest';
import {
  type FakeDiscord,
  FakeDiscordError,
  type FakeDiscordOptions,
  Permission,
  startFakeDiscord,
} from '../src/index.js';
import { startBot, type TestBot } from './bot.js';

const running: { fake: FakeDiscord; bot?: TestBot }[] = [];

async function setup(
  options: FakeDiscordOptions = {},
  botOptions: Parameters<typeof startBot>[1] = {},
): Promise<{ fake: FakeDiscord; bot: TestBot }> {
  const fake = await startFakeDiscord(options);
  const entry: { fake: FakeDiscord; bot?: TestBot } = { fake };
  running.push(entry);
  entry.bot = await startBot(fake, botOptions);
  return { fake, bot: entry.bot };
}

afterEach(async () => {
  for (const { fake, bot } of running.splice(0)) {
    await bot?.destroy();
    await fake.close();
  }
});

describe('login', () => {
  test('the client logs in, gets READY and the guild, and registers its commands', async () => {
    const { fake, bot } = await setup();
    expect(fake.identifies).toBe(1);
    expect(bot.client.user?.id).toBe(fake.botUser.id);
    expect(bot.client.guilds.cache.get(fake.guild().id)?.name).toBe('Fake Guild');
    expect(bot.client.guilds.cache.get(fake.guild().id)?.channels.cache.size).toBe(1);
    expect(fake.requests[0]?.path).toBe('/gateway/bot');
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(fake.commands().map((c) => c.name)).toContain('echo');
    expect(fake.commands().find((c) => c.name === 'log')?.id).toMatch(/^\d+$/);
    expect(fake.unknownRoutes).toEqual([]);
  });
});

describe('interactions', () => {
  test('a slash command with a string option answered ephemerally', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'echo', options: { text: 'hello' } });
    expect(reply.callback).toEqual({
      type: 4,
      data: { content: 'echo: hello', tts: false, enforce_nonce: false, flags: 64 },
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe('echo: hello');
    expect(reply.message?.content).toBe('echo: hello');
    expect(reply.message?.ephemeral).toBe(true);
    expect(reply.interaction.data).toMatchObject({
      name: 'echo',
      type: 1,
      options: [{ type: 3, name: 'text', value: 'hello' }],
    });
    const callback = fake.requests.find((r) => r.path.endsWith('/callback'));
    expect(callback?.query).toEqual({ with_response: 'false' });
    expect(callback?.status).toBe(204);
  });

  test('a public reply, and a boolean option typed from the definition', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'echo', options: { text: 'x', private: false } });
    expect(reply.ephemeral).toBe(false);
    expect(reply.message?.content).toBe('echo: x');
    // messages() lists channel posts; replies belong to their interaction.
    expect(fake.messages('general')).toEqual([]);
  });

  test('a deferred reply resolves with the later edit of @original', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'slow' });
    expect(reply.type).toBe(5);
    expect(reply.message?.loading).toBe(true);
    const final = await reply.final();
    expect(final.content).toBe('done slowly');
    expect(final.loading).toBe(false);
    expect(final.id).toBe(reply.message?.id);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      `PATCH /webhooks/${fake.applicationId}/${reply.token}/messages/@original`,
    );
  });

  test('a follow-up is recorded in order', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'multi' });
    expect(reply.content).toBe('first');
    const second = await reply.followUp(0);
    expect(second.content).toBe('second');
    expect(second.ephemeral).toBe(true);
    expect(reply.followUps).toEqual([second]);
  });

  test('a deleted reply is marked deleted', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'tidy' });
    await fake.waitFor(() => reply.message?.deleted);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204 });
  });

  test('autocomplete returns the choices; subcommand options are typed', async () => {
    const { fake } = await setup();
    const choices = await fake.autocomplete({ name: 'log remove', focused: 'entry', value: 'ab' });
    expect(choices).toEqual([
      { name: 'abs', value: 'abs' },
      { name: 'abc-workshop', value: 'abc-workshop' },
    ]);
    const reply = await fake.autocompleteReply({
      name: 'log remove',
      focused: 'entry',
      value: 'y',
    });
    expect(reply.typeName).toBe('APPLICATION_COMMAND_AUTOCOMPLETE_RESULT');
    expect(reply.interaction.data).toMatchObject({
      options: [{ name: 'remove', options: [{ name: 'entry', value: 'y', focused: true }] }],
    });
    await expect(reply.final()).rejects.toThrow(
      /answered with APPLICATION_COMMAND_AUTOCOMPLETE_RESULT, which has no message/,
    );
    const added = await fake.command({
      name: 'log',
      subcommand: 'add',
      options: { hours: 3, term: '2yr' },
    });
    expect(added.content).toBe('added 3h (2yr)');
    expect(added.interaction.data).toMatchObject({
      options: [
        {
          type: 1,
          name: 'add',
          options: [
            { type: 4, name: 'hours', value: 3 },
            { type: 3, name: 'term', value: '2yr' },
          ],
        },
      ],
    });
  });

  test('a button click updates the message it is on', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'counter' });
    expect(reply.message?.customIds()).toEqual(['inc:0', 'off']);
    const first = await fake.clickButton({ message: reply, customId: 'inc:0' });
    expect(first.type).toBe(7);
    expect(first.content).toBe('count: 1');
    expect(reply.message?.content).toBe('count: 1');
    expect(first.message).toBe(reply.message);
    expect(first.ephemeral).toBe(false);
    expect(first.interaction.message).toMatchObject({ id: reply.message?.id });
    const second = await fake.clickButton({ message: first, customId: 'inc:1' });
    expect((await second.final()).text()).toBe('count: 2\n+1\nOff');
    await expect(fake.clickButton({ message: reply, customId: 'inc:0' })).rejects.toThrow(
      /no button "inc:0"; custom ids: inc:2, off/,
    );
    await expect(fake.clickButton({ message: reply, customId: 'off' })).rejects.toThrow(
      /button "off" is disabled/,
    );
  });

  test('a button on a channel message; a component answered with a new message', async () => {
    const { fake } = await setup();
    await fake.command({ name: 'poll' });
    const [poll] = fake.messages('general');
    expect(poll?.content).toBe('vote here');
    const vote = await fake.clickButton({
      message: poll?.id ?? '',
      customId: 'vote',
      user: 'carol',
    });
    expect(vote.type).toBe(4);
    expect(vote.content).toBe('carol voted');
    expect(vote.interaction.message).toMatchObject({ id: poll?.id, content: 'vote here' });
  });

  test('a multipart reply records the file name and content', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'report' });
    expect(reply.content).toBe('your report');
    expect(reply.files).toHaveLength(1);
    expect(reply.files[0]?.name).toBe('report.csv');
    expect(reply.files[0]?.text).toBe('date,hours\n2024-01-01,2\n');
    const message = await reply.final();
    expect(message.attachments[0]).toMatchObject({ filename: 'report.csv', size: 24 });
    expect(message.files[0]?.data.toString()).toBe('date,hours\n2024-01-01,2\n');
  });

  test('an embed reply flattens to text', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'embed' });
    expect(reply.text()).toBe('Summary\n2 of 3 done\nCPR\nexpires soon');
    expect(reply.embeds[0]?.title).toBe('Summary');
  });

  test('USER options fill resolved users and members', async () => {
    const { fake } = await setup();
    const bob = fake.user('bob');
    await fake.command({ name: 'echo', options: { text: 'hi' }, user: bob });
    const reply = await fake.command({ name: 'whois', options: { user: 'bob' } });
    expect(reply.content).toBe('bob is a member');
    expect(reply.interaction.data).toMatchObject({
      resolved: { users: { [bob.id]: bob }, members: { [bob.id]: { roles: [] } } },
    });
    const stranger = await fake.command({ name: 'whois', options: { user: 'zoe' } });
    expect(stranger.content).toBe('zoe is not a member');
  });

  test('a modal opens (type 9) and its submission reaches the bot as MODAL_SUBMIT', async () => {
    const { fake } = await setup();
    const opened = await fake.command({ name: 'feedback', user: 'ann' });
    expect(opened.typeName).toBe('MODAL');
    expect(opened.modal?.title).toBe('Feedback');
    const thanks = await fake.submitModal({ reply: opened, values: { 'feedback-text': 'nice' } });
    expect(thanks.interaction.type).toBe(5);
    expect((thanks.interaction.member as { user: { username: string } }).user.username).toBe('ann');
    expect(thanks.content).toBe('thanks: nice');
    expect(thanks.ephemeral).toBe(true);
  });

  test('a modal Discord would refuse is refused with 400', async () => {
    const { fake, bot } = await setup();
    await expect(
      fake.command({ name: 'feedback', options: { 'long-title': true }, timeoutMs: 500 }),
    ).rejects.toThrow(/did not answer/);
    expect(bot.errors.map((e) => e.message).join()).toContain('data.title');
  });

  test('default_member_permissions hides a command from members without them', async () => {
    const { fake } = await setup();
    await expect(fake.command({ name: 'admin' })).rejects.toThrow(/tester cannot use \/admin/);
    const reply = await fake.command({ name: 'admin', memberPermissions: Permission.ManageGuild });
    expect(reply.content).toBe('admin ok');
    const owner = await fake.command({ name: 'admin', user: 'owner' });
    expect(owner.content).toBe('admin ok');
    const unchecked = await fake.command({ name: 'admin', validate: false });
    expect(unchecked.content).toBe('admin ok');
  });

  test('the reply promise rejects clearly when the bot never answers', async () => {
    const { fake } = await setup();
    await expect(fake.command({ name: 'ignore', timeoutMs: 150 })).rejects.toThrow(
      /the bot did not answer \/ignore \(interaction \d+\) within 150 ms/,
    );
  });
});

describe('REST', () => {
  test('an unknown route is recorded and surfaces as a failed REST call', async () => {
    const { fake } = await setup();
    const reply = await fake.command({ name: 'vanity' });
    expect(reply.content).toBe('vanity failed');
    expect(fake.unknownRoutes).toEqual([
      {
        method: 'GET',
        path: `/guilds/${fake.guild().id}/vanity-url`,
        rawPath: `/api/v10/guilds/${fake.guild().id}/vanity-url`,
      },
    ]);
    expect(() => fake.assertNoUnknownRoutes()).toThrow(/GET \/guilds\/\d+\/vanity-url/);
  });

  test('a channel message and a DM are recorded', async () => {
    const { fake } = await setup();
    const reply = await fake.command({
      name: 'notify',
      options: { user: 'alice', channel: 'general' },
    });
    expect(reply.content).toBe('notified');
    expect(fake.messages('general').map((m) => m.content)).toEqual(['heads up, alice']);
    expect(fake.messages(fake.channel('general').id)).toEqual(fake.messages('#general'));
    expect(() => fake.channel('nowhere')).toThrow(/unknown channel "nowhere"/);
    expect(fake.dms('alice').map((m) => m.content)).toEqual(['you have a notification']);
    expect(fake.dms('alice')[0]?.author.id).toBe(fake.botUser.id);
  });

  test('a DM to a user with closed DMs fails like Discord (50007)', async () => {
    const { fake, bot } = await setup();
    fake.closeDms('alice');
    await expect(
      fake.command({
        name: 'notify',
        options: { user: 'alice', channel: 'general' },
        timeoutMs: 500,
      }),
    ).rejects.toThrow(/403 \{"message":"Cannot send messages to this user","code":50007\}/);
    expect(bot.errors.map((e) => e.message)).toContain('Cannot send messages to this user');
  });

  test('a 429 with retry_after is retried and the reply still arrives', async () => {
    const { fake } = await setup();
    fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfter: 0.1 });
    const started = Date.now();
    const reply = await fake.command({ name: 'echo', options: { text: 'later' } });
    expect(reply.content).toBe('echo: later');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    const callbacks = fake.requests.filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
  });

  test('a lasting 500 fails the bot, later interactions still work', async () => {
    const { fake, bot } = await setup();
    // discord.js retries a 5xx three times, so four failures reach the bot.
    fake.failNext({ pathPattern: /\/callback$/, status: 500, times: 4 });
    await expect(
      fake.command({ name: 'echo', options: { text: 'a' }, timeoutMs: 1000 }),
    ).rejects.toThrow(/did not answer \/echo[\s\S]*→ 500/);
    expect(
      bot.errors.some((e) => /500/.test(e.message) || (e as { status?: number }).status === 500),
    ).toBe(true);
    const reply = await fake.command({ name: 'echo', options: { text: 'b' } });
    expect(reply.content).toBe('echo: b');
  });

  test('a single 500 is retried by discord.js transparently', async () => {
    const { fake } = await setup();
    fake.failNext({ pathPattern: /\/callback$/, status: 500 });
    const reply = await fake.command({ name: 'echo', options: { text: 'c' } });
    expect(reply.content).toBe('echo: c');
  });
});

describe('gateway', () => {
  test('a resumable disconnect: the client resumes and still answers', async () => {
    const { fake } = await setup();
    await expect(fake.disconnect(4000)).resolves.toBe('resumed');
    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toBe(1);
    const reply = await fake.command({ name: 'echo', options: { text: 'back' } });
    expect(reply.content).toBe('echo: back');
  });

  test('an interaction sent while the socket is down is replayed on RESUME', async () => {
    const { fake } = await setup();
    const back = fake.disconnect(4000);
    const reply = await fake.command({ name: 'echo', options: { text: 'replayed' } });
    expect(reply.content).toBe('echo: replayed');
    await expect(back).resolves.toBe('resumed');
  });

  test('an invalid session: the client identifies again and still answers', async () => {
    const { fake } = await setup();
    await expect(fake.invalidateSession()).resolves.toBe('identified');
    expect(fake.identifies).toBe(2);
    const reply = await fake.command({ name: 'echo', options: { text: 'again' } });
    expect(reply.content).toBe('echo: again');
  });

  test('op 7 RECONNECT: the client resumes', async () => {
    const { fake } = await setup();
    await expect(fake.requestReconnect()).resolves.toBe('resumed');
    expect((await fake.command({ name: 'echo', options: { text: 'r' } })).content).toBe('echo: r');
  });

  test('two shards: guilds are split by (id >> 22) % count', async () => {
    const shard0 = (2n << 22n).toString();
    const shard1 = (3n << 22n).toString();
    const { fake, bot } = await setup(
      {
        guilds: [
          { id: shard0, name: 'Even' },
          { id: shard1, name: 'Odd' },
        ],
      },
      { shards: [0, 1], shardCount: 2 },
    );
    expect(fake.sessions.map((s) => [s.shardId, s.shardCount]).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(bot.client.guilds.cache.get(shard1)?.shardId).toBe(1);
    expect(bot.client.guilds.cache.get(shard0)?.shardId).toBe(0);
    const reply = await fake.command({ name: 'echo', options: { text: 'odd' }, guildId: 'Odd' });
    expect(reply.content).toBe('echo: odd');
    const session1 = fake.sessions.find((s) => s.shardId === 1);
    expect(session1?.log.some((p) => p.t === 'INTERACTION_CREATE')).toBe(true);
  });
});

describe('test mistakes give clear errors', () => {
  test('unknown command, subcommand, option, wrong type, choices, range, required', async () => {
    const { fake } = await setup({
      guilds: [{ channels: [{ name: 'general' }, { name: 'voice', type: 2 }] }],
    });
    await expect(fake.command({ name: 'nope' })).rejects.toThrow(
      /slash command "nope" is not registered .*registered: .*\/echo/,
    );
    await expect(fake.command({ name: 'log' })).rejects.toThrow(
      /\/log needs a subcommand; registered: remove, add/,
    );
    await expect(fake.command({ name: 'echo extra' })).rejects.toThrow(/has no subcommands/);
    await expect(fake.command({ name: 'a b c' })).rejects.toThrow(/cannot parse command name/);
    await expect(
      fake.command({ name: 'notify', options: { user: 'alice', channel: 'voice' } }),
    ).rejects.toThrow(/only accepts channel types 0; #voice is type 2/);
    await expect(
      fake.command({ name: 'notify', options: { user: 'alice', channel: 'nowhere' } }),
    ).rejects.toThrow(/has no channel "nowhere"/);
    await expect(fake.command({ name: 'whois', options: { user: true } })).rejects.toThrow(
      /is USER; give a user/,
    );
    await expect(
      fake.command({ name: 'echo', options: { text: 'x', private: 'no' } }),
    ).rejects.toThrow(/is BOOLEAN/);
    await expect(fake.command({ name: 'log delete' })).rejects.toThrow(
      /has no subcommand "delete"/,
    );
    await expect(fake.command({ name: 'echo', options: { txt: 'x' } })).rejects.toThrow(
      /\/echo has no option "txt"; registered options: text, private/,
    );
    await expect(fake.command({ name: 'echo', options: { text: 3 } })).rejects.toThrow(
      /option \/echo text is STRING; cannot use 3/,
    );
    await expect(fake.command({ name: 'echo' })).rejects.toThrow(/\/echo requires option "text"/);
    await expect(
      fake.command({ name: 'log add', options: { hours: 1, term: '5yr' } }),
    ).rejects.toThrow(/only accepts its choices: "2yr", "1yr"/);
    await expect(fake.command({ name: 'log add', options: { hours: 99 } })).rejects.toThrow(
      /must be within \[1, 40\]; got 99/,
    );
    const stale = await fake.command({ name: 'log add', options: { hours: 99 }, validate: false });
    expect(stale.content).toBe('added 99h (none)');
    await expect(fake.command({ name: 'log add', options: { hours: 1.5 } })).rejects.toThrow(
      /INTEGER/,
    );
    await expect(
      fake.autocomplete({ name: 'log add', focused: 'hours', value: '1' }),
    ).rejects.toThrow(/not registered with autocomplete: true/);
    await expect(
      fake.autocomplete({ name: 'log add', focused: 'nope', value: '' }),
    ).rejects.toThrow(/no option "nope" to autocomplete/);
    await expect(fake.clickButton({ message: '123', customId: 'x' })).rejects.toThrow(
      /unknown message 123/,
    );
    expect(() => fake.assertNoUnknownRoutes()).not.toThrow();
    expect(FakeDiscordError.name).toBe('FakeDiscordError');
  });
});
