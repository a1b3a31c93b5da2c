/**
 * The ruleset: every opportunity with the date from which it applies.
 * Adding an opportunity = one new module in this folder + one line here.
 */
import { type AceCertificationActivity, aceCertification } from './ace-certification.js';
import { type ApprovedCourseActivity, approvedCourse } from './approved-course.js';
import { type CollegeActivity, college } from './college.js';
import { type CprAedActivity, cprAed } from './cpr-aed.js';
import { type MentoringActivity, mentoring } from './mentoring.js';
import { type NccaCertificationActivity, nccaCertification } from './ncca-certification.js';
import type { AnyOpportunity } from './opportunity.js';
import { type PetitionActivity, petition } from './petition.js';
import { type PresentationActivity, presentation } from './presentation.js';
import { type PublicationActivity, publication } from './publication.js';

export type Activity =
  | CprAedActivity
  | CollegeActivity
  | AceCertificationActivity
  | PresentationActivity
  | NccaCertificationActivity
  | PublicationActivity
  | MentoringActivity
  | ApprovedCourseActivity
  | PetitionActivity;

export type OpportunityId = Activity['kind'];

/** S1 is dated 05/01/2013; we apply its rules to activities from that day on. */
export const RULESET = {
  id: 'ace-2013',
  source: 'S1',
  opportunities: [
    { opportunity: cprAed, since: '2013-05-01' },
    { opportunity: college, since: '2013-05-01' },
    { opportunity: aceCertification, since: '2013-05-01' },
    { opportunity: presentation, since: '2013-05-01' },
    { opportunity: nccaCertification, since: '2013-05-01' },
    { opportunity: publication, since: '2013-05-01' },
    { opportunity: mentoring, since: '2013-05-01' },
    { opportunity: approvedCourse, since: '2013-05-01' },
    { opportunity: petition, since: '2013-05-01' },
  ],
} as const satisfies {
  id: string;
  source: string;
  opportunities: readonly { opportunity: AnyOpportunity; since: string }[];
};

export const OPPORTUNITIES: readonly AnyOpportunity[] = RULESET.opportunities.map(
  (entry) => entry.opportunity,
);

export const OPPORTUNITY_IDS = OPPORTUNITIES.map((o) => o.id) as OpportunityId[];

export function getOpportunity(id: OpportunityId): AnyOpportunity {
  const found = OPPORTUNITIES.find((o) => o.id === id);
  if (!found) throw new Error(`Unknown opportunity ${id}`);
  return found;
}

export function opportunitySince(id: OpportunityId): string {
  return RULESET.opportunities.find((entry) => entry.opportunity.id === id)?.since ?? '2013-05-01';
}

export {
  aceCertification,
  approvedCourse,
  college,
  cprAed,
  mentoring,
  nccaCertification,
  petition,
  presentation,
  publication,
};
