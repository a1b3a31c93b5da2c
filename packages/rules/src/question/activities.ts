/**
 * Answers about one activity, computed by the opportunity's own credit
 * function from what the question says, so the parser never holds a rule of
 * its own. A value the question does not give is asked for, with the options.
 */
import { checkCourseNumber } from '../course-number.js';
import type { FieldDescriptor } from '../fields.js';
import { opportunity as aceCertification } from '../opportunities/ace-certification.js';
import { opportunity as approvedCourse } from '../opportunities/approved-course.js';
import { opportunity as college, GRADES, type Grade } from '../opportunities/college.js';
import { CPR_TERMS, type CprTerm, opportunity as cprAed } from '../opportunities/cpr-aed.js';
import { opportunity as firstAid } from '../opportunities/first-aid.js';
import { getOpportunity, type OpportunityId } from '../opportunities/index.js';
import { opportunity as mentoring } from '../opportunities/mentoring.js';
import { opportunity as nccaCertification } from '../opportunities/ncca-certification.js';
import type { AnyOpportunity } from '../opportunities/opportunity.js';
import { opportunity as petition } from '../opportunities/petition.js';
import { opportunity as presentation } from '../opportunities/presentation.js';
import { opportunity as publication } from '../opportunities/publication.js';
import { FACTS } from '../sources.js';
import { HOW_PETITION, SUBMISSION_STEPS } from '../submission.js';
import { floorTenths, formatCecs, REQUIRED_TENTHS, type Tenths } from '../units.js';
import { type Answer, type AnswerOption, amountFor, cited, quoted } from './answer.js';
import { type Amount, amountIn } from './entities.js';
import type { Entities } from './intents.js';

/** Credit functions do not depend on the date; an activity still needs one. */
const UNDATED = '2013-05-01';

/** A certificate or petition holds at most 10.0 CECs; above 2.0 (a whole cycle) we warn (rules.md). */
const CERTIFICATE_MAX: Tenths = 100;

type Part = Pick<Answer, 'tenths' | 'options' | 'explanation'> & Partial<Pick<Answer, 'sources'>>;

function field(o: AnyOpportunity, name: string): FieldDescriptor {
  const found = o.fields.find((f) => f.name === name);
  if (!found) throw new Error(`${o.id} has no field ${name}`);
  return found;
}

function choiceLabel(o: AnyOpportunity, name: string, value: string): string {
  const f = field(o, name);
  return (f.type === 'choice' && f.choices.find((c) => c.value === value)?.label) || value;
}

function exact(tenths: Tenths, explanation: string): Part {
  return { tenths, options: [], explanation };
}

function ask(options: AnswerOption[], explanation: string): Part {
  return { tenths: null, options, explanation };
}

function cpr(e: Entities): Part {
  const credit = (term: CprTerm, skills?: 'in-person' | 'online-only') =>
    cprAed.credit(
      { kind: 'cpr-aed', term, completed: UNDATED, ...(skills ? { skills } : {}) },
      {
        credential: null,
      },
    );
  const onlineOnly = credit('2yr', 'online-only');
  if (e.skills === 'online-only') return exact(onlineOnly.tenths, onlineOnly.reason);
  const noSkills: AnswerOption = {
    label: choiceLabel(cprAed, 'skills', 'online-only'),
    tenths: onlineOnly.tenths,
  };
  const liveCheck = `Did your online course include a live skills check? ${FACTS.cprAed.text}`;
  const { term } = e.term;
  if (term) {
    const c = credit(term, e.skills === 'in-person' ? 'in-person' : undefined);
    if (e.skills !== 'online') return exact(c.tenths, c.reason);
    return ask(
      [{ label: choiceLabel(cprAed, 'skills', 'in-person'), tenths: c.tenths }, noSkills],
      liveCheck,
    );
  }
  const options = (Object.keys(CPR_TERMS) as CprTerm[]).map((t) => ({
    label: choiceLabel(cprAed, 'term', t),
    tenths: credit(t).tenths,
  }));
  const unlisted = e.term.unreadable
    ? ` S1 gives no value for a "${e.term.unreadable}" certificate.`
    : '';
  if (e.skills === 'online') return ask([...options, noSkills], `${liveCheck}${unlisted}`);
  return ask(options, `It depends on the length of the certificate: ${cprAed.value}.${unlisted}`);
}

// --- college ---

function collegeCredit(e: Entities, creditHours: number, grade: Grade) {
  return college.credit(
    {
      kind: 'college',
      creditHours,
      grade,
      related: !e.unrelated,
      certPrep: e.certPrep,
      completed: UNDATED,
    },
    { credential: null },
  );
}

