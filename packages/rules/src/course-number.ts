/**
 * ACE-approved course numbers (S1): "typically presented in the format of
 * CEP/CP/CA/CS/CL, followed by five or six numbers (for example, CA23456 or
 * CEP123456)". What the prefixes stand for is not published, so we only check
 * the shape. A valid shape does not prove the course exists: ACE's form fills
 * in the CECs when the number is real.
 */
export const COURSE_PREFIXES = ['CEP', 'CP', 'CA', 'CS', 'CL'] as const;

export type CourseNumberCheck =
  | { valid: true; normalized: string; error: null }
  | { valid: false; normalized: string; error: string };

const EXPECTED = 'CEP, CP, CA, CS or CL followed by five or six digits, like CA23456 or CEP123456';

/** Trim, upper-case and drop inner spaces and hyphens: " cep-123456 " → "CEP123456". */
export function normalizeCourseNumber(input: string): string {
  return String(input)
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

function invalid(normalized: string, error: string): CourseNumberCheck {
  return { valid: false, normalized, error };
}

/** Checks the shape of a course number and names exactly what is wrong. */
export function checkCourseNumber(input: string): CourseNumberCheck {
  const normalized = normalizeCourseNumber(input);
  if (normalized === '') return invalid(normalized, `Enter a course number: ${EXPECTED}.`);

  const stray = /[^A-Z0-9]/.exec(normalized);
  if (stray) {
    return invalid(
      normalized,
      `"${normalized}" contains "${stray[0]}", which never appears in a course number. Expected ${EXPECTED}.`,
    );
  }
  // Only letters and digits remain: split into leading letters, digits, and whatever follows.
  const letters = normalized.slice(0, normalized.search(/[^A-Z]|$/));
  const afterLetters = normalized.slice(letters.length);
  const digits = afterLetters.slice(0, afterLetters.search(/\D|$/));
  const rest = afterLetters.slice(digits.length);
  if (letters === '') {
    return invalid(normalized, `"${normalized}" has no prefix. Expected ${EXPECTED}.`);
  }
  if (!(COURSE_PREFIXES as readonly string[]).includes(letters)) {
    return invalid(
      normalized,
      `"${letters}" is not an ACE course prefix: it must be CEP, CP, CA, CS or CL (for example CA23456).`,
    );
  }
  if (rest !== '') {
    return invalid(
      normalized,
      `"${normalized}" has letters after the digits ("${rest}"). Expected ${EXPECTED}.`,
    );
  }
  if (digits.length < 5) {
    return invalid(
      normalized,
      `"${normalized}" has ${digits.length} digit${digits.length === 1 ? '' : 's'} after ${letters}; a course number has five or six.`,
    );
  }
  if (digits.length > 6) {
    return invalid(
      normalized,
      `"${normalized}" has ${digits.length} digits after ${letters}; a course number has five or six.`,
    );
  }
  return { valid: true, normalized, error: null };
}

/** Finds something shaped like a course number inside free text (e.g. a question). */
export function findCourseNumber(text: string): string | null {
  const match = /\b(CEP|CP|CA|CS|CL)[\s-]?\d{3,8}\b/i.exec(text);
  return match ? match[0] : null;
}
