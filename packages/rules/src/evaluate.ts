/**
 * Evaluating a plan: which activities count toward which certification, what
 * limits and repeats cut, planned vs earned, and the renewal checklist.
 */
import { type CredentialId, credentialName } from './credentials.js';
import { type Cycle, cycleOf, cycleWarnings, inCycle, type Status, statusOn } from './cycle.js';
import { addYears, formatUsDate, type IsoDate, todayIso } from './dates.js';
import { type NextSteps, nextSteps } from './next.js';
import type { CprAedActivity } from './opportunities/cpr-aed.js';
import {
  type Activity,
  getEntry,
  getOpportunity,
  type OpportunityId,
} from './opportunities/index.js';
import type { AnyOpportunity, Credit } from './opportunities/opportunity.js';
import type { Certification, Plan } from './plan.js';
import { ETHICS_REQUIRED_FROM, ETHICS_TENTHS } from './requirements.js';
import { FACTS } from './sources.js';
import { formatCecs, REQUIRED_TENTHS, sumTenths, type Tenths } from './units.js';

/** What one activity is worth on its own (for the certification `credential`, when there is one). */
export function creditActivity(activity: Activity, credential: CredentialId | null = null): Credit {
  const { opportunity: rule, since } = getEntry(activity.kind);
  if (activity.completed < since) {
    return {
      tenths: 0,
      reason: `Completed before ${formatUsDate(since)}, the date of the rules this tool knows (S1).`,
    };
  }
  return rule.credit(activity, { credential });
}

export interface EvaluatedItem {
  /** Position of the activity in the plan's list. */
  index: number;
  kind: OpportunityId;
  label: string;
  completed: IsoDate;
  /** Dated after today, or past its date but not yet confirmed (see `EvaluateOptions`): not earned. */
  planned: boolean;
  inCycle: boolean;
  /** What the activity is worth on its own. */
  credit: Tenths;
  /** What counts toward this cycle after limits and repeats. */
  counted: Tenths;
  reason: string;
  /** Why `counted` is less than `credit`, or null. */
  cut: string | null;
}

export type ChecklistState = 'met' | 'planned' | 'missing' | 'not-required';

export interface ChecklistItem {
  id: 'cpr-aed' | 'ethics';
  label: string;
  state: ChecklistState;
  detail: string;
}

export interface CertificationEvaluation {
  credential: CredentialId;
  name: string;
  cycle: Cycle;
  required: Tenths;
  earned: Tenths;
  planned: Tenths;
  /** Still needed after what is earned (never below 0). */
  remaining: Tenths;
  /** Still needed after what is earned and planned. */
  remainingAfterPlanned: Tenths;
  /** The 2.0 CEC requirement is met by earned credit. */
  met: boolean;
  /** `met`, and every checklist item is met. */
  ready: boolean;
  status: Status;
  daysLeft: number;
  graceEnds: IsoDate;
  checklist: ChecklistItem[];
  items: EvaluatedItem[];
  warnings: string[];
  /** What to do next: the steps that would close the gap (see next.ts). */
  next: NextSteps;
}

export interface PlanEvaluation {
  today: IsoDate;
  certifications: CertificationEvaluation[];
  /** Every activity's own credit, in plan order (useful before a certification is entered). */
  activities: (Credit & { index: number; label: string; planned: boolean })[];
  warnings: string[];
}

// ---------------------------------------------------------------------------
// The steps of evaluating one certification, in order: credit, repeats,
// limits, items, totals, checklist. Each is linear in the number of
// activities: nothing sorts, recurses over or spreads the activity list.

/** An activity of the plan with what does not depend on the certification, read once. */
interface Listed {
  activity: Activity;
  /** Position in the plan's list. */
  index: number;
  rule: AnyOpportunity;
  label: string;
  planned: boolean;
  /** Activities with the same key count once per cycle; null when the rule has none. */
  key: string | null;
  /** What the activity is worth on its own, for no certification in particular. */
  credit: Credit;
}

