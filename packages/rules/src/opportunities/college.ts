import { HOW_PETITION } from '../submission.js';
import { floorTenths, formatCecs, type Tenths } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

/** Letter grades as transcripts show them; P is pass (pass/fail course). */
export const GRADES = [
  'A+',
  'A',
  'A-',
  'B+',
  'B',
  'B-',
  'C+',
  'C',
  'C-',
  'D+',
  'D',
  'D-',
  'F',
  'P',
] as const;
export type Grade = (typeof GRADES)[number];

/** S1: a grade of "C" or higher. */
const PASSING: readonly Grade[] = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C'];

/** S1: "1.0 CECs for every 1.0 college credit hours". */
const PER_CREDIT_HOUR: Tenths = 10;
const rate = formatCecs(PER_CREDIT_HOUR);
/** S4: "An approved petition of this type may result in a maximum of 2.0 CECs." */
export const COLLEGE_COURSE_MAX: Tenths = 20;
/** S4: "A certification prep college course will only be awarded up to .5CECs." */
export const CERT_PREP_MAX: Tenths = 5;

/** "an A", "a B+": the article a letter grade takes when read aloud. */
function withArticle(grade: Grade): string {
  return `${/^[AF]/.test(grade) ? 'an' : 'a'} ${grade}`;
}

export const opportunity = defineOpportunity({
  id: 'college',
  name: 'College course',
  command: { name: 'college', description: 'A college course' },
  // S4 reviews one college course per cycle and credits it at most 2.0: so at most 2.0 per cycle.
  limitPerCycle: COLLEGE_COURSE_MAX,
  fields: [
    {
      name: 'creditHours',
      option: 'credits',
      type: 'number',
      label: 'Credit hours',
      help: 'From your transcript, like 3',
      example: '3',
      forValue: true,
      min: 0.1,
      max: 30,
      tooHigh: 'Credit hours must be at most 30 for one course; enter each course separately.',
    },
    {
      name: 'grade',
      type: 'choice',
      label: 'Grade',
      help: 'Your final grade (P = pass)',
      example: 'B',
      forValue: true,
      choices: GRADES.map((g) => ({ value: g, label: g === 'P' ? 'P (pass/fail)' : g })),
    },
    {
      name: 'related',
      type: 'boolean',
      label: 'Exercise science, anatomy, or a health- or fitness-related course',
      example: 'true',
      forValue: true,
      default: true,
    },
    { name: 'title', type: 'text', label: 'Course title', example: 'Anatomy I', optional: true },
    // Appended after the others: a calculator link holds fields by position.
    {
      name: 'certPrep',
      option: 'cert-prep',
      type: 'boolean',
      label: 'A certification-prep course (it prepares for a certification exam)',
      example: 'false',
      forValue: true,
      default: false,
    },
  ],
  credit(activity) {
    if (!activity.related) {
      return {
        tenths: 0,
        reason:
          'Only exercise science, anatomy, or health- and fitness-related courses earn CECs (S1).',
      };
    }
    if (!PASSING.includes(activity.grade)) {
      return {
        tenths: 0,
        reason:
          activity.grade === 'P'
            ? 'A pass/fail grade does not show the "C" or higher that S1 requires.'
            : `A grade of ${activity.grade} is below the "C" or higher that S1 requires.`,
      };
    }
    // One CEC per credit hour (PER_CREDIT_HOUR tenths), so the tenths are the hours' tenths.
    const hours = floorTenths(activity.creditHours);
    const max = activity.certPrep ? CERT_PREP_MAX : COLLEGE_COURSE_MAX;
    const tenths = Math.min(hours, max);
    const base = `${activity.creditHours} credit hour${activity.creditHours === 1 ? '' : 's'} with ${withArticle(activity.grade)}`;
    if (tenths < hours) {
      return {
        tenths,
        reason: activity.certPrep
          ? `${base}, but a certification-prep college course is awarded at most ${formatCecs(CERT_PREP_MAX)} CECs (S4).`
          : `${base} → ${formatCecs(hours)} at ${rate} per credit hour (S1), but one college course gives at most ${formatCecs(COLLEGE_COURSE_MAX)} CECs (S4).`,
      };
    }
    return {
      tenths,
      reason: `${base} → ${formatCecs(tenths)} CECs (${rate} per credit hour, S1).`,
    };
  },
  // S4 reviews one college course petition per cycle: the course worth the most counts.
  repeatKey: () => 'A college course',
  repeatReason:
    'ACE reviews only one college course petition per cycle; further ones are cancelled without review (S4).',
  label: (activity) =>
    `${activity.title ?? 'College course'} (${activity.creditHours} credit hour${activity.creditHours === 1 ? '' : 's'}, ${activity.grade})`,
  value: `${rate} CEC per college credit hour with a grade of C or higher, at most ${formatCecs(COLLEGE_COURSE_MAX)} for one course (${formatCecs(CERT_PREP_MAX)} for a certification-prep course), one course per cycle`,
  description:
    'A college course in exercise science, anatomy, or a health- or fitness-related subject, passed with a C or better.',
  evidence:
    'An official transcript showing your name, the accredited college or university, the semester, the course and its grade (S4). College credit is submitted to ACE by petition, with the transcript.',
  source: {
    id: 'S1',
    quote:
      'Attending college. Earning a grade of “C” or higher in any exercise science, anatomy or health- and fitness-related course will transfer 1.0 CECs for every 1.0 college credit hours.',
  },
  interpretation:
    'A "C" or higher means A+ through C; C-, D, F and pass/fail grades earn nothing here (a pass shows no letter grade). Fractional credit hours are credited down to the tenth (1.25 hours → 1.2 CECs). Semester and quarter hours are not told apart by the source: we use the number on the transcript. S4 reviews one college course per cycle: if you list several, we count the one worth the most and show the others as not counted.',
  suggest: {
    adds: COLLEGE_COURSE_MAX,
    effort: 3,
    text: `Pass a college course in exercise science, anatomy or a health or fitness subject with a C or better: up to ${formatCecs(COLLEGE_COURSE_MAX)} CECs for one course per cycle.`,
    how: `${HOW_PETITION} Include your transcript.`,
  },
  examples: [
    { activity: { kind: 'college', creditHours: 2, grade: 'B', related: true, certPrep: false } },
    {
      activity: { kind: 'college', creditHours: 3, grade: 'A', related: true, certPrep: false },
      note: `One course gives at most ${formatCecs(COLLEGE_COURSE_MAX)} (S4).`,
    },
    {
      activity: { kind: 'college', creditHours: 3, grade: 'A', related: true, certPrep: true },
      note: `A certification-prep course gives at most ${formatCecs(CERT_PREP_MAX)} (S4).`,
    },
    {
      activity: { kind: 'college', creditHours: 1.25, grade: 'A', related: true, certPrep: false },
      note: 'Rounded down to the tenth.',
    },
    { activity: { kind: 'college', creditHours: 3, grade: 'C-', related: true, certPrep: false } },
    { activity: { kind: 'college', creditHours: 3, grade: 'A', related: false, certPrep: false } },
  ],
});
export type CollegeActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
