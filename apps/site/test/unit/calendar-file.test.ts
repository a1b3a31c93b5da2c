/** The renewal deadline as an RFC 5545 calendar file. */
import { describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine, utcStamp } from '../../src/scripts/calendar-file';

const deadline = {
  name: 'ACE Certified Personal Trainer',
  credential: 'personal-trainer',
  expires: '2027-03-31',
  estimated: false,
  graceEnds: '2027-09-30',
  details: [
    'Expires 03/31/2027, in 124 days.',
    'Late renewal possible until 09/30/2027; not an extension, really.',
  ],
};
const now = new Date(Date.UTC(2026, 10, 27, 9, 30, 5));

describe('calendarFile', () => {
  const file = calendarFile(deadline, now);
  const lines = file.split('\r\n');

  it('uses CRLF line endings only, and ends with one', () => {
    expect(file.endsWith('\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('is one all-day VEVENT on the expiration date, ending the next day', () => {
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//CEC Toolkit//Renewal deadline//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
    ]);
    expect(lines).toContain('DTSTART;VALUE=DATE:20270331');
    expect(lines).toContain('DTEND;VALUE=DATE:20270401');
    expect(lines).toContain('DTSTAMP:20261127T093005Z');
    expect(lines).toContain('UID:renewal-personal-trainer-20270331@cec-toolkit');
    expect(lines).toContain('SUMMARY:ACE Certified Personal Trainer expires');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('reminds 90, 30 and 7 days before', () => {
    expect(lines.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('TRIGGER:'))).toEqual([
      'TRIGGER:-P90D',
      'TRIGGER:-P30D',
      'TRIGGER:-P7D',
    ]);
    expect(lines.filter((l) => l === 'ACTION:DISPLAY')).toHaveLength(3);
  });

  it('escapes text and folds long lines at 75 octets', () => {
    const unfolded = file.replace(/\r\n /g, '');
    expect(unfolded).toContain('\\n');
    expect(unfolded).toContain('not an extension\\, really.');
    expect(unfolded).toContain('09/30/2027\\;');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('says "estimated" when the expiration is an estimate', () => {
    expect(calendarFile({ ...deadline, estimated: true }, now)).toContain(
      'SUMMARY:ACE Certified Personal Trainer expires (estimated)',
    );
  });
});

describe('text helpers', () => {
  it('escapes backslash, semicolon, comma and newline', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('never splits a multi-byte character when folding', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    const parts = folded.split('\r\n ');
    expect(parts.join('')).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });

  it('formats the stamp in UTC', () => {
    expect(utcStamp(now)).toBe('20261127T093005Z');
  });
});
