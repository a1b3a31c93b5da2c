import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Activity,
  type AnyOpportunity,
  COURSE_PREFIXES,
  decodePlan,
  encodePlan,
  type FieldDescriptor,
  OPPORTUNITIES,
  type PlanInput,
  parseActivity,
  parsePlan,
} from '../src/index.js';
import { EXTENDED } from './fixtures/extra-opportunity.js';
import { largePlan } from './fixtures/large-plan.js';

const EXAMPLE: PlanInput = JSON.parse(
  readFileSync(new URL('./fixtures/example-plan.json', import.meta.url), 'utf8'),
);

function valid(input: PlanInput) {
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.plan;
}

/** A version-1 or version-2 link: base64url of the JSON arrays. */
const legacy = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/** A version-3 link around any JSON text, as a crafted link would be. */
const version3 = (text: string) => `3${deflateRawSync(text).toString('base64url')}`;

describe('calculator links (version 3)', () => {
  it('round-trips the example plan into a compact URL-safe string', async () => {
    const plan = valid(EXAMPLE);
    const encoded = await encodePlan(plan);
    expect(encoded).toMatch(/^3[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(JSON.stringify(EXAMPLE).length / 2);
    expect(await decodePlan(encoded)).toEqual({ ok: true, plan });
  });

  it('keeps text with any characters', async () => {
    const plan = valid({
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
      activities: [
        {
          kind: 'publication',
          title: 'Fuerza después de los 60 — “ñ” 💪',
          completed: '2026-01-01',
        },
      ],
    });
    expect(await decodePlan(await encodePlan(plan))).toEqual({ ok: true, plan });
  });

  it('holds a 100-entry plan within the bot’s 1,800 characters, with room for a long site address', async () => {
    const sizes: Record<number, number> = {};
    for (const entries of [20, 100, 200]) {
      const plan = valid(largePlan(entries));
      const encoded = await encodePlan(plan);
      sizes[entries] = encoded.length;
      expect(await decodePlan(encoded)).toEqual({ ok: true, plan });
    }
    console.info(`link length for 20/100/200 entries: ${Object.values(sizes).join('/')}`);
    expect((sizes[100] ?? Infinity) + 100).toBeLessThanOrEqual(1800);
  });

  it('a link made before a kind was added reads the same in the ruleset that has it', async () => {
    const plan = valid(largePlan(30));
    expect(await decodePlan(await encodePlan(plan), EXTENDED)).toEqual({ ok: true, plan });
  });

  it('any valid plan of up to 200 entries round-trips', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyActivity, { maxLength: 200 }),
        fc.option(anyDate, { nil: undefined }),
        async (activities, today) => {
          cases++;
          const plan = valid({
            ...(today ? { today } : {}),
            certifications: [{ credential: 'health-coach', expires: '2027-01-01' }],
            activities,
          });
          expect(await decodePlan(await encodePlan(plan))).toEqual({ ok: true, plan });
        },
      ),
      { numRuns: 60 },
    );
    console.info(`link round trip: ${cases} plans`);
  });
});

describe('links of versions 1 and 2', () => {
  const cpr = { kind: 'cpr-aed', term: '2yr', completed: '2026-01-15' };
  const talk = { kind: 'presentation', title: 'Talk', completed: '2026-02-01' };
  const plan: PlanInput = {
    today: '2026-01-01',
    certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
    activities: [cpr, talk],
  };

  it('still open the plan they were made for', async () => {
    const certifications = [[0, 'e', '2027-03-31']];
    const v1 = legacy([
      1,
      '2026-01-01',
      certifications,
      [
        [0, '2yr', '2026-01-15'],
        [3, 'Talk', '2026-02-01'],
      ],
    ]);
    const v2 = legacy([
      2,
      '2026-01-01',
      certifications,
      [
        [0, '2026-01-15', '2yr'],
        [3, '2026-02-01', 'Talk'],
      ],
    ]);
    expect(await decodePlan(v1)).toEqual({ ok: true, plan: valid(plan) });
    expect(await decodePlan(v2)).toEqual({ ok: true, plan: valid(plan) });
  });

  it('with one bad field: the problem, and what was read, so nothing is lost', async () => {
    const encoded = legacy([
      1,
      '2026-01-01',
      [[0, 'e', '2027-03-31']],
      [
        [0, '3yr', '2026-01-15'],
        [3, 'Talk', '2026-02-01'],
      ],
    ]);
    const result = await decodePlan(encoded);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: '$.activities[0].term', message: 'Certificate length must be "1yr" or "2yr".' },
      ],
      input: { ...plan, activities: [{ ...cpr, term: '3yr' }, talk] },
    });
  });
});

