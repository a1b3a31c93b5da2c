/**
 * The calculator's state and what it shows, as pure functions: `update`
 * turns a state and an action into the next state, `view` turns a state into
 * everything the page displays. No DOM here, so all of it is unit-tested.
 *
 * Every number and sentence comes from @cec/rules: the state only holds what
 * the person typed, and the view asks the rules package to validate, credit
 * and explain it.
 */
import {
  type Activity,
  CHECKLIST_LABELS,
  type ChecklistState,
  CREDENTIAL_IDS,
  type CredentialId,
  deadlineSentence,
  evaluatePlan,
  formatCecs,
  formatUsDate,
  type IsoDate,
  type OpportunityId,
  type Plan,
  type PlanProblem,
  parsePlan,
  progressSentence,
  STATUS_LABELS,
  type Status,
} from '@cec/rules';
import { FIRST_KIND, type FieldName, formField, initialValues, kindFields } from './fields';

/** Which date of a certification the person knows: the expiration, or the certification date (estimate). */
export type DateKind = 'expires' | 'certified';

/** A certification as typed: kept as text so nothing is lost while it is not yet a valid date. */
export interface CertificationDraft {
  credential: CredentialId;
  dateKind: DateKind;
  date: string;
}

/** The "add an activity" form as typed. */
export interface ActivityDraft {
  kind: OpportunityId;
  values: Record<FieldName, string>;
}

export type DraftErrors = Partial<Record<FieldName | 'form', string>>;

export interface CalculatorState {
  certifications: CertificationDraft[];
  /** Activities already checked by the rules package (dates ISO, course numbers normalised). */
  activities: Activity[];
  draft: ActivityDraft;
  /** Index of the activity being edited in the form, or null when the form adds a new one. */
  editing: number | null;
  /** The rules package's messages for the form, shown once the person tried to add it. */
  draftErrors: DraftErrors;
}

export type Action =
  | { type: 'set-certification'; index: number; patch: Partial<CertificationDraft> }
  | { type: 'add-certification' }
  | { type: 'remove-certification'; index: number }
  | { type: 'choose-kind'; kind: OpportunityId }
  | { type: 'set-field'; field: FieldName; value: string }
  | { type: 'submit-activity' }
  | { type: 'edit-activity'; index: number }
  | { type: 'cancel-edit' }
  | { type: 'remove-activity'; index: number };

export function emptyDraft(kind: OpportunityId): ActivityDraft {
  return { kind, values: initialValues() };
}

export function initialState(): CalculatorState {
  return {
    certifications: [{ credential: 'personal-trainer', dateKind: 'expires', date: '' }],
    activities: [],
    draft: emptyDraft(FIRST_KIND),
    editing: null,
    draftErrors: {},
  };
}

// ---------------------------------------------------------------------------
// From typed text to plan input, and back

/** "3" → 3; text that is not a number stays text, so the rules package names the field in its message. */
function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** The plan input for the activity in the form: only the fields its kind has. */
export function draftInput(draft: ActivityDraft): Record<string, unknown> {
  const input: Record<string, unknown> = { kind: draft.kind };
  for (const { name } of kindFields(draft.kind)) {
    const text = draft.values[name] ?? '';
    const control = formField(name)?.control;
    // Nothing typed is nothing given: the rules package says it is missing, or leaves it out.
    if (control === 'checkbox') input[name] = text === 'true';
    else if (text.trim() === '') continue;
    else if (control === 'decimal') input[name] = numberOrText(text);
    else input[name] = text;
  }
  return input;
}

/** The form filled with a recorded activity, for editing it. */
export function draftFromActivity(activity: Activity): ActivityDraft {
  const draft = emptyDraft(activity.kind);
  const record = activity as unknown as Record<string, unknown>;
  for (const { name } of kindFields(activity.kind)) {
    const value = record[name];
    if (value === undefined) continue;
    draft.values[name] = name === 'completed' ? formatUsDate(String(value)) : String(value);
  }
  return draft;
}

export function certificationInput(draft: CertificationDraft): Record<string, unknown> {
  return { credential: draft.credential, [draft.dateKind]: draft.date };
}

/** `$.activities[0].creditHours` → `creditHours`; anything not about one field → `form`. */
function problemField(problem: PlanProblem, prefix: string): string {
  if (!problem.path.startsWith(prefix)) return 'form';
  const rest = problem.path.slice(prefix.length);
  return /^\.\w+$/.test(rest) ? rest.slice(1) : 'form';
}

