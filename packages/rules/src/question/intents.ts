/**
 * What a question asks: one renewal intent (how many CECs are needed, the
 * deadline, …) or the activities it names, in the order it names them. Each
 * intent is recognised from concepts and entities by its own rule; where two
 * could take the same words (attending or presenting, ACE or another
 * certifier, a college course or a workshop) the rule says which wins.
 */
import type { IsoDate } from '../dates.js';
import type { OpportunityId } from '../opportunities/index.js';
import {
  type AceMention,
  type Amount,
  aceMentionsOf,
  amountsOf,
  type CourseNumberMention,
  courseNumberOf,
  dateOf,
  earnedOf,
  type GradeReading,
  gradeOf,
  noCourseNumber,
  notApprovedAt,
  type ProviderMention,
  providersOf,
  type Skills,
  skillsOf,
  type TermReading,
  termOf,
  unrelated,
} from './entities.js';
import type { Concept } from './lexicon.js';
import { first, has, near, type Reading, wordAt } from './reading.js';

export const RENEWAL_INTENTS = [
  'requirement',
  'deadline',
  'grace',
  'carry-over',
  'ethics',
  'cpr-requirement',
  'submit',
  'repeat',
  'units',
  'opportunities',
] as const;
export type RenewalIntent = (typeof RENEWAL_INTENTS)[number];
/** An activity intent is the opportunity it names. */
export type Intent = OpportunityId | RenewalIntent;

export interface Entities {
  amounts: Amount[];
  grade: GradeReading;
  term: TermReading;
  skills: Skills;
  /** Only as a standalone token, and not a college course code ("CS101" in a college question). */
  courseNumber: CourseNumberMention | null;
  providers: ProviderMention[];
  ace: AceMention[];
  notApproved: boolean;
  noCourseNumber: boolean;
  /** "NCCA", "broadening": the question itself says the certification is accredited. */
  nccaNamed: boolean;
  /** Where the question names a college course (Infinity when it does not): its "hours" are credit hours. */
  collegeAt: number;
  /** "two college classes": only one college course counts per cycle (S4). */
  severalCourses: boolean;
  unrelated: boolean;
  certPrep: boolean;
  date: IsoDate | null;
  earned: Amount | null;
}

export interface Understanding {
  entities: Entities;
  /** The renewal question asked, if it is one. */
  renewal: RenewalIntent | null;
  /** The activities named, first named first (what a renewal question is about, if any). */
  activities: OpportunityId[];
}

/** The intents understood, main one first; empty when the question is not understood. */
export function intentsOf(u: Understanding): Intent[] {
  return u.renewal ? [u.renewal] : u.activities;
}

function letterGrade(grade: GradeReading): boolean {
  return grade !== null && 'grade' in grade;
}

/** Where the question is about a college course, or Infinity. */
function collegeAt(r: Reading, grade: GradeReading, amounts: readonly Amount[]): number {
  const credits = amounts.find((a) => a.unit === 'credit-hours');
  // A lecture given at a university is presenting, not a college course.
  if (!credits && !letterGrade(grade) && (has(r, 'present') || has(r, 'give'))) return Infinity;
  const subject = first(r, 'subject');
  const byCourse =
    Number.isFinite(subject) && (has(r, 'class') || letterGrade(grade)) ? subject : Infinity;
  const byGrade =
    letterGrade(grade) && (has(r, 'class') || has(r, 'grade'))
      ? Math.min(first(r, 'class'), first(r, 'grade'))
      : Infinity;
  return Math.min(first(r, 'college'), credits?.index ?? Infinity, byCourse, byGrade);
}

const ACQUIRING = new Set(['got', 'get', 'getting', 'earned', 'passed', 'obtained', 'received']);
const CERT_WORDS = new Set(['cert', 'certs', 'certification', 'certifications']);

/** "got a kettlebell certification": a certification from someone not named. */
function otherCertificationAt(r: Reading, e: Entities): number {
  if (e.ace.length || e.providers.length || has(r, 'cpr') || has(r, 'firstAid') || e.certPrep) {
    return Infinity;
  }
  const index = r.tokens.findIndex(
    (t, i) => CERT_WORDS.has(t.word) && [1, 2, 3].some((b) => ACQUIRING.has(wordAt(r, i - b))),
  );
  return index < 0 ? Infinity : index;
}

/** "non-ACE certification" (but "non ACE-approved" is about a course). */
function nonAceAt(r: Reading): number {
  const index = r.tokens.findIndex((t, i) => {
    const ace = r.tokens[i + 1]?.raw === '-' ? i + 2 : i + 1;
    const after = r.tokens[ace + 1]?.raw === '-' ? ace + 2 : ace + 1;
    return t.word === 'non' && wordAt(r, ace) === 'ace' && !r.at.get('approved')?.includes(after);
  });
  return index < 0 ? Infinity : index;
}

