/** The form's fields match the rules package's schemas, so every field a kind needs is on screen. */
import { OPPORTUNITY_IDS, type OpportunityId, parsePlan } from '@cec/rules';
import { describe, expect, it } from 'vitest';
import { FIELD_ORDER, KIND_FIELDS, OPTIONAL_FIELDS } from '../../src/scripts/calculator/fields';
import { draftInput, emptyDraft } from '../../src/scripts/calculator/state';

function problems(activity: Record<string, unknown>) {
  const result = parsePlan({ certifications: [], activities: [activity] });
  return result.ok ? [] : result.problems.map((p) => p.path);
}

describe('form fields', () => {
  it('every kind of the rules package has a field list, and each field is in the form once', () => {
    expect(Object.keys(KIND_FIELDS).sort()).toEqual([...OPPORTUNITY_IDS].sort());
    for (const fields of Object.values(KIND_FIELDS)) {
      for (const field of fields) expect(FIELD_ORDER).toContain(field);
    }
  });

  it.each(OPPORTUNITY_IDS)(
    '%s: no field the schema lacks, and none it requires missing',
    (kind: OpportunityId) => {
      const input = draftInput(emptyDraft(kind));
      // Give every field a wrong value: each one must be reported at its own path, none unknown.
      const paths = problems(input);
      expect(paths.some((p) => p === '$.activities[0]')).toBe(false);
      for (const field of KIND_FIELDS[kind]) {
        const without = { ...input };
        delete without[field];
        const optional = OPTIONAL_FIELDS[kind]?.includes(field) ?? false;
        const boolean = field === 'related' || field === 'ethics';
        // Dropping an optional field (or a defaulted checkbox) is not a new problem; dropping a required one is.
        const missing = problems(without).includes(`$.activities[0].${field}`);
        expect(missing, field).toBe(!optional && !boolean);
      }
    },
  );
});
