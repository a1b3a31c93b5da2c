/**
 * @cec/rules — unofficial crediting rules for ACE continuing education
 * credits. Runs unchanged in Node and in the browser.
 */
export {
  COURSE_PREFIXES,
  type CourseNumberCheck,
  checkCourseNumber,
  findCourseNumber,
  normalizeCourseNumber,
} from './course-number.js';
export {
  CREDENTIAL_IDS,
  CREDENTIALS,
  type CredentialId,
  credentialName,
  isCredentialId,
} from './credentials.js';
export {
  type CertificationDates,
  type Cycle,
  cycleOf,
  cycleWarnings,
  DUE_SOON_DAYS,
  GRACE_MONTHS,
  inCycle,
  type Status,
  type StatusOnDay,
  statusOn,
} from './cycle.js';
export {
  addDays,
  addMonths,
  addYears,
  DATE_FORMAT_HINT,
  type DateResult,
  daysBetween,
  formatUsDate,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  mondayOf,
  parseDate,
  toDayNumber,
  todayIso,
  toNoonUnixSeconds,
  toUnixSeconds,
} from './dates.js';
export {
  type CertificationEvaluation,
  type ChecklistItem,
  type ChecklistState,
  creditActivity,
  type EvaluatedItem,
  evaluatePlan,
  type PlanEvaluation,
} from './evaluate.js';
export { getOpportunity, OPPORTUNITIES } from './opportunities/catalog.js';
export { GRADES, type Grade } from './opportunities/college.js';
export { CPR_TERMS, type CprTerm } from './opportunities/cpr-aed.js';
export {
  type Activity,
  getRule,
  OPPORTUNITY_IDS,
  type OpportunityId,
  RULES,
  RULESET,
} from './opportunities/index.js';
export type {
  AnyOpportunity,
  AnyRule,
  Credit,
  Opportunity,
  OpportunityGuide,
  OpportunityRule,
} from './opportunities/opportunity.js';
export { PETITION_STATUSES } from './opportunities/petition.js';
export {
  activitySchema,
  type Certification,
  certificationSchema,
  decodePlan,
  encodePlan,
  formatProblems,
  type Plan,
  type PlanInput,
  type PlanProblem,
  type PlanResult,
  parseActivity,
  parseCertification,
  parsePlan,
  parsePlanText,
  planSchema,
} from './plan.js';
export {
  type AnswerSource,
  answerQuestion,
  type QuestionResult,
  suggestQuestions,
} from './question.js';
export { ETHICS_REQUIRED_FROM, ETHICS_TENTHS, RENEWAL_REQUIREMENT } from './requirements.js';
export { FACTS, SOURCES, type Source, type SourceId } from './sources.js';
export { SUBMISSION_STEPS } from './submission.js';
export { CHECKLIST_LABELS, deadlineSentence, progressSentence, STATUS_LABELS } from './summary.js';
export {
  exactTenths,
  floorTenths,
  formatCecs,
  REQUIRED_TENTHS,
  sumTenths,
  type Tenths,
  toCecs,
} from './units.js';
