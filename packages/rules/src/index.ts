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
  CREDENTIAL_CHOICES,
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
  fromUnixSeconds,
  type IsoDate,
  isIsoDate,
  isTimeZone,
  mondayOf,
  parseDate,
  todayIn,
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
  type EvaluateOptions,
  evaluatePlan,
  type PlanEvaluation,
} from './evaluate.js';
export {
  type ActivityOf,
  COMPLETED_FIELD,
  type FieldDescriptor,
  type FieldType,
  optionName,
  TEXT_MAX,
} from './fields.js';
export {
  type NextStep,
  type NextSteps,
  nextSteps,
  PETITION_REVIEW_DAYS,
} from './next.js';
export { CERT_PREP_MAX, COLLEGE_COURSE_MAX, GRADES, type Grade } from './opportunities/college.js';
export { CPR_TERMS, type CprTerm } from './opportunities/cpr-aed.js';
export {
  type Activity,
  getOpportunity,
  OPPORTUNITIES,
  OPPORTUNITY_IDS,
  type OpportunityId,
  RULESET,
  type Ruleset,
} from './opportunities/index.js';
export type {
  AnyOpportunity,
  Credit,
  Opportunity,
} from './opportunities/opportunity.js';
export { defineOpportunity } from './opportunities/opportunity.js';
export { PETITION_STATUSES } from './opportunities/petition.js';
export {
  activitySchema,
  type Certification,
  certificationSchema,
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
  planSchemaFor,
} from './plan.js';
export { decodePlan, encodePlan, linkFields } from './plan-link.js';
export {
  type AnswerSource,
  answerQuestion,
  type Intent,
  MAX_QUESTION,
  type OtherAnswer,
  type QuestionResult,
  type QuestionSuggestion,
  RENEWAL_INTENTS,
  type RenewalIntent,
  suggestQuestions,
} from './question.js';
export { ETHICS_REQUIRED_FROM, ETHICS_TENTHS, RENEWAL_REQUIREMENT } from './requirements.js';
export { FACTS, SOURCES, type Source, type SourceId } from './sources.js';
export {
  HOW_COURSE_NUMBER,
  HOW_PETITION,
  HOW_UNSTATED,
  SUBMISSION_STEPS,
} from './submission.js';
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
