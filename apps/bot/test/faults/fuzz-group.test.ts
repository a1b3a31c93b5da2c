/**
 * Fuzzing the study group's moderation through the fake Discord: a seeded random sequence of
 * `/group setup`, `settings` and `remove` by moderators and members (channels the bot may or
 * may not post in, reminder days as anyone might type them, any member), interleaved with
 * joins, members leaving the server and renaming themselves, and boards. After every step:
 * the answer is private, explains itself (no apology, no stack), pings nobody; the saved channel
 * is always one the bot can post in and got a test message; the board never shows anyone who
 * is off it. FAULT_SEED replays a run.
 */
import { type JsonObject, Permission } from '@cec/discord-fake';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type FakeWorld, startFakeWorld } from '../helpers/fake-discord.js';
import { faultSeed, seededRandom } from './support.js';

const STEPS = 80;
const CHANNELS = ['cec', 'other', 'quiet', 'hidden', 'no-embeds'] as const;
const POSTABLE = new Set(['cec', 'other']);
const PEOPLE = ['ann', 'ben', 'cy', 'dee'];
const DAYS = [
  '90,30,7,1',
  '7',
  ' 14 , 3 ',
  '',
  '0',
  '366',
  'abc',
  '1,2,3,4,5,6,7,8,9,10,11',
  '30;7',
];
const STACK_OR_APOLOGY = /\n\s+at .+:\d+:\d+|TypeError|Sorry, something went wrong|undefined|NaN/;

let w: FakeWorld;
beforeAll(async () => {
  w = await startFakeWorld({
    fake: {
      guilds: [
        {
          channels: [
            { name: 'cec' },
            { name: 'other' },
            { name: 'quiet', botDeny: Permission.SendMessages },
            { name: 'hidden', botDeny: Permission.ViewChannel },
            { name: 'no-embeds', botDeny: Permission.EmbedLinks },
          ],
        },
      ],
    },
  });
});
afterAll(async () => {
  w.fake.assertNoUnknownRoutes();
  await w.close();
});

test('moderation under a random sequence keeps every promise', async () => {
  const seed = faultSeed();
  console.log(`fuzz-group seed ${seed} (FAULT_SEED=${seed} replays it)`);
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const guild = w.fake.guild().id;
  const inServer = new Set<string>();
  const counts: Record<string, number> = {};

  for (let step = 0; step < STEPS; step++) {
    const who = pick(PEOPLE);
    const moderator = random() < 0.6;
    const as = moderator
      ? { user: 'owner' }
      : { user: who, memberPermissions: Permission.SendMessages };
    const kind = pick(['setup', 'settings', 'remove', 'join', 'leave-server', 'rename', 'board']);
    counts[kind] = (counts[kind] ?? 0) + 1;
    const before = await w.store.groups.settings(guild);
    const postsBefore = CHANNELS.map((c) => w.fake.messages(c).length);

    if (kind === 'leave-server') {
      if (!inServer.has(who)) continue;
      w.fake.serverMembers.leave(who);
      inServer.delete(who);
      const id = w.fake.user(who).id;
      await expect.poll(() => w.store.groups.isMember(guild, id), { timeout: 2000 }).toBe(false);
      continue;
    }
    if (kind === 'rename') {
      if (!inServer.has(who)) continue;
      w.fake.serverMembers.rename(who, `${who} ${step}`);
      continue;
    }

    let options: Record<string, string> = {};
    let name = `group ${kind}`;
    if (kind === 'setup') {
      options = {
        channel: pick(CHANNELS),
        ...(random() < 0.5 ? { 'reminder-days': pick(DAYS) } : {}),
      };
    } else if (kind === 'settings') {
      if (random() < 0.5) options.channel = pick(CHANNELS);
      if (random() < 0.5) options['reminder-days'] = pick(DAYS);
    } else if (kind === 'remove') {
      options = { member: pick(PEOPLE) };
    } else if (kind === 'join') {
      inServer.add(who);
      await w.fake.command({ name: 'group join', user: who });
      continue;
    } else {
      name = 'group board';
    }
    const reply = await w.fake.command({ name, options, ...as });
    const answer = reply.type === 5 ? await reply.final() : reply;
    const label = `step ${step}: /${name} ${JSON.stringify(options)} by ${as.user}`;
    const text = answer.text();
    expect(answer.ephemeral, label).toBe(true);
    expect(text, label).not.toMatch(STACK_OR_APOLOGY);

    const after = await w.store.groups.settings(guild);
    if (after && after.channelId !== before?.channelId) {
      // A new channel was saved: it is one the bot can post in, and it got the test message.
      const channel = CHANNELS.find((c) => w.fake.channel(c).id === after.channelId) ?? '';
      expect(POSTABLE.has(channel), label).toBe(true);
      expect(w.fake.messages(channel).length, label).toBe(
        (postsBefore[CHANNELS.indexOf(channel as (typeof CHANNELS)[number])] ?? 0) + 1,
      );
    }
    if (!moderator && kind !== 'board') {
      expect(after, label).toEqual(before);
      expect(text, label).toContain('Only members with the Manage Server permission');
    }
    // No post ever lands where the bot lacks a permission (Discord would refuse it).
    for (const channel of ['quiet', 'hidden', 'no-embeds']) {
      expect(w.fake.messages(channel), label).toEqual([]);
    }
    if (kind === 'board' && answer.embeds.length > 0) {
      const board = await w.store.groups.members(guild);
      expect(answer.embeds[0]?.title, label).toContain(`${board.length} member`);
    }
  }
  // Nothing the bot sent could ping: every message body disallows mentions.
  let messages = 0;
  for (const request of w.fake.requests) {
    const body = request.body as { data?: JsonObject } & JsonObject;
    const message = body && typeof body === 'object' && 'data' in body ? body.data : body;
    if (message && typeof message === 'object' && ('content' in message || 'embeds' in message)) {
      expect(message.allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
      messages++;
    }
  }
  expect(messages).toBeGreaterThan(STEPS / 2);
  console.log(`fuzz-group: ${STEPS} steps ${JSON.stringify(counts)}`);
});
