import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  formatUsDate,
  fromUnixSeconds,
  isIsoDate,
  isTimeZone,
  mondayOf,
  parseDate,
  todayIn,
  todayIso,
  toNoonUnixSeconds,
  toUnixSeconds,
} from '../src/index.js';

describe('parseDate', () => {
  it.each([
    ['03/31/2027', '2027-03-31'],
    ['3/1/2027', '2027-03-01'],
    ['2027-03-31', '2027-03-31'],
    [' 02/29/2024 ', '2024-02-29'],
  ])('reads %s', (input, iso) => {
    expect(parseDate(input)).toEqual({ ok: true, date: iso });
  });

  it.each([
    ['02/30/2024', /February 2024 has 29 days/],
    ['02/29/2023', /February 2023 has 28 days/],
    ['13/01/2024', /no month 13/],
    ['1/1/24', /four-digit year/],
    ['2024/01/01', /not a date I can read/],
    ['tomorrow', /MM\/DD\/YYYY/],
    ['', /required/],
    ['01/01/1850', /outside 1900/],
  ])('refuses %s with the expected format', (input, message) => {
    const result = parseDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('calendar arithmetic', () => {
  it('clamps to the end of the month', () => {
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', -2)).toBe('2026-11-30');
  });
  it('counts days across years', () => {
    expect(daysBetween('2026-11-27', '2027-03-31')).toBe(124);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
  it('reads years before 100 as written, not as 19xx', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('0050-01-01', '1950-01-01')).toBe(693_960);
  });
  it('formats for ACE as MM/DD/YYYY', () => {
    expect(formatUsDate('2027-03-01')).toBe('03/01/2027');
  });
  it('today is the local calendar day, whatever the time zone', () => {
    expect(todayIso(new Date(2026, 10, 27, 23, 59))).toBe('2026-11-27');
    expect(todayIso(new Date(2026, 10, 27, 0, 0))).toBe('2026-11-27');
  });
  it('today in a named zone is that zone’s calendar day, not the process’s', () => {
    const lateUtc = new Date('2026-11-27T23:30:00Z');
    expect(todayIn('UTC', lateUtc)).toBe('2026-11-27');
    expect(todayIn('Pacific/Kiritimati', lateUtc)).toBe('2026-11-28'); // UTC+14
    expect(todayIn('Pacific/Pago_Pago', new Date('2026-11-28T05:00:00Z'))).toBe('2026-11-27'); // UTC−11
    expect(todayIn('America/New_York', new Date('0099-12-31T12:00:00Z'))).toBe('0099-12-31');
  });
  it('knows IANA zone names and refuses the rest', () => {
    expect(['UTC', 'Europe/Paris', 'America/Argentina/Buenos_Aires'].map(isTimeZone)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['Mars/Olympus', '', 'UTC+25', 'not a zone'].map(isTimeZone)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  it('gives Unix seconds at midnight UTC for Discord timestamps and calendars', () => {
    expect(toUnixSeconds('1970-01-02')).toBe(86400);
    expect(toUnixSeconds('2027-03-31')).toBe(Date.UTC(2027, 2, 31) / 1000);
  });
  it('finds the UTC calendar day of any instant of it', () => {
    expect(fromUnixSeconds(Date.UTC(2027, 2, 31) / 1000)).toBe('2027-03-31');
    expect(fromUnixSeconds(Date.UTC(2027, 2, 31, 23, 59, 59) / 1000)).toBe('2027-03-31');
    expect(fromUnixSeconds(-1)).toBe('1969-12-31');
  });
  it('isIsoDate accepts only canonical, real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-29')).toBe(false);
  });
});

const isoDates = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2199, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('properties', () => {
  it('any date round-trips through MM/DD/YYYY, ISO and Unix seconds', () => {
    fc.assert(
      fc.property(isoDates, (iso) => {
        expect(parseDate(formatUsDate(iso))).toEqual({ ok: true, date: iso });
        expect(parseDate(iso)).toEqual({ ok: true, date: iso });
        expect(fromUnixSeconds(toUnixSeconds(iso))).toBe(iso);
        expect(fromUnixSeconds(toNoonUnixSeconds(iso))).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });
  it('Unix seconds agree with the UTC calendar', () => {
    fc.assert(
      fc.property(isoDates, (iso) => {
        expect(toUnixSeconds(iso) * 1000).toBe(Date.parse(`${iso}T00:00:00Z`));
      }),
      { numRuns: 1000 },
    );
  });
  it('adding days then subtracting them returns the same date', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -5000, max: 5000 }), (iso, n) => {
        expect(addDays(addDays(iso, n), -n)).toBe(iso);
        expect(daysBetween(iso, addDays(iso, n))).toBe(n);
      }),
    );
  });
  it('parseDate never throws on any string', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        cases++;
        const result = parseDate(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 5000 },
    );
    console.info(`parseDate fuzz: ${cases} cases`);
  });
});

describe('instants and weeks for display', () => {
  it('noon UTC keeps the calendar day from UTC−12 to UTC+11', () => {
    const seconds = toNoonUnixSeconds('2027-03-31');
    for (const offsetHours of [-12, -8, 0, 5.5, 11]) {
      const local = new Date((seconds + offsetHours * 3600) * 1000).toISOString().slice(0, 10);
      expect(local).toBe('2027-03-31');
    }
  });
  it('mondayOf finds the Monday of the week', () => {
    expect(mondayOf('2026-11-27')).toBe('2026-11-23'); // a Friday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(mondayOf('1969-12-31')).toBe('1969-12-29');
  });
});
