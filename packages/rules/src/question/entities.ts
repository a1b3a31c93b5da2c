/**
 * The values a question carries: amounts with their unit (credit hours,
 * contact hours, CECs, years), a grade as people write it, the CPR/AED term,
 * a course number, the certifiers named, and negations. Nothing is assumed:
 * a value that cannot be read is kept as unreadable so the answer can ask.
 */
import { COURSE_PREFIXES } from '../course-number.js';
import type { CredentialId } from '../credentials.js';
import { type IsoDate, parseDate } from '../dates.js';
import { GRADES, type Grade } from '../opportunities/college.js';
import type { CprTerm } from '../opportunities/cpr-aed.js';
import {
  ACE_CREDENTIAL_WORDS,
  LISTED_PROVIDERS,
  NUMBER_WORDS,
  UNLISTED_PROVIDERS,
  WORDLIKE_PROVIDERS,
} from './lexicon.js';
import { near, type Reading, wordAt } from './reading.js';
import type { Token } from './text.js';

export type Unit =
  | 'credit-hours'
  | 'hours'
  | 'contact-hours'
  | 'cecs'
  | 'years'
  | 'months'
  | 'percent'
  | 'none';

/** Why a number was not read: each becomes a sentence in the answer. */
export type NumberProblem = 'unreadable' | 'comma' | 'negative' | 'range';

export interface Amount {
  unit: Unit;
  /** Null when the number is refused (see `problem`). */
  value: number | null;
  problem: NumberProblem | null;
  /** As typed, with its sign: "-3", "1,5", "1e-320". */
  raw: string;
  index: number;
}

function numberOf(raw: string): { value: number } | { problem: NumberProblem } {
  if (/e/i.test(raw)) return { problem: 'unreadable' };
  let text = raw;
  if (raw.includes(',')) {
    // "1,000" is a thousand; "1,5" may be 1.5 or 15, so it is asked about.
    if (!/^\d{1,3}(,\d{3})+$/.test(raw)) return { problem: 'comma' };
    text = raw.replace(/,/g, '');
  }
  if ((text.match(/\./g) ?? []).length > 1) return { problem: 'unreadable' };
  const value = Number(text);
  return Number.isFinite(value) ? { value } : { problem: 'unreadable' };
}

const CREDIT_WORDS = new Set(['credit', 'credits', 'cr', 'crs']);
const HOUR_WORDS = new Set(['hour', 'hours', 'hr', 'hrs', 'h']);
const CEC_WORDS = new Set(['cec', 'cecs', 'ceu', 'ceus']);
const YEAR_WORDS = new Set(['year', 'years', 'yr', 'yrs']);
const MONTH_WORDS = new Set(['month', 'months', 'mo', 'mos']);
/** Words between a number and "hours" that make them credit hours: "3 semester hours". */
const ACADEMIC = new Set(['semester', 'quarter', 'college', 'academic', 'university']);

function unitAfter(tokens: readonly Token[], i: number): Unit {
  let j = i + 1;
  if (tokens[j]?.raw === '-' && tokens[j]?.joined) j++;
  let academic = false;
  if (ACADEMIC.has(tokens[j]?.word ?? '')) {
    academic = true;
    j++;
  }
  const word = tokens[j]?.word ?? '';
  if (CREDIT_WORDS.has(word)) return 'credit-hours';
  if (word === 'contact' && HOUR_WORDS.has(tokens[j + 1]?.word ?? '')) return 'contact-hours';
  if (HOUR_WORDS.has(word)) return academic ? 'credit-hours' : 'hours';
  if (academic) return 'none';
  if (CEC_WORDS.has(word)) return 'cecs';
  if (YEAR_WORDS.has(word)) return 'years';
  if (MONTH_WORDS.has(word)) return 'months';
  if (word === '%') return 'percent';
  return 'none';
}

export function amountsOf(reading: Reading): Amount[] {
  const { tokens } = reading;
  const amounts: Amount[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const spelled = NUMBER_WORDS[token.word];
    if (token.kind !== 'number' && spelled === undefined) continue;
    const read = spelled !== undefined ? { value: spelled } : numberOf(token.raw);
    let problem: NumberProblem | null = 'problem' in read ? read.problem : null;
    let raw = token.raw;
    const before = tokens[i - 1];
    if (token.joined && before?.raw === '-') {
      const ahead = tokens[i - 2];
      if (before.joined && ahead?.kind === 'number') {
        problem = 'range'; // "2-3 credits"
        raw = `${ahead.raw}-${token.raw}`;
      } else if (!before.joined || ahead?.kind === 'symbol') {
        problem = 'negative';
        raw = `-${token.raw}`;
      }
    }
    amounts.push({
      unit: unitAfter(tokens, i),
      value: problem === null && 'value' in read ? read.value : null,
      problem,
      raw,
      index: i,
    });
  }
  return amounts;
}

