/**
 * Calendar dates with no time and no time zone, as ISO strings "YYYY-MM-DD".
 * Arithmetic goes through a day number, never through `Date` parsing, so the
 * process time zone cannot shift a day (`new Date('2024-03-01')` is UTC
 * midnight: the previous day west of Greenwich).
 */
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

/** Days since 1970-01-01 (proleptic Gregorian), from Howard Hinnant's days_from_civil. */
export function toDayNumber(date: IsoDate): number {
  const [year, month, day] = parts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(days: number): IsoDate {
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
  return iso(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (Aug 31 + 6 months = Feb 28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return iso(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
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

/** Midnight UTC of a calendar date, in Unix seconds. */
export function toUnixSeconds(date: IsoDate): number {
  return toDayNumber(date) * 86400;
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
  // Day 0 (1970-01-01) was a Thursday: +3 makes Monday 0.
  const sinceMonday = (((toDayNumber(date) + 3) % 7) + 7) % 7;
  return addDays(date, -sinceMonday);
}
