/**
 * Evaluating a plan: which activities count toward which certification, what
 * limits and repeats cut, planned vs earned, and the renewal checklist.
 */
import { type CredentialId, credentialName } from './credentials.js';
import { type Cycle, cycleOf, cycleWarnings, inCycle, type Status, statusOn } from './cycle.js';
import { addYears, formatUsDate, type IsoDate, todayIso } from './dates.js';
import { type NextSteps, nextSteps } from './next.js';
import {
  type Activity,
  getEntry,
  getOpportunity,
  type OpportunityId,
} from './opportunities/index.js';
import type { Certification, Plan } from './plan.js';
import { ETHICS_REQUIRED_FROM, ETHICS_TENTHS } from './requirements.js';
import { FACTS } from './sources.js';
import { formatCecs, REQUIRED_TENTHS, type Tenths } from './units.js';

export interface ActivityCredit {
  tenths: Tenths;
  reason: string;
}

/** What one activity is worth on its own (for the certification `credential`, when there is one). */
export function creditActivity(
  activity: Activity,
  credential: CredentialId | null = null,
): ActivityCredit {
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
  /** Dated after today: planned, not yet earned. */
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
  activities: (ActivityCredit & { index: number; label: string; planned: boolean })[];
  warnings: string[];
}

function limitCut(name: string, limit: Tenths): string {
  return `Limit reached: ${name} counts at most ${formatCecs(limit)} CECs per cycle (S1).`;
}

function checkCpr(activities: readonly Activity[], cycle: Cycle, today: IsoDate): ChecklistItem {
  const label = 'Current adult CPR/AED certificate on your expiration date';
  let planned: Activity | null = null;
  let latestEnd: IsoDate | null = null;
  for (const activity of activities) {
    if (activity.kind !== 'cpr-aed') continue;
    const validUntil = addYears(activity.completed, activity.term === '2yr' ? 2 : 1);
    if (activity.completed <= cycle.end && validUntil >= cycle.end) {
      if (activity.completed <= today) {
        return {
          id: 'cpr-aed',
          label,
          state: 'met',
          detail: `Your ${activity.term === '2yr' ? '2-year' : '1-year'} certificate from ${formatUsDate(activity.completed)} runs past ${formatUsDate(cycle.end)}.`,
        };
      }
      planned = activity;
    }
    if (activity.completed <= today && (latestEnd === null || validUntil > latestEnd))
      latestEnd = validUntil;
  }
  if (planned) {
    return {
      id: 'cpr-aed',
      label,
      state: 'planned',
      detail: `Planned for ${formatUsDate(planned.completed)}: it will cover your expiration date once done.`,
    };
  }
  return {
    id: 'cpr-aed',
    label,
    state: 'missing',
    detail: latestEnd
      ? `Your latest CPR/AED certificate runs out about ${formatUsDate(latestEnd)}, before ${formatUsDate(cycle.end)}: renew it (it earns CECs too). ${FACTS.cprAed.text}`
      : `No CPR/AED certificate recorded. ${FACTS.cprAed.text}`,
  };
}

function checkEthics(
  items: readonly EvaluatedItem[],
  activities: readonly Activity[],
  cycle: Cycle,
): ChecklistItem {
  const label = 'Professional conduct and ethics: at least 0.1 CEC';
  if (cycle.end < ETHICS_REQUIRED_FROM) {
    return {
      id: 'ethics',
      label,
      state: 'not-required',
      detail: `Required only for certifications expiring on or after ${formatUsDate(ETHICS_REQUIRED_FROM)} (S7).`,
    };
  }
  const ethics = items.filter((item) => {
    const activity = activities[item.index];
    return activity?.kind === 'approved-course' && activity.ethics && item.counted > 0;
  });
  const earned = ethics
    .filter((item) => !item.planned)
    .reduce((sum, item) => sum + item.counted, 0);
  const planned = ethics
    .filter((item) => item.planned)
    .reduce((sum, item) => sum + item.counted, 0);
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
    detail: `Take an ACE-approved course in professional conduct and ethics (mark it "ethics"). ${FACTS.ethics.text}`,
  };
}