/** Hours 1, 2, … until the value stops growing: "1 credit hour" 1.0, "2 credit hours or more" 2.0. */
function hourOptions(e: Entities, grade: Grade): AnswerOption[] {
  const options: AnswerOption[] = [];
  for (let hours = 1; hours <= 4; hours++) {
    const { tenths } = collegeCredit(e, hours, grade);
    if (options.at(-1)?.tenths === tenths) break;
    options.push({ label: `${hours} credit hour${hours === 1 ? '' : 's'}`, tenths });
  }
  const last = options.at(-1);
  if (last) last.label += ' or more';
  return options;
}

function collegeCourse(e: Entities): Part {
  const passes = (g: Grade) => collegeCredit({ ...e, unrelated: false }, 1, g).tenths > 0;
  const passing = GRADES.filter(passes);
  const lowest = passing.at(-1) ?? 'C';
  const failing: AnswerOption = {
    label: `A grade of ${GRADES.filter((g) => !passes(g)).join(', ')} (P is pass/fail)`,
    tenths: 0,
  };
  const amount = amountIn(e.amounts, 'credit-hours');
  const hours = amount ? amountFor(amount, field(college, 'creditHours')) : null;
  const hoursValue = hours && 'value' in hours ? hours.value : null;
  const grade = e.grade && 'grade' in e.grade ? e.grade.grade : null;
  if (e.unrelated || (grade && !passes(grade))) {
    const c = collegeCredit(e, hoursValue ?? 1, grade ?? lowest);
    return exact(c.tenths, c.reason);
  }
  if (hoursValue !== null && grade) {
    const c = collegeCredit(e, hoursValue, grade);
    const several = e.severalCourses ? ` ${college.repeatReason}` : '';
    return exact(c.tenths, `${c.reason}${several}`);
  }
  const unreadable =
    e.grade && 'unreadable' in e.grade
      ? `"${e.grade.unreadable}" is not a letter grade I can read. `
      : '';
  const whatGrade = `${unreadable}What grade does your transcript show? S1 requires a grade of "C" or higher.`;
  if (hoursValue !== null) {
    const passed = collegeCredit(e, hoursValue, lowest).tenths;
    return ask(
      [{ label: `A grade of ${passing[0]} to ${lowest}`, tenths: passed }, failing],
      whatGrade,
    );
  }
  const refused = hours && 'refused' in hours ? `${hours.refused} ` : '';
  const howMany = `${refused}How many credit hours does your transcript show? ${college.value}.`;
  if (grade) return ask(hourOptions(e, grade), howMany);
  return ask(
    [
      ...hourOptions(e, lowest).map((o) => ({ ...o, label: `${o.label}, ${lowest} or higher` })),
      failing,
    ],
    `${howMany} ${whatGrade}`,
  );
}

// --- certifications ---

function aceCert(e: Entities): Part {
  const named = e.ace.find((m) => m.status !== 'held' && m.credential)?.credential;
  if (!named) return exact(REQUIRED_TENTHS, aceCertification.description);
  const c = aceCertification.credit(
    { kind: 'ace-certification', credential: named, completed: UNDATED },
    { credential: null },
  );
  return exact(c.tenths, `${c.reason} ${aceCertification.description}`);
}

function ncca(e: Entities, accredited: boolean): Part {
  const listed = e.providers.find((p) => p.listed);
  const c = nccaCertification.credit(
    { kind: 'ncca-certification', name: listed?.name ?? 'certification', completed: UNDATED },
    { credential: null },
  );
  if (listed || accredited) {
    const named = listed
      ? ` ${listed.name} is one of the NCCA-accredited organisations ACE names in its Continuing Education Provider FAQ (S8); check that your certification itself is accredited.`
      : '';
    return exact(c.tenths, `${c.reason}${named}`);
  }
  const unlisted = e.providers[0];
  const why = unlisted
    ? `${unlisted.name} is not among the NCCA-accredited organisations ACE names in its Continuing Education Provider FAQ (S8), though some of its certifications may be accredited. `
    : '';
  return ask(
    [
      { label: 'The certification is NCCA-accredited', tenths: c.tenths },
      { label: 'It is not NCCA-accredited', tenths: 0 },
    ],
    `${why}Is the certification NCCA-accredited? ${nccaCertification.description} (An extra ACE certification meets the whole ${formatCecs(REQUIRED_TENTHS)} instead.)`,
  );
}

// --- courses ---

