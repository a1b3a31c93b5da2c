/**
 * End to end, when things go wrong: a slow handler, reminders with closed
 * DMs, and a wrong token. The bot keeps answering and never prints its
 * token. Gateway and REST faults are in test/faults/discord.test.ts.
 */
import { startFakeDiscord } from '@cec/discord-fake';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cec } from '../src/commands/cec.js';
import { MemberError } from '../src/commands/types.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/log.js';
import { openStore } from '../src/store/index.js';
import { type FakeWorld, startFakeWorld, TOKEN } from './helpers/fake-discord.js';

const worlds: FakeWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
});
async function world(options: Parameters<typeof startFakeWorld>[0] = {}) {
  const w = await startFakeWorld(options);
  worlds.push(w);
  return w;
}

describe('the 3-second window', () => {
  test('a handler still running after the auto-defer delay is deferred, then its reply lands', async () => {
    const w = await world({ autoDeferMs: 100 });
    const list = w.store.activities.list;
    const spy = vi.spyOn(w.store.activities, 'list').mockImplementationOnce(async (userId) => {
      await new Promise((r) => setTimeout(r, 400));
      return list(userId);
    });
    try {
      const reply = await w.fake.command({ name: 'log list', user: 'slow' });
      expect(reply.callback).toEqual({ type: 5, data: { flags: 64 } });
      const final = await reply.final();
      expect(final.content).toContain('You have no entries yet');
      expect(final.ephemeral).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  test('a slow public answer that turns out to be a mistake is deferred publicly, then told privately', async () => {
    const w = await world({ autoDeferMs: 100 });
    const spy = vi.spyOn(cec, 'execute').mockImplementationOnce(async () => {
      await new Promise((r) => setTimeout(r, 300));
      throw new MemberError('That course number has a typo.');
    });
    try {
      const reply = await w.fake.command({ name: 'cec course', options: { number: 'CA23456' } });
      expect(reply.callback).toEqual({ type: 5, data: { flags: 0 } });
      const followUp = await reply.followUp(0);
      expect(followUp.ephemeral).toBe(true);
      expect(followUp.content).toBe('⚠️ That course number has a typo.');
      await vi.waitFor(() => expect(reply.message?.deleted).toBe(true));
    } finally {
      spy.mockRestore();
    }
  });

  test('a burst of 60 concurrent /log commands: every one answered in the window', async () => {
    const w = await world();
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        w.fake.command({
          name: 'log mentor',
          options: { date: '2026-01-01', title: `visit ${i}` },
          user: `burst${i % 6}`,
        }),
      ),
    );
    expect(replies.every((r) => r.type === 4 && r.ephemeral)).toBe(true);
    const counts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => w.store.activities.count(w.fake.user(`burst${i}`).id)),
    );
    expect(counts).toEqual([10, 10, 10, 10, 10, 10]);
  });
});

describe('reminders through Discord', () => {
  test('posted to the group channel and by DM once; a member with closed DMs still gets the channel post', async () => {
    const w = await world({ now: '2026-06-01T12:00:00Z' });
    await w.fake.command({
      name: 'group setup',
      options: { channel: 'general' },
      user: 'owner',
    });
    for (const [user, expires] of [
      ['rita', '2026-07-01'],
      ['sam', '2026-06-05'],
    ] as const) {
      await w.fake.command({
        name: 'cert add',
        options: { credential: 'personal-trainer', expires },
        user,
      });
      await w.fake.command({ name: 'group join', user });
    }
    w.fake.closeDms('sam');

    expect(await w.bot.scheduler.tick()).toMatchObject({ sent: 4, failed: 1 });
    expect(await w.bot.scheduler.tick()).toMatchObject({ sent: 0, failed: 0 });

    // The first post is setup's test message.
    const [testPost, ...posts] = w.fake.messages('general');
    expect(testPost?.embeds[0]?.title).toBe('CEC study group');
    expect(posts).toHaveLength(3);
    const rita = w.fake.user('rita');
    const sam = w.fake.user('sam');
    expect(posts[0]?.content).toMatch(
      new RegExp(`^⏰ <@${rita.id}>, your ACE Certified Personal Trainer expires <t:\\d+:D>`),
    );
    expect(posts[1]?.content).toContain(
      `<@${sam.id}>, your ACE Certified Personal Trainer expires`,
    );
    expect(posts[2]?.embeds[0]?.title).toBe('Weekly digest');
    expect(w.fake.dms('rita').map((m) => m.content.split('\n')[0])).toEqual([
      expect.stringMatching(/^⏰ Your ACE Certified Personal Trainer expires/),
    ]);
    expect(w.fake.dms('sam')).toEqual([]);
    // Each reminder pings its member alone; the digest and the DM ping nobody.
    expect(posts.map((m) => m.allowedMentions)).toEqual([
      { users: [rita.id] },
      { users: [sam.id] },
      { parse: [] },
    ]);
    expect(posts.map((m) => m.pinged())).toEqual([[rita.id], [sam.id], []]);
    expect(w.fake.dms('rita')[0]?.allowedMentions).toEqual({ parse: [] });
    const log = await w.store.reminderLog.all();
    expect(log.filter((r) => r.state === 'sent')).toHaveLength(4);
    expect(log.filter((r) => r.state === 'failed').map((r) => r.key)).toEqual([
      `dm:${sam.id}:personal-trainer:2026-06-05:7d`,
    ]);
  });
});

describe('the token', () => {
  test('a wrong token fails the login without printing it', async () => {
    const fake = await startFakeDiscord({ token: TOKEN });
    const store = await openStore(':memory:');
    const lines: string[] = [];
    const wrong = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.WrOnG0.this-token-is-wrong-and-secret-000';
    try {
      const error = await startBot({
        token: wrong,
        discordApi: fake.apiUrl,
        siteUrl: 'https://cec.example.org',
        store,
        log: createLogger({ level: 'debug', secrets: [wrong], write: (l) => lines.push(l) }),
        reminders: false,
        readyTimeoutMs: 3000,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).not.toContain(wrong);
      expect(lines.join('\n')).not.toContain(wrong);
    } finally {
      await store.close();
      await fake.close();
    }
  });
});
