/**
 * The ruleset: every opportunity's rule with the date from which it applies.
 * Adding an opportunity = one new module in this folder, one line here and
 * one line in catalog.ts (its guide text).
 */
import type { AceCertificationActivity } from './ace-certification.js';
import * as aceCertification from './ace-certification.js';
import type { ApprovedCourseActivity } from './approved-course.js';
import * as approvedCourse from './approved-course.js';
import type { CollegeActivity } from './college.js';
import * as college from './college.js';
import type { CprAedActivity } from './cpr-aed.js';
import * as cprAed from './cpr-aed.js';
import type { MentoringActivity } from './mentoring.js';
import * as mentoring from './mentoring.js';
import type { NccaCertificationActivity } from './ncca-certification.js';
import * as nccaCertification from './ncca-certification.js';
import type { AnyRule } from './opportunity.js';
import type { PetitionActivity } from './petition.js';
import * as petition from './petition.js';
import type { PresentationActivity } from './presentation.js';
import * as presentation from './presentation.js';
import type { PublicationActivity } from './publication.js';
import * as publication from './publication.js';

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
    { rule: cprAed.rule, since: '2013-05-01' },
    { rule: college.rule, since: '2013-05-01' },
    { rule: aceCertification.rule, since: '2013-05-01' },
    { rule: presentation.rule, since: '2013-05-01' },
    { rule: nccaCertification.rule, since: '2013-05-01' },
    { rule: publication.rule, since: '2013-05-01' },
    { rule: mentoring.rule, since: '2013-05-01' },
    { rule: approvedCourse.rule, since: '2013-05-01' },
    { rule: petition.rule, since: '2013-05-01' },
  ],
} as const satisfies {
  id: string;
  source: string;
  opportunities: readonly { rule: AnyRule; since: string }[];
};

export const RULES: readonly AnyRule[] = RULESET.opportunities.map((entry) => entry.rule);

export const OPPORTUNITY_IDS = RULES.map((r) => r.id) as OpportunityId[];

/** An opportunity's rule and the date from which it applies. */
export function getEntry(id: OpportunityId): { rule: AnyRule; since: string } {
  const found = RULESET.opportunities.find((entry) => entry.rule.id === id);
  if (!found) throw new Error(`Unknown opportunity "${id}"`);
  return found;
}

export function getRule(id: OpportunityId): AnyRule {
  return getEntry(id).rule;
}