describe('a damaged or crafted link', () => {
  it('gets a clear sentence', async () => {
    const damaged = { ok: false, problems: [{ message: expect.stringMatching(/damaged/) }] };
    expect(await decodePlan('not-a-plan')).toMatchObject(damaged);
    expect(await decodePlan('')).toMatchObject(damaged);
    const whole = await encodePlan(valid(largePlan(20)));
    expect(await decodePlan(whole.slice(0, 200))).toMatchObject(damaged);
    expect(await decodePlan(version3('{"not":"arrays"}'))).toMatchObject(damaged);
    const newer = { ok: false, problems: [{ message: expect.stringMatching(/newer version/) }] };
    expect(await decodePlan(legacy([9, null, [], []]))).toMatchObject(newer);
    expect(await decodePlan(`4${whole.slice(1)}`)).toMatchObject(newer);
  });

  it('that unpacks to megabytes is refused, not read', async () => {
    const bomb = version3(`[null,[],[${'0,'.repeat(2_000_000)}0]]`);
    expect(bomb.length).toBeLessThan(10_000);
    expect(await decodePlan(bomb)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/far more than any plan/) }],
    });
  });

  it('never throws, whatever stands where a kind, a credential or a date should', async () => {
    // Found by the site's fuzz test: "toString" indexed Array.prototype.
    expect(await decodePlan(legacy([1, '2026-11-27', [], [['toString']]]))).toMatchObject({
      ok: false,
    });
    expect(await decodePlan(version3('[null,[["constructor","e",1]],[]]'))).toMatchObject({
      ok: false,
    });
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.array(fc.jsonValue(), { maxLength: 4 }),
        async (kind, credential, values) => {
          cases++;
          for (const encoded of [
            legacy([1, null, [[credential, 'e', '2027-01-01']], [[kind, ...values]]]),
            version3(
              JSON.stringify([values[0] ?? null, [[credential, 'e', kind]], [[kind, ...values]]]),
            ),
          ]) {
            const result = await decodePlan(encoded);
            if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1000 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        cases++;
        await decodePlan(text);
        await decodePlan(`3${text}`);
      }),
      { numRuns: 1000 },
    );
    console.info(`crafted link fuzz: ${cases} cases`);
  });
});

// Random valid activities of every kind, from the kinds' own field descriptors.

const anyDate = fc
  .integer({ min: 0, max: 6000 })
  .map((day) => new Date(Date.UTC(2013, 4, 1) + day * 86_400_000).toISOString().slice(0, 10));

function anyValue(field: FieldDescriptor): fc.Arbitrary<unknown> {
  switch (field.type) {
    case 'choice':
      return fc.constantFrom(...field.choices.map((c) => c.value));
    case 'number':
      return fc
        .integer({ min: Math.ceil(field.min * 100), max: field.max * 100 })
        .map((n) => n / 100);
    case 'cecs':
      return fc.integer({ min: 1, max: 300 }).map((tenths) => tenths / 10);
    case 'boolean':
      return fc.boolean();
    case 'text':
      return fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' });
    case 'course-number':
      return fc
        .tuple(fc.constantFrom(...COURSE_PREFIXES), fc.integer({ min: 10_000, max: 999_999 }))
        .map(([prefix, digits]) => `${prefix}${digits}`);
    case 'date':
      return anyDate;
  }
}

function activityOf(opportunity: AnyOpportunity) {
  const model: Record<string, fc.Arbitrary<unknown>> = {
    kind: fc.constant(opportunity.id),
    completed: anyDate,
  };
  for (const field of opportunity.fields) model[field.name] = anyValue(field);
  const required = [
    'kind',
    'completed',
    ...opportunity.fields.filter((f) => !f.optional).map((f) => f.name),
  ];
  return fc.record(model, { requiredKeys: required });
}

const anyActivity = fc
  .oneof(...OPPORTUNITIES.map(activityOf))
  .map((candidate) => parseActivity(candidate))
  .filter((parsed) => parsed.ok)
  .map((parsed) => (parsed.ok ? parsed.activity : null)) as fc.Arbitrary<Activity>;