/** The nearest attending or presenting word before `i`: who an event noun belongs to. */
function eventOwner(r: Reading, i: number): 'attend' | 'present' | null {
  let best: 'attend' | 'present' | null = null;
  let at = -1;
  for (const concept of ['attend', 'give', 'present'] as const) {
    for (const j of r.at.get(concept) ?? []) {
      if (j < i && j > at) {
        at = j;
        best = concept === 'attend' ? 'attend' : 'present';
      }
    }
  }
  return best;
}

/** A class or course that belongs to another activity: "cpr class", "college course", "anatomy class". */
function partOfAnother(r: Reading, i: number, owners: readonly Concept[]): boolean {
  return owners.some((c) => near(r, c, i, 3));
}
const CLASS_OWNERS: readonly Concept[] = ['cpr', 'firstAid', 'college', 'subject', 'prep'];
// "a nutrition seminar" is a course, not a college class.
const EVENT_OWNERS: readonly Concept[] = ['cpr', 'firstAid', 'college'];

function activities(r: Reading, e: Entities): OpportunityId[] {
  const found: { intent: OpportunityId; at: number }[] = [];
  const add = (intent: OpportunityId, at: number) => {
    if (Number.isFinite(at)) found.push({ intent, at });
  };
  add('cpr-aed', first(r, 'cpr'));
  add('first-aid', first(r, 'firstAid'));

  // Presenting: "gave a talk", "presented at a conference", "keynote"; an
  // event noun belongs to the nearest attending or presenting word before it.
  const presents = (r.at.get('present') ?? []).filter(
    (i) => !r.at.get('event')?.includes(i) || eventOwner(r, i) !== 'attend',
  );
  let presenting = presents[0] ?? Infinity;
  const events: number[] = [];
  for (const i of r.at.get('event') ?? []) {
    const owner = eventOwner(r, i);
    if (owner === 'present') presenting = Math.min(presenting, i);
    else if (owner === 'attend' || !r.at.get('present')?.includes(i)) events.push(i);
  }
  add('presentation', presenting);

  const publishes =
    (r.at.get('write') ?? []).find((i) =>
      (r.at.get('writing') ?? []).some((j) => j > i && j <= i + 4),
    ) ?? Infinity;
  add('publication', Math.min(first(r, 'publish'), first(r, 'peerReviewed'), publishes));
  add('mentoring', first(r, 'mentor'));

  for (const mention of e.ace) {
    const named = mention.status === 'bare' && mention.credential !== null && !has(r, 'need');
    if (mention.status === 'acquired' || named) add('ace-certification', mention.index);
  }
  // "a prep course for the NSCA exam" names the exam, not a certification earned.
  const prepCourse = e.certPrep && Number.isFinite(e.collegeAt);
  add(
    'ncca-certification',
    prepCourse
      ? Infinity
      : Math.min(
          e.providers[0]?.index ?? Infinity,
          first(r, 'ncca'),
          first(r, 'otherProvider'),
          nonAceAt(r),
          otherCertificationAt(r, e),
        ),
  );

  const notApproved = e.notApproved || has(r, 'petition');
  if (notApproved) add('petition', Math.min(first(r, 'petition'), notApprovedAt(r)));
  add('college', e.collegeAt);

  if (!notApproved && !Number.isFinite(e.collegeAt)) {
    const others = found.length > 0;
    const classes = (r.at.get('class') ?? []).filter(
      (i) =>
        !partOfAnother(r, i, CLASS_OWNERS) &&
        (near(r, 'attend', i, 4) ||
          near(r, 'ace', i, 3) ||
          near(r, 'online', i, 2) ||
          near(r, 'approved', i, 3) ||
          has(r, 'continuing') ||
          e.amounts.some(
            (a) => a.unit === 'hours' || a.unit === 'contact-hours' || a.unit === 'cecs',
          )),
    );
    const approved = (r.at.get('approved') ?? []).filter((i) => !near(r, 'not', i, 4));
    const certificate = r.tokens.findIndex((t) => t.word === 'certificate');
    const hours = e.amounts.find((a) => a.unit === 'hours' || a.unit === 'contact-hours');
    const cecs = e.amounts.find((a) => a.unit === 'cecs' && a !== e.earned);
    add(
      'approved-course',
      Math.min(
        e.courseNumber?.index ?? Infinity,
        ...events.filter((i) => !partOfAnother(r, i, EVENT_OWNERS)),
        ...classes,
        ...approved,
        e.noCourseNumber ? first(r, 'courseNumber') : Infinity,
        hours && !others ? hours.index : Infinity,
        cecs && (certificate >= 0 || classes.length || events.length || has(r, 'attend'))
          ? cecs.index
          : Infinity,
      ),
    );
  } else if (e.courseNumber && !notApproved) {
    add('approved-course', e.courseNumber.index);
  }

  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.intent))];
}

/** "what is a CEC", "what's a CEU?". */
function whatIsACec(r: Reading): boolean {
  const words = r.tokens.filter((t) => t.kind !== 'symbol').map((t) => t.word);
  const rest =
    words[0] === 'what' && words[1] === 'is'
      ? words.slice(2)
      : words[0] === 'whats'
        ? words.slice(1)
        : null;
  if (!rest) return false;
  const [article, noun, ...more] = rest[0] === 'a' || rest[0] === 'an' ? rest : ['', ...rest];
  return article !== undefined && more.length === 0 && /^ce[cu]s?$/.test(noun ?? '');
}

