/**
 * Reminders: when they are due, and that each is sent once, recorded before it
 * goes out, by the one scheduler holding the lease. The scheduler tests run on
 * SQLite and on PostgreSQL.
 */
import { evaluatePlan, parsePlan } from '@cec/rules';
import { describe, expect, test } from 'vitest';
import { silentLogger } from '../src/log.js';
import { createMemberPlans } from '../src/members/plan.js';
import { dueReminder, weeklyPostKey } from '../src/reminders/due.js';
import {
  createReminderScheduler,
  type Messenger,
  type SchedulerLease,
} from '../src/reminders/scheduler.js';
import type { Reply } from '../src/render/payload.js';
import type { Store } from '../src/store/index.js';
import { ALICE, BOB, GUILD } from './helpers/context.js';
import { type DialectName, describeEachDialect, freshDatabase } from './helpers/databases.js';

const CHANNEL = '400000000000000001';

function evaluation(expires: string, today: string) {
  const parsed = parsePlan({
    today,
    certifications: [{ credential: 'personal-trainer', expires }],
  });
  if (!parsed.ok) throw new Error('bad plan');
  const [certification] = evaluatePlan(parsed.plan).certifications;
  if (!certification) throw new Error('no certification');
  return certification;
}

describe('which reminder is due', () => {
  test.each([
    ['2026-12-31', null],
    ['2026-08-30', { days: 90 }],
    ['2026-07-01', { days: 30 }],
    ['2026-06-08', { days: 7 }],
    ['2026-06-02', { days: 1 }],
    ['2026-06-01', { days: 1 }],
    ['2026-05-01', 'grace'],
    ['2025-01-01', null],
  ])('expiring %s, on 2026-06-01: %j', (expires, kind) => {
    const due = dueReminder(evaluation(expires, '2026-06-01'), [90, 30, 7, 1]);
    expect(due?.kind ?? null).toEqual(kind);
  });

  test('the weekly post is keyed by the Monday of the week', () => {
    expect(weeklyPostKey(GUILD, '2026-06-01')).toBe(`board:${GUILD}:2026-06-01`); // a Monday
    expect(weeklyPostKey(GUILD, '2026-06-03')).toBe(`board:${GUILD}:2026-06-01`);
    expect(weeklyPostKey(GUILD, '2026-06-07')).toBe(`board:${GUILD}:2026-06-01`);
    expect(weeklyPostKey(GUILD, '2026-06-08')).toBe(`board:${GUILD}:2026-06-08`);
  });
});

/** A messenger that records what it sends and can be told to fail. */
function recorder() {
  const sent: { to: string; reply: Reply }[] = [];
  const closedDms = new Set<string>();
  let failures = 0;
  const messenger: Messenger = {
    async post(channelId, reply) {
      if (failures > 0) {
        failures--;
        throw new Error('Discord is down');
      }
      sent.push({ to: `channel:${channelId}`, reply });
    },
    async dm(userId, reply) {
      if (closedDms.has(userId)) return 'refused';
      sent.push({ to: `dm:${userId}`, reply });
      return 'sent';
    },
  };
  return { messenger, sent, closedDms, failNext: (n: number) => (failures = n) };
}

