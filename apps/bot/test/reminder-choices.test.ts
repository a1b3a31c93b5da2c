/**
 * Reminders that reach the person: each member's choice of channel, DM or
 * neither and of days; DMs for members on no board; the grace-end reminders;
 * the day on the configured zone; the weekly digest and the celebration. On
 * SQLite and PostgreSQL, with a recording messenger.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../src/log.js';
import { boardRows } from '../src/members/board.js';
import { createMemberPlans } from '../src/members/plan.js';
import { createReminderScheduler, type Messenger } from '../src/reminders/scheduler.js';
import type { Reply } from '../src/render/payload.js';
import type { Store } from '../src/store/index.js';
import { ALICE, BOB, GUILD } from './helpers/context.js';
import { type DialectName, describeEachDialect, freshDatabase } from './helpers/databases.js';

const CHANNEL = '400000000000000001';
const OTHER_GUILD = '300000000000000002';
const OTHER_CHANNEL = '400000000000000002';
const CAROL = '200000000000000003';

function recorder() {
  const sent: { to: string; reply: Reply }[] = [];
  const closedDms = new Set<string>();
  const messenger: Messenger = {
    async post(channelId, reply) {
      sent.push({ to: `channel:${channelId}`, reply });
    },
    async dm(userId, reply) {
      if (closedDms.has(userId)) return 'refused';
      sent.push({ to: `dm:${userId}`, reply });
      return 'sent';
    },
  };
  return { messenger, sent, closedDms };
}

async function world(dialect: DialectName, at = '2026-06-01T12:00:00Z') {
  let now = new Date(at);
  // The store's clock too: an entry's "logged on" day is when it was recorded.
  const store = await (await freshDatabase(dialect)).open({ now: () => now });
  await store.groups.configure(GUILD, CHANNEL, [90, 30, 7, 1]);
  const out = recorder();
  const scheduler = (timeZone?: string) =>
    createReminderScheduler({
      store,
      members: createMemberPlans(store),
      messenger: out.messenger,
      log: silentLogger,
      now: () => now,
      leaseMs: 60_000,
      ...(timeZone ? { timeZone } : {}),
    });
  return {
    store,
    out,
    scheduler,
    set(iso: string) {
      now = new Date(iso);
    },
  };
}

async function member(store: Store, userId: string, expires: string, guilds: string[] = [GUILD]) {
  await store.certifications.save(userId, { credential: 'personal-trainer', expires });
  for (const guild of guilds) await store.groups.join(guild, userId, userId);
}

/** Reminder messages only (the digest is an embed without content). */
const reminders = (sent: { to: string; reply: Reply }[]) =>
  sent.filter((s) => s.reply.content?.startsWith('⏰')).map((s) => s.to);

const keys = async (store: Store) =>
  (await store.reminderLog.all()).map((r) => `${r.key} ${r.state}`);

