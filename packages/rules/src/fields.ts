/**
 * Schema pieces shared by the opportunities and the plan. Each one carries
 * its own sentence for the person who typed the value wrong.
 */
import * as z from 'zod/mini';
import { checkCourseNumber } from './course-number.js';
import { DATE_FORMAT_HINT, parseDate } from './dates.js';
import { exactTenths } from './units.js';

/**
 * The message for a missing or mistyped field: "Grade is missing: expected one of …"
 * when absent, "Grade must be one of …" when present but wrong.
 */
export function fieldError(what: string, expected: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined
        ? `${what} is missing: expected ${expected}.`
        : `${what} must be ${expected}.`,
  };
}

/** A calendar date typed as MM/DD/YYYY or YYYY-MM-DD; the parsed value is ISO. */
export function dateField(what: string) {
  return z.pipe(
    z.string(fieldError(what, `a date, ${DATE_FORMAT_HINT}`)),
    z.transform((value: string, ctx) => {
      const parsed = parseDate(value);
      if (parsed.ok) return parsed.date;
      ctx.issues.push({ code: 'custom', message: `${what}: ${parsed.error}`, input: value });
      return z.NEVER;
    }),
  );
}

export const completedField = dateField('Completion date');

/** A positive amount of CECs that is a whole number of tenths (0.7, 1.5 — not 0.75). */
export function cecsField(what: string) {
  return z.number(fieldError(what, 'a number of CECs, like 0.5')).check(
    // At least one tenth: 1e-320 is "positive" but rounds to 0.0.
    z.refine((value) => (exactTenths(value) ?? 0) >= 1, {
      message: `${what} must be a positive multiple of 0.1 CEC, like 0.5 or 1.2.`,
    }),
  );
}

export const courseNumberField = z.pipe(
  z.string(fieldError('Course number', 'text like CA23456')),
  z.transform((value: string, ctx) => {
    const check = checkCourseNumber(value);
    if (check.valid) return check.normalized;
    ctx.issues.push({ code: 'custom', message: `Course number: ${check.error}`, input: value });
    return z.NEVER;
  }),
);

/** Free text a person names something with (a title, a provider). */
export function textField(what: string, max = 200) {
  return z.string(fieldError(what, 'text')).check(
    z.refine((value) => value.trim().length > 0, { message: `${what} cannot be empty.` }),
    z.refine((value) => value.length <= max, {
      message: `${what} is longer than ${max} characters.`,
    }),
  );
}
