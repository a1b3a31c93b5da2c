/** The renewal planner: what would close the gap, required items first (issue 11). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Activity,
  evaluatePlan,
  getOpportunity,
  type Plan,
  type PlanInput,
  parsePlan,
} from '../src/index.js';
import { nextSteps } from '../src/next.js';
import { STUCK_PLAN } from './fixtures/stuck-plan.js';

function plan(input: PlanInput): Plan {
  const result = parsePlan(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function planned(input: PlanInput) {
  const p = plan(input);
  const evaluation = evaluatePlan(p);
  const first = evaluation.certifications[0];
  if (!first) throw new Error('no certification');
  return { p, e: first, next: nextSteps(first, p) };
}

const STUCK: PlanInput = STUCK_PLAN;

describe('a plan with 1.1 earned, presenting used up, CPR/AED running out and no ethics hour', () => {
  const { e, next } = planned(STUCK);

  it('is the plan the issue describes', () => {
    expect(e.earned).toBe(11);
    expect(e.checklist.map((c) => c.state)).toEqual(['missing', 'missing']);
  });

  it('lists CPR/AED and ethics as required, first', () => {
    expect(next.steps.slice(0, 2).map((s) => [s.id, s.required])).toEqual([
      ['cpr-aed', true],
      ['ethics', true],
    ]);
    expect(next.steps.slice(2).every((s) => !s.required)).toBe(true);
  });

  it('does not offer presenting once its limit is counted', () => {
    expect(next.steps.some((s) => s.opportunity === 'presentation')).toBe(false);
  });

  it('its fastest way closes the gap', () => {
    const total = next.fastest.steps.reduce((sum, s) => sum + s.adds, 0);
    expect(total).toBeGreaterThanOrEqual(next.remaining);
    expect(next.fastest.text).toMatch(/^Fastest way: /);
    expect(next.remaining).toBe(9);
  });
});

describe('dates and the grace period', () => {
  it('flags a planned activity after the expiration', () => {
    const { next } = planned({
      today: '2026-11-01',
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
      activities: [{ kind: 'mentoring', completed: '2027-05-01' }],
    });
    const late = next.steps.find((s) => s.id === 'late:0');
    expect(late?.text).toContain('after your expiration on 03/31/2027');
    expect(late?.adds).toBe(0);
  });

  it('points out a second ACE certification first earned in this cycle, never credits it', () => {
    const { e, next } = planned({
      today: '2026-11-01',
      certifications: [
        { credential: 'personal-trainer', expires: '2027-03-31' },
        { credential: 'health-coach', certified: '2026-06-15' },
      ],
      activities: [],
    });
    expect(e.earned).toBe(0);
    const hint = next.steps.find((s) => s.id === 'extra-ace:health-coach');
    expect(hint?.text).toContain(
      'If you first earned the ACE Certified Health Coach on 06/15/2026',
    );
  });

  it('in the grace period says it is late renewal, not an extension, and suggests no new courses', () => {
    const { next } = planned({
      today: '2027-05-01',
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
      activities: [
        { kind: 'approved-course', courseNumber: 'CA23456', cecs: 1.5, completed: '2026-01-01' },
      ],
    });
    expect(next.steps[0]?.id).toBe('grace');
    expect(next.steps[0]?.text).toContain('not an extension (S5)');
    expect(next.steps[0]?.text).toContain('0.5 CECs short');
    expect(next.steps.some((s) => s.id.startsWith('more:'))).toBe(false);
    expect(next.deadline).toBe('2027-09-30');
    expect(next.fastest.text).toBe(
      'Renew late before 09/30/2027, with what the steps below still need (S5).',
    );
  });

  it('after the grace period says CECs can no longer renew it', () => {
    const { next } = planned({
      today: '2028-01-01',
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
    });
    expect(next.steps.map((s) => s.id)).toEqual(['expired']);
  });
});

// ---------------------------------------------------------------------------
// Properties over random plans

const day = fc
  .integer({ min: 0, max: 700 })
  .map((n) => new Date(Date.UTC(2025, 4, 1) + n * 86_400_000).toISOString().slice(0, 10));
const activity: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  day.map((completed) => ({ kind: 'presentation', completed })),
  day.map((completed) => ({ kind: 'mentoring', completed })),
  fc.record({ kind: fc.constant('cpr-aed'), term: fc.constantFrom('1yr', '2yr'), completed: day }),
  fc.record({
    kind: fc.constant('approved-course'),
    courseNumber: fc.constantFrom('CA23456', 'CA23457', 'CEP123456'),
    cecs: fc.constantFrom(0.1, 0.3, 0.7, 1.2),
    ethics: fc.boolean(),
    completed: day,
  }),
  fc.record({
    kind: fc.constant('college'),
    creditHours: fc.constantFrom(1, 3),
    grade: fc.constantFrom('A', 'C', 'D'),
    completed: day,
  }),
);
const plans = fc.record({
  today: day,
  certifications: fc.constant([{ credential: 'personal-trainer', expires: '2027-03-31' }]),
  activities: fc.array(activity, { maxLength: 12 }),
});

let courseNumbers = 90000;
/** A step's activity made whole: its template, each missing field's example, the CECs the path gives it. */
function complete(template: Record<string, unknown>, adds: number, date: string): Activity {
  const opportunity = getOpportunity(template.kind as Activity['kind']);
  const activity: Record<string, unknown> = { ...template, completed: template.completed ?? date };
  for (const field of opportunity.fields) {
    if (activity[field.name] !== undefined || field.optional || field.type === 'boolean') continue;
    activity[field.name] =
      field.type === 'number' || field.type === 'cecs' ? Number(field.example) : field.example;
  }
  if (opportunity.suggest?.adds === 'rest' && 'cecs' in activity)
    activity.cecs = Math.max(adds, 1) / 10;
  if (template.kind === 'approved-course') activity.courseNumber = `CA${courseNumbers++}`;
  return activity as Activity;
}

