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
  type CertificationEvaluation,
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
import { type Countdown, countdown } from '../countdown';
import type { CertificationDraft } from '../stored';
import { FIRST_KIND, type FieldName, formField, initialValues, kindFields } from './fields';

export type { CertificationDraft, DateKind } from '../stored';

/** The "add an activity" form as typed. */
export interface ActivityDraft {
  kind: OpportunityId;
  values: Record<FieldName, string>;
}

export type DraftErrors = Partial<Record<FieldName | 'form', string>>;

/** The messages showing next to a certification's controls: `credential`, `date`. */
export type CertificationErrors = Partial<Record<'credential' | 'date', string>>;

export interface CalculatorState {
  certifications: CertificationDraft[];
  /** Activities already checked by the rules package (dates ISO, course numbers normalised). */
  activities: Activity[];
  draft: ActivityDraft;
  /** Index of the activity being edited in the form, or null when the form adds a new one. */
  editing: number | null;
  /**
   * The rules package's messages showing under the form's fields: a field is
   * checked when the person leaves it or submits, never while it is typed.
   */
  draftErrors: DraftErrors;
  /** The same for each certification, in the order of `certifications`. */
  certificationErrors: CertificationErrors[];
}

export type Action =
  | { type: 'set-certification'; index: number; patch: Partial<CertificationDraft> }
  | { type: 'leave-certification'; index: number }
  | { type: 'add-certification' }
  | { type: 'remove-certification'; index: number }
  | { type: 'choose-kind'; kind: OpportunityId }
  | { type: 'set-field'; field: FieldName; value: string }
  | { type: 'leave-field'; field: FieldName }
  | { type: 'submit-activity' }
  | { type: 'edit-activity'; index: number }
  | { type: 'cancel-edit' }
  | { type: 'remove-activity'; index: number }
  | { type: 'start-over' }
  /** A planner step's "Add": the form filled with its activity, to complete and add. */
  | { type: 'prefill'; activity: Record<string, unknown> };

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
    certificationErrors: [{}],
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
export function draftFromActivity(activity: Activity | Record<string, unknown>): ActivityDraft {
  const record = activity as Record<string, unknown>;
  const draft = emptyDraft(record.kind as OpportunityId);
  for (const { name } of kindFields(draft.kind)) {
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
export function checkCertification(draft: CertificationDraft): CertificationErrors {
  const result = parsePlan({ certifications: [certificationInput(draft)], activities: [] });
  if (result.ok) return {};
  const errors = collectErrors(result.problems, '$.certifications[0]');
  // The date is one field on screen whichever date it is.
  const date = errors[draft.dateKind] ?? errors.form;
  const out: CertificationErrors = {};
  if (errors.credential) out.credential = errors.credential;
  if (date) out.date = date;
  return out;
}

/**
 * Messages already showing follow what is typed (a fixed field loses its
 * message at once); no new message appears until the field is left.
 */
function recheck<Errors extends Partial<Record<string, string>>>(
  showing: Errors,
  now: Errors,
): Errors {
  const next: Partial<Record<string, string>> = {};
  for (const field of Object.keys(showing)) {
    if (now[field] !== undefined) next[field] = now[field];
  }
  return next as Errors;
}

/** What leaving `field` shows: its message, unless nothing is typed in it yet. */
function leave<Errors extends Partial<Record<string, string>>>(
  showing: Errors,
  now: Errors,
  field: string,
  typed: string,
): Errors {
  const next: Partial<Record<string, string>> = { ...showing };
  if (typed.trim() !== '' && now[field] !== undefined) next[field] = now[field];
  else delete next[field];
  return next as Errors;
}

// ---------------------------------------------------------------------------
// update

function clampEditing(editing: number | null, removed: number): number | null {
  if (editing === null || editing === removed) return null;
  return editing > removed ? editing - 1 : editing;
}

export function update(state: CalculatorState, action: Action): CalculatorState {
  switch (action.type) {
    case 'set-certification': {
      const certifications = state.certifications.map((c, i) =>
        i === action.index ? { ...c, ...action.patch } : c,
      );
      return {
        ...state,
        certifications,
        certificationErrors: certificationErrors(state, certifications),
      };
    }
    case 'leave-certification': {
      const draft = state.certifications[action.index];
      if (!draft) return state;
      const now = checkCertification(draft);
      const showing = leave(state.certificationErrors[action.index] ?? {}, now, 'date', draft.date);
      // A choice is never half-typed: its message shows at once.
      if (now.credential) showing.credential = now.credential;
      return {
        ...state,
        certificationErrors: state.certifications.map((_, i) =>
          i === action.index ? showing : (state.certificationErrors[i] ?? {}),
        ),
      };
    }
    case 'add-certification': {
      const used = new Set(state.certifications.map((c) => c.credential));
      const credential = CREDENTIAL_IDS.find((id) => !used.has(id));
      if (!credential) return state;
      return {
        ...state,
        certifications: [...state.certifications, { credential, dateKind: 'expires', date: '' }],
        certificationErrors: [
          ...state.certifications.map((_, i) => state.certificationErrors[i] ?? {}),
          {},
        ],
      };
    }
    case 'remove-certification':
      return {
        ...state,
        certifications: state.certifications.filter((_, i) => i !== action.index),
        certificationErrors: state.certifications
          .map((_, i) => state.certificationErrors[i] ?? {})
          .filter((_, i) => i !== action.index),
      };
    case 'choose-kind': {
      const draft = { kind: action.kind, values: { ...state.draft.values } };
      return { ...state, draft, draftErrors: recheck(state.draftErrors, errorsOf(draft)) };
    }
    case 'set-field': {
      const draft = {
        ...state.draft,
        values: { ...state.draft.values, [action.field]: action.value },
      };
      return { ...state, draft, draftErrors: recheck(state.draftErrors, errorsOf(draft)) };
    }
    case 'leave-field': {
      const typed = state.draft.values[action.field] ?? '';
      return {
        ...state,
        draftErrors: leave(state.draftErrors, errorsOf(state.draft), action.field, typed),
      };
    }
    case 'submit-activity': {
      const check = checkDraft(state.draft);
      if (!check.ok) return { ...state, draftErrors: check.errors };
      const activities =
        state.editing === null
          ? [...state.activities, check.activity]
          : state.activities.map((a, i) => (i === state.editing ? check.activity : a));
      // The kind stays (people log several of a kind); every value, the date too, starts empty.
      return {
        ...state,
        activities,
        draft: emptyDraft(state.draft.kind),
        editing: null,
        draftErrors: {},
      };
    }
    case 'prefill':
      return {
        ...state,
        draft: draftFromActivity(action.activity),
        editing: null,
        draftErrors: {},
      };
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
    case 'start-over':
      return initialState();
  }
}

function errorsOf(draft: ActivityDraft): DraftErrors {
  const check = checkDraft(draft);
  return check.ok ? {} : check.errors;
}

function certificationErrors(
  state: CalculatorState,
  certifications: readonly CertificationDraft[],
): CertificationErrors[] {
  return certifications.map((draft, i) =>
    recheck(state.certificationErrors[i] ?? {}, checkCertification(draft)),
  );
}

// ---------------------------------------------------------------------------
// view

export interface CertificationView {
  /** The messages showing next to its controls (see `certificationErrors`). */
  errors: CertificationErrors;
  /**
   * What the rules package says about a valid date beyond the numbers: an
   * estimate, an expiration already past (grace period or expired).
   */
  notes: string[];
  /** A second entry for a credential already listed: it is left out of the results. */
  duplicate: boolean;
}

export interface ChecklistView {
  label: string;
  /** A word or two for the summary, e.g. "CPR/AED". */
  short: string;
  state: ChecklistState;
  stateLabel: string;
  detail: string;
}

export interface ResultView {
  credential: CredentialId;
  name: string;
  deadline: string;
  status: Status;
  statusLabel: string;
  estimated: boolean;
  cycle: string;
  earned: string;
  planned: string;
  remaining: string;
  remainingAfterPlanned: string;
  required: string;
  /** The progress bar, in tenths. */
  bar: { earned: number; planned: number; required: number };
  progress: string;
  /** The countdown that matters today: to the expiration, or in the grace period to its end. */
  days: Countdown;
  checklist: ChecklistView[];
  warnings: string[];
  /** The renewal planner's answer: the fastest way, then each step. */
  next: { fastest: string; steps: NextStepView[] };
}

export interface NextStepView {
  text: string;
  how: string;
  required: boolean;
  /** "+0.4", or null for a step that adds nothing. */
  adds: string | null;
  /** What the step's "Add" button puts in the form, or null when there is nothing to add. */
  activity: Record<string, unknown> | null;
}

export interface ActivityView {
  label: string;
  date: string;
  planned: boolean;
  /** What the activity is worth on its own. */
  worth: string;
  reason: string;
  /** What it counts toward each certification, and why when that is less than it is worth. */
  toward: { name: string; counted: string; cut: string | null }[];
  /** What it counts when that is the same for every certification; null without one, or when they differ. */
  counted: string | null;
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

/** Short names of the checklist's items for the summary; an item the rules add later shows its label. */
const CHECKLIST_SHORT: Record<string, string> = { 'cpr-aed': 'CPR/AED', ethics: 'Ethics hour' };

/** The certifications that can be evaluated: valid, and the first entry of each credential. */
function usableCertifications(state: CalculatorState): {
  views: CertificationView[];
  inputs: Record<string, unknown>[];
} {
  const seen = new Set<CredentialId>();
  const views: CertificationView[] = [];
  const inputs: Record<string, unknown>[] = [];
  state.certifications.forEach((draft, i) => {
    const valid = Object.keys(checkCertification(draft)).length === 0;
    const duplicate = seen.has(draft.credential);
    seen.add(draft.credential);
    views.push({ errors: state.certificationErrors[i] ?? {}, notes: [], duplicate });
    if (valid && !duplicate) inputs.push(certificationInput(draft));
  });
  return { views, inputs };
}

function duplicateMessage(state: CalculatorState): string | null {
  const result = parsePlan({ certifications: state.certifications.map(certificationInput) });
  if (result.ok) return null;
  return result.problems.find((p) => p.path === '$.certifications')?.message ?? null;
}

function resultView(c: CertificationEvaluation, today: IsoDate): ResultView {
  return {
    credential: c.credential,
    name: c.name,
    deadline: deadlineSentence(c),
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    estimated: c.cycle.estimated,
    cycle: `${formatUsDate(c.cycle.start)}–${formatUsDate(c.cycle.end)}`,
    earned: formatCecs(c.earned),
    planned: formatCecs(c.planned),
    remaining: formatCecs(c.remaining),
    remainingAfterPlanned: formatCecs(c.remainingAfterPlanned),
    required: formatCecs(c.required),
    bar: { earned: c.earned, planned: c.planned, required: c.required },
    progress: progressSentence(c),
    days: countdown(c, today),
    checklist: c.checklist.map((item) => ({
      label: item.label,
      short: CHECKLIST_SHORT[item.id] ?? item.label,
      state: item.state,
      stateLabel: CHECKLIST_LABELS[item.state],
      detail: item.detail,
    })),
    warnings: c.warnings,
    next: {
      fastest: c.next.fastest.text,
      steps: c.next.steps.map((step) => ({
        text: step.text,
        how: step.how,
        required: step.required,
        adds: step.adds > 0 ? `+${formatCecs(step.adds)}` : null,
        activity: step.activity,
      })),
    },
  };
}

function validPlan(state: CalculatorState, inputs: Record<string, unknown>[]): Plan {
  const parsed = parsePlan({ certifications: inputs, activities: state.activities });
  // Both parts were checked one by one, so this holds; the fallback keeps the page alive.
  return parsed.ok
    ? parsed.plan
    : { certifications: [], activities: state.activities as Plan['activities'] };
}

/** The valid part of the state as a plan: what the link, the exports and the results are made of. */
export function planOf(state: CalculatorState): Plan {
  return validPlan(state, usableCertifications(state).inputs);
}

export function view(state: CalculatorState, today: IsoDate): ViewModel {
  const { views, inputs } = usableCertifications(state);
  const plan = validPlan(state, inputs);
  const evaluation = evaluatePlan(plan, today);
  // Each evaluated certification is the first valid entry of its credential.
  for (const c of evaluation.certifications) {
    const at = state.certifications.findIndex(
      (d, i) => d.credential === c.credential && !views[i]?.duplicate,
    );
    const own = views[at];
    if (own) own.notes = c.warnings;
  }
  return {
    certifications: views,
    certificationsError: views.some((v) => v.duplicate) ? duplicateMessage(state) : null,
    results: evaluation.certifications.map((c) => resultView(c, today)),
    activities: evaluation.activities.map((a) => {
      const worth = formatCecs(a.tenths);
      const toward = evaluation.certifications.map((c) => {
        // Items are in plan order, one per activity.
        const item = c.items[a.index];
        const counted = item?.counted ?? 0;
        // Cut by a limit, a repeat or the cycle, or worth less to this certification
        // (an extra ACE certification gives nothing to the one it is).
        const cut = counted < a.tenths ? (item?.cut ?? item?.reason ?? null) : null;
        return { name: c.name, counted: formatCecs(counted), cut };
      });
      const amounts = new Set(toward.map((t) => t.counted));
      return {
        label: a.label,
        date: formatUsDate(state.activities[a.index]?.completed ?? today),
        planned: a.planned,
        worth,
        reason: a.reason,
        toward,
        counted: amounts.size === 1 ? ([...amounts][0] ?? null) : null,
      };
    }),
    warnings: evaluation.warnings,
    plan,
  };
}
