/**
 * The reminder scheduler. On each tick, on the day of the configured time
 * zone (UTC by default, never the host's):
 * - for every server with a group channel, each member on the board who
 *   wants channel reminders is reminded there when a certification reaches
 *   one of their days (or the server's), enters the grace period or nears its
 *   end, pinging that member alone; a member who becomes ready is celebrated
 *   once per cycle; and the weekly digest is posted unless a moderator paused it;
 * - every member with a certification who wants DMs is reminded by DM, once
 *   however many servers they share with the bot, board or not.
 *
 * Exactly once, in two layers:
 * - Only one process runs the scheduler at a time: each tick first takes or
 *   renews the `reminders` lease in the database (src/store/leases.ts). With
 *   several shards or machines on one database, the others skip their ticks
 *   and take over within about a minute when the holder stops or dies.
 * - Each message is recorded in the send log (state 'pending') before it is
 *   sent and marked 'sent' after. The record's unique key is the claim, so a
 *   restart, or a second process that somehow ticks too, never sends it
 *   again; a pending record older than `leaseMs` means its sender died between
 *   record and send, and it is claimed again and retried.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { todayIn } from '@cec/rules';
import { DEFAULT_TIME_ZONE } from '../config.js';
import type { Logger } from '../log.js';
import { evaluateMember, type MemberPlans } from '../members/plan.js';
import { awaitingEntries } from '../render/confirm.js';
import { renderDigest } from '../render/digest.js';
import { fitReply } from '../render/limits.js';
import type { Reply } from '../render/payload.js';
import { renderCelebration, renderReminder } from '../render/reminder.js';
import {
  DEFAULT_REMINDER_DAYS,
  type GroupMember,
  type GroupSettings,
  type Store,
} from '../store/index.js';
import { MAX_ATTEMPTS } from '../store/reminder-log.js';
import type { ReminderLogRow } from '../store/schema.js';
import { DIGEST_DUE_DAYS, type DigestMember, weeklyDigest } from './digest.js';
import {
  celebrationKey,
  channelReminderKey,
  dmReminderKey,
  dueReminder,
  isCelebrated,
  weeklyPostKey,
} from './due.js';

export type DmResult = 'sent' | 'refused';

/** How messages leave the bot (Discord in production, a recorder in tests). */
export interface Messenger {
  post(channelId: string, reply: Reply): Promise<void>;
  /** 'refused' when the member does not accept DMs from the bot. */
  dm(userId: string, reply: Reply): Promise<DmResult>;
}

export interface SchedulerOptions {
  store: Store;
  /** Members' plans over `store`: the bot shares its command context's. */
  members: MemberPlans;
  messenger: Messenger;
  log: Logger;
  now?: () => Date;
  /** The IANA zone whose calendar day the reminders go out on (default UTC). */
  timeZone?: string;
  /** Time between ticks (ms). */
  intervalMs?: number;
  /** A pending record older than this is treated as abandoned and retried (ms). */
  leaseMs?: number;
  /** Which process runs the scheduler when several share the database. */
  lease?: SchedulerLease;
}

export interface SchedulerLease {
  /** Schedulers with the same name exclude each other (default 'reminders'). */
  name?: string;
  /** This scheduler's identity (default: host, pid and a random part). */
  owner?: string;
  /**
   * How long the lease lasts without renewal (ms, default 60 s). The holder
   * renews it every third of that while it runs, so another process takes
   * over this long after the holder dies.
   */
  ttlMs?: number;
}

export interface TickReport {
  /** False when another process holds the lease: this tick sent nothing. */
  ran: boolean;
  sent: number;
  failed: number;
  retried: number;
}

/** Unique per scheduler, and readable in the leases table: which host and process holds it. */
export function defaultLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export const DEFAULT_LEASE_TTL_MS = 60_000;

/** Members per lease renewal in the DM pass: a stalled holder stops within this many. */
const DM_BATCH = 50;

type Target = { channel: string } | { dm: string };

function targetText(target: Target): string {
  return 'channel' in target ? `channel:${target.channel}` : `dm:${target.dm}`;
}

function parseTarget(text: string): Target | null {
  const [kind, id] = text.split(':');
  if (!id) return null;
  if (kind === 'channel') return { channel: id };
  if (kind === 'dm') return { dm: id };
  return null;
}

