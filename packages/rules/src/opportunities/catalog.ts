/**
 * Every opportunity with its rule and its guide text (value, description,
 * evidence, source quote, interpretation, question keywords, examples): what
 * the guide pages, the CLI, the bot and the question parser read.
 */
import * as aceCertification from './ace-certification.js';
import * as approvedCourse from './approved-course.js';
import * as college from './college.js';
import * as cprAed from './cpr-aed.js';
import type { OpportunityId } from './index.js';
import * as mentoring from './mentoring.js';
import * as nccaCertification from './ncca-certification.js';
import type { AnyOpportunity } from './opportunity.js';
import * as petition from './petition.js';
import * as presentation from './presentation.js';
import * as publication from './publication.js';

export const OPPORTUNITIES: readonly AnyOpportunity[] = [
  cprAed,
  college,
  aceCertification,
  presentation,
  nccaCertification,
  publication,
  mentoring,
  approvedCourse,
  petition,
].map((module) => ({ ...module.rule, ...module.guide }));

export function getOpportunity(id: OpportunityId): AnyOpportunity {
  const found = OPPORTUNITIES.find((o) => o.id === id);
  if (!found) throw new Error(`Unknown opportunity ${id}`);
  return found;
}
