/**
 * The reminder scheduler. On each tick, for every server with a group
 * channel: each member on the board whose certification reached a reminder
 * day (or entered the grace period) is reminded in the channel and by DM,
 * and the board is posted once a week.
 *
 * Exactly once: each message is recorded in the send log (state 'pending')
 * before it is sent and marked 'sent' after. The record's unique key is the
 * claim, so a restart or a second process never sends it again; a pending
 * record older than the lease means its sender died between record and send,
 * and it is claimed again and retried.
 */
import { evaluatePlan, todayIso } from '@cec/rules';
import { boardRows } from '../commands/group.js';
import { loadMemberPlan } from '../commands/member-plan.js';
import type { Logger } from '../log.js';
import { renderBoard, renderReminder } from '../render/group.js';
import { fitReply } from '../render/limits.js';
import type { Reply } from '../render/payload.js';
import type { GroupMember, GroupSettings, Store } from '../store/index.js';
import { MAX_ATTEMPTS } from '../store/reminder-log.js';
import type { ReminderLogRow } from '../store/schema.js';
import { boardKey, dueReminder, reminderKey } from './due.js';

export type DmResult = 'sent' | 'refused';

/** How messages leave the bot (Discord in production, a recorder in tests). */
export interface Messenger {
  post(channelId: string, reply: Reply): Promise<void>;
  /** 'refused' when the member does not accept DMs from the bot. */
  dm(userId: string, reply: Reply): Promise<DmResult>;
}

export interface SchedulerOptions {
  store: Store;
  messenger: Messenger;
  log: Logger;
  now?: () => Date;
  /** Time between ticks (ms). */
  intervalMs?: number;
  /** A pending record older than this is treated as abandoned and retried (ms). */
  leaseMs?: number;
}

export interface TickReport {
  sent: number;
  failed: number;
  retried: number;
}

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
  const { store, messenger, log } = options;
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 15 * 60 * 1000;
  const leaseMs = options.leaseMs ?? 10 * 60 * 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TickReport> | null = null;

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

  async function remindMember(
    group: GroupSettings,
    member: GroupMember,
    today: string,
    report: TickReport,
  ) {
    const plan = await loadMemberPlan(store, member.userId, today);
    const person = { id: member.userId, name: member.displayName };
    for (const certification of evaluatePlan(plan.plan).certifications) {
      const due = dueReminder(certification, group.reminderDays);
      if (!due) continue;
      const owner = { guildId: group.guildId, userId: member.userId };
      await recordAndSend(
        reminderKey({ channel: group.channelId }, group.guildId, member.userId, due),
        owner,
        { channel: group.channelId },
        renderReminder(person, certification, due.kind, 'channel'),
        report,
      );
      await recordAndSend(
        reminderKey({ dm: true }, group.guildId, member.userId, due),
        owner,
        { dm: member.userId },
        renderReminder(person, certification, due.kind, 'dm'),
        report,
      );
    }
  }

  async function postBoard(group: GroupSettings, today: string, report: TickReport) {
    const rows = await boardRows(store, group.guildId, today);
    if (rows.length === 0) return;
    await recordAndSend(
      boardKey(group.guildId, today),
      { guildId: group.guildId, userId: null },
      { channel: group.channelId },
      fitReply(renderBoard(rows, false)),
      report,
    );
  }

  async function runTick(): Promise<TickReport> {
    const report: TickReport = { sent: 0, failed: 0, retried: 0 };
    const today = todayIso(now());
    for (const row of await store.reminderLog.stale(new Date(now().getTime() - leaseMs))) {
      await retry(row, report);
    }
    for (const group of await store.groups.configuredGroups()) {
      try {
        for (const member of await store.groups.members(group.guildId)) {
          await remindMember(group, member, today, report);
        }
        await postBoard(group, today, report);
      } catch (error) {
        // One server's problem must not stop the others' reminders.
        log.error(`reminders for server ${group.guildId} failed`, error);
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

  return {
    tick,
    start(): void {
      if (timer) return;
      const loop = () => {
        tick().catch((error: unknown) => log.error('reminder tick failed', error));
      };
      timer = setInterval(loop, intervalMs);
      timer.unref();
      loop();
    },
    /** Stops the timer and waits for a pass in progress. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => undefined);
    },
  };
}

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
