/**
 * What to do next: for one evaluated certification, the steps that would
 * close the gap before the deadline — required items first (a current CPR/AED
 * certificate, the ethics hour), then every opportunity with room left under
 * its limit, each with what it would add after limits and how to report it.
 * Pure and linear in the plan; the CLI, the site and the bot render it.
 */
import { credentialName } from './credentials.js';
import { formatUsDate, type IsoDate } from './dates.js';
import type { CertificationEvaluation } from './evaluate.js';
import { OPPORTUNITIES, type OpportunityId } from './opportunities/index.js';
import type { Plan } from './plan.js';
import { ETHICS_TENTHS } from './requirements.js';
import { FACTS } from './sources.js';
import { HOW_COURSE_NUMBER, HOW_PETITION, HOW_UNSTATED } from './submission.js';
import { formatCecs, type Tenths, toCecs } from './units.js';

/** Days ACE takes to review a petition (S4: "within 30 days of receipt"). */
export const PETITION_REVIEW_DAYS = 30;

export interface NextStep {
  /** Stable within one answer: "cpr-aed", "ethics", "more:presentation", "late:3", … */
  id: string;
  /** The kind of activity the step is about; null for one that is about no activity (the grace period). */
  opportunity: OpportunityId | null;
  /** Needed to renew whatever the CEC total (CPR/AED, ethics), or a fact that rules everything else. */
  required: boolean;
  /** CECs the step would add after limits; 0 when it earns nothing. */
  adds: Tenths;
  text: string;
  how: string;
  /** The activity to add to a plan for this step (its date only when the step knows it): what an "Add" button fills in. */
  activity: Record<string, unknown> | null;
}

export interface NextSteps {
  /** CECs still missing after what is earned and what is planned inside the cycle. */
  remaining: Tenths;
  /** The expiration date; in the grace period, the last day of grace. */
  deadline: IsoDate;
  steps: NextStep[];
  /** The fewest steps that close the gap, each with what it adds on that path. */
  fastest: { steps: { id: string; adds: Tenths }[]; text: string };
}

/** A certification's evaluation, before its next steps are added. */
type Evaluated = Omit<CertificationEvaluation, 'next'>;

const BY_ID = new Map(OPPORTUNITIES.map((o) => [o.id, o]));

function optional(
  e: Evaluated,
  remaining: Tenths,
  used: ReadonlyMap<OpportunityId, Tenths>,
  once: ReadonlySet<OpportunityId>,
): NextStep[] {
  const steps: NextStep[] = [];
  for (const opportunity of OPPORTUNITIES) {
    const suggest = opportunity.suggest;
    if (!suggest || remaining <= 0 || once.has(opportunity.id)) continue;
    // CPR/AED is suggested as the required item when it is missing, not as one more course.
    if (opportunity.id === 'cpr-aed') continue;
    // A petition decided after the deadline does not help this cycle (S4: about 30 days).
    if (opportunity.id === 'petition' && e.daysLeft < PETITION_REVIEW_DAYS) continue;
    const room =
      opportunity.limitPerCycle === null
        ? Number.POSITIVE_INFINITY
        : opportunity.limitPerCycle - (used.get(opportunity.id) ?? 0);
    const adds = Math.min(suggest.adds === 'rest' ? remaining : suggest.adds, room);
    if (adds <= 0) continue;
    steps.push({
      id: `more:${opportunity.id}`,
      opportunity: opportunity.id,
      required: false,
      adds,
      text: suggest.text,
      how: suggest.how,
      activity: { kind: opportunity.id },
    });
  }
  return steps;
}

/** What the required checklist items ask for. */
function requiredSteps(e: Evaluated, deadline: string): NextStep[] {
  const steps: NextStep[] = [];
  const cpr = e.checklist.find((c) => c.id === 'cpr-aed');
  if (cpr && cpr.state === 'missing') {
    const suggest = BY_ID.get('cpr-aed')?.suggest;
    steps.push({
      id: 'cpr-aed',
      opportunity: 'cpr-aed',
      required: true,
      adds: typeof suggest?.adds === 'number' ? suggest.adds : 0,
      text: `${suggest?.text ?? 'Renew your adult CPR/AED certification.'} It must still be current on ${deadline} (S2, S6).`,
      how: suggest?.how ?? HOW_UNSTATED,
      activity: { kind: 'cpr-aed', term: '2yr', skills: 'in-person' },
    });
  }
  const ethics = e.checklist.find((c) => c.id === 'ethics');
  if (ethics && ethics.state === 'missing') {
    steps.push({
      id: 'ethics',
      opportunity: 'approved-course',
      required: true,
      adds: ETHICS_TENTHS,
      text: `Take an ACE-approved course in professional conduct and ethics of at least ${formatCecs(ETHICS_TENTHS)} CEC before ${deadline}, and mark it "ethics" (S7); it counts toward the total too.`,
      how: HOW_COURSE_NUMBER,
      activity: { kind: 'approved-course', cecs: toCecs(ETHICS_TENTHS), ethics: true },
    });
  }
  return steps;
}