function collectErrors(problems: readonly PlanProblem[], prefix: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const field = problemField(problem, prefix);
    // One message per field, the first the rules package gives.
    errors[field] ??= problem.message;
  }
  return errors;
}

export type DraftCheck = { ok: true; activity: Activity } | { ok: false; errors: DraftErrors };

/** Asks the rules package whether the form holds a valid activity. */
export function checkDraft(draft: ActivityDraft): DraftCheck {
  const result = parsePlan({ certifications: [], activities: [draftInput(draft)] });
  if (result.ok) {
    const activity = result.plan.activities[0];
    if (activity) return { ok: true, activity };
  }
  const problems = result.ok ? [] : result.problems;
  return { ok: false, errors: collectErrors(problems, '$.activities[0]') as DraftErrors };
}

/** The rules package's messages for one certification as typed: `credential`, `date`, or `form`. */
export function checkCertification(draft: CertificationDraft): Record<string, string> {
  const result = parsePlan({ certifications: [certificationInput(draft)], activities: [] });
  if (result.ok) return {};
  const errors = collectErrors(result.problems, '$.certifications[0]');
  // The date is one field on screen whichever date it is.
  const date = errors[draft.dateKind] ?? errors.form;
  const out: Record<string, string> = {};
  if (errors.credential) out.credential = errors.credential;
  if (date) out.date = date;
  return out;
}

// ---------------------------------------------------------------------------
// update

function clampEditing(editing: number | null, removed: number): number | null {
  if (editing === null || editing === removed) return null;
  return editing > removed ? editing - 1 : editing;
}

export function update(state: CalculatorState, action: Action): CalculatorState {
  switch (action.type) {
    case 'set-certification':
      return {
        ...state,
        certifications: state.certifications.map((c, i) =>
          i === action.index ? { ...c, ...action.patch } : c,
        ),
      };
    case 'add-certification': {
      const used = new Set(state.certifications.map((c) => c.credential));
      const credential = CREDENTIAL_IDS.find((id) => !used.has(id));
      if (!credential) return state;
      return {
        ...state,
        certifications: [...state.certifications, { credential, dateKind: 'expires', date: '' }],
      };
    }
    case 'remove-certification':
      return {
        ...state,
        certifications: state.certifications.filter((_, i) => i !== action.index),
      };
    case 'choose-kind': {
      const draft = { kind: action.kind, values: { ...state.draft.values } };
      return { ...state, draft, draftErrors: recheck(state, draft) };
    }
    case 'set-field': {
      const draft = {
        ...state.draft,
        values: { ...state.draft.values, [action.field]: action.value },
      };
      return { ...state, draft, draftErrors: recheck(state, draft) };
    }
    case 'submit-activity': {
      const check = checkDraft(state.draft);
      if (!check.ok) return { ...state, draftErrors: check.errors };
      const activities =
        state.editing === null
          ? [...state.activities, check.activity]
          : state.activities.map((a, i) => (i === state.editing ? check.activity : a));
      // Keep the kind and the date: people often log several of a kind from one event.
      const draft = emptyDraft(state.draft.kind);
      draft.values.completed = state.draft.values.completed ?? '';
      return { ...state, activities, draft, editing: null, draftErrors: {} };
    }
    case 'edit-activity': {
      const activity = state.activities[action.index];
      if (!activity) return state;
      return {
        ...state,
        draft: draftFromActivity(activity),
        editing: action.index,
        draftErrors: {},
      };
    }
    case 'cancel-edit':
      return { ...state, draft: emptyDraft(state.draft.kind), editing: null, draftErrors: {} };
    case 'remove-activity':
      return {
        ...state,
        activities: state.activities.filter((_, i) => i !== action.index),
        editing: clampEditing(state.editing, action.index),
      };
  }
}

/** Once messages are showing, they follow what is typed, so a fixed field loses its message at once. */
function recheck(state: CalculatorState, draft: ActivityDraft): DraftErrors {
  if (Object.keys(state.draftErrors).length === 0) return {};
  const check = checkDraft(draft);
  return check.ok ? {} : check.errors;
}

// ---------------------------------------------------------------------------
// view