/** One activity as a certification's evaluation sees it. */
interface Entry extends Omit<Listed, 'credit'> {
  /** What the activity is worth on its own toward this certification. */
  credit: Credit;
  inside: boolean;
}

function listActivities(
  activities: readonly Activity[],
  today: IsoDate,
  unconfirmed: ReadonlySet<number>,
): Listed[] {
  return activities.map((activity, index) => {
    const rule = getOpportunity(activity.kind);
    return {
      activity,
      index,
      rule,
      label: rule.label(activity),
      planned: activity.completed > today || unconfirmed.has(index),
      key: rule.repeatKey?.(activity) ?? null,
      credit: creditActivity(activity),
    };
  });
}

/**
 * Step 1, credit: each activity's own credit toward `credential`, in plan
 * order. Fields are copied one by one: spreading the listed activity into
 * the entry measured several times slower on large plans.
 */
function creditEach(listed: readonly Listed[], credential: CredentialId, cycle: Cycle): Entry[] {
  return listed.map(({ activity, index, rule, label, planned, key, credit }) => {
    const own = creditActivity(activity, credential);
    return {
      activity,
      index,
      rule,
      label,
      planned,
      key,
      // Most credits do not depend on the certification: then one copy of the sentence is kept.
      credit: own.tenths === credit.tenths && own.reason === credit.reason ? credit : own,
      inside: inCycle(cycle, activity.completed),
    };
  });
}

/**
 * Which of two entries with the same repeat key counts: an earned one before
 * a planned one (so recording an entry never lowers what is earned), then the
 * one worth more, then the earlier one; on a tie the one listed first stays.
 */
function outranks(a: Entry, b: Entry): boolean {
  if (a.planned !== b.planned) return !a.planned;
  if (a.credit.tenths !== b.credit.tenths) return a.credit.tenths > b.credit.tenths;
  return a.activity.completed < b.activity.completed;
}

/** The entry that counts for a repeat key, and what the others say. */
interface Repeat {
  counting: Entry;
  cut: string;
}

/** Step 2, repeats: for each repeat key, the one entry of the cycle that counts (S2: a course cannot be repeated; S4: one college course). */
function countedRepeats(entries: readonly Entry[]): Map<string, Repeat> {
  const counting = new Map<string, Entry>();
  for (const entry of entries) {
    if (entry.key === null || !entry.inside) continue;
    const best = counting.get(entry.key);
    if (best === undefined || outranks(entry, best)) counting.set(entry.key, entry);
  }
  const repeats = new Map<string, Repeat>();
  for (const [key, entry] of counting) {
    const why = entry.rule.repeatReason ?? FACTS.noRepeat.text;
    const cut = `${key} is counted once this cycle (the entry of ${formatUsDate(entry.activity.completed)}). ${why}`;
    repeats.set(key, { counting: entry, cut });
  }
  return repeats;
}

/** An entry the repeats step did not cut: it has no repeat key, or it is the one that counts. */
function countsOnce(entry: Entry, repeats: ReadonlyMap<string, Repeat>): boolean {
  return entry.key === null || repeats.get(entry.key)?.counting === entry;
}

/** What counts of an entry, and why it is less than its credit (or null). */
interface Count {
  counted: Tenths;
  cut: string | null;
}

/** Date order; on the same day the larger credit first, so the plan's order never matters. */
function comesBefore(a: Entry, b: Entry): boolean {
  if (a.activity.completed !== b.activity.completed)
    return a.activity.completed < b.activity.completed;
  if (a.credit.tenths !== b.credit.tenths) return a.credit.tenths > b.credit.tenths;
  return a.index < b.index;
}

/** The first entry of `group`, in date order, that has no count yet. */
function firstUncounted(
  group: readonly Entry[],
  counts: ReadonlyMap<Entry, Count>,
): Entry | undefined {
  let first: Entry | undefined;
  for (const entry of group) {
    if (!counts.has(entry) && (first === undefined || comesBefore(entry, first))) first = entry;
  }
  return first;
}

