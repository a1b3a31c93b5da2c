/**
 * Where the calculator's state is kept between visits: the link (`?plan=`,
 * encoded by the rules package, the same links the bot posts) and the
 * browser's localStorage. Pure functions over strings; the page passes in
 * `location.search` and what localStorage holds. The link's encoding is
 * compressed with the browser's own streams, so reading and writing a link
 * are async.
 *
 * The link carries the valid part of the state (what a shared link should
 * show); localStorage carries everything as typed, a half-typed date
 * included, so nothing is lost on reload.
 */
import {
  type Activity,
  decodePlan,
  encodePlan,
  formatUsDate,
  OPPORTUNITY_IDS,
  type OpportunityId,
  type Plan,
  parsePlan,
} from '@cec/rules';
import { isRecord, readCertification, STORAGE_VERSION } from '../stored';
import {
  type ActivityDraft,
  type CalculatorState,
  emptyDraft,
  initialState,
  planOf,
} from './state';

export { STORAGE_KEY } from '../stored';
export const PLAN_PARAM = 'plan';

/** The calculator as a plan describes it (a link from the bot or a shared one). */
export function stateFromPlan(plan: Plan): CalculatorState {
  const state = initialState();
  state.certifications = plan.certifications.map((c) => ({
    credential: c.credential,
    dateKind: c.expires ? 'expires' : 'certified',
    date: formatUsDate(c.expires ?? c.certified ?? ''),
  }));
  if (state.certifications.length === 0) state.certifications = initialState().certifications;
  state.activities = plan.activities;
  return state;
}

/** `?plan=…` for the valid part of the state; no parameter when there is nothing to keep. */
export async function searchFor(plan: Plan, currentSearch: string): Promise<string> {
  const params = new URLSearchParams(currentSearch);
  const hasDates = plan.certifications.length > 0 || plan.activities.length > 0;
  if (hasDates) params.set(PLAN_PARAM, await encodePlan(plan));
  else params.delete(PLAN_PARAM);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function serialize(state: CalculatorState): string {
  return JSON.stringify({
    version: STORAGE_VERSION,
    certifications: state.certifications,
    activities: state.activities,
    draft: state.draft,
  });
}

function readActivity(value: unknown): Activity | null {
  const result = parsePlan({ certifications: [], activities: [value] });
  return result.ok ? (result.plan.activities[0] ?? null) : null;
}

function readDraft(value: unknown): ActivityDraft | null {
  if (!isRecord(value) || !OPPORTUNITY_IDS.includes(value.kind as OpportunityId)) return null;
  const draft = emptyDraft(value.kind as OpportunityId);
  if (isRecord(value.values)) {
    // Only the fields the form has: a stored value under any other name is dropped.
    for (const field of Object.keys(draft.values)) {
      const text = value.values[field];
      if (typeof text === 'string') draft.values[field] = text;
    }
  }
  return draft;
}

export type Restored = { state: CalculatorState; lost: number } | null;

/**
 * What localStorage held, or null when it held nothing usable. `lost` counts
 * entries that no longer validate (saved by an older calculator) and were left out.
 */
export function deserialize(text: string | null): Restored {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(data) || data.version !== STORAGE_VERSION) return null;
  const state = initialState();
  let lost = 0;
  if (Array.isArray(data.certifications)) {
    state.certifications = [];
    for (const item of data.certifications) {
      const certification = readCertification(item);
      if (certification) state.certifications.push(certification);
      else lost++;
    }
  }
  if (Array.isArray(data.activities)) {
    for (const item of data.activities) {
      const activity = readActivity(item);
      if (activity) state.activities.push(activity);
      else lost++;
    }
  }
  state.draft = readDraft(data.draft) ?? state.draft;
  return { state, lost };
}

export interface Loaded {
  state: CalculatorState;
  /** The link's plan was used (and should stay in the address bar). */
  fromLink: boolean;
  /** The different plan this browser had saved, which the link's plan replaces: the person may want it back. */
  replaced: CalculatorState | null;
  /** Messages to show: a damaged link (in the rules package's words), or saved entries left out. */
  notices: string[];
}

/** Whether a state holds anything a person would miss. */
function holdsAPlan(state: CalculatorState): boolean {
  const plan = planOf(state);
  return plan.certifications.length > 0 || plan.activities.length > 0;
}

/** The link wins when it has a plan; a damaged link is explained and the saved state is kept. */
export async function load(search: string, stored: string | null): Promise<Loaded> {
  const notices: string[] = [];
  const encoded = new URLSearchParams(search).get(PLAN_PARAM);
  const restored = deserialize(stored);
  if (encoded !== null) {
    const decoded = await decodePlan(encoded);
    if (decoded.ok) {
      const state = stateFromPlan(decoded.plan);
      const saved = restored?.state;
      const replaced =
        saved &&
        holdsAPlan(saved) &&
        JSON.stringify(planOf(saved)) !== JSON.stringify(planOf(state))
          ? saved
          : null;
      return { state, fromLink: true, replaced, notices };
    }
    for (const problem of decoded.problems) notices.push(problem.message);
  }
  if (restored && restored.lost > 0) {
    notices.push(
      `${restored.lost} saved ${restored.lost === 1 ? 'entry' : 'entries'} could not be read and ${restored.lost === 1 ? 'was' : 'were'} left out.`,
    );
  }
  return { state: restored?.state ?? initialState(), fromLink: false, replaced: null, notices };
}
