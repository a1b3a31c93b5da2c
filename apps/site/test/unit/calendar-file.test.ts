/** The renewal deadline and the end of grace as an RFC 5545 calendar file. */
import { describe, expect, it } from 'vitest';
import { calendarFile, escapeText, foldLine, utcStamp } from '../../src/scripts/calendar-file';

const deadline = {
  name: 'ACE Certified Personal Trainer',
  credential: 'personal-trainer',
  expires: '2027-03-31',
  estimated: false,
  graceEnds: '2027-09-30',
  details: [
    'ACE Certified Personal Trainer: expires 03/31/2027.',
    'Late renewal possible until 09/30/2027; not an extension, really.',
  ],
};
const now = new Date(Date.UTC(2026, 10, 27, 9, 30, 5));
const TODAY = '2026-11-27';

/** The lines of each VEVENT. */
function events(file: string): string[][] {
  return file
    .replace(/\r\n /g, '')
    .split('BEGIN:VEVENT\r\n')
    .slice(1)
    .map((part) => part.split('END:VEVENT')[0]?.split('\r\n') ?? []);
}

describe('calendarFile', () => {
  const file = calendarFile(deadline, now, TODAY);
  const lines = file.split('\r\n');
  const [expires, graceEnds] = events(file);

  it('uses CRLF line endings only, and ends with one', () => {
    expect(file.endsWith('\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has an all-day event on the expiration date and one on the last day of grace', () => {
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//CEC Toolkit//Renewal deadline//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
    ]);
    expect(events(file)).toHaveLength(2);
    expect(expires).toContain('DTSTART;VALUE=DATE:20270331');
    expect(expires).toContain('DTEND;VALUE=DATE:20270401');
    expect(expires).toContain('SUMMARY:ACE Certified Personal Trainer expires');
    expect(expires).toContain('UID:expires-personal-trainer-20270331@cec-toolkit');
    expect(graceEnds).toContain('DTSTART;VALUE=DATE:20270930');
    expect(graceEnds).toContain('DTEND;VALUE=DATE:20271001');
    expect(graceEnds).toContain('SUMMARY:ACE Certified Personal Trainer: last day to renew late');
    expect(graceEnds).toContain('UID:grace-ends-personal-trainer-20270331@cec-toolkit');
    expect(lines).toContain('DTSTAMP:20261127T093005Z');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('reminds 90, 30 and 7 days before the expiration, 30 and 7 before the end of grace', () => {
    const triggers = (event: string[] | undefined) =>
      (event ?? []).filter((l) => l.startsWith('TRIGGER:'));
    expect(triggers(expires)).toEqual(['TRIGGER:-P90D', 'TRIGGER:-P30D', 'TRIGGER:-P7D']);
    expect(triggers(graceEnds)).toEqual(['TRIGGER:-P30D', 'TRIGGER:-P7D']);
    expect(lines.filter((l) => l === 'ACTION:DISPLAY')).toHaveLength(5);
  });

  it('in the grace period sets no reminder in the past', () => {
    // Expired 08/31/2026, grace until 02/28/2027: every reminder of the expiration is gone.
    const late = calendarFile(
      { ...deadline, expires: '2026-08-31', graceEnds: '2027-02-28' },
      now,
      TODAY,
    );
    const [gone, grace] = events(late);
    expect(gone?.some((l) => l.startsWith('TRIGGER:'))).toBe(false);
    expect(grace?.filter((l) => l.startsWith('TRIGGER:'))).toEqual([
      'TRIGGER:-P30D',
      'TRIGGER:-P7D',
    ]);
    // 30 days before 12/20/2026 is already past on 11/27/2026; 7 days before is not.
    const soon = calendarFile({ ...deadline, expires: '2026-12-20' }, now, TODAY);
    expect(events(soon)[0]?.filter((l) => l.startsWith('TRIGGER:'))).toEqual(['TRIGGER:-P7D']);
  });

  it('names dates, never a number of days from today that would go stale', () => {
    expect(file.replace(/\r\n /g, '')).not.toMatch(/\bin \d+ days\b|\d+ days (left|ago)/);
    expect(file.replace(/\r\n /g, '')).toContain(
      'DESCRIPTION:ACE Certified Personal Trainer expires: 03/31/2027',
    );
  });

  it('escapes text and folds long lines at 75 octets', () => {
    const unfolded = file.replace(/\r\n /g, '');
    expect(unfolded).toContain('\\n');
    expect(unfolded).toContain('not an extension\\, really.');
    expect(unfolded).toContain('09/30/2027\\;');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('says "estimated" when the expiration is an estimate', () => {
    expect(calendarFile({ ...deadline, estimated: true }, now, TODAY)).toContain(
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
