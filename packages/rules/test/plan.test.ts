import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblems, type PlanInput, parsePlan, parsePlanText } from '../src/index.js';

export const EXAMPLE: PlanInput = JSON.parse(
  readFileSync(new URL('./fixtures/example-plan.json', import.meta.url), 'utf8'),
);

describe('the plan schema', () => {
  it('accepts the example plan of rules.md, normalising dates and course numbers', () => {
    const result = parsePlan(EXAMPLE);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.certifications[1]).toEqual({
        credential: 'health-coach',
        certified: '2025-03-15',
      });
      expect(result.plan.activities[1]).toMatchObject({ kind: 'college', completed: '2025-12-10' });
    }
  });

  it('lists every problem with its JSON path and a specific sentence', () => {
    const result = parsePlan({
      certifications: [
        { credential: 'trainer', expires: '02/30/2024' },
        { credential: 'health-coach' },
      ],
      activities: [
        { kind: 'cpr-aed', term: '3yr', completed: '1/1/24' },
        { kind: 'yoga', completed: '2024-01-01' },
        { kind: 'approved-course', courseNumber: 'CX1234', cecs: 0.75, completed: '2024-01-01' },
        { kind: 'college', creditHours: 0, grade: 'E', completed: '2024-01-01' },
        { kind: 'mentoring', completed: '2024-01-01', complted: 'x' },
        { kind: 'publication', title: '  ', completed: '2024-01-01' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
    expect(byPath['$.certifications[0].credential']).toMatch(/must be one of personal-trainer/);
    expect(byPath['$.certifications[0].expires']).toMatch(/February 2024 has 29 days/);
    expect(byPath['$.certifications[1]']).toMatch(/either "expires" .* or "certified"/);
    expect(byPath['$.activities[0].term']).toMatch(/"1yr" or "2yr"/);
    expect(byPath['$.activities[0].completed']).toMatch(/four-digit year/);
    expect(byPath['$.activities[1].kind']).toMatch(/Each activity needs a "kind": one of cpr-aed/);
    expect(byPath['$.activities[2].courseNumber']).toMatch(/"CX" is not an ACE course prefix/);
    expect(byPath['$.activities[2].cecs']).toMatch(/multiple of 0.1/);
    expect(byPath['$.activities[3].creditHours']).toMatch(/at least 0.1/);
    expect(byPath['$.activities[3].grade']).toMatch(/Grade must be one of/);
    expect(byPath['$.activities[4]']).toMatch(/Unknown field "complted"/);
    expect(byPath['$.activities[5].title']).toMatch(/cannot be empty/);
    expect(formatProblems(result.problems)).toContain('$.activities[0].term: ');
  });

  it('refuses a credential listed twice, a non-object and bad JSON', () => {
    const twice = parsePlan({
      certifications: [
        { credential: 'health-coach', expires: '2027-01-01' },
        { credential: 'health-coach', expires: '2028-01-01' },
      ],
    });
    expect(twice.ok || twice.problems[0]?.message).toMatch(/only once/);
    expect(parsePlan([]).ok).toBe(false);
    const bad = parsePlanText('{"certifications": [');
    expect(bad.ok || bad.problems[0]?.message).toMatch(/not valid JSON/);
    const missing = parsePlan({});
    expect(missing.ok || missing.problems[0]).toMatchObject({ path: '$.certifications' });
  });

  it('parsing never throws on arbitrary JSON', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        cases++;
        const result = parsePlan(value);
        if (!result.ok) for (const p of result.problems) expect(p.path.startsWith('$')).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        cases++;
        parsePlanText(text);
      }),
      { numRuns: 2000 },
    );
    console.info(`plan parser fuzz: ${cases} cases`);
  });
});

describe('one activity or certification at a time (the bot’s /log and /cert)', () => {
  it('validates with the plan’s own messages, paths from the item', async () => {
    const { parseActivity, parseCertification } = await import('../src/index.js');
    expect(parseActivity({ kind: 'cpr-aed', term: '2yr', completed: '01/15/2026' })).toEqual({
      ok: true,
      activity: { kind: 'cpr-aed', term: '2yr', completed: '2026-01-15' },
    });
    expect(parseActivity({ kind: 'cpr-aed', term: '3yr', completed: '2026-01-15' })).toEqual({
      ok: false,
      problems: [{ path: '$.term', message: 'Certificate length must be "1yr" or "2yr".' }],
    });
    expect(parseCertification({ credential: 'health-coach', expires: '2027-01-01' })).toMatchObject(
      { ok: true },
    );
    expect(parseCertification({ credential: 'health-coach' })).toMatchObject({
      ok: false,
      problems: [{ path: '$' }],
    });
  });
});

describe('CEC amounts', () => {
  it.each([1e-320, 0.01, 0, -0.5, 0.75])('refuses %s', (cecs) => {
    const result = parsePlan({
      certifications: [],
      activities: [
        { kind: 'approved-course', courseNumber: 'CA12345', cecs, completed: '2026-01-01' },
      ],
    });
    expect(result.ok || result.problems[0]?.message).toMatch(/positive multiple of 0.1/);
  });
});

describe('a plan with very many problems', () => {
  it('lists all 150,000 problems of 50,000 activities with three mistakes each, without a crash', () => {
    const activities = Array.from({ length: 50_000 }, () => ({
      kind: 'college',
      creditHours: -1,
      grade: 'Z',
      completed: '02/30/2024',
    }));
    const result = parsePlan({ certifications: [], activities });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(150_000);
    expect(problems[149_999]?.path).toBe('$.activities[49999].completed');
    expect(formatProblems(problems).split('\n')).toHaveLength(150_000);
  });
});