async function world(dialect: DialectName, options: { expires?: string } = {}) {
  const database = await freshDatabase(dialect);
  const store = await database.open();
  await store.groups.configure(GUILD, CHANNEL, [90, 30, 7, 1]);
  await store.groups.join(GUILD, ALICE.id, 'Alice');
  await store.certifications.save(ALICE.id, {
    credential: 'personal-trainer',
    expires: options.expires ?? '2026-07-01',
  });
  let now = new Date('2026-06-01T12:00:00Z');
  const clock = {
    now: () => now,
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
  return { store, database, clock };
}

function scheduler(store: Store, messenger: Messenger, now: () => Date, lease?: SchedulerLease) {
  return createReminderScheduler({
    store,
    members: createMemberPlans(store),
    messenger,
    log: silentLogger,
    now,
    leaseMs: 60_000,
    ...(lease ? { lease } : {}),
  });
}

describeEachDialect((dialect) => {
  describe('the scheduler', () => {
    test('sends a due reminder to the channel and by DM once, then the next one when it is due', async () => {
      const { store, clock } = await world(dialect);
      const out = recorder();
      const reminders = scheduler(store, out.messenger, clock.now);

      expect(await reminders.tick()).toMatchObject({ sent: 3 });
      expect(out.sent.map((s) => s.to)).toEqual([
        `channel:${CHANNEL}`,
        `channel:${CHANNEL}`,
        `dm:${ALICE.id}`,
      ]);
      const [channelPost, digest, dm] = out.sent;
      expect(channelPost?.reply.content).toContain(
        `<@${ALICE.id}>, your ACE Certified Personal Trainer expires <t:`,
      );
      expect(channelPost?.reply.content).toContain('0.0 of 2.0 CECs earned, 2.0 to go.');
      expect(channelPost?.reply.pings).toEqual([ALICE.id]);
      expect(dm?.reply.content).toMatch(/^⏰ Your ACE Certified Personal Trainer expires/);
      expect(dm?.reply.pings).toBeUndefined();
      expect(digest?.reply.embeds?.[0]?.title).toBe('Weekly digest');
      expect(digest?.reply.pings).toBeUndefined();

      await reminders.tick();
      clock.set('2026-06-02T12:00:00Z');
      await reminders.tick();
      expect(out.sent).toHaveLength(3);

      clock.set('2026-06-24T12:00:00Z'); // 7 days left; a new week for the digest too
      await reminders.tick();
      expect(out.sent.slice(3).map((s) => s.to)).toEqual([
        `channel:${CHANNEL}`,
        `channel:${CHANNEL}`,
        `dm:${ALICE.id}`,
      ]);
      const log = await store.reminderLog.all();
      expect(log.map((r) => [r.key, r.state])).toEqual([
        [`board:${GUILD}:2026-06-01`, 'sent'],
        [`board:${GUILD}:2026-06-22`, 'sent'],
        [`channel:${GUILD}:${ALICE.id}:personal-trainer:2026-07-01:30d`, 'sent'],
        [`channel:${GUILD}:${ALICE.id}:personal-trainer:2026-07-01:7d`, 'sent'],
        [`dm:${ALICE.id}:personal-trainer:2026-07-01:30d`, 'sent'],
        [`dm:${ALICE.id}:personal-trainer:2026-07-01:7d`, 'sent'],
      ]);
    });

    test('once on entering the grace period', async () => {
      const { store, clock } = await world(dialect, { expires: '2026-05-31' });
      const out = recorder();
      const reminders = scheduler(store, out.messenger, clock.now);
      await reminders.tick();
      clock.set('2026-06-03T12:00:00Z');
      await reminders.tick();
      const grace = out.sent.filter((s) => s.reply.content?.includes('grace period'));
      expect(grace.map((s) => s.to)).toEqual([`channel:${CHANNEL}`, `dm:${ALICE.id}`]);
    });

    test('a member who does not accept DMs still gets the channel post; the DM is not retried', async () => {
      const { store, clock } = await world(dialect);
      const out = recorder();
      out.closedDms.add(ALICE.id);
      const reminders = scheduler(store, out.messenger, clock.now);
      expect(await reminders.tick()).toMatchObject({ sent: 2, failed: 1 });
      expect(
        await store.reminderLog.find(`dm:${ALICE.id}:personal-trainer:2026-07-01:30d`),
      ).toMatchObject({
        state: 'failed',
        detail: 'The member does not accept DMs from the bot.',
      });
      clock.set('2026-06-01T13:00:00Z');
      await reminders.tick();
      expect(out.sent.filter((s) => s.to.startsWith('dm:'))).toEqual([]);
    });

    test('a failed send stays pending and is retried after the lease, then sent exactly once', async () => {
      const { store, clock } = await world(dialect);
      const out = recorder();
      out.failNext(1);
      const reminders = scheduler(store, out.messenger, clock.now);
      await reminders.tick();
      const key = `channel:${GUILD}:${ALICE.id}:personal-trainer:2026-07-01:30d`;
      expect(await store.reminderLog.find(key)).toMatchObject({ state: 'pending', attempts: 1 });

      clock.set('2026-06-01T12:00:30Z'); // inside the lease: the sender might still be working
      await reminders.tick();
      expect(out.sent.filter((s) => s.reply.content?.includes('<@'))).toHaveLength(0);

      clock.set('2026-06-01T12:02:00Z');
      expect(await reminders.tick()).toMatchObject({ retried: 1 });
      expect(await store.reminderLog.find(key)).toMatchObject({ state: 'sent', attempts: 2 });
      clock.set('2026-06-01T12:10:00Z');
      await reminders.tick();
      expect(
        out.sent.filter((s) => s.to.startsWith('channel:') && s.reply.content?.includes('<@')),
      ).toHaveLength(1);
    });

    test('a crash between record and send: the recorded message is sent after a restart', async () => {
      const { store, database, clock } = await world(dialect);
      const crashing: Messenger = {
        post: () => new Promise(() => undefined), // the process "dies" while sending
        dm: () => new Promise(() => undefined),
      };
      void scheduler(store, crashing, clock.now).tick();
      // Until the first message is recorded and its send hangs.
      await expect
        .poll(async () => (await store.reminderLog.all()).map((r) => r.state))
        .toEqual(['pending']);

      const restarted = await database.open();
      const out = recorder();
      clock.set('2026-06-01T12:05:00Z');
      await scheduler(restarted, out.messenger, clock.now).tick();
      expect(out.sent.map((s) => s.to)).toEqual([
        `channel:${CHANNEL}`,
        `channel:${CHANNEL}`,
        `dm:${ALICE.id}`,
      ]);
      expect((await restarted.reminderLog.all()).every((r) => r.state === 'sent')).toBe(true);
    });

    test('two processes on the same database send each reminder once between them', async () => {
      const { store, database, clock } = await world(dialect);
      await store.groups.join(GUILD, BOB.id, 'Bob');
      await store.certifications.save(BOB.id, {
        credential: 'health-coach',
        expires: '2026-06-05',
      });
      const second = await database.open();
      const out = recorder();
      const reports = await Promise.all([
        scheduler(store, out.messenger, clock.now).tick(),
        scheduler(second, out.messenger, clock.now).tick(),
      ]);
      // The lease lets one of them run; the other sends nothing.
      expect(reports.map((r) => r.ran).sort()).toEqual([false, true]);
      expect(reports.map((r) => r.sent).sort()).toEqual([0, 5]);
      expect(out.sent).toHaveLength(5);
      expect(new Set(out.sent.map((s) => `${s.to} ${s.reply.content ?? 'board'}`)).size).toBe(5);
    });

    test('without the lease (two lease names), the send log alone still sends each once', async () => {
      const { store, database, clock } = await world(dialect);
      await store.groups.join(GUILD, BOB.id, 'Bob');
      await store.certifications.save(BOB.id, {
        credential: 'health-coach',
        expires: '2026-06-05',
      });
      const second = await database.open();
      const out = recorder();
      const reports = await Promise.all([
        scheduler(store, out.messenger, clock.now, { name: 'one' }).tick(),
        scheduler(second, out.messenger, clock.now, { name: 'two' }).tick(),
        scheduler(store, out.messenger, clock.now, { name: 'three' }).tick(),
      ]);
      expect(reports.every((r) => r.ran)).toBe(true);
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(5);
      expect(new Set(out.sent.map((s) => `${s.to} ${s.reply.content ?? 'board'}`)).size).toBe(5);
      expect(out.sent).toHaveLength(5);
    });

    test('nothing in a channel for members off its board or servers without a channel; the DM still goes', async () => {
      const { store, clock } = await world(dialect);
      await store.groups.leave(GUILD, ALICE.id);
      await store.groups.join('300000000000000009', ALICE.id, 'Alice');
      const out = recorder();
      await scheduler(store, out.messenger, clock.now).tick();
      expect(out.sent.map((s) => s.to)).toEqual([`dm:${ALICE.id}`]);
    });
  });

  describe('the scheduler lease', () => {
    test('a standby skips while the holder renews; takes over once the lease has expired', async () => {
      const { store, database, clock } = await world(dialect);
      const other = await database.open();
      const out = recorder();
      const lease = { ttlMs: 60_000 };
      const a = scheduler(store, out.messenger, clock.now, { ...lease, owner: 'A' });
      const b = scheduler(other, out.messenger, clock.now, { ...lease, owner: 'B' });
      expect(await a.tick()).toMatchObject({ ran: true, sent: 3 });
      clock.set('2026-06-01T12:00:50Z');
      expect(await b.tick()).toMatchObject({ ran: false, sent: 0 });
      expect(await a.tick()).toMatchObject({ ran: true }); // renewed until 12:01:50
      clock.set('2026-06-01T12:01:40Z');
      expect(await b.tick()).toMatchObject({ ran: false });
      // A stops renewing (it died); after its lease B runs, and the next reminder goes out once.
      clock.set('2026-06-24T12:00:00Z');
      expect(await b.tick()).toMatchObject({ ran: true, sent: 3 });
      expect(await a.tick()).toMatchObject({ ran: false, sent: 0 });
      expect(await store.leases.find('reminders')).toMatchObject({ owner: 'B' });
      expect(out.sent).toHaveLength(6);
    });

    test('stop() hands the lease back: a started standby takes over at once and catches up', async () => {
      const { store, database, clock } = await world(dialect);
      const other = await database.open();
      const out = recorder();
      // ttl 3 s: the running schedulers renew (or try to take) the lease every second.
      const a = scheduler(store, out.messenger, clock.now, { ttlMs: 3000, owner: 'A' });
      const b = scheduler(other, out.messenger, clock.now, { ttlMs: 3000, owner: 'B' });
      a.start();
      await expect.poll(() => out.sent.length).toBe(3);
      b.start();
      expect(await b.tick()).toMatchObject({ ran: false }); // B's first tick: A holds the lease
      await a.stop();
      expect(await store.leases.find('reminders')).toBeNull();
      clock.set('2026-06-24T12:00:00Z'); // the 7-day reminder is due: B's catch-up tick sends it
      await expect.poll(() => out.sent.length, { timeout: 3000 }).toBe(6);
      expect((await other.leases.find('reminders'))?.owner).toBe('B');
      await b.stop();
      expect(out.sent.filter((m) => m.to === `dm:${ALICE.id}`)).toHaveLength(2);
    });
  });
});
