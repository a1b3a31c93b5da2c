/**
 * The renewal deadline as an iCalendar file (RFC 5545): one all-day event on
 * the expiration date, with reminders 90, 30 and 7 days before. Pure, so the
 * file is unit-tested byte for byte; the renewal page offers it as a download.
 */
import { addDays, type IsoDate } from '@cec/rules';

export interface Deadline {
  /** The certification's name, e.g. "ACE Certified Personal Trainer". */
  name: string;
  /** Machine id of the credential, for a stable event UID. */
  credential: string;
  expires: IsoDate;
  estimated: boolean;
  graceEnds: IsoDate;
  /** Notes for the event's description (plain text). */
  details: string[];
}

/** Days before the expiration date at which the calendar reminds. */
export const REMINDER_DAYS = [90, 30, 7] as const;

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

export function calendarFile(deadline: Deadline, now: Date): string {
  const estimated = deadline.estimated ? ' (estimated)' : '';
  const summary = `${deadline.name} expires${estimated}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CEC Toolkit//Renewal deadline//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:renewal-${deadline.credential}-${basic(deadline.expires)}@cec-toolkit`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;VALUE=DATE:${basic(deadline.expires)}`,
    // All-day events end on the next day (the end date is not included).
    `DTEND;VALUE=DATE:${basic(addDays(deadline.expires, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(deadline.details.join('\n'))}`,
    'TRANSP:TRANSPARENT',
    ...REMINDER_DAYS.flatMap((days) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`${summary} in ${days} days`)}`,
      `TRIGGER:-P${days}D`,
      'END:VALARM',
    ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