/** Facts about recorded entries that change what can still count. */
function flags(e: Evaluated, plan: Plan, deadline: string): NextStep[] {
  const steps: NextStep[] = [];
  for (const item of e.items) {
    const activity = plan.activities[item.index];
    if (item.planned && item.completed > e.cycle.end) {
      steps.push({
        id: `late:${item.index}`,
        opportunity: item.kind,
        required: false,
        adds: 0,
        text: `${item.label}, planned for ${formatUsDate(item.completed)}, is after your expiration on ${deadline}: it will not count for this cycle. ${FACTS.noCarryOver.text}`,
        how: 'Move it before the expiration date, or choose another activity.',
        activity: null,
      });
    } else if (
      activity?.kind === 'petition' &&
      activity.status === 'pending' &&
      item.inCycle &&
      e.daysLeft >= 0 &&
      e.daysLeft <= PETITION_REVIEW_DAYS
    ) {
      steps.push({
        id: `pending:${item.index}`,
        opportunity: 'petition',
        required: false,
        adds: 0,
        text: `${item.label} is still pending with ${e.daysLeft} days to your expiration: ACE reviews within ${PETITION_REVIEW_DAYS} days (S4), so it may not be decided in time. Plan another way to cover it.`,
        how: HOW_PETITION,
        activity: null,
      });
    }
  }
  return steps;
}

/** A second ACE certification first earned inside this cycle meets the requirement (S1), if it is recorded. */
function extraCertification(e: Evaluated, plan: Plan, remaining: Tenths): NextStep[] {
  const recorded = new Set(
    plan.activities.flatMap((a) => (a.kind === 'ace-certification' ? [a.credential] : [])),
  );
  return plan.certifications.flatMap((other) => {
    const date = other.certified;
    if (
      other.credential === e.credential ||
      date === undefined ||
      recorded.has(other.credential) ||
      date < e.cycle.start ||
      date > e.cycle.end
    ) {
      return [];
    }
    return [
      {
        id: `extra-ace:${other.credential}`,
        opportunity: 'ace-certification',
        required: false,
        adds: remaining,
        text: `If you first earned the ${credentialName(other.credential)} on ${formatUsDate(date)}, that meets this requirement (S1): add it as an extra ACE certification. If ${formatUsDate(date)} was a renewal, it does not.`,
        how: HOW_UNSTATED,
        activity: { kind: 'ace-certification', credential: other.credential, completed: date },
      },
    ];
  });
}

/** The grace period and after: what is still possible, in plain words. */
function lateSteps(e: Evaluated, remaining: Tenths): NextStep[] {
  const expired = formatUsDate(e.cycle.end);
  const graceEnds = formatUsDate(e.graceEnds);
  if (e.status === 'expired') {
    return [
      {
        id: 'expired',
        opportunity: null,
        required: true,
        adds: 0,
        text: `Your certification expired on ${expired} and the six-month grace period ended on ${graceEnds} (S5). CECs can no longer renew it.`,
        how: 'Ask ACE what is possible now: our sources do not cover reinstatement.',
        activity: null,
      },
    ];
  }
  const short =
    remaining > 0
      ? ` You are ${formatCecs(remaining)} CECs short for the cycle that ended on ${expired}; whether CECs completed after the expiration count for a late renewal is not in our sources, so ask ACE before counting on new ones.`
      : ' Your CECs for the cycle are complete.';
  return [
    {
      id: 'grace',
      opportunity: null,
      required: true,
      adds: 0,
      text: `Your certification expired on ${expired}. Until ${graceEnds} you can still renew late: the grace period is not an extension (S5).${short}`,
      how: 'Renew in your ACE account before the grace period ends.',
      activity: null,
    },
  ];
}