function evaluateCertification(
  certification: Certification,
  activities: readonly Activity[],
  today: IsoDate,
): Omit<CertificationEvaluation, 'next'> {
  const cycle = cycleOf(certification);
  // Credit each activity, then apply repeats and limits in date order; on the
  // same day the larger credit goes first, so the plan's order never matters.
  const order = activities
    .map((activity, index) => {
      const own = creditActivity(activity, certification.credential);
      const key = getOpportunity(activity.kind).repeatKey?.(activity) ?? null;
      return { activity, index, credit: own.tenths, reason: own.reason, key };
    })
    .sort(
      (a, b) =>
        a.activity.completed.localeCompare(b.activity.completed) ||
        b.credit - a.credit ||
        a.index - b.index,
    );

  // A course repeated in the cycle counts once (S2): the earned entry worth the
  // most (a planned one only if none is earned yet), so recording an entry
  // never lowers what is earned.
  const counts = new Map<string, (typeof order)[number]>();
  const rank = (e: (typeof order)[number]) =>
    (e.activity.completed <= today ? 1_000_000 : 0) + e.credit;
  for (const entry of order) {
    if (entry.key === null || !inCycle(cycle, entry.activity.completed)) continue;
    const best = counts.get(entry.key);
    if (!best || rank(entry) > rank(best)) counts.set(entry.key, entry);
  }

  const usedByKind = new Map<OpportunityId, Tenths>();
  const items: EvaluatedItem[] = [];

  for (const entry of order) {
    const { activity, index, credit, reason, key } = entry;
    const opportunity = getOpportunity(activity.kind);
    const planned = activity.completed > today;
    const inside = inCycle(cycle, activity.completed);
    const counting = key === null ? undefined : counts.get(key);
    let counted = credit;
    let cut: string | null = null;

    if (!inside) {
      counted = 0;
      cut = `Completed ${formatUsDate(activity.completed)}, outside this cycle (${formatUsDate(cycle.start)}–${formatUsDate(cycle.end)}). ${FACTS.noCarryOver.text}`;
    } else if (counting !== undefined && counting !== entry) {
      counted = 0;
      cut = `${key} is counted once this cycle (the entry of ${formatUsDate(counting.activity.completed)}). ${FACTS.noRepeat.text}`;
    } else if (opportunity.limitPerCycle !== null) {
      const limit = opportunity.limitPerCycle;
      const used = usedByKind.get(activity.kind) ?? 0;
      counted = Math.max(0, Math.min(credit, limit - used));
      if (counted < credit) cut = limitCut(opportunity.name, limit);
      usedByKind.set(activity.kind, used + counted);
    }
    items.push({
      index,
      kind: activity.kind,
      label: opportunity.label(activity),
      completed: activity.completed,
      planned,
      inCycle: inside,
      credit,
      counted,
      reason,
      cut,
    });
  }

  const earned = items.filter((i) => !i.planned).reduce((sum, i) => sum + i.counted, 0);
  const plannedTotal = items.filter((i) => i.planned).reduce((sum, i) => sum + i.counted, 0);
  const onToday = statusOn(cycle, today);
  const { status, daysLeft, graceEnds } = onToday;
  const checklist = [checkCpr(activities, cycle, today), checkEthics(items, activities, cycle)];
  const met = earned >= REQUIRED_TENTHS;

  const warnings = cycleWarnings(certification, cycle, onToday);

  return {
    credential: certification.credential,
    name: credentialName(certification.credential),
    cycle,
    required: REQUIRED_TENTHS,
    earned,
    planned: plannedTotal,
    remaining: Math.max(0, REQUIRED_TENTHS - earned),
    remainingAfterPlanned: Math.max(0, REQUIRED_TENTHS - earned - plannedTotal),
    met,
    ready: met && checklist.every((c) => c.state === 'met' || c.state === 'not-required'),
    status,
    daysLeft,
    graceEnds,
    checklist,
    items: items.sort((a, b) => a.index - b.index),
    warnings,
  };
}

/** Evaluates a validated plan (see `parsePlan`). `today` defaults to the plan's, then the local date. */
export function evaluatePlan(
  plan: Plan,
  today: IsoDate = plan.today ?? todayIso(),
): PlanEvaluation {
  const activities = plan.activities;
  const warnings: string[] = [];
  if (plan.certifications.length === 0) {
    warnings.push(
      'Add a certification with the expiration date your ACE account shows to see your cycle.',
    );
  }
  return {
    today,
    certifications: plan.certifications.map((c) => {
      const evaluation = evaluateCertification(c, activities, today);
      return { ...evaluation, next: nextSteps(evaluation, plan) };
    }),
    activities: activities.map((activity, index) => ({
      index,
      label: getOpportunity(activity.kind).label(activity),
      planned: activity.completed > today,
      ...creditActivity(activity),
    })),
    warnings,
  };
}