function renewal(r: Reading, e: Entities, named: readonly OpportunityId[]): RenewalIntent | null {
  const none = named.length === 0;
  if (has(r, 'repeat') || has(r, 'same')) {
    if (has(r, 'class') && (has(r, 'repeat') || has(r, 'count'))) return 'repeat';
  }
  if (has(r, 'carry') || (has(r, 'excess') && has(r, 'transfer'))) return 'carry-over';
  if (
    has(r, 'cpr') &&
    !e.term.term &&
    (has(r, 'need') || has(r, 'expired') || has(r, 'deadline'))
  ) {
    return 'cpr-requirement';
  }
  const afterExpiring = (r.at.get('deadline') ?? []).some((i) =>
    [1, 2, 3].some((back) => wordAt(r, i - back) === 'after'),
  );
  if (
    has(r, 'grace') ||
    // "my cert expired" (an ACE one: "my NASM CPT expired" is not about ACE's grace period).
    (has(r, 'expired') && e.providers.length === 0) ||
    afterExpiring ||
    (has(r, 'miss') && (has(r, 'deadline') || has(r, 'renew'))) ||
    (r.tokens.some((t) => t.word === 'late') && has(r, 'renew'))
  ) {
    return 'grace';
  }
  if (
    has(r, 'deadline') ||
    (has(r, 'when') && (has(r, 'renew') || has(r, 'cycle'))) ||
    (has(r, 'how') && r.tokens.some((t) => t.word === 'long') && has(r, 'cycle'))
  ) {
    return 'deadline';
  }
  if (
    has(r, 'submit') ||
    (has(r, 'how') && has(r, 'report')) ||
    // "I lost my course number", "how do I get a course number" (not "how many CECs is CA23456").
    ((has(r, 'lost') || (has(r, 'how') && !has(r, 'many'))) &&
      has(r, 'courseNumber') &&
      !e.courseNumber)
  ) {
    return 'submit';
  }
  if (has(r, 'ethics') && !e.courseNumber) return 'ethics';
  // "how many CECs is 1 contact hour": a conversion, not a course.
  const hours = has(r, 'hour') || has(r, 'contact');
  const noCourse = !has(r, 'event') && !has(r, 'class');
  if (has(r, 'cec') && hours && noCourse && named.every((n) => n === 'approved-course')) {
    return 'units';
  }
  // "do I need first aid to renew": what renewal needs, whatever the activity.
  const numbers = e.amounts.some((a) => a.unit !== 'none');
  if (has(r, 'need') && has(r, 'renew') && !numbers && !has(r, 'count')) return 'requirement';
  if (!none) return null;
  if (has(r, 'when') && has(r, 'cec')) return 'deadline';
  if (has(r, 'cec') && (hours || has(r, 'meaning') || whatIsACec(r))) return 'units';
  const total = r.tokens.some((t) => t.word === 'total');
  const perCycle = has(r, 'many') && has(r, 'cec') && (has(r, 'renew') || has(r, 'cycle') || total);
  const about = ['cec', 'renew', 'hour', 'continuing', 'many'] as const;
  if ((has(r, 'need') && about.some((c) => has(r, c))) || perCycle || e.earned) {
    return 'requirement';
  }
  if (
    has(r, 'ways') ||
    (has(r, 'count') && (has(r, 'what') || has(r, 'cec') || has(r, 'renew'))) ||
    (has(r, 'earn') && has(r, 'cec'))
  ) {
    return 'opportunities';
  }
  return null;
}

export function understand(r: Reading): Understanding {
  const amounts = amountsOf(r);
  const grade = gradeOf(r);
  const college = collegeAt(r, grade, amounts);
  const courseNumber = courseNumberOf(r);
  const entities: Entities = {
    // In a college question, "3 hours" are credit hours.
    amounts: Number.isFinite(college)
      ? amounts.map((a) => (a.unit === 'hours' ? { ...a, unit: 'credit-hours' } : a))
      : amounts,
    grade,
    term: termOf(r, amounts),
    skills: skillsOf(r),
    courseNumber:
      courseNumber &&
      Number.isFinite(college) &&
      courseNumber.digits !== 5 &&
      courseNumber.digits !== 6
        ? null
        : courseNumber,
    providers: providersOf(r),
    ace: aceMentionsOf(r),
    collegeAt: college,
    notApproved: notApprovedAt(r) >= 0,
    noCourseNumber: noCourseNumber(r),
    nccaNamed: has(r, 'ncca'),
    severalCourses: r.tokens.some((t) => t.word === 'classes' || t.word === 'courses'),
    unrelated: unrelated(r),
    certPrep: has(r, 'prep'),
    date: dateOf(r),
    earned: null,
  };
  entities.earned = earnedOf(r, entities.amounts);
  const named = activities(r, entities);
  return { entities, renewal: renewal(r, entities, named), activities: named };
}