/**
 * Step 3, limits: an opportunity with a limit per cycle (S1) counts its
 * entries in date order until the limit is used up. Each entry with credit
 * uses at least a tenth, so at most `limit` entries count: picking the first
 * one that many times stays linear, with no sort of the activity list.
 */
function countedUnderLimits(
  entries: readonly Entry[],
  repeats: ReadonlyMap<string, Repeat>,
): Map<Entry, Count> {
  const groups = new Map<OpportunityId, { limit: Tenths; cut: string; entries: Entry[] }>();
  for (const entry of entries) {
    const limit = entry.rule.limitPerCycle;
    if (limit === null || !entry.inside || entry.credit.tenths === 0) continue;
    if (!countsOnce(entry, repeats)) continue;
    const group = groups.get(entry.activity.kind);
    if (group) group.entries.push(entry);
    else {
      const cut = `Limit reached: ${entry.rule.name} counts at most ${formatCecs(limit)} CECs per cycle (S1).`;
      groups.set(entry.activity.kind, { limit, cut, entries: [entry] });
    }
  }
  const counts = new Map<Entry, Count>();
  for (const { limit, cut, entries: group } of groups.values()) {
    let left = limit;
    while (left > 0) {
      const first = firstUncounted(group, counts);
      if (first === undefined) break;
      const counted = Math.min(first.credit.tenths, left);
      left -= counted;
      counts.set(first, { counted, cut: counted < first.credit.tenths ? cut : null });
    }
    const over: Count = { counted: 0, cut };
    for (const entry of group) if (!counts.has(entry)) counts.set(entry, over);
  }
  return counts;
}

/** What steps 2 and 3 decided, for step 4. */
interface Decisions {
  repeats: ReadonlyMap<string, Repeat>;
  limits: ReadonlyMap<Entry, Count>;
  /** "outside this cycle (04/01/2025–03/31/2027). CECs count only …", written once per cycle. */
  outside: string;
}

/** Step 4, items: each entry with what counts toward this cycle and, when less than its credit, why. */
function itemOf(entry: Entry, decisions: Decisions): EvaluatedItem {
  const { activity, credit } = entry;
  const { counted, cut } = countOf(entry, decisions);
  return {
    index: entry.index,
    kind: activity.kind,
    label: entry.label,
    completed: activity.completed,
    planned: entry.planned,
    inCycle: entry.inside,
    credit: credit.tenths,
    counted,
    reason: credit.reason,
    cut,
  };
}

function countOf(entry: Entry, { repeats, limits, outside }: Decisions): Count {
  if (!entry.inside) {
    const when = entry.planned ? 'Planned for' : 'Completed';
    return { counted: 0, cut: `${when} ${formatUsDate(entry.activity.completed)}, ${outside}` };
  }
  const repeat = entry.key === null ? undefined : repeats.get(entry.key);
  if (repeat !== undefined && repeat.counting !== entry) return { counted: 0, cut: repeat.cut };
  return limits.get(entry) ?? { counted: entry.credit.tenths, cut: null };
}

/** Step 5, totals: what counts, earned and planned apart. */
function totalsOf(items: readonly EvaluatedItem[]): { earned: Tenths; planned: Tenths } {
  return {
    earned: sumTenths(items.map((item) => (item.planned ? 0 : item.counted))),
    planned: sumTenths(items.map((item) => (item.planned ? item.counted : 0))),
  };
}

/** Step 6, checklist: CPR/AED. A certificate completed by the expiration date and valid on it. */
/**
 * A certificate or petition claiming more than a whole cycle's CECs is
 * possible (a long program) but more often a typo: say so, count it anyway.
 */
function largeClaims(items: readonly EvaluatedItem[]): string[] {
  const warnings: string[] = [];
  for (const item of items) {
    if (
      item.inCycle &&
      item.credit > REQUIRED_TENTHS &&
      (item.kind === 'approved-course' || item.kind === 'petition')
    ) {
      warnings.push(
        `${item.label} claims ${formatCecs(item.credit)} CECs, more than a whole cycle's ${formatCecs(REQUIRED_TENTHS)}: check the certificate.`,
      );
    }
  }
  return warnings;
}

