/**
 * Calendar dates with no time and no time zone, as ISO strings "YYYY-MM-DD".
 * Arithmetic is date-fns on UTC dates built only here, never a local `Date`
 * nor `Date` parsing, so the process time zone cannot shift a day
 * (`new Date('2024-03-01')` is UTC midnight: the previous day west of
 * Greenwich when read with local getters).
 */
import { UTCDateMini } from '@date-fns/utc/date/mini';
// One module per function: Node then loads five small files, not date-fns' whole index (about 0.25 s).
import { addDays as addDaysTo } from 'date-fns/addDays';
import { addMonths as addMonthsTo } from 'date-fns/addMonths';
import { addYears as addYearsTo } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';

export type IsoDate = string;

export type DateResult = { ok: true; date: IsoDate } | { ok: false; error: string };

export const DATE_FORMAT_HINT = 'MM/DD/YYYY (like 03/31/2027) or YYYY-MM-DD (like 2027-03-31)';

const US = /^(\d{1,2})\/(\d{1,2})\/(\d+)$/;
const ISO = /^(\d+)-(\d{1,2})-(\d{1,2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function build(input: string, year: string, month: number, day: number): DateResult {
  if (year.length !== 4) {
    return {
      ok: false,
      error: `"${input}" needs a four-digit year. Use ${DATE_FORMAT_HINT}.`,
    };
  }
  const y = Number(year);
  if (y < 1900 || y > 2199) {
    return {
      ok: false,
      error: `"${input}" has a year outside 1900–2199. Use ${DATE_FORMAT_HINT}.`,
    };
  }
  if (month < 1 || month > 12) {
    return { ok: false, error: `"${input}" has no month ${month}. Use ${DATE_FORMAT_HINT}.` };
  }
  if (day < 1 || day > daysInMonth(y, month)) {
    return {
      ok: false,
      error: `"${input}" is not a real date: ${MONTHS[month - 1]} ${y} has ${daysInMonth(y, month)} days.`,
    };
  }
  return { ok: true, date: iso(y, month, day) };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Parses MM/DD/YYYY (also M/D/YYYY, ACE's own format) or YYYY-MM-DD; anything else is refused with the expected format. */
export function parseDate(input: string): DateResult {
  const text = String(input).trim();
  if (text === '') return { ok: false, error: `A date is required: ${DATE_FORMAT_HINT}.` };
  const us = US.exec(text);
  if (us) return build(text, String(us[3]), Number(us[1]), Number(us[2]));
  const isoMatch = ISO.exec(text);
  if (isoMatch) return build(text, String(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  return { ok: false, error: `"${text}" is not a date I can read. Use ${DATE_FORMAT_HINT}.` };
}

/** True when `value` is a canonical ISO calendar date string that exists. */
export function isIsoDate(value: string): boolean {
  return ISO.test(value) && value.length === 10 && parseDate(value).ok;
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/**
 * The private bridge to date-fns: a calendar date as midnight of a `UTCDateMini`,
 * whose getters and setters are the UTC ones, so date-fns' arithmetic never
 * sees the process time zone. (`UTCDate` adds only formatters, which never run
 * here, for about 0.25 KB more in a browser bundle.)
 */
function toUtc(date: IsoDate): Date {
  const [year, month, day] = parts(date);
  const utc = new UTCDateMini(0);
  // Unlike `Date.UTC`, `setFullYear` does not read years 0–99 as 1900–1999.
  utc.setFullYear(year, month - 1, day);
  return utc;
}

function fromUtc(utc: Date): IsoDate {
  return iso(utc.getFullYear(), utc.getMonth() + 1, utc.getDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(addDaysTo(toUtc(date), days));
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (Aug 31 + 6 months = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromUtc(addMonthsTo(toUtc(date), months));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return fromUtc(addYearsTo(toUtc(date), years));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtc(to), toUtc(from));
}

/** "03/31/2027": the format ACE's CEC form asks for (S1). */
export function formatUsDate(date: IsoDate): string {
  const [year, month, day] = parts(date);
  return `${pad(month, 2)}/${pad(day, 2)}/${pad(year, 4)}`;
}

/** Today's calendar date where the person is (their local clock). */
export function todayIso(now: Date = new Date()): IsoDate {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Today's calendar date in an IANA time zone ("UTC", "America/New_York"),
 * whatever the process's own zone: for a server that must agree on one day.
 */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(fields.find((f) => f.type === type)?.value);
  return iso(field('year'), field('month'), field('day'));
}

/** Whether Intl knows this IANA time zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Midnight UTC of a calendar date, in Unix seconds. */
export function toUnixSeconds(date: IsoDate): number {
  return toUtc(date).getTime() / 1000;
}

/** The UTC calendar date of an instant in Unix seconds: the day `toUnixSeconds` and `toNoonUnixSeconds` came from. */
export function fromUnixSeconds(seconds: number): IsoDate {
  return fromUtc(new UTCDateMini(seconds * 1000));
}

/**
 * Noon UTC of a calendar date, in Unix seconds: an instant that falls on the
 * same calendar day for viewers from UTC−12 to UTC+11, for places that show a
 * timestamp in the viewer's own zone (Discord's `<t:…:D>`). Midnight UTC
 * would show the day before everywhere in the Americas.
 */
export function toNoonUnixSeconds(date: IsoDate): number {
  return toUnixSeconds(date) + 12 * 3600;
}

/** The Monday of the week that contains `date` (weeks start on Monday). */
export function mondayOf(date: IsoDate): IsoDate {
  return fromUtc(startOfISOWeek(toUtc(date)));
}
