/**
 * Every sentence of S1 (ACE blog, "CEC Opportunities You May Not Know About",
 * 05/01/2013) that carries a rule, with the behaviour that implements it.
 */
import { describe, expect, it } from 'vitest';
import {
  answerQuestion,
  checkCourseNumber,
  evaluatePlan,
  getOpportunity,
  type PlanInput,
  parsePlan,
} from '../src/index.js';

function evaluate(input: PlanInput) {
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return evaluatePlan(parsed.plan);
}

const PT = { credential: 'personal-trainer', expires: '2027-03-31' } as const;
const today = '2027-03-01';

describe('S1, sentence by sentence', () => {
  it('"A one-year CPR/AED certification will merit a total of 0.2 CECs, while a two-year certification is worth 0.4 CECs."', () => {
    const e = evaluate({
      today,
      certifications: [PT],
      activities: [
        { kind: 'cpr-aed', term: '1yr', completed: '2025-06-01' },
        { kind: 'cpr-aed', term: '2yr', completed: '2026-06-01' },
      ],
    });
    expect(e.certifications[0]?.items.map((i) => i.counted)).toEqual([2, 4]);
    expect(answerQuestion('cpr 1 year')).toMatchObject({ tenths: 2 });
    expect(answerQuestion('cpr 2yr')).toMatchObject({ tenths: 4 });
  });

  it('"Earning a grade of “C” or higher in any exercise science, anatomy or health- and fitness-related course will transfer 1.0 CECs for every 1.0 college credit hours."', () => {
    const e = evaluate({
      today,
      certifications: [PT],
      activities: [
        { kind: 'college', creditHours: 2, grade: 'C', completed: '2025-06-01' },
        { kind: 'college', creditHours: 3, grade: 'C-', completed: '2025-06-02' },
        { kind: 'college', creditHours: 2, grade: 'A', related: false, completed: '2025-06-03' },
        { kind: 'college', creditHours: 1.25, grade: 'B+', completed: '2025-06-04' },
      ],
    });
    const items = e.certifications[0]?.items ?? [];
    // Each course's worth at S1's rate; S4 then lets only one college course count per cycle.
    expect(items.map((i) => i.credit)).toEqual([20, 0, 0, 12]);
    expect(items.map((i) => i.counted)).toEqual([20, 0, 0, 0]);
    expect(items[1]?.reason).toMatch(/C- is below/);
    expect(items[2]?.reason).toMatch(/exercise science, anatomy/);
  });

  it('"Obtaining an extra ACE certification meets the 2.0 CEC requirement to renew your current certification."', () => {
    const e = evaluate({
      today,
      certifications: [PT],
      activities: [
        { kind: 'ace-certification', credential: 'health-coach', completed: '2026-02-01' },
      ],
    });
    expect(e.certifications[0]?.earned).toBe(20);
    expect(e.certifications[0]?.met).toBe(true);
  });

  it('"CEC credits apply to both certifications if earned during the current cycle of each one."', () => {
    const e = evaluate({
      today,
      certifications: [PT, { credential: 'group-fitness-instructor', expires: '2027-09-30' }],
      activities: [
        { kind: 'approved-course', courseNumber: 'CA23456', cecs: 0.7, completed: '2026-01-10' },
        { kind: 'approved-course', courseNumber: 'CP12345', cecs: 0.5, completed: '2025-08-10' },
      ],
    });
    const [pt, gfi] = e.certifications;
    expect(pt?.earned).toBe(12);
    // 08/10/2025 is before the group fitness cycle (10/01/2025–09/30/2027).
    expect(gfi?.earned).toBe(7);
  });

  it('"Professional presentations relating to the health and fitness industry can earn up to 0.5 CECs per renewal cycle."', () => {
    const e = evaluate({
      today,
      certifications: [PT],
      activities: [1, 2, 3].map((n) => ({
        kind: 'presentation',
        title: `Talk ${n}`,
        completed: `2026-0${n}-01`,
      })),
    });
    const c = e.certifications[0];
    expect(c?.earned).toBe(5);
    expect(c?.items.map((i) => i.counted)).toEqual([5, 0, 0]);
    expect(c?.items[1]?.cut).toMatch(/at most 0\.5 CECs per cycle/);
  });

  it('"Obtaining a fitness-related certification from a separate NCCA-accredited provider is worth 0.5 CECs toward your ACE certification renewal."', () => {
    expect(
      getOpportunity('ncca-certification').credit(
        { kind: 'ncca-certification', name: 'NSCA-CSCS', completed: '2026-01-01' },
        { credential: null },
      ).tenths,
    ).toBe(5);
    expect(answerQuestion('NASM certification')).toMatchObject({
      opportunity: 'ncca-certification',
      tenths: 5,
    });
  });

  it('"Publishing fitness-related articles or books or in peer-reviewed journals can net you 0.5 CECs."', () => {
    expect(answerQuestion('published a book')).toMatchObject({
      opportunity: 'publication',
      tenths: 5,
    });
  });

  it('"Community outreach in a fitness related capacity may be worth 0.1 CECs per renewal cycle."', () => {
    const e = evaluate({
      today,
      certifications: [PT],
      activities: [
        { kind: 'mentoring', completed: '2026-01-01' },
        { kind: 'mentoring', completed: '2026-02-01' },
      ],
    });
    expect(e.certifications[0]?.earned).toBe(1);
    expect(e.certifications[0]?.items[1]?.cut).toMatch(/at most 0\.1/);
  });

  it('"This is typically presented in the format of CEP/CP/CA/CS/CL, followed by five or six numbers (for example, CA23456 or CEP123456)."', () => {
    expect(checkCourseNumber('CA23456').valid).toBe(true);
    expect(checkCourseNumber('CEP123456').valid).toBe(true);
    for (const prefix of ['CEP', 'CP', 'CA', 'CS', 'CL'])
      expect(checkCourseNumber(`${prefix}12345`).valid).toBe(true);
    expect(checkCourseNumber('CA1234').valid).toBe(false);
    expect(checkCourseNumber('CA1234567').valid).toBe(false);
  });

  it('"For events with multiple courses, such as conferences, there will be one umbrella number … total up the number of CECs you earned at the session you attended."', () => {
    const e = evaluate({
      today,
      certifications: [PT],
      activities: [
        { kind: 'approved-course', courseNumber: 'CL54321', cecs: 1.3, completed: '2026-03-01' },
      ],
    });
    expect(e.certifications[0]?.earned).toBe(13);
    expect(getOpportunity('approved-course').description).toMatch(/umbrella number/);
  });

  it('"Next, simply input the completion date in MM/DD/YYYY format"', async () => {
    const { formatUsDate } = await import('../src/index.js');
    expect(formatUsDate('2026-07-01')).toBe('07/01/2026');
  });

  it('"If you have completed a course that’s not currently ACE-approved, you can submit a petition form online … to potentially receive credit."', () => {
    const e = evaluate({
      today,
      certifications: [PT],
      activities: [
        {
          kind: 'petition',
          title: 'Pilates',
          status: 'pending',
          cecs: 0.5,
          completed: '2026-01-01',
        },
        { kind: 'petition', title: 'Yoga', status: 'approved', cecs: 0.8, completed: '2026-01-02' },
        { kind: 'petition', title: 'Barre', status: 'denied', cecs: 0.3, completed: '2026-01-03' },
      ],
    });
    expect(e.certifications[0]?.items.map((i) => i.counted)).toEqual([0, 8, 0]);
    expect(e.certifications[0]?.items[0]?.reason).toMatch(/pending/);
  });
});
