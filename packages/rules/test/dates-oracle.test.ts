/**
 * The date-fns arithmetic in src/dates.ts against the hand-written day-number
 * arithmetic it replaced, kept here only as the reference: random dates in
 * 1900–2199 (month ends favoured, where clamping happens) and random offsets.
 * The package's test script runs this under three time zones.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, mondayOf } from '../src/index.js';

// The previous implementation, verbatim in behaviour.
const oracle = {
  isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  },
  daysInMonth(year: number, month: number): number {
    if (month === 2) return oracle.isLeapYear(year) ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  },
  iso(year: number, month: number, day: number): string {
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  },
  parts(date: string): [number, number, number] {
    return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  },
  /** Days since 1970-01-01 (proleptic Gregorian), from Howard Hinnant's days_from_civil. */
  toDayNumber(date: string): number {
    const [year, month, day] = oracle.parts(date);
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  },
  /** Hinnant's civil_from_days. */
  fromDayNumber(days: number): string {
    const z = days + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    return oracle.iso(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
  },
  addDays(date: string, days: number): string {
    return oracle.fromDayNumber(oracle.toDayNumber(date) + days);
  },
  addMonths(date: string, months: number): string {
    const [year, month, day] = oracle.parts(date);
    const index = year * 12 + (month - 1) + months;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    return oracle.iso(y, m, Math.min(day, oracle.daysInMonth(y, m)));
  },
  addYears(date: string, years: number): string {
    return oracle.addMonths(date, years * 12);
  },
  daysBetween(from: string, to: string): number {
    return oracle.toDayNumber(to) - oracle.toDayNumber(from);
  },
  mondayOf(date: string): string {
    // Day 0 (1970-01-01) was a Thursday: +3 makes Monday 0.
    const sinceMonday = (((oracle.toDayNumber(date) + 3) % 7) + 7) % 7;
    return oracle.addDays(date, -sinceMonday);
  },
};

/** A real date in 1900–2199; one in two is among the last three days of its month. */
const isoDates = fc
  .record({
    year: fc.integer({ min: 1900, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    fromEnd: fc.boolean(),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, fromEnd, day }) => {
    const last = oracle.daysInMonth(year, month);
    return oracle.iso(year, month, fromEnd ? last - (day % 3) : Math.min(day, last));
  });

// Up to a century either way: results stay within years 1800–2299.
const dayOffsets = fc.oneof(
  fc.integer({ min: -40, max: 40 }),
  fc.integer({ min: -36_600, max: 36_600 }),
);
const monthOffsets = fc.oneof(
  fc.integer({ min: -25, max: 25 }),
  fc.integer({ min: -1200, max: 1200 }),
);
const yearOffsets = fc.integer({ min: -100, max: 100 });

const RUNS = 3000;
const cases: Record<string, number> = {};

/** Checks `property` on RUNS random cases and counts the cases it ran under `name`. */
function agree(name: string, property: fc.IProperty<unknown>) {
  const details = fc.check(property, { numRuns: RUNS });
  cases[name] = details.numRuns;
  expect(details.failed, fc.defaultReportMessage(details)).toBe(false);
}

describe('date-fns arithmetic agrees with the day-number arithmetic it replaced', () => {
  afterAll(() => {
    const total = Object.values(cases).reduce((sum, n) => sum + n, 0);
    const each = Object.entries(cases)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
    console.info(`dates oracle (TZ=${process.env.TZ ?? 'default'}): ${total} cases (${each})`);
  });

  it('addDays', () => {
    agree(
      'addDays',
      fc.property(isoDates, dayOffsets, (date, days) => {
        expect(addDays(date, days)).toBe(oracle.addDays(date, days));
      }),
    );
  });
  it('addMonths, clamping to the end of the month', () => {
    agree(
      'addMonths',
      fc.property(isoDates, monthOffsets, (date, months) => {
        expect(addMonths(date, months)).toBe(oracle.addMonths(date, months));
      }),
    );
  });
  it('addYears, clamping February 29', () => {
    agree(
      'addYears',
      fc.property(isoDates, yearOffsets, (date, years) => {
        expect(addYears(date, years)).toBe(oracle.addYears(date, years));
      }),
    );
  });
  it('daysBetween', () => {
    agree(
      'daysBetween',
      fc.property(isoDates, isoDates, (from, to) => {
        expect(daysBetween(from, to)).toBe(oracle.daysBetween(from, to));
      }),
    );
  });
  it('mondayOf', () => {
    agree(
      'mondayOf',
      fc.property(isoDates, (date) => {
        expect(mondayOf(date)).toBe(oracle.mondayOf(date));
      }),
    );
  });
});
