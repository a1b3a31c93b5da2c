import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Activity,
  cycleOf,
  deadlineSentence,
  evaluatePlan,
  getOpportunity,
  type Plan,
  type PlanInput,
  parsePlan,
  progressSentence,
} from '../src/index.js';

function plan(input: PlanInput): Plan {
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.plan;
}

describe('cycles', () => {
  it('estimates the expiration from a certification date, and says so', () => {
    const c = evaluatePlan(
      plan({
        today: '2026-01-01',
        certifications: [{ credential: 'health-coach', certified: '03/15/2025' }],
      }),
    ).certifications[0];
    expect(c?.cycle).toEqual({ start: '2025-03-15', end: '2027-03-15', estimated: true });
    expect(c?.warnings[0]).toMatch(/estimated as two years after 03\/15\/2025/);
    expect(c && deadlineSentence(c)).toBe('Expires 03/15/2027 (estimated), in 438 days.');
  });
  it('a cycle ending on Feb 29 starts on Mar 1 two years before', () => {
    expect(cycleOf({ expires: '2028-02-29' })).toEqual({
      start: '2026-03-01',
      end: '2028-02-29',
      estimated: false,
    });
  });
  it('the deadline sentence handles today and the past', () => {
    const today = evaluatePlan(
      plan({
        today: '2027-03-31',
        certifications: [{ credential: 'health-coach', expires: '2027-03-31' }],
      }),
    );
    expect(deadlineSentence(today.certifications[0] as never)).toBe('Expires today, 03/31/2027.');
    const past = evaluatePlan(
      plan({
        today: '2027-04-01',
        certifications: [{ credential: 'health-coach', expires: '2027-03-31' }],
      }),
    );
    expect(deadlineSentence(past.certifications[0] as never)).toBe(
      'The expiration date 03/31/2027 passed 1 day ago.',
    );
    const later = evaluatePlan(
      plan({
        today: '2027-10-01',
        certifications: [{ credential: 'health-coach', expires: '2027-03-31' }],
      }),
    );
    expect(later.certifications[0]?.warnings.join(' ')).toMatch(/grace period ended 09\/30\/2027/);
  });
});

describe('an extra ACE certification', () => {
  const input: PlanInput = {
    today: '2026-12-01',
    certifications: [
      { credential: 'personal-trainer', expires: '2027-03-31' },
      { credential: 'group-fitness-instructor', expires: '2028-05-31' },
      { credential: 'health-coach', expires: '2028-06-01' },
    ],
    activities: [
      { kind: 'ace-certification', credential: 'health-coach', completed: '2026-06-01' },
    ],
  };
  it('meets the 2.0 of every other certification whose cycle contains its date, not its own', () => {
    const [pt, gfi, hc] = evaluatePlan(plan(input)).certifications;
    expect(pt?.earned).toBe(20);
    expect(gfi?.earned).toBe(20);
    expect(hc?.earned).toBe(0);
    expect(hc?.items[0]?.reason).toMatch(/starts its own first cycle/);
  });
  it('the CPR/AED and ethics checks still stand', () => {
    const pt = evaluatePlan(plan(input)).certifications[0];
    expect(pt?.met).toBe(true);
    expect(pt?.ready).toBe(false);
    expect(pt && progressSentence(pt)).toBe('2.0 of 2.0 CECs earned: the CEC requirement is met.');
  });
});

