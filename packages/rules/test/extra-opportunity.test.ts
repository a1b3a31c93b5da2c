/** Adding an opportunity is one module: the schema, its JSON Schema and the link encoding follow. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { decodePlan, encodePlan, linkFields, parsePlan, planSchemaFor } from '../src/index.js';
import { EXTENDED, yogaRetreat } from './fixtures/extra-opportunity.js';

const plan = {
  certifications: [{ credential: 'personal-trainer' as const, expires: '2027-03-31' }],
  activities: [
    { kind: 'yoga-retreat', days: 2, style: 'hatha', venue: 'Lake house', completed: '2026-05-01' },
  ],
};

describe('an opportunity added in a test ruleset', () => {
  it('is accepted by that ruleset’s plan schema, with its own field messages', () => {
    const ok = parsePlan(plan, EXTENDED);
    expect(ok.ok).toBe(true);
    const bad = parsePlan(
      { ...plan, activities: [{ kind: 'yoga-retreat', days: 40, completed: '2026-05-01' }] },
      EXTENDED,
    );
    expect(bad.ok ? [] : bad.problems).toEqual([
      { path: '$.activities[0].days', message: 'Days must be at most 14.' },
      {
        path: '$.activities[0].style',
        message: 'Style is missing: expected "hatha" or "vinyasa".',
      },
    ]);
    // …and only by that one: the real ruleset does not know it.
    expect(parsePlan(plan).ok).toBe(false);
  });

  it('appears in the JSON Schema', () => {
    const schema = JSON.stringify(z.toJSONSchema(planSchemaFor(EXTENDED), { io: 'input' }));
    expect(schema).toContain('"yoga-retreat"');
    expect(schema).toContain('"vinyasa"');
  });

  it('round-trips through a calculator link: the date, then the fields in descriptor order', async () => {
    expect(linkFields(yogaRetreat)).toEqual(['completed', 'days', 'style', 'venue']);
    const decoded = await decodePlan(await encodePlan(plan, EXTENDED), EXTENDED);
    expect(decoded.ok && decoded.plan.activities).toEqual(plan.activities);
  });
});
