/**
 * The fields of the "add an activity" form: which ones each kind of activity
 * needs and what they are called on screen. The names are the plan's field
 * names (the rules package's schemas); a unit test keeps the two in step.
 * The labels use the words of the rules package's messages, so that
 * "Credit hours must be more than 0" sits under a field called Credit hours.
 */
import type { OpportunityId } from '@cec/rules';

export type FieldName =
  | 'term'
  | 'creditHours'
  | 'grade'
  | 'related'
  | 'credential'
  | 'name'
  | 'courseNumber'
  | 'cecs'
  | 'ethics'
  | 'status'
  | 'title'
  | 'completed';

/** The kind the form starts with: ACE-approved courses are how most people earn their CECs. */
export const FIRST_KIND: OpportunityId = 'approved-course';

/** Every field once, in the order the form shows them. */
export const FIELD_ORDER: readonly FieldName[] = [
  'term',
  'credential',
  'name',
  'courseNumber',
  'cecs',
  'creditHours',
  'grade',
  'status',
  'title',
  'related',
  'ethics',
  'completed',
];

/** The fields each kind of activity has (besides `kind`), as in its schema. */
export const KIND_FIELDS: Record<OpportunityId, readonly FieldName[]> = {
  'cpr-aed': ['term', 'completed'],
  college: ['creditHours', 'grade', 'related', 'title', 'completed'],
  'ace-certification': ['credential', 'completed'],
  presentation: ['title', 'completed'],
  'ncca-certification': ['name', 'completed'],
  publication: ['title', 'completed'],
  mentoring: ['title', 'completed'],
  'approved-course': ['courseNumber', 'cecs', 'ethics', 'title', 'completed'],
  petition: ['title', 'status', 'cecs', 'completed'],
};

/** Fields a person may leave empty for a kind (the schema marks them optional). */
export const OPTIONAL_FIELDS: Partial<Record<OpportunityId, readonly FieldName[]>> = {
  college: ['title'],
  presentation: ['title'],
  mentoring: ['title'],
  'approved-course': ['title'],
};

/** Fields whose value is a number in the plan; the form keeps what was typed until it is one. */
export const NUMBER_FIELDS: readonly FieldName[] = ['creditHours', 'cecs'];

/** Checkboxes: true or false in the plan. */
export const BOOLEAN_FIELDS: readonly FieldName[] = ['related', 'ethics'];

export const FIELD_LABELS: Record<FieldName, string> = {
  term: 'Certificate length',
  creditHours: 'Credit hours',
  grade: 'Grade',
  related: 'Exercise science, anatomy, or a health- or fitness-related course',
  credential: 'ACE certification earned',
  name: 'Certification name',
  courseNumber: 'Course number',
  cecs: 'CECs on certificate',
  ethics: 'Covers professional conduct and ethics',
  status: 'Petition status',
  title: 'Title',
  completed: 'Completion date',
};

/**
 * Where one input serves kinds that name it differently, the label follows
 * the kind, again in the words of the rules package's messages (a petition's
 * amount is "CECs", a publication's title "Title").
 */
export const KIND_LABELS: Partial<Record<OpportunityId, Partial<Record<FieldName, string>>>> = {
  college: { title: 'Course title' },
  mentoring: { title: 'Description' },
  'approved-course': { title: 'Course title' },
  petition: { title: 'Course title', cecs: 'CECs requested or approved' },
};

export function fieldLabel(kind: OpportunityId, field: FieldName): string {
  return KIND_LABELS[kind]?.[field] ?? FIELD_LABELS[field];
}

export function isOptional(kind: OpportunityId, field: FieldName): boolean {
  return OPTIONAL_FIELDS[kind]?.includes(field) ?? false;
}

/** What a fresh form holds: the schemas' defaults for the checkboxes, the first option of each list. */
export const FIELD_DEFAULTS: Record<FieldName, string> = {
  term: '2yr',
  creditHours: '',
  grade: 'A',
  related: 'true',
  credential: 'health-coach',
  name: '',
  courseNumber: '',
  cecs: '',
  ethics: 'false',
  status: 'pending',
  title: '',
  completed: '',
};