describe('planned vs earned', () => {
  it('an activity after today is planned, never earned', () => {
    const c = evaluatePlan(
      plan({
        today: '2026-11-27',
        certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
        activities: [
          { kind: 'approved-course', courseNumber: 'CA11111', cecs: 1.2, completed: '2026-11-27' },
          { kind: 'approved-course', courseNumber: 'CA22222', cecs: 0.5, completed: '2026-11-28' },
        ],
      }),
    ).certifications[0];
    expect(c).toMatchObject({
      earned: 12,
      planned: 5,
      remaining: 8,
      remainingAfterPlanned: 3,
      met: false,
    });
    expect(c?.items.map((i) => i.planned)).toEqual([false, true]);
    expect(c && progressSentence(c)).toBe('1.2 of 2.0 CECs earned, 0.8 to go (0.5 planned).');
  });
  it('an unconfirmed entry past its date stays planned, and its CPR/AED card covers nothing yet', () => {
    const past = plan({
      today: '2026-12-20',
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
      activities: [
        { kind: 'approved-course', courseNumber: 'CA55555', cecs: 2, completed: '2026-12-15' },
        { kind: 'cpr-aed', term: '2yr', skills: 'in-person', completed: '2026-12-16' },
      ],
    });
    const [unconfirmed] = evaluatePlan(past, undefined, {
      unconfirmed: new Set([0, 1]),
    }).certifications;
    expect(unconfirmed).toMatchObject({ earned: 0, planned: 24, met: false });
    expect(unconfirmed?.items.map((i) => i.planned)).toEqual([true, true]);
    expect(unconfirmed?.checklist[0]?.state).toBe('planned');
    const [confirmed] = evaluatePlan(past).certifications;
    expect(confirmed).toMatchObject({ earned: 24, planned: 0, met: true });
    expect(confirmed?.checklist[0]?.state).toBe('met');
  });
  it('a limit is used first by what is earned, in date order', () => {
    const c = evaluatePlan(
      plan({
        today: '2026-06-01',
        certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
        activities: [
          { kind: 'presentation', completed: '2026-09-01' },
          { kind: 'presentation', completed: '2026-01-01' },
        ],
      }),
    ).certifications[0];
    expect(c?.items.map((i) => i.counted)).toEqual([0, 5]);
    expect(c).toMatchObject({ earned: 5, planned: 0 });
  });
});

