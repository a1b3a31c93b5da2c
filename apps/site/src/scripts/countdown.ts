/**
 * The countdown that matters on a given day, for the calculator's summary and
 * the renewal page: days to the expiration date; in the grace period, days to
 * its end (never "−91 days left"); once that is over, the day it ended.
 */
import { daysBetween, formatUsDate, type IsoDate, type StatusOnDay } from '@cec/rules';

export interface Countdown {
  label: string;
  value: string;
}

export function countdown({ status, daysLeft, graceEnds }: StatusOnDay, today: IsoDate): Countdown {
  if (status === 'grace') {
    return { label: 'Grace days left', value: String(daysBetween(today, graceEnds)) };
  }
  if (status === 'expired') return { label: 'Grace ended', value: formatUsDate(graceEnds) };
  return { label: 'Days left', value: String(daysLeft) };
}
