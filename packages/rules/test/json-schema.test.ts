import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPPORTUNITY_IDS } from '../src/index.js';

const schema = JSON.parse(
  readFileSync(new URL('../dist/plan.schema.json', import.meta.url), 'utf8'),
);

describe('the generated JSON Schema of a plan', () => {
  it('describes every activity kind with its required fields and rejects unknown fields', () => {
    const kinds = schema.properties.activities.items.oneOf;
    expect(
      kinds.map((k: { properties: { kind: { const: string } } }) => k.properties.kind.const),
    ).toEqual(OPPORTUNITY_IDS);
    const cpr = kinds[0];
    expect(cpr.required).toEqual(['kind', 'term', 'completed']);
    expect(cpr.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['certifications']);
  });
  it('gives dates their accepted shape', () => {
    const pattern = new RegExp(schema.properties.today.pattern);
    expect(pattern.test('03/31/2027')).toBe(true);
    expect(pattern.test('2027-03-31')).toBe(true);
    expect(pattern.test('31.03.2027')).toBe(false);
    expect(schema.properties.today.description).toMatch(/MM\/DD\/YYYY/);
  });
});