describe('plan-level evaluation', () => {
  it('gives each activity its own credit, and asks for a certification when there is none', () => {
    const e = evaluatePlan(
      plan({
        today: '2026-01-01',
        certifications: [],
        activities: [{ kind: 'cpr-aed', term: '2yr', completed: '2026-02-01' }],
      }),
    );
    expect(e.certifications).toEqual([]);
    expect(e.warnings[0]).toMatch(/Add a certification/);
    expect(e.activities[0]).toMatchObject({
      tenths: 4,
      planned: true,
      label: '2-year CPR/AED certificate',
    });
  });
  it('activities before the rules applied are listed with no credit', () => {
    const e = evaluatePlan(
      plan({
        today: '2014-01-01',
        certifications: [{ credential: 'health-coach', expires: '2014-06-01' }],
        activities: [{ kind: 'mentoring', completed: '2013-04-30' }],
      }),
    );
    expect(e.certifications[0]?.items[0]).toMatchObject({
      credit: 0,
      reason: expect.stringMatching(/before 05\/01\/2013/),
    });
  });
  it('uses the local date when the plan has no today', () => {
    const e = evaluatePlan(plan({ certifications: [] }));
    expect(e.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

// Properties ---------------------------------------------------------------

const day = fc.integer({ min: 0, max: 1400 }).map((n) => {
  const d = new Date(Date.UTC(2024, 0, 1 + n));
  return d.toISOString().slice(0, 10);
});
const activity: fc.Arbitrary<Activity> = fc.oneof(
  fc.record({
    kind: fc.constant('cpr-aed' as const),
    term: fc.constantFrom('1yr' as const, '2yr' as const),
    completed: day,
  }),
  fc.record({ kind: fc.constant('presentation' as const), completed: day }),
  fc.record({ kind: fc.constant('mentoring' as const), completed: day }),
  fc.record({
    kind: fc.constant('publication' as const),
    title: fc.constant('Article'),
    completed: day,
  }),
  fc.record({
    kind: fc.constant('approved-course' as const),
    courseNumber: fc.constantFrom('CA11111', 'CA22222', 'CEP333333'),
    cecs: fc.integer({ min: 1, max: 30 }).map((t) => t / 10),
    ethics: fc.boolean(),
    completed: day,
  }),
  fc.record({
    kind: fc.constant('college' as const),
    creditHours: fc.integer({ min: 1, max: 40 }).map((t) => t / 10),
    grade: fc.constantFrom('A' as const, 'C' as const, 'D' as const),
    related: fc.boolean(),
    certPrep: fc.boolean(),
    completed: day,
  }),
);
const planArb = fc.record({
  today: day,
  certifications: fc.constant<Plan['certifications']>([
    { credential: 'personal-trainer', expires: '2026-06-30' },
    { credential: 'health-coach', expires: '2027-01-31' },
  ]),
  activities: fc.array(activity, { maxLength: 25 }),
});

describe('invariants', () => {
  it('a limit is never exceeded, and counted never exceeds credit', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        for (const c of evaluatePlan(p).certifications) {
          const byKind = (kind: string) =>
            c.items.filter((i) => i.kind === kind).reduce((s, i) => s + i.counted, 0);
          expect(byKind('presentation')).toBeLessThanOrEqual(5);
          expect(byKind('mentoring')).toBeLessThanOrEqual(1);
          for (const i of c.items) {
            expect(i.counted).toBeLessThanOrEqual(i.credit);
            expect(i.counted).toBeGreaterThanOrEqual(0);
            if (i.counted < i.credit) expect(i.cut).not.toBeNull();
          }
          expect(c.earned + c.planned).toBe(c.items.reduce((s, i) => s + i.counted, 0));
          expect(Number.isInteger(c.earned)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('adding an eligible activity never lowers a total', () => {
    fc.assert(
      fc.property(planArb, activity, (p, extra) => {
        const before = evaluatePlan(p).certifications;
        const after = evaluatePlan({ ...p, activities: [...p.activities, extra] }).certifications;
        // Recording something that counts once per cycle (a course number, S2; a
        // college course, S4; a publication) can make a planned one count for
        // nothing, so the projection is monotone only otherwise.
        const keyOf = (a: Activity) => getOpportunity(a.kind).repeatKey?.(a) ?? null;
        const key = keyOf(extra);
        const repeats = key !== null && p.activities.some((a) => keyOf(a) === key);
        before.forEach((c, i) => {
          expect(after[i]?.earned).toBeGreaterThanOrEqual(c.earned);
          if (!repeats) {
            expect((after[i]?.earned ?? 0) + (after[i]?.planned ?? 0)).toBeGreaterThanOrEqual(
              c.earned + c.planned,
            );
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('a limit per cycle goes to the earliest entries of the cycle, whatever the plan order', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const reversed = { ...p, activities: [...p.activities].reverse() };
        for (const evaluation of [evaluatePlan(p), evaluatePlan(reversed)]) {
          for (const c of evaluation.certifications) {
            for (const kind of ['presentation', 'mentoring']) {
              // One presentation (0.5) or one outreach (0.1) uses the whole limit.
              const inside = c.items.filter((i) => i.kind === kind && i.inCycle);
              const earliest = inside.map((i) => i.completed).sort()[0];
              const counted = inside.filter((i) => i.counted > 0).map((i) => i.completed);
              expect(counted).toEqual(earliest === undefined ? [] : [earliest]);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the order of activities in the plan does not change any total', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const forward = evaluatePlan(p).certifications.map((c) => [c.earned, c.planned]);
        const backward = evaluatePlan({
          ...p,
          activities: [...p.activities].reverse(),
        }).certifications.map((c) => [c.earned, c.planned]);
        expect(backward).toEqual(forward);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the deadline pieces a renewal page uses alone', () => {
  it('cycleWarnings and deadlineSentence work from a cycle without a plan', async () => {
    const { cycleWarnings, statusOn } = await import('../src/index.js');
    const cycle = cycleOf({ certified: '2025-03-15' });
    const status = statusOn(cycle, '2027-04-01');
    expect(cycleWarnings({ certified: '2025-03-15' }, cycle, status)).toEqual([
      'Expiration estimated as two years after 03/15/2025: use the expiration date your ACE account shows.',
      'Expired on 03/15/2027. You can still renew late until 09/15/2027; the grace period is not an extension (S5).',
    ]);
    expect(deadlineSentence({ cycle, daysLeft: status.daysLeft })).toBe(
      'The expiration date 03/15/2027 (estimated) passed 17 days ago.',
    );
  });
});
