/**
 * Renewal cycles and status: from an expiration date (or a certification
 * date, estimated) to the cycle, the days left and the grace period. Nothing
 * here depends on the opportunities, so a page about deadlines stays small.
 */
import { addDays, addMonths, addYears, daysBetween, formatUsDate, type IsoDate } from './dates.js';
import type { Certification } from './plan.js';

/** (expiration − 2 years, expiration]: `start` is the first day that counts, `end` the expiration date. */
export interface Cycle {
  start: IsoDate;
  end: IsoDate;
  /** True when the expiration was estimated from a certification date. */
  estimated: boolean;
}

export type Status = 'active' | 'due-soon' | 'grace' | 'expired';

/** A certification's dates (the credential may come along). */
export type CertificationDates = Pick<Certification, 'expires' | 'certified'> &
  Partial<Pick<Certification, 'credential'>>;

/** Days before expiration from which a certification is "due soon". */
export const DUE_SOON_DAYS = 90;
/** Late renewal is possible for six months after expiration (S5); it is not an extension. */
export const GRACE_MONTHS = 6;

/**
 * The cycle ends on the expiration date the member's ACE account shows. With
 * only a certification (or last renewal) date, the expiration is estimated as
 * that date + 2 years: ACE publishes no exact rule, so the estimate is marked.
 */
export function cycleOf(certification: CertificationDates): Cycle {
  // Only one of the two dates is present (the schema makes sure).
  if (certification.expires !== undefined) {
    const end = certification.expires;
    return { start: addDays(addYears(end, -2), 1), end, estimated: false };
  }
  // Our reading: from a certification date the cycle starts on that day itself
  // (what was done that day counts) and ends two years later, the same
  // calendar day (02/29 → 02/28). So every such cycle holds its own first day,
  // at month ends and on leap days alike.
  const start = String(certification.certified);
  return { start, end: addYears(start, 2), estimated: true };
}

export function inCycle(cycle: Cycle, date: IsoDate): boolean {
  return date >= cycle.start && date <= cycle.end;
}

export interface StatusOnDay {
  status: Status;
  /** Days from today to the expiration date; negative once expired. */
  daysLeft: number;
  /** Last day of the six-month grace period (S5). */
  graceEnds: IsoDate;
}

export function statusOn(cycle: Cycle, today: IsoDate): StatusOnDay {
  const daysLeft = daysBetween(today, cycle.end);
  const graceEnds = addMonths(cycle.end, GRACE_MONTHS);
  let status: Status;
  if (daysLeft > DUE_SOON_DAYS) status = 'active';
  else if (daysLeft >= 0) status = 'due-soon';
  else if (today <= graceEnds) status = 'grace';
  else status = 'expired';
  return { status, daysLeft, graceEnds };
}

/** What to tell the member about the cycle and status, beyond the numbers: the estimate, late renewal. */
export function cycleWarnings(
  certification: CertificationDates,
  cycle: Cycle,
  { status, graceEnds }: StatusOnDay,
): string[] {
  const warnings: string[] = [];
  if (cycle.estimated) {
    warnings.push(
      `Expiration estimated as two years after ${formatUsDate(String(certification.certified))}: use the expiration date your ACE account shows.`,
    );
  }
  if (status === 'grace') {
    warnings.push(
      `Expired on ${formatUsDate(cycle.end)}. You can still renew late until ${formatUsDate(graceEnds)}; the grace period is not an extension (S5).`,
    );
  } else if (status === 'expired') {
    warnings.push(
      `Expired on ${formatUsDate(cycle.end)} and the six-month grace period ended ${formatUsDate(graceEnds)}: contact ACE about your options.`,
    );
  }
  return warnings;
}