describeEachDialect((dialect) => {
  describe('each member chooses where and when', () => {
    test('channel, DM, both or neither', async () => {
      const w = await world(dialect);
      const choices = {
        [ALICE.id]: { channel: true, dm: true },
        [BOB.id]: { channel: true, dm: false },
        [CAROL]: { channel: false, dm: true },
        '200000000000000004': { channel: false, dm: false },
      };
      for (const [userId, where] of Object.entries(choices)) {
        await member(w.store, userId, '2026-07-01');
        await w.store.memberReminders.choose(userId, { ...where, days: null });
      }
      await w.scheduler().tick();
      expect(reminders(w.out.sent).sort()).toEqual(
        [`channel:${CHANNEL}`, `channel:${CHANNEL}`, `dm:${ALICE.id}`, `dm:${CAROL}`].sort(),
      );
      const pinged = w.out.sent.filter((s) => s.to.startsWith('channel:') && s.reply.pings);
      expect(pinged.map((s) => s.reply.pings)).toEqual([[ALICE.id], [BOB.id]]);
    });

    test('the member’s days replace the server’s in the channel and the default by DM', async () => {
      const w = await world(dialect);
      await w.store.groups.configure(GUILD, CHANNEL, [14]);
      await member(w.store, ALICE.id, '2026-07-01'); // 30 days left
      await member(w.store, BOB.id, '2026-07-01');
      await w.store.memberReminders.choose(ALICE.id, { channel: true, dm: true, days: [45] });
      await w.scheduler().tick();
      expect(await keys(w.store)).toEqual([
        `board:${GUILD}:2026-06-01 sent`,
        `channel:${GUILD}:${ALICE.id}:personal-trainer:2026-07-01:45d sent`,
        // Bob kept the defaults: the server's 14 days are not reached; by DM the default 30 is.
        `dm:${ALICE.id}:personal-trainer:2026-07-01:45d sent`,
        `dm:${BOB.id}:personal-trainer:2026-07-01:30d sent`,
      ]);
    });
  });

  describe('DMs', () => {
    test('a member on no board gets a DM; one on two boards gets one DM and a post in each channel', async () => {
      const w = await world(dialect);
      await w.store.groups.configure(OTHER_GUILD, OTHER_CHANNEL, [90, 30, 7, 1]);
      await member(w.store, ALICE.id, '2026-07-01', []);
      await member(w.store, BOB.id, '2026-07-01', [GUILD, OTHER_GUILD]);
      await w.scheduler().tick();
      expect(reminders(w.out.sent).sort()).toEqual(
        [`channel:${CHANNEL}`, `channel:${OTHER_CHANNEL}`, `dm:${ALICE.id}`, `dm:${BOB.id}`].sort(),
      );
      await w.scheduler().tick();
      expect(reminders(w.out.sent)).toHaveLength(4);
    });

    test('a DM refused is recorded; the channel reminder still reaches a member on a board', async () => {
      const w = await world(dialect);
      await member(w.store, ALICE.id, '2026-07-01');
      await member(w.store, BOB.id, '2026-07-01', []);
      w.out.closedDms.add(ALICE.id);
      w.out.closedDms.add(BOB.id);
      expect(await w.scheduler().tick()).toMatchObject({ sent: 2, failed: 2 });
      expect(reminders(w.out.sent)).toEqual([`channel:${CHANNEL}`]);
      const failed = (await w.store.reminderLog.all()).filter((r) => r.state === 'failed');
      expect(failed.map((r) => [r.key, r.detail])).toEqual([
        [
          `dm:${ALICE.id}:personal-trainer:2026-07-01:30d`,
          'The member does not accept DMs from the bot.',
        ],
        [
          `dm:${BOB.id}:personal-trainer:2026-07-01:30d`,
          'The member does not accept DMs from the bot.',
        ],
      ]);
    });
  });

  describe('the grace period', () => {
    test('entering it, then 30 and 7 days before it ends: each once, with its own key', async () => {
      // Expired May 31; the grace period (6 months) ends November 30.
      const w = await world(dialect, '2026-06-02T12:00:00Z');
      await member(w.store, ALICE.id, '2026-05-31');
      const ticks = [
        '2026-06-02T12:00:00Z',
        '2026-10-30T12:00:00Z', // 31 days before the end: nothing new
        '2026-10-31T12:00:00Z', // 30 days
        '2026-11-15T12:00:00Z',
        '2026-11-23T12:00:00Z', // 7 days
        '2026-11-30T12:00:00Z',
        '2026-12-01T12:00:00Z', // over: expired, nothing more
      ];
      for (const at of ticks) {
        w.set(at);
        await w.scheduler().tick();
      }
      const dms = w.out.sent.filter((s) => s.to === `dm:${ALICE.id}`);
      expect(dms.map((s) => s.reply.content?.split('\n')[0])).toEqual([
        expect.stringMatching(
          /^⏰ Your ACE Certified Personal Trainer expired <t:\d+:D>: you are in the grace period/,
        ),
        expect.stringMatching(/grace period ends <t:\d+:D> \(<t:\d+:R>\): renew before then/),
        expect.stringMatching(/grace period ends <t:\d+:D> \(<t:\d+:R>\): renew before then/),
      ]);
      expect((await keys(w.store)).filter((k) => k.startsWith('dm:'))).toEqual([
        `dm:${ALICE.id}:personal-trainer:2026-05-31:grace sent`,
        `dm:${ALICE.id}:personal-trainer:2026-05-31:grace-end-30d sent`,
        `dm:${ALICE.id}:personal-trainer:2026-05-31:grace-end-7d sent`,
      ]);
    });
  });

  describe('the reminder day', () => {
    const previousTz = process.env.TZ;
    afterEach(() => {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    });

    test('is the configured zone’s (UTC by default), never the host’s', async () => {
      // 23:30 UTC on June 30: already July 1 in Kiritimati (UTC+14), where the host is.
      process.env.TZ = 'Pacific/Kiritimati';
      expect(new Date('2026-06-30T23:30:00Z').getDate()).toBe(1);
      const utc = await world(dialect, '2026-06-30T23:30:00Z');
      await member(utc.store, ALICE.id, '2026-07-31');
      await utc.scheduler().tick();
      // On June 30 the expiration is 31 days away: the 90-day reminder, not the 30-day one.
      expect((await keys(utc.store)).filter((k) => k.startsWith('dm:'))).toEqual([
        `dm:${ALICE.id}:personal-trainer:2026-07-31:90d sent`,
      ]);

      process.env.TZ = 'Pacific/Pago_Pago'; // UTC−11: the host thinks it is still June 30
      const zoned = await world(dialect, '2026-06-30T23:30:00Z');
      await member(zoned.store, ALICE.id, '2026-07-31');
      await zoned.scheduler('Asia/Tokyo').tick(); // July 1 in Tokyo
      expect((await keys(zoned.store)).filter((k) => k.startsWith('dm:'))).toEqual([
        `dm:${ALICE.id}:personal-trainer:2026-07-31:30d sent`,
      ]);
    });
  });

  describe('the weekly digest and the celebration', () => {
    test('the digest sums up last week’s entries and who is due within 90 days; a paused one is not posted', async () => {
      const w = await world(dialect, '2026-06-05T12:00:00Z');
      await member(w.store, ALICE.id, '2026-08-15'); // 71 days left on June 5
      await member(w.store, BOB.id, '2027-03-01');
      // Logged on Friday June 5 (this week): counted in the digest of Monday June 8.
      await w.store.activities.add(BOB.id, {
        kind: 'approved-course',
        courseNumber: 'CA12345',
        cecs: 0.7,
        ethics: false,
        completed: '2026-06-01',
      });
      await w.store.activities.add(BOB.id, { kind: 'mentoring', completed: '2026-12-01' });
      await w.store.groups.setWeeklyPost(GUILD, false);
      await w.scheduler().tick();
      expect(w.out.sent.filter((s) => s.reply.embeds)).toEqual([]);

      await w.store.groups.setWeeklyPost(GUILD, true);
      w.set('2026-06-08T00:15:00Z');
      await w.scheduler().tick();
      const [digest] = w.out.sent.filter((s) => s.reply.embeds).map((s) => s.reply);
      expect(digest?.pings).toBeUndefined();
      const embed = digest?.embeds?.[0];
      expect(embed?.title).toBe('Weekly digest');
      expect(embed?.description).toMatch(/^The week of <t:\d+:D> to <t:\d+:D>\./);
      expect(embed?.fields).toEqual([
        {
          name: 'Logged that week: 2 entries, 0.7 CECs earned',
          value: `<@${BOB.id}>: 2 entries, 0.7 CECs earned`,
        },
        {
          name: 'Due within 90 days',
          value: expect.stringMatching(
            new RegExp(
              `^<@${ALICE.id}> · ACE Certified Personal Trainer · expires <t:\\d+:D> \\(<t:\\d+:R>\\) · 2\\.0 CECs to go$`,
            ),
          ),
        },
      ]);
    });

    test('a member who becomes ready is celebrated once, pinging only them; a member who chose no channel is not', async () => {
      const w = await world(dialect);
      await member(w.store, ALICE.id, '2027-03-01');
      await member(w.store, BOB.id, '2027-03-01');
      await w.store.memberReminders.choose(BOB.id, { channel: false, dm: true, days: null });
      await w.scheduler().tick();
      expect(w.out.sent.filter((s) => s.reply.content?.startsWith('🎉'))).toEqual([]);
      for (const userId of [ALICE.id, BOB.id]) {
        await w.store.activities.add(userId, {
          kind: 'cpr-aed',
          term: '2yr',
          completed: '2026-05-01',
        });
        await w.store.activities.add(userId, {
          kind: 'approved-course',
          courseNumber: 'CA12345',
          cecs: 2.0,
          ethics: true,
          completed: '2026-05-20',
        });
      }
      w.set('2026-06-01T13:00:00Z');
      await w.scheduler().tick();
      w.set('2026-06-02T13:00:00Z');
      await w.scheduler().tick();
      const party = w.out.sent.filter((s) => s.reply.content?.startsWith('🎉'));
      expect(party.map((s) => [s.to, s.reply.pings])).toEqual([[`channel:${CHANNEL}`, [ALICE.id]]]);
      expect(party[0]?.reply.content).toMatch(
        new RegExp(
          `^🎉 <@${ALICE.id}> is ready to renew their ACE Certified Personal Trainer: 2\\.4 CECs earned and the checklist complete\\.`,
        ),
      );
    });
  });
  describe('planned entries past their date', () => {
    test('the DM reminder asks "Did you complete it?" with Yes / No; the channel post does not; neither counts it', async () => {
      const w = await world(dialect, '2026-05-01T12:00:00Z');
      await member(w.store, ALICE.id, '2026-07-01');
      // Logged as planned on 05/01 for 05/20, never confirmed.
      const planned = await w.store.activities.add(
        ALICE.id,
        {
          kind: 'approved-course',
          courseNumber: 'CA55555',
          cecs: 2.0,
          ethics: false,
          completed: '2026-05-20',
        },
        false,
      );
      w.set('2026-06-01T12:00:00Z');
      await w.scheduler().tick();
      const dm = w.out.sent.find((s) => s.to === `dm:${ALICE.id}`)?.reply;
      const post = w.out.sent.find((s) => s.to === `channel:${CHANNEL}`)?.reply;
      expect(dm?.content).toMatch(/0\.0 of 2\.0 CECs earned/);
      expect(dm?.content).toMatch(
        /\*\*Did you complete it\?\*\* Course CA55555, planned for 05\/20\/2026/,
      );
      expect(dm?.buttons?.map((b) => b.customId)).toEqual([
        `planned:yes:${ALICE.id}:${planned.id}`,
        `planned:no:${ALICE.id}:${planned.id}`,
      ]);
      expect(post?.content).toMatch(/0\.0 of 2\.0 CECs earned/);
      expect(post?.content).not.toMatch(/Did you complete it/);
      expect(post?.buttons).toBeUndefined();
      const [row] = await boardRows(
        { store: w.store, members: createMemberPlans(w.store) },
        GUILD,
        '2026-06-01',
      );
      expect(row?.evaluation.certifications[0]?.earned).toBe(0);
    });
  });
});