const LIVE_SKILLS =
  'Make sure the course had an in-person skills check: ACE does not accept online-only CPR/AED (S2, S6).';

/**
 * Step 6, checklist: a CPR/AED certificate current on the expiration date
 * (S2, S6), in words true before, on and after that date. An online-only card
 * does not count; a card whose format is not given counts, with a reminder.
 */
function checkCpr(listed: readonly Listed[], cycle: Cycle, today: IsoDate): ChecklistItem {
  const label = 'Current adult CPR/AED certificate on your expiration date';
  const end = formatUsDate(cycle.end);
  let covering: CprAedActivity | null = null;
  let plannedCover: CprAedActivity | null = null;
  let latestBefore: { card: CprAedActivity; until: IsoDate } | null = null;
  let firstAfter: CprAedActivity | null = null;
  let onlineOnly = false;
  for (const { activity, planned } of listed) {
    if (activity.kind !== 'cpr-aed') continue;
    if (activity.skills === 'online-only') {
      onlineOnly = true;
      continue;
    }
    const until = addYears(activity.completed, activity.term === '2yr' ? 2 : 1);
    if (activity.completed > cycle.end) {
      if (firstAfter === null || activity.completed < firstAfter.completed) firstAfter = activity;
    } else if (until < cycle.end) {
      if (latestBefore === null || until > latestBefore.until)
        latestBefore = { card: activity, until };
    } else if (!planned) {
      covering ??= activity;
    } else {
      plannedCover ??= activity;
    }
  }
  const skills = (card: CprAedActivity) => (card.skills === undefined ? ` ${LIVE_SKILLS}` : '');
  if (covering) {
    return {
      id: 'cpr-aed',
      label,
      state: 'met',
      detail: `Your ${covering.term === '2yr' ? '2-year' : '1-year'} certificate from ${formatUsDate(covering.completed)} runs past ${end}.${skills(covering)}`,
    };
  }
  if (plannedCover) {
    return {
      id: 'cpr-aed',
      label,
      state: 'planned',
      detail: `Planned for ${formatUsDate(plannedCover.completed)}: once done, it covers ${end}.${skills(plannedCover)}`,
    };
  }
  let why: string;
  if (latestBefore) {
    const until = formatUsDate(latestBefore.until);
    why =
      today <= cycle.end
        ? `Your latest CPR/AED certificate runs out about ${until}, before your expiration on ${end}: renew it before then (it earns CECs too).`
        : `Your latest CPR/AED certificate ran out about ${until}, before your expiration on ${end}.`;
  } else if (firstAfter) {
    why =
      firstAfter.completed > today
        ? `Your CPR/AED course planned for ${formatUsDate(firstAfter.completed)} is after your expiration on ${end}: take one before then.`
        : `Your CPR/AED certificate from ${formatUsDate(firstAfter.completed)} was completed after your expiration on ${end}, so it did not cover that date: ask ACE whether it counts for a late renewal.`;
  } else if (onlineOnly) {
    why = 'Your CPR/AED certificate is from an online-only course, which ACE does not accept.';
  } else {
    why = 'No CPR/AED certificate recorded.';
  }
  return { id: 'cpr-aed', label, state: 'missing', detail: `${why} ${FACTS.cprAed.text}` };
}

/** An activity marked as professional conduct and ethics (S7); every item has its activity. */
function coversEthics(activity: Activity | undefined): boolean {
  return activity !== undefined && 'ethics' in activity && activity.ethics === true;
}

