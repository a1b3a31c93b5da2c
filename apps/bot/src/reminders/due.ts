/**
 * Which reminders are due on a day: pure functions over the rules'
 * evaluation, so the schedule is tested without a clock or a database.
 */
import { type CertificationEvaluation, daysBetween, type IsoDate, mondayOf } from '@cec/rules';
import type { ReminderKind } from '../render/reminder.js';

export interface DueReminder {
  certification: CertificationEvaluation;
  kind: ReminderKind;
}

/** Days before the grace period ends (the last day to renew late) that a member is reminded. */
export const GRACE_END_DAYS: readonly number[] = [30, 7];

/** The closest threshold `daysLeft` has reached, if any. */
function closest(daysLeft: number, thresholds: readonly number[]): number | null {
  const reached = thresholds.filter((days) => daysLeft <= days);
  return reached.length > 0 ? Math.min(...reached) : null;
}

/**
 * The reminder a certification is due on this day, if any: the closest
 * configured threshold it has reached (a bot that was down on day 30 still
 * sends the 30-day reminder on day 28, but never 90, 30 and 7 at once); once
 * it has expired, the grace-period notice, then 30 and 7 days before the
 * grace period ends.
 */
export function dueReminder(
  certification: CertificationEvaluation,
  reminderDays: readonly number[],
): DueReminder | null {
  if (certification.status === 'grace') {
    const graceLeft =
      certification.daysLeft + daysBetween(certification.cycle.end, certification.graceEnds);
    const days = closest(graceLeft, GRACE_END_DAYS);
    return { certification, kind: days === null ? 'grace' : { graceEndsIn: days } };
  }
  if (certification.daysLeft < 0) return null;
  const days = closest(certification.daysLeft, reminderDays);
  return days === null ? null : { certification, kind: { days } };
}

function kindKey(kind: ReminderKind): string {
  if (kind === 'grace') return 'grace';
  return 'days' in kind ? `${kind.days}d` : `grace-end-${kind.graceEndsIn}d`;
}

/** The certification cycle and threshold: one reminder each, whatever the day it goes out. */
function about(due: DueReminder): string {
  return `${due.certification.credential}:${due.certification.cycle.end}:${kindKey(due.kind)}`;
}

export function channelReminderKey(guildId: string, userId: string, due: DueReminder): string {
  return `channel:${guildId}:${userId}:${about(due)}`;
}

/** A DM is about the member, not a server: one DM even if they are on two servers' boards. */
export function dmReminderKey(userId: string, due: DueReminder): string {
  return `dm:${userId}:${about(due)}`;
}

/** A member's certification becomes ready once per cycle: one celebration in each group they are in. */
export function celebrationKey(
  guildId: string,
  userId: string,
  certification: CertificationEvaluation,
): string {
  return `ready:${guildId}:${userId}:${certification.credential}:${certification.cycle.end}`;
}

/** Worth celebrating: everything needed to renew, while it can still be renewed. */
export function isCelebrated(certification: CertificationEvaluation): boolean {
  return certification.ready && certification.status !== 'expired';
}

/** One weekly post per server and week ("board:" since it was the board; the digest replaced it). */
export function weeklyPostKey(guildId: string, date: IsoDate): string {
  return `board:${guildId}:${mondayOf(date)}`;
}
