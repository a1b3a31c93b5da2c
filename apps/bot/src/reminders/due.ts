/**
 * Which reminders are due on a day: pure functions over the rules'
 * evaluation, so the schedule is tested without a clock or a database.
 */
import { type CertificationEvaluation, type IsoDate, mondayOf } from '@cec/rules';
import type { ReminderKind } from '../render/reminder.js';

export interface DueReminder {
  certification: CertificationEvaluation;
  kind: ReminderKind;
}

/**
 * The reminder a certification is due on this day, if any: the closest
 * configured threshold it has reached (a bot that was down on day 30 still
 * sends the 30-day reminder on day 28, but never 90, 30 and 7 at once), or
 * the grace-period notice once it has expired.
 */
export function dueReminder(
  certification: CertificationEvaluation,
  reminderDays: readonly number[],
): DueReminder | null {
  if (certification.status === 'grace') return { certification, kind: 'grace' };
  if (certification.daysLeft < 0) return null;
  const reached = reminderDays.filter((days) => certification.daysLeft <= days);
  if (reached.length === 0) return null;
  return { certification, kind: { days: Math.min(...reached) } };
}

function kindKey(kind: ReminderKind): string {
  return kind === 'grace' ? 'grace' : `${kind.days}d`;
}

/** One reminder per certification cycle and threshold, whatever the day it goes out. */
export function reminderKey(
  audience: { channel: string } | { dm: true },
  guildId: string,
  userId: string,
  due: DueReminder,
): string {
  const about = `${due.certification.credential}:${due.certification.cycle.end}:${kindKey(due.kind)}`;
  // A DM is about the member, not the server: one DM even if two servers remind them.
  return 'dm' in audience ? `dm:${userId}:${about}` : `channel:${guildId}:${userId}:${about}`;
}

export function boardKey(guildId: string, date: IsoDate): string {
  return `board:${guildId}:${mondayOf(date)}`;
}