/** 0.1 CEC is one contact hour (S2, S3): an approved course of N hours is typically N tenths. */
function byContactHours(amount: Amount): Part {
  const cecs = amountFor(
    { ...amount, value: amount.value === null ? null : amount.value / 10 },
    field(approvedCourse, 'cecs'),
  );
  const typical = 'value' in cecs ? floorTenths(cecs.value) : 0;
  if (typical < 1 || typical > CERTIFICATE_MAX) {
    const why =
      'refused' in cecs && amount.problem
        ? cecs.refused
        : `"${amount.raw} hours" is not a course length I can use.`;
    return ask([], `${why} ${approvedCourse.value}.`);
  }
  return {
    tenths: typical,
    options: [],
    explanation: `0.1 CEC is one contact hour, so ${amount.value} hours are typically ${formatCecs(typical)} CECs; the certificate of an ACE-approved course says what it is worth. A course that is not ACE-approved can be petitioned.`,
    sources: [
      quoted(approvedCourse.source.id, approvedCourse.source.quote),
      ...cited(FACTS.requirement),
    ],
  };
}

function onCertificate(e: Entities): Part {
  const number = e.courseNumber ? checkCourseNumber(e.courseNumber.text) : null;
  if (number && !number.valid) {
    return ask(
      [],
      `${number.error} The CECs of an approved course are printed on its certificate of completion.`,
    );
  }
  const amount = e.amounts.find((a) => a.unit === 'cecs' && a !== e.earned);
  const cecs = amount ? amountFor(amount, field(approvedCourse, 'cecs')) : null;
  const refused = cecs && 'refused' in cecs ? `${cecs.refused} ` : '';
  const tenths = cecs && 'value' in cecs ? floorTenths(cecs.value) : null;
  if (tenths !== null && tenths <= CERTIFICATE_MAX) {
    const said = number
      ? approvedCourse.credit(
          {
            kind: 'approved-course',
            courseNumber: number.normalized,
            cecs: tenths / 10,
            ethics: false,
            completed: UNDATED,
          },
          { credential: null },
        ).reason
      : `An ACE-approved course is worth the CECs printed on its certificate: ${formatCecs(tenths)}, as you say.`;
    const warn =
      tenths > REQUIRED_TENTHS
        ? ` That is more than a whole cycle's ${formatCecs(REQUIRED_TENTHS)}: check the certificate.`
        : '';
    return exact(tenths, `${said}${warn}`);
  }
  const tooMany =
    tenths !== null
      ? `"${amount?.raw}" CECs is more than a certificate holds (at most ${formatCecs(CERTIFICATE_MAX)}): check it. `
      : '';
  if (number) {
    return ask(
      [],
      `${refused}${tooMany}${number.normalized} is a well-formed ACE course number. Its CECs are printed on your certificate of completion, and ACE's form fills them in when you enter the number.`,
    );
  }
  const hours = amountIn(e.amounts, 'hours', 'contact-hours');
  if (hours && !amount) return byContactHours(hours);
  const noNumber = e.noCourseNumber
    ? ` ${SUBMISSION_STEPS.find((s) => s.step === 'No course number?')?.quote ?? ''}`
    : '';
  return ask(
    [],
    `${refused}${tooMany}${approvedCourse.description} If it is not ACE-approved, it can be petitioned.${noNumber}`,
  );
}

function petitioned(): Part {
  return {
    ...ask([], `${FACTS.petition.text} ${HOW_PETITION} ACE decides what the course is worth.`),
    sources: [quoted(petition.source.id, petition.source.quote), ...cited(FACTS.petition)],
  };
}

function fixed(o: AnyOpportunity, activity: Record<string, unknown>): Part {
  const c = o.credit({ kind: o.id, completed: UNDATED, ...activity }, { credential: null });
  return exact(c.tenths, c.reason);
}

const BY_ID: Record<OpportunityId, (e: Entities) => Part> = {
  'cpr-aed': cpr,
  'first-aid': () => fixed(firstAid, {}),
  college: collegeCourse,
  'ace-certification': aceCert,
  presentation: () => fixed(presentation, {}),
  'ncca-certification': (e) => ncca(e, e.nccaNamed),
  publication: () => fixed(publication, { title: 'a publication' }),
  mentoring: () => fixed(mentoring, {}),
  'approved-course': onCertificate,
  petition: petitioned,
};

export function answerActivity(id: OpportunityId, e: Entities): Answer {
  const o = getOpportunity(id);
  const part = BY_ID[id](e);
  return {
    intent: id,
    opportunity: id,
    name: o.name,
    limitPerCycle: o.limitPerCycle,
    interpretation: o.interpretation,
    sources: [quoted(o.source.id, o.source.quote)],
    ...part,
  };
}