describe('planner properties', () => {
  it('required items come first; no step adds more than its limit leaves', () => {
    let cases = 0;
    fc.assert(
      fc.property(plans, (input) => {
        const { e, next } = planned(input as unknown as PlanInput);
        cases++;
        const required = next.steps.map((s) => s.required);
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
        for (const step of next.steps) {
          const limit = step.opportunity ? getOpportunity(step.opportunity).limitPerCycle : null;
          if (limit === null || !step.id.startsWith('more:')) continue;
          const used = e.items
            .filter((i) => i.kind === step.opportunity && i.inCycle)
            .reduce((sum, i) => sum + i.counted, 0);
          expect(step.adds).toBeLessThanOrEqual(limit - used);
        }
      }),
      { numRuns: 400 },
    );
    console.info(`planner: ${cases} random plans, required first and within limits`);
  });

  it('following every step of the fastest way meets the requirement, counting what is planned', () => {
    let cases = 0;
    fc.assert(
      fc.property(plans, (input) => {
        const { p, e, next } = planned(input as unknown as PlanInput);
        if (e.status === 'grace' || e.status === 'expired') return;
        cases++;
        const steps = new Map(next.steps.map((s) => [s.id, s]));
        const added = next.fastest.steps.flatMap(({ id, adds }) => {
          const template = steps.get(id)?.activity;
          return template ? [complete(template, adds, p.today ?? '2026-01-01')] : [];
        });
        // Done today, with what is already planned still to come: nothing is missing.
        const after = evaluatePlan(
          plan({ ...(p as PlanInput), activities: [...p.activities, ...added] } as PlanInput),
        ).certifications[0];
        expect(after?.remainingAfterPlanned).toBe(0);
        expect(after?.checklist.every((c) => c.state !== 'missing')).toBe(true);
      }),
      { numRuns: 300 },
    );
    console.info(`planner: fastest way followed in ${cases} random plans`);
  });
});

describe('when only planned activities close the gap', () => {
  it('says what is planned closes it once done, never that the requirement is met', () => {
    const { e, next } = planned({
      today: '2026-12-08',
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
      activities: [
        { kind: 'cpr-aed', term: '2yr', skills: 'in-person', completed: '2026-11-20' },
        {
          kind: 'approved-course',
          courseNumber: 'CA12345',
          cecs: 0.5,
          ethics: true,
          completed: '2026-11-28',
        },
        { kind: 'approved-course', courseNumber: 'CA55555', cecs: 1.5, completed: '2027-01-05' },
      ],
    });
    expect(e).toMatchObject({ earned: 9, planned: 15, met: false });
    expect(next.fastest).toEqual({
      steps: [],
      text: 'Nothing to add: what you have planned closes the gap once it is done.',
    });
  });
});