export function amountIn(amounts: readonly Amount[], ...units: Unit[]): Amount | null {
  return amounts.find((a) => units.includes(a.unit)) ?? null;
}

// --- grades ---

export type GradeReading = { grade: Grade } | { unreadable: string } | null;

const GRADE_TRIGGERS = new Set([
  'grade',
  'grades',
  'graded',
  'got',
  'get',
  'earned',
  'received',
  'with',
  'both',
  'scored',
  'mark',
]);
const SKIP_BEFORE_GRADE = new Set(['a', 'an', 'of', 'was', 'is', 'my', 'final', 'the', ':']);

function triggered(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1, seen = 0; j >= 0 && seen < 3; j--) {
    const word = tokens[j]?.word ?? '';
    if (GRADE_TRIGGERS.has(word)) return true;
    if (!SKIP_BEFORE_GRADE.has(word)) seen++;
  }
  return false;
}

/** "grade E", "grade: X": a letter that is meant as a grade but is none. */
function gradeWordBefore(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && SKIP_BEFORE_GRADE.has(tokens[j]?.word ?? '')) j--;
  return /^grade[sd]?$/.test(tokens[j]?.word ?? '');
}

/** "+" or "-" after a letter: "B+", "C-", "C-minus", "C minus"; null when none; false when it is no grade ("C-3"). */
function signAfter(tokens: readonly Token[], i: number): string | null | false {
  const next = tokens[i + 1];
  if (next?.joined && (next.raw === '+' || next.raw === '-')) {
    const after = tokens[i + 2];
    if (next.raw === '-' && after?.joined && after.kind !== 'symbol') {
      if (after.word === 'minus') return '-';
      if (after.word === 'plus') return '+';
      return false;
    }
    return next.raw;
  }
  if (next?.word === 'minus') return '-';
  if (next?.word === 'plus') return '+';
  return null;
}

function isUpper(raw: string): boolean {
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

function letterGrade(tokens: readonly Token[], i: number): Grade | 'unreadable' | null {
  const token = tokens[i] as Token;
  const before = tokens[i - 1];
  // A letter inside something else ("EP-C", "3D", "B.S.") is no grade.
  if (token.joined && !(before?.kind === 'symbol' && !'-/.'.includes(before.raw))) return null;
  const next = tokens[i + 1];
  if (next?.raw === '.' && next.joined && tokens[i + 2]?.joined) return null;
  const sign = signAfter(tokens, i);
  if (sign === false) return null;
  const letter = token.word;
  const trigger = triggered(tokens, i);
  const nextIsWord = next?.kind === 'word' && next.word !== 'minus' && next.word !== 'plus';
  if (sign === null) {
    if (letter === 'p') return trigger && !nextIsWord ? 'P' : null;
    // "a" before a word is the article ("with a C"), and so is "A" opening a
    // question; "an A" is a grade.
    const afterArticle = before?.word === 'a' || before?.word === 'an';
    if (letter === 'a' && !afterArticle) {
      if (next?.kind === 'word' && next.raw.length === 1) return null; // "was a B"
      const article = nextIsWord && !gradeWordBefore(tokens, i);
      if (article || (!trigger && (i === 0 || !isUpper(token.raw)))) return null;
    }
    if (!trigger && !isUpper(token.raw)) return null;
  }
  if (!'abcdf'.includes(letter)) return gradeWordBefore(tokens, i) ? 'unreadable' : null;
  const grade = `${letter.toUpperCase()}${sign ?? ''}`;
  return (GRADES as readonly string[]).includes(grade) ? (grade as Grade) : 'unreadable';
}

export function gradeOf(reading: Reading): GradeReading {
  const { tokens } = reading;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'word' || token.raw.length !== 1) continue;
    const grade = letterGrade(tokens, i);
    if (grade === 'unreadable') return { unreadable: token.raw };
    if (grade) return { grade };
  }
  for (let i = 0; i < tokens.length; i++) {
    const word = wordAt(reading, i);
    if (word === 'pass') {
      // "pass/fail", "pass fail": a pass/fail course shows no letter grade.
      const after = tokens[i + 1]?.raw === '/' ? i + 2 : i + 1;
      if (wordAt(reading, after) === 'fail') return { grade: 'P' };
    }
    if (word === 'pass' || word === 'passed') return { unreadable: tokens[i]?.raw ?? word };
  }
  for (const i of reading.at.get('grade') ?? []) {
    if (near(reading, 'not', i, 1)) return null; // "no grade yet": missing, not unreadable
    let j = i + 1;
    while (SKIP_BEFORE_GRADE.has(wordAt(reading, j))) j++;
    return { unreadable: tokens[j]?.raw ?? '' };
  }
  return null;
}

