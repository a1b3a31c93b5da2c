import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePlan,
  encodePlan,
  formatProblems,
  type PlanInput,
  parsePlan,
  parsePlanText,
} from '../src/index.js';

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

describe('URL encoding of a plan', () => {
  it('round-trips the example plan into a compact URL-safe string', () => {
    const parsed = parsePlan(EXAMPLE);
    if (!parsed.ok) throw new Error('example plan');
    const encoded = encodePlan(parsed.plan);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(JSON.stringify(EXAMPLE).length);
    expect(decodePlan(encoded)).toEqual({ ok: true, plan: parsed.plan });
  });

  it('keeps text with any characters', () => {
    const plan = parsePlan({
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
      activities: [
        {
          kind: 'publication',
          title: 'Fuerza después de los 60 — “ñ” 💪',
          completed: '2026-01-01',
        },
      ],
    });
    if (!plan.ok) throw new Error('plan');
    expect(decodePlan(encodePlan(plan.plan))).toEqual(plan);
  });

  it('a damaged or foreign link gets a clear message', () => {
    expect(decodePlan('not-a-plan')).toMatchObject({
      ok: false,
      problems: [{ message: /damaged/ }],
    });
    expect(decodePlan('')).toMatchObject({ ok: false });
    const newer = btoa(JSON.stringify([9, null, [], []])).replace(/=+$/, '');
    expect(decodePlan(newer)).toMatchObject({
      ok: false,
      problems: [{ message: /newer version/ }],
    });
    const badKind = btoa(JSON.stringify([1, null, [[0, 'e', '2027-01-01']], [[99, 'x']]])).replace(
      /=+$/,
      '',
    );
    expect(decodePlan(badKind).ok).toBe(false);
  });

  it('a crafted link never throws, whatever stands where a kind or a credential should', () => {
    const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '');
    // Found by the site's fuzz test: "toString" indexed Array.prototype.
    expect(decodePlan(encode([1, '2026-11-27', [], [['toString']]]))).toMatchObject({ ok: false });
    expect(decodePlan(encode([1, null, [['constructor', 'e', '2027-01-01']], []]))).toMatchObject({
      ok: false,
    });
    let cases = 0;
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.array(fc.jsonValue(), { maxLength: 4 }),
        (kind, credential, values) => {
          cases++;
          const result = decodePlan(
            encode([1, null, [[credential, 'e', '2027-01-01']], [[kind, ...values]]]),
          );
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
    console.info(`crafted link fuzz: ${cases} cases`);
  });

  it('any valid plan round-trips; any string decodes without throwing', () => {
    let cases = 0;
    const activity = fc.oneof(
      fc.record({
        kind: fc.constant('cpr-aed'),
        term: fc.constantFrom('1yr', '2yr'),
        completed: fc.constant('2026-01-01'),
      }),
      fc.record({
        kind: fc.constant('presentation'),
        title: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        completed: fc.constant('2026-02-01'),
      }),
      fc.record({
        kind: fc.constant('approved-course'),
        courseNumber: fc.constant('CA12345'),
        cecs: fc.integer({ min: 1, max: 40 }).map((t) => t / 10),
        ethics: fc.boolean(),
        completed: fc.constant('2026-03-01'),
      }),
    );
    fc.assert(
      fc.property(fc.array(activity, { maxLength: 10 }), (activities) => {
        cases++;
        const parsed = parsePlan({
          certifications: [{ credential: 'health-coach', expires: '2027-01-01' }],
          activities,
        });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        expect(decodePlan(encodePlan(parsed.plan))).toEqual(parsed);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        cases++;
        decodePlan(text);
      }),
      { numRuns: 2000 },
    );
    console.info(`URL decoder fuzz: ${cases} cases`);
  });
});

describe('a link with one bad field', () => {
  it('reports the problem and returns what it read, so nothing is lost', () => {
    const encoded = btoa(
      JSON.stringify([
        1,
        '2026-01-01',
        [[0, 'e', '2027-03-31']],
        [
          [0, '3yr', '2026-01-15'],
          [3, 'Talk', '2026-02-01'],
        ],
      ]),
    ).replace(/=+$/, '');
    const result = decodePlan(encoded);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: '$.activities[0].term', message: 'Certificate length must be "1yr" or "2yr".' },
    ]);
    expect(result.input).toEqual({
      today: '2026-01-01',
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
      activities: [
        { kind: 'cpr-aed', term: '3yr', completed: '2026-01-15' },
        { kind: 'presentation', title: 'Talk', completed: '2026-02-01' },
      ],
    });
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
