/**
 * Worked examples for the opportunity pages, computed by the rules package at
 * build time from each opportunity's own examples: never hand-written numbers.
 */
import {
  type Activity,
  type AnyOpportunity,
  creditActivity,
  evaluatePlan,
  formatCecs,
  formatUsDate,
  RULESET,
} from '@cec/rules';

export interface WorkedExample {
  label: string;
  cecs: string;
  reason: string;
  note: string | null;
}

/** The day from which the ruleset applies to this opportunity: a date every example can carry. */
function since(opportunity: AnyOpportunity): string {
  return (
    RULESET.opportunities.find((entry) => entry.opportunity.id === opportunity.id)?.since ?? ''
  );
}

export function workedExamples(opportunity: AnyOpportunity): WorkedExample[] {
  return opportunity.examples.map((example) => {
    const activity = { ...example.activity, completed: since(opportunity) } as Activity;
    const credit = creditActivity(activity);
    return {
      label: opportunity.label(activity),
      cecs: formatCecs(credit.tenths),
      reason: credit.reason,
      note: example.note ?? null,
    };
  });
}

export interface LimitExample {
  expires: string;
  items: { label: string; date: string; counted: string; cut: string | null }[];
  total: string;
}

/**
 * For an opportunity with a limit per cycle: two of its first example in one
 * cycle, evaluated by the rules package, to show the limit cutting the second.
 */
export function limitExample(opportunity: AnyOpportunity): LimitExample | null {
  const example = opportunity.examples[0];
  if (opportunity.limitPerCycle === null || !example) return null;
  const expires = '2027-03-31';
  const dates = ['2026-02-10', '2026-09-15'];
  const plan = {
    today: expires,
    certifications: [{ credential: 'personal-trainer' as const, expires }],
    activities: dates.map((completed) => ({ ...example.activity, completed }) as Activity),
  };
  const [evaluation] = evaluatePlan(plan).certifications;
  if (!evaluation) return null;
  return {
    expires: formatUsDate(expires),
    items: evaluation.items.map((item) => ({
      label: item.label,
      date: formatUsDate(item.completed),
      counted: formatCecs(item.counted),
      cut: item.cut,
    })),
    total: formatCecs(evaluation.earned),
  };
}
