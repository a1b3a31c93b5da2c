/**
 * The ruleset: every opportunity, listed once, with the date from which it
 * applies. Adding an opportunity = one new module in this folder and one line
 * here; the plan schema, the site's form, the bot's commands and the URL
 * encoding all follow from the module's field descriptors.
 */
import * as aceCertification from './ace-certification.js';
import * as approvedCourse from './approved-course.js';
import * as college from './college.js';
import * as cprAed from './cpr-aed.js';
import * as firstAid from './first-aid.js';
import * as mentoring from './mentoring.js';
import * as nccaCertification from './ncca-certification.js';
import type { AnyOpportunity } from './opportunity.js';
import * as petition from './petition.js';
import * as presentation from './presentation.js';
import * as publication from './publication.js';

export type Activity =
  | cprAed.CprAedActivity
  | college.CollegeActivity
  | aceCertification.AceCertificationActivity
  | presentation.PresentationActivity
  | nccaCertification.NccaCertificationActivity
  | publication.PublicationActivity
  | mentoring.MentoringActivity
  | approvedCourse.ApprovedCourseActivity
  | petition.PetitionActivity
  | firstAid.FirstAidActivity;

export type OpportunityId = Activity['kind'];

/** A set of opportunities, each with the first completion date it applies to. */
export interface Ruleset {
  id: string;
  source: string;
  opportunities: readonly { opportunity: AnyOpportunity; since: string }[];
}

/** S1 is dated 05/01/2013; we apply its rules to activities from that day on. */
export const RULESET: Ruleset = {
  id: 'ace-2013',
  source: 'S1',
  opportunities: [
    { opportunity: cprAed.opportunity, since: '2013-05-01' },
    { opportunity: college.opportunity, since: '2013-05-01' },
    { opportunity: aceCertification.opportunity, since: '2013-05-01' },
    { opportunity: presentation.opportunity, since: '2013-05-01' },
    { opportunity: nccaCertification.opportunity, since: '2013-05-01' },
    { opportunity: publication.opportunity, since: '2013-05-01' },
    { opportunity: mentoring.opportunity, since: '2013-05-01' },
    { opportunity: approvedCourse.opportunity, since: '2013-05-01' },
    { opportunity: petition.opportunity, since: '2013-05-01' },
    // New opportunities go last: a calculator link names a kind by its position.
    { opportunity: firstAid.opportunity, since: '2013-05-01' },
  ],
};

export const OPPORTUNITIES: readonly AnyOpportunity[] = RULESET.opportunities.map(
  (entry) => entry.opportunity,
);

export const OPPORTUNITY_IDS = OPPORTUNITIES.map((o) => o.id) as OpportunityId[];

/** An opportunity and the date from which it applies. */
export function getEntry(id: OpportunityId): { opportunity: AnyOpportunity; since: string } {
  const found = RULESET.opportunities.find((entry) => entry.opportunity.id === id);
  if (!found) throw new Error(`Unknown opportunity "${id}"`);
  return found;
}

export function getOpportunity(id: OpportunityId): AnyOpportunity {
  return getEntry(id).opportunity;
}