export interface CertificationView {
  /** Messages by field (`credential`, `date`), shown next to the field. */
  errors: Record<string, string>;
  /** A second entry for a credential already listed: it is left out of the results. */
  duplicate: boolean;
}

export interface ResultView {
  credential: CredentialId;
  name: string;
  deadline: string;
  status: Status;
  statusLabel: string;
  estimated: boolean;
  cycle: string;
  total: string;
  earned: number;
  required: number;
  requiredText: string;
  planned: string;
  remaining: string;
  remainingAfterPlanned: string;
  progress: string;
  checklist: { label: string; state: ChecklistState; stateLabel: string; detail: string }[];
  warnings: string[];
}

export interface ActivityView {
  label: string;
  date: string;
  planned: boolean;
  credit: string;
  reason: string;
  /** Certifications for which the activity counts less than its own credit, and why. */
  cuts: { name: string; counted: string; cut: string }[];
}

export interface ViewModel {
  certifications: CertificationView[];
  /** The rules package's message when the same credential is listed twice. */
  certificationsError: string | null;
  results: ResultView[];
  activities: ActivityView[];
  warnings: string[];
  /** The valid part of the state as a plan: what the link and the results are made of. */
  plan: Plan;
}

/** The certifications that can be evaluated: valid, and the first entry of each credential. */
function usableCertifications(state: CalculatorState): {
  views: CertificationView[];
  inputs: Record<string, unknown>[];
} {
  const seen = new Set<CredentialId>();
  const views: CertificationView[] = [];
  const inputs: Record<string, unknown>[] = [];
  for (const draft of state.certifications) {
    const errors = checkCertification(draft);
    const duplicate = seen.has(draft.credential);
    seen.add(draft.credential);
    views.push({ errors, duplicate });
    if (Object.keys(errors).length === 0 && !duplicate) inputs.push(certificationInput(draft));
  }
  return { views, inputs };
}

function duplicateMessage(state: CalculatorState): string | null {
  const result = parsePlan({ certifications: state.certifications.map(certificationInput) });
  if (result.ok) return null;
  return result.problems.find((p) => p.path === '$.certifications')?.message ?? null;
}

export function view(state: CalculatorState, today: IsoDate): ViewModel {
  const { views, inputs } = usableCertifications(state);
  const parsed = parsePlan({ certifications: inputs, activities: state.activities });
  // Both parts were checked one by one above, so this holds; the fallback keeps the page alive.
  const plan: Plan = parsed.ok
    ? parsed.plan
    : { certifications: [], activities: state.activities as Plan['activities'] };
  const evaluation = evaluatePlan(plan, today);
  return {
    certifications: views,
    certificationsError: views.some((v) => v.duplicate) ? duplicateMessage(state) : null,
    results: evaluation.certifications.map((c) => ({
      credential: c.credential,
      name: c.name,
      deadline: deadlineSentence(c),
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      estimated: c.cycle.estimated,
      cycle: `${formatUsDate(c.cycle.start)}–${formatUsDate(c.cycle.end)}`,
      total: formatCecs(c.earned),
      earned: c.earned,
      required: c.required,
      requiredText: formatCecs(c.required),
      planned: formatCecs(c.planned),
      remaining: formatCecs(c.remaining),
      remainingAfterPlanned: formatCecs(c.remainingAfterPlanned),
      progress: progressSentence(c),
      checklist: c.checklist.map((item) => ({
        label: item.label,
        state: item.state,
        stateLabel: CHECKLIST_LABELS[item.state],
        detail: item.detail,
      })),
      warnings: c.warnings,
    })),
    activities: evaluation.activities.map((a) => ({
      label: a.label,
      date: formatUsDate(state.activities[a.index]?.completed ?? today),
      planned: a.planned,
      credit: formatCecs(a.tenths),
      reason: a.reason,
      cuts: evaluation.certifications.flatMap((c) => {
        const item = c.items.find((i) => i.index === a.index);
        // Cut by a limit, a repeat or the cycle, or worth less to this certification
        // (an extra ACE certification gives nothing to the one it is).
        if (!item || item.counted >= a.tenths) return [];
        return [{ name: c.name, counted: formatCecs(item.counted), cut: item.cut ?? item.reason }];
      }),
    })),
    warnings: evaluation.warnings,
    plan,
  };
}