/** Step 6, checklist: the ethics hour (S7), from what counts this cycle. */
function checkEthics(
  items: readonly EvaluatedItem[],
  activities: readonly Activity[],
  cycle: Cycle,
): ChecklistItem {
  const label = `Professional conduct and ethics: at least ${formatCecs(ETHICS_TENTHS)} CEC`;
  if (cycle.end < ETHICS_REQUIRED_FROM) {
    return {
      id: 'ethics',
      label,
      state: 'not-required',
      detail: `Required only for certifications expiring on or after ${formatUsDate(ETHICS_REQUIRED_FROM)} (S7).`,
    };
  }
  const ethics = items.filter((item) => item.counted > 0 && coversEthics(activities[item.index]));
  const { earned, planned } = totalsOf(ethics);
  if (earned >= ETHICS_TENTHS) {
    return {
      id: 'ethics',
      label,
      state: 'met',
      detail: `${formatCecs(earned)} CECs of ethics courses this cycle.`,
    };
  }
  if (earned + planned >= ETHICS_TENTHS) {
    return {
      id: 'ethics',
      label,
      state: 'planned',
      detail: 'An ethics course is planned in this cycle.',
    };
  }
  return {
    id: 'ethics',
    label,
    state: 'missing',
    detail: `Take an ACE-approved course in professional conduct and ethics, or have such a course approved by petition, and mark it "ethics". ${FACTS.ethics.text}`,
  };
}

function evaluateCertification(
  certification: Certification,
  listed: readonly Listed[],
  activities: readonly Activity[],
  today: IsoDate,
): Omit<CertificationEvaluation, 'next'> {
  const cycle = cycleOf(certification);
  const entries = creditEach(listed, certification.credential, cycle);
  const repeats = countedRepeats(entries);
  const decisions: Decisions = {
    repeats,
    limits: countedUnderLimits(entries, repeats),
    outside: `outside this cycle (${formatUsDate(cycle.start)}–${formatUsDate(cycle.end)}). ${FACTS.noCarryOver.text}`,
  };
  const items = entries.map((entry) => itemOf(entry, decisions));
  const { earned, planned } = totalsOf(items);
  const checklist = [checkCpr(listed, cycle, today), checkEthics(items, activities, cycle)];
  const onToday = statusOn(cycle, today);
  const met = earned >= REQUIRED_TENTHS;
  return {
    credential: certification.credential,
    name: credentialName(certification.credential),
    cycle,
    required: REQUIRED_TENTHS,
    earned,
    planned,
    remaining: Math.max(0, REQUIRED_TENTHS - earned),
    remainingAfterPlanned: Math.max(0, REQUIRED_TENTHS - earned - planned),
    met,
    ready: met && checklist.every((c) => c.state === 'met' || c.state === 'not-required'),
    status: onToday.status,
    daysLeft: onToday.daysLeft,
    graceEnds: onToday.graceEnds,
    checklist,
    items,
    warnings: [...cycleWarnings(certification, cycle, onToday), ...largeClaims(items)],
  };
}

export interface EvaluateOptions {
  /**
   * Positions in `plan.activities` of entries recorded as planned whose date
   * has passed but whose completion nobody has confirmed yet: they stay
   * planned (not earned) until confirmed, whatever their date says.
   */
  unconfirmed?: ReadonlySet<number>;
}

/** Evaluates a validated plan (see `parsePlan`). `today` defaults to the plan's, then the local date. */
export function evaluatePlan(
  plan: Plan,
  today: IsoDate = plan.today ?? todayIso(),
  options: EvaluateOptions = {},
): PlanEvaluation {
  const activities = plan.activities;
  const listed = listActivities(activities, today, options.unconfirmed ?? new Set());
  const warnings: string[] = [];
  if (plan.certifications.length === 0) {
    warnings.push(
      'Add a certification with the expiration date your ACE account shows to see your cycle.',
    );
  }
  return {
    today,
    certifications: plan.certifications.map((c) => {
      const evaluation = evaluateCertification(c, listed, activities, today);
      return { ...evaluation, next: nextSteps(evaluation, plan) };
    }),
    activities: listed.map(({ index, label, planned, credit }) => ({
      index,
      label,
      planned,
      tenths: credit.tenths,
      reason: credit.reason,
    })),
    warnings,
  };
}
