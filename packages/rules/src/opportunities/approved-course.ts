import { formatUsDate } from '../dates.js';
import { ETHICS_REQUIRED_FROM, ETHICS_TENTHS } from '../requirements.js';
import { HOW_COURSE_NUMBER } from '../submission.js';
import { exactTenths, formatCecs } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

export const opportunity = defineOpportunity({
  id: 'approved-course',
  name: 'ACE-approved course',
  command: { name: 'course', description: 'An ACE-approved course' },
  limitPerCycle: null,
  fields: [
    {
      name: 'courseNumber',
      option: 'number',
      type: 'course-number',
      label: 'Course number',
      help: 'From the certificate of completion, like CA23456',
      example: 'CA23456',
      forValue: true,
    },
    {
      name: 'cecs',
      type: 'cecs',
      label: 'CECs on certificate',
      help: 'As printed, like 0.7',
      example: '0.7',
    },
    {
      name: 'ethics',
      type: 'boolean',
      label: 'Covers professional conduct and ethics',
      example: 'false',
      default: false,
    },
    {
      name: 'title',
      type: 'text',
      label: 'Course title',
      example: 'Cueing basics',
      optional: true,
    },
  ],
  credit(activity) {
    const tenths = exactTenths(activity.cecs) ?? 0;
    return {
      tenths,
      reason: `ACE-approved course ${activity.courseNumber}: ${formatCecs(tenths)} CECs as printed on the certificate.`,
    };
  },
  label: (activity) =>
    activity.title
      ? `${activity.title} (${activity.courseNumber})`
      : `Course ${activity.courseNumber}`,
  repeatKey: (activity) => activity.courseNumber,
  value: 'The CECs printed on the certificate of completion',
  description:
    'A course or event approved by ACE. Its certificate of completion lists the course number (CEP, CP, CA, CS or CL followed by five or six digits) and the CECs. A conference has one umbrella number: add up the CECs of the sessions you attended.',
  evidence: 'The certificate of completion with the course number, the CECs and the date.',
  source: {
    id: 'S1',
    quote:
      'Once you complete an ACE-approved course, you will be issued a certificate of completion listing the ACE-approved course number. This is typically presented in the format of CEP/CP/CA/CS/CL, followed by five or six numbers (for example, CA23456 or CEP123456).',
  },
  interpretation: `The same course number counts once per cycle (S2: a course cannot be repeated): if it appears more than once, we count the completed entry worth the most (a planned one only when none is completed) and list the others with no credit. Mark a course as "ethics" when it covers professional conduct and ethics, for the ${formatCecs(ETHICS_TENTHS)} CEC required from ${formatUsDate(ETHICS_REQUIRED_FROM)} (S7).`,
  suggest: {
    adds: 'rest',
    effort: 1,
    text: 'Take ACE-approved courses for the CECs you still need: each one is worth what its certificate says.',
    how: HOW_COURSE_NUMBER,
  },
  examples: [
    { activity: { kind: 'approved-course', courseNumber: 'CA23456', cecs: 0.7, ethics: false } },
    {
      activity: { kind: 'approved-course', courseNumber: 'CEP123456', cecs: 0.1, ethics: true },
      note: 'An ethics course: meets the ethics hour.',
    },
  ],
});
export type ApprovedCourseActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