// --- CPR/AED ---

export interface TermReading {
  term: CprTerm | null;
  /** A length no source gives a value for, as typed: "3 years". */
  unreadable: string | null;
}

export function termOf(reading: Reading, amounts: readonly Amount[]): TermReading {
  let unreadable: string | null = null;
  for (const amount of amounts) {
    const years =
      amount.unit === 'years'
        ? amount.value
        : amount.unit === 'months'
          ? (amount.value ?? 0) / 12
          : null;
    if (years === 1) return { term: '1yr', unreadable: null };
    if (years === 2) return { term: '2yr', unreadable: null };
    if (amount.unit === 'years' || amount.unit === 'months') {
      unreadable ??= `${amount.raw} ${amount.unit}`;
    }
  }
  for (const token of reading.tokens) {
    if (['annual', 'annually', 'yearly'].includes(token.word)) return { term: '1yr', unreadable };
    if (token.word === 'biennial') return { term: '2yr', unreadable };
  }
  return { term: null, unreadable };
}

export type Skills = 'in-person' | 'online-only' | 'online' | null;

/** How a CPR/AED course was taught: ACE requires a live skills check (S2, S6). */
export function skillsOf(reading: Reading): Skills {
  const online = reading.at.get('online')?.[0];
  if (
    online !== undefined &&
    (near(reading, 'only', online, 1, 1) || reading.tokens[online - 1]?.raw === '%')
  ) {
    return 'online-only';
  }
  const skills = reading.at.get('skills') ?? [];
  // "no skills test" says there was none.
  if (skills.some((i) => near(reading, 'not', i, 2))) return 'online-only';
  if (skills.length) return 'in-person';
  return online === undefined ? null : 'online';
}

// --- course numbers ---

export interface CourseNumberMention {
  text: string;
  index: number;
  digits: number;
}

/**
 * Something shaped like a course number, only as a standalone token:
 * "CA23456", "cep-123456", or a prefix and five or six digits apart
 * ("CA 23456"). "CS 101" and "CA 2025" are not course numbers.
 */
export function courseNumberOf(reading: Reading): CourseNumberMention | null {
  const { tokens } = reading;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'word' || token.joined || token.raw.length < 2 || token.raw.length > 3) {
      continue;
    }
    let j = i + 1;
    const hyphen = tokens[j]?.raw === '-' && tokens[j]?.joined;
    if (hyphen) j++;
    const number = tokens[j];
    if (number?.kind !== 'number' || /[^\d]/.test(number.raw)) continue;
    const digits = number.raw.length;
    const fiveOrSix = digits === 5 || digits === 6;
    const prefix = (COURSE_PREFIXES as readonly string[]).includes(token.raw.toUpperCase());
    if (number.joined ? !prefix && !fiveOrSix : !prefix || !fiveOrSix) continue;
    const tail = tokens[j + 1]?.joined && tokens[j + 1]?.kind === 'word' ? tokens[j + 1]?.raw : '';
    return { text: `${token.raw}${hyphen ? '-' : ''}${number.raw}${tail}`, index: i, digits };
  }
  return null;
}

// --- certifiers ---

export interface ProviderMention {
  name: string;
  /** On S8's list of NCCA-accredited organisations. */
  listed: boolean;
  index: number;
}

export function providersOf(reading: Reading): ProviderMention[] {
  const found: ProviderMention[] = [];
  reading.tokens.forEach((token, index) => {
    if (token.kind !== 'word') return;
    const listed = LISTED_PROVIDERS[token.word];
    const name = listed ?? UNLISTED_PROVIDERS[token.word];
    if (!name) return;
    if (
      WORDLIKE_PROVIDERS.has(token.word) &&
      !isUpper(token.raw) &&
      !/^cert/.test(wordAt(reading, index + 1))
    ) {
      return;
    }
    found.push({ name, listed: listed !== undefined, index });
  });
  return found;
}

export interface AceMention {
  index: number;
  /** The ACE credential named, or null for "ACE cert", "ACE certified". */
  credential: CredentialId | null;
  /** "I am ACE certified" is held; "just got the ACE Health Coach" is acquired. */
  status: 'held' | 'acquired' | 'bare';
}