function byWhatTheyAdd(a: NextStep, b: NextStep): number {
  if (a.required !== b.required) return a.required ? -1 : 1;
  return b.adds - a.adds || effortOf(a) - effortOf(b);
}

function effortOf(step: NextStep): number {
  return (step.opportunity && BY_ID.get(step.opportunity)?.suggest?.effort) || 0;
}

/**
 * The required steps, then the fewest others: while something is missing,
 * the lightest step that closes what is left, else the one that adds most.
 */
function fastestWay(
  steps: readonly NextStep[],
  remaining: Tenths,
  ready: boolean,
): NextSteps['fastest'] {
  const path: { step: NextStep; adds: Tenths }[] = [];
  let left = remaining;
  for (const step of steps) {
    if (step.required) {
      path.push({ step, adds: step.adds });
      left -= step.adds;
    }
  }
  const open = steps.filter((s) => !s.required && s.adds > 0);
  while (left > 0 && open.length > 0) {
    const closing = open.filter((s) => s.adds >= left).sort((a, b) => effortOf(a) - effortOf(b));
    const step = closing[0] ?? open.reduce((best, s) => (s.adds > best.adds ? s : best));
    open.splice(open.indexOf(step), 1);
    const adds = Math.min(step.adds, left);
    path.push({ step, adds });
    left -= adds;
  }
  if (path.length === 0 && left <= 0) {
    // Nothing to add is not "done" while what closes the gap is only planned.
    return {
      steps: [],
      text: ready
        ? 'Nothing left to do for this cycle: the requirement and the checklist are met.'
        : 'Nothing to add: what you have planned closes the gap once it is done.',
    };
  }
  const words = path.map(({ step, adds }) => {
    const name = step.opportunity ? BY_ID.get(step.opportunity)?.name : null;
    const what = step.id === 'ethics' ? 'an ethics course' : (name ?? step.id);
    return adds > 0 ? `${what} (${formatCecs(adds)})` : what;
  });
  const text =
    left > 0 && words.length === 0
      ? `No listed step closes the gap: ${formatCecs(left)} CECs are still to find.`
      : left > 0
        ? `No listed step closes the gap by itself: ${words.join(', then ')} leaves ${formatCecs(left)} to find.`
        : `Fastest way: ${words.join(', then ')}.`;
  return { steps: path.map(({ step, adds }) => ({ id: step.id, adds })), text };
}

/** The planner for one evaluated certification of `plan`. */
export function nextSteps(e: Evaluated, plan: Plan): NextSteps {
  const remaining = e.remainingAfterPlanned;
  const late = e.status === 'grace' || e.status === 'expired';
  const deadline = e.status === 'grace' ? e.graceEnds : e.cycle.end;
  const shown = formatUsDate(e.cycle.end);

  const used = new Map<OpportunityId, Tenths>();
  const once = new Set<OpportunityId>();
  for (const item of e.items) {
    if (!item.inCycle) continue;
    used.set(item.kind, (used.get(item.kind) ?? 0) + item.counted);
    // One college course per cycle (S4): once one counts, another adds nothing.
    if (item.kind === 'college' && item.counted > 0) once.add('college');
  }

  // In grace or after it, the late-renewal facts come first: they rule everything else.
  const steps =
    e.status === 'expired'
      ? lateSteps(e, remaining)
      : [
          ...(late ? lateSteps(e, remaining) : []),
          ...[
            ...requiredSteps(e, shown),
            ...(late ? [] : extraCertification(e, plan, remaining)),
            ...(late ? [] : optional(e, remaining, used, once)),
          ].sort(byWhatTheyAdd),
        ];
  const flagged = late ? [] : flags(e, plan, shown);
  const all = [...steps, ...flagged];
  return {
    remaining,
    deadline,
    steps: all,
    fastest: late
      ? {
          steps: all.filter((s) => s.required).map((s) => ({ id: s.id, adds: s.adds })),
          text:
            e.status === 'expired'
              ? 'CECs can no longer renew this certification: ask ACE what is possible.'
              : `Renew late before ${formatUsDate(e.graceEnds)}, with what the steps below still need (S5).`,
        }
      : fastestWay(steps, remaining, e.ready),
  };
}