export function createReminderScheduler(options: SchedulerOptions) {
  const { store, members, messenger, log } = options;
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const intervalMs = options.intervalMs ?? 15 * 60 * 1000;
  const leaseMs = options.leaseMs ?? 10 * 60 * 1000;
  const leaseName = options.lease?.name ?? 'reminders';
  const owner = options.lease?.owner ?? defaultLeaseOwner();
  const leaseTtlMs = options.lease?.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  let timer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let beating: Promise<void> | null = null;
  let running: Promise<TickReport> | null = null;
  /** Null until the first attempt, so each process logs once whether it runs the reminders. */
  let holding: boolean | null = null;

  /** Takes or renews the lease; logs when this process starts or stops running the reminders. */
  async function holdLease(): Promise<boolean> {
    const held = await store.leases.acquire(leaseName, owner, now(), leaseTtlMs);
    if (held !== holding) {
      if (held) log.info(`reminders: this process (${owner}) runs the scheduler`);
      else log.info(`reminders: another process holds the scheduler lease; ${owner} stands by`);
    }
    holding = held;
    return held;
  }

  /** Sends a claimed record and stores the outcome. */
  async function deliver(
    key: string,
    target: Target,
    reply: Reply,
    attempts: number,
    report: TickReport,
  ) {
    try {
      if ('channel' in target) {
        await messenger.post(target.channel, reply);
      } else if ((await messenger.dm(target.dm, reply)) === 'refused') {
        await store.reminderLog.markFailed(key, 'The member does not accept DMs from the bot.');
        report.failed++;
        return;
      }
      await store.reminderLog.markSent(key, now());
      report.sent++;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (attempts >= MAX_ATTEMPTS) {
        await store.reminderLog.markFailed(key, `Gave up after ${attempts} attempts: ${detail}`);
        log.warn(`reminder ${key} failed for good`, detail);
      } else {
        // Left pending: the next tick after the lease retries it.
        log.warn(`reminder ${key} not sent yet (attempt ${attempts})`, detail);
      }
      report.failed++;
    }
  }

  async function recordAndSend(
    key: string,
    owner: { guildId: string | null; userId: string | null },
    target: Target,
    reply: Reply,
    report: TickReport,
  ) {
    const won = await store.reminderLog.claim(
      { key, ...owner, target: targetText(target), payload: JSON.stringify(reply) },
      now(),
    );
    if (won) await deliver(key, target, reply, 1, report);
  }

  async function retry(row: ReminderLogRow, report: TickReport) {
    const target = parseTarget(row.target);
    let reply: Reply | null = null;
    try {
      reply = JSON.parse(row.payload) as Reply;
    } catch {
      reply = null;
    }
    if (!target || !reply) {
      await store.reminderLog.markFailed(row.key, 'The recorded message could not be read.');
      return;
    }
    if (!(await store.reminderLog.reclaim(row, now()))) return;
    report.retried++;
    await deliver(row.key, target, reply, row.attempts + 1, report);
  }

  /** Channel reminders and the celebration for one member of a server's board; returns what the digest needs. */
  async function remindInChannel(
    group: GroupSettings,
    member: GroupMember,
    today: string,
    report: TickReport,
  ): Promise<DigestMember> {
    const plan = await members.load(member.userId, today);
    const evaluation = evaluateMember(plan);
    const choice = await store.memberReminders.of(member.userId);
    if (!choice.channel) return { userId: member.userId, plan, evaluation };
    const owner = { guildId: group.guildId, userId: member.userId };
    const channel = { channel: group.channelId };
    for (const certification of evaluation.certifications) {
      const due = dueReminder(certification, choice.days ?? group.reminderDays);
      if (due) {
        await recordAndSend(
          channelReminderKey(group.guildId, member.userId, due),
          owner,
          channel,
          renderReminder(member.userId, certification, due.kind, 'channel'),
          report,
        );
      }
      if (isCelebrated(certification)) {
        await recordAndSend(
          celebrationKey(group.guildId, member.userId, certification),
          owner,
          channel,
          renderCelebration(member.userId, certification),
          report,
        );
      }
    }
    return { userId: member.userId, plan, evaluation };
  }

  async function postDigest(
    group: GroupSettings,
    board: readonly DigestMember[],
    today: string,
    report: TickReport,
  ) {
    if (!group.weeklyPost || board.length === 0) return;
    await recordAndSend(
      weeklyPostKey(group.guildId, today),
      { guildId: group.guildId, userId: null },
      { channel: group.channelId },
      fitReply(renderDigest(weeklyDigest(board, today, timeZone), DIGEST_DUE_DAYS)),
      report,
    );
  }

  async function remindGroup(group: GroupSettings, today: string, report: TickReport) {
    const board: DigestMember[] = [];
    for (const member of await store.groups.members(group.guildId)) {
      board.push(await remindInChannel(group, member, today, report));
    }
    await postDigest(group, board, today, report);
  }

  /** DM reminders for one member (the audience has DMs on), on their days or the default ones. */
  async function remindByDm(userId: string, today: string, report: TickReport) {
    const choice = await store.memberReminders.of(userId);
    const plan = await members.load(userId, today);
    const evaluation = evaluateMember(plan);
    const awaiting = awaitingEntries(plan, evaluation);
    for (const certification of evaluation.certifications) {
      const due = dueReminder(certification, choice.days ?? DEFAULT_REMINDER_DAYS);
      if (!due) continue;
      await recordAndSend(
        dmReminderKey(userId, due),
        { guildId: null, userId },
        { dm: userId },
        renderReminder(userId, certification, due.kind, 'dm', awaiting),
        report,
      );
    }
  }

  async function runTick(): Promise<TickReport> {
    const report: TickReport = { ran: false, sent: 0, failed: 0, retried: 0 };
    if (!(await holdLease())) return report;
    report.ran = true;
    const today = todayIn(timeZone, now());
    for (const row of await store.reminderLog.stale(new Date(now().getTime() - leaseMs))) {
      await retry(row, report);
    }
    for (const group of await store.groups.configuredGroups()) {
      // Renewed per server: a holder that stalled past the lease stops, and leaves the rest
      // to the process that took over (the send log would stop a duplicate anyway).
      if (!(await holdLease())) return report;
      try {
        await remindGroup(group, today, report);
      } catch (error) {
        // One server's problem must not stop the others' reminders.
        log.error(`reminders for server ${group.guildId} failed`, error);
      }
    }
    const audience = await store.memberReminders.dmAudience();
    for (const [index, userId] of audience.entries()) {
      if (index % DM_BATCH === 0 && !(await holdLease())) return report;
      try {
        await remindByDm(userId, today, report);
      } catch (error) {
        // Nor one member's problem the other members' DMs.
        log.error(`DM reminders for member ${userId} failed`, error);
      }
    }
    if (report.sent || report.failed) {
      log.info(
        `reminders: ${report.sent} sent, ${report.failed} not sent, ${report.retried} retried`,
      );
    }
    return report;
  }

  /** One pass; concurrent calls share the pass in progress. */
  function tick(): Promise<TickReport> {
    if (!running) {
      running = runTick().finally(() => {
        running = null;
      });
    }
    return running;
  }

  const loop = () => {
    tick().catch((error: unknown) => log.error('reminder tick failed', error));
  };

  /** Keeps the lease while this process holds it; a standby that takes it over catches up at once. */
  async function beat(): Promise<void> {
    const before = holding === true;
    if ((await holdLease()) && !before) loop();
  }

  return {
    tick,
    /** This scheduler's lease owner id. */
    owner,
    start(): void {
      if (timer) return;
      timer = setInterval(loop, intervalMs);
      timer.unref();
      heartbeat = setInterval(
        () => {
          if (beating) return;
          beating = beat()
            .catch((error: unknown) => log.warn('renewing the reminders lease failed', error))
            .finally(() => {
              beating = null;
            });
        },
        Math.max(1000, Math.floor(leaseTtlMs / 3)),
      );
      heartbeat.unref();
      loop();
    },
    /** Stops the timers, waits for a pass in progress, and hands the lease back. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      if (heartbeat) clearInterval(heartbeat);
      timer = null;
      heartbeat = null;
      // A renewal in flight must land before the release, or it would take the lease back.
      if (beating) await beating;
      if (running) await running.catch(() => undefined);
      if (holding) {
        holding = false;
        // Another process can take over now instead of when the lease expires.
        await store.leases
          .release(leaseName, owner)
          .catch((error: unknown) => log.warn('releasing the reminders lease failed', error));
      }
    },
  };
}

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