const CLAUSE_ENDS = new Set(['and', 'but', ',', '.', ';', '!', '?', 'so', 'then', 'plus']);
const HELD = new Set(['im', 'am', 'as', 'already', 'have', 'hold', 'currently', 'being']);
const ACQUIRED = new Set([
  'got',
  'get',
  'getting',
  'earned',
  'earn',
  'passed',
  'pass',
  'became',
  'become',
  'added',
  'add',
  'obtained',
  'achieved',
  'received',
  'completed',
  'finished',
  'took',
  'another',
  'extra',
  'second',
  'additional',
  'new',
  '2nd',
]);
const GENERIC_CERT = new Set([
  'cert',
  'certs',
  'certified',
  'certification',
  'certifications',
  'credential',
  'trainer',
  'instructor',
  'coach',
  'exam',
]);
/** After "ACE", these make it a course or an approval, not a credential: "ACE-approved", "ACE course". */
const NOT_CREDENTIAL = new Set([
  'approved',
  'approval',
  'provider',
  'course',
  'courses',
  'webinar',
]);

export function aceMentionsOf(reading: Reading): AceMention[] {
  const { tokens } = reading;
  const mentions: AceMention[] = [];
  for (const i of reading.at.get('ace') ?? []) {
    let j = i + 1;
    if (tokens[j]?.raw === '-') j++;
    if (NOT_CREDENTIAL.has(wordAt(reading, j)) || reading.at.get('event')?.includes(j)) continue;
    let credential: CredentialId | null = null;
    let generic = false;
    let end = i;
    for (let k = j; k < j + 3 && k < tokens.length; k++) {
      const pair = ACE_CREDENTIAL_WORDS[`${wordAt(reading, k)} ${wordAt(reading, k + 1)}`];
      const one = ACE_CREDENTIAL_WORDS[wordAt(reading, k)];
      if (pair || one) {
        credential = (pair ?? one) as CredentialId;
        end = k + (pair ? 1 : 0);
        break;
      }
      if (GENERIC_CERT.has(wordAt(reading, k))) {
        generic = true;
        end = k;
      }
    }
    if (!credential && !generic) continue;
    let status: AceMention['status'] = 'bare';
    for (let k = i - 1; k >= 0 && k >= i - 6 && !CLAUSE_ENDS.has(wordAt(reading, k)); k--) {
      const word = wordAt(reading, k);
      if (ACQUIRED.has(word)) status = 'acquired';
      else if (HELD.has(word) && status === 'bare') status = 'held';
    }
    for (let k = end + 1; k < tokens.length && k <= end + 4; k++) {
      const word = wordAt(reading, k);
      if (CLAUSE_ENDS.has(word)) break;
      if (word === 'too' || word === 'also') status = 'acquired';
      if (word === 'here' && status === 'bare') status = 'held';
    }
    mentions.push({ index: i, credential, status });
  }
  return mentions;
}

// --- negations and qualifiers ---

function negated(reading: Reading, i: number): boolean {
  return near(reading, 'not', i, 4);
}

/** Where "not ACE-approved", "isn't approved", "non-approved" is said; -1 when it is not. */
export function notApprovedAt(reading: Reading): number {
  const unapproved = reading.at
    .get('petition')
    ?.find((i) => /^(un|non)approved$/.test(wordAt(reading, i)));
  if (unapproved !== undefined) return unapproved;
  return reading.at.get('approved')?.find((i) => negated(reading, i)) ?? -1;
}

/** "no course number", "without a course number". */
export function noCourseNumber(reading: Reading): boolean {
  return (reading.at.get('courseNumber') ?? []).some((i) => negated(reading, i));
}

/** "not fitness related", "unrelated". */
export function unrelated(reading: Reading): boolean {
  return (reading.at.get('related') ?? []).some(
    (i) => wordAt(reading, i) === 'unrelated' || negated(reading, i),
  );
}

/** The first date written MM/DD/YYYY or YYYY-MM-DD, when it is a real one. */
export function dateOf(reading: Reading): IsoDate | null {
  const match = /\b(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})\b/.exec(reading.plain);
  const parsed = match ? parseDate(match[1] as string) : null;
  return parsed?.ok ? parsed.date : null;
}

/** "I have 1.5 CECs": what the member says is already earned. */
export function earnedOf(reading: Reading, amounts: readonly Amount[]): Amount | null {
  const EARNED = new Set(['have', 'got', 'earned', 'completed', 'ive', 'already', 'done']);
  return (
    amounts.find(
      (a) =>
        a.unit === 'cecs' && [1, 2, 3].some((back) => EARNED.has(wordAt(reading, a.index - back))),
    ) ?? null
  );
}
