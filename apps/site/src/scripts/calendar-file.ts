/**
 * The renewal deadline as an iCalendar file (RFC 5545): an all-day event on
 * the expiration date and one on the last day of the grace period, each with
 * reminders before it that are still to come (none in the past). Its text
 * names dates only, never "in N days", so it does not go stale in the
 * calendar. Pure, so the file is unit-tested byte for byte; the renewal page
 * offers it as a download.
 */
import { addDays, formatUsDate, type IsoDate } from '@cec/rules';

export interface Deadline {
  /** The certification's name, e.g. "ACE Certified Personal Trainer". */
  name: string;
  /** Machine id of the credential, for stable event UIDs. */
  credential: string;
  expires: IsoDate;
  estimated: boolean;
  graceEnds: IsoDate;
  /** Notes for both events' descriptions (plain text, dated, never relative to today). */
  details: string[];
}

/** Days before the expiration date at which the calendar reminds. */
export const REMINDER_DAYS = [90, 30, 7] as const;
/** Days before the end of the grace period at which the calendar reminds. */
export const GRACE_REMINDER_DAYS = [30, 7] as const;

const CRLF = '\r\n';

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets are folded (CRLF + space), never inside a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const basic = (date: IsoDate) => date.replace(/-/g, '');

/** UTC timestamp in iCalendar's form: 20261127T093000Z. */
export function utcStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

interface Event {
  kind: 'expires' | 'grace-ends';
  date: IsoDate;
  summary: string;
  reminders: readonly number[];
}

function event(
  deadline: Deadline,
  { kind, date, summary, reminders }: Event,
  now: Date,
  today: IsoDate,
): string[] {
  // A reminder on a day already gone would fire at once, or never: only those still to come.
  const ahead = reminders.filter((days) => addDays(date, -days) > today);
  return [
    'BEGIN:VEVENT',
    `UID:${kind}-${deadline.credential}-${basic(deadline.expires)}@cec-toolkit`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;VALUE=DATE:${basic(date)}`,
    // All-day events end on the next day (the end date is not included).
    `DTEND;VALUE=DATE:${basic(addDays(date, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(deadline.details.join('\n'))}`,
    'TRANSP:TRANSPARENT',
    ...ahead.flatMap((days) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`${summary}: ${formatUsDate(date)}`)}`,
      `TRIGGER:-P${days}D`,
      'END:VALARM',
    ]),
    'END:VEVENT',
  ];
}

/** The file for a certification; `today` decides which reminders are still to come. */
export function calendarFile(deadline: Deadline, now: Date, today: IsoDate): string {
  const estimated = deadline.estimated ? ' (estimated)' : '';
  const events: Event[] = [
    {
      kind: 'expires',
      date: deadline.expires,
      summary: `${deadline.name} expires${estimated}`,
      reminders: REMINDER_DAYS,
    },
    {
      kind: 'grace-ends',
      date: deadline.graceEnds,
      summary: `${deadline.name}: last day to renew late${estimated}`,
      reminders: GRACE_REMINDER_DAYS,
    },
  ];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CEC Toolkit//Renewal deadline//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...events.flatMap((e) => event(deadline, e, now, today)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
