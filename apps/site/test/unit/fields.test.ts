/** The form is derived from the rules package's field descriptors: every field a kind needs is on screen. */
import { OPPORTUNITY_IDS, type OpportunityId, parsePlan } from '@cec/rules';
import { describe, expect, it } from 'vitest';
// The rules package's test-only tenth opportunity.
import { EXTENDED } from '../../../../packages/rules/test/fixtures/extra-opportunity';
import { FORM, formConfig, formField, kindFields } from '../../src/scripts/calculator/fields';
import { draftInput, emptyDraft } from '../../src/scripts/calculator/state';

function problems(activity: Record<string, unknown>) {
  const result = parsePlan({ certifications: [], activities: [activity] });
  return result.ok ? [] : result.problems.map((p) => p.path);
}

describe('form fields', () => {
  it('every kind of the rules package has its fields, each a control of the form, the date last', () => {
    expect(Object.keys(FORM.kinds).sort()).toEqual([...OPPORTUNITY_IDS].sort());
    for (const kind of OPPORTUNITY_IDS) {
      const fields = kindFields(kind);
      for (const field of fields) expect(formField(field.name), field.name).toBeDefined();
      expect(fields.at(-1)?.name).toBe('completed');
    }
    expect(FORM.fields.at(-1)?.name).toBe('completed');
    expect(new Set(FORM.fields.map((f) => f.name)).size).toBe(FORM.fields.length);
  });

  it('a fresh form picks nothing for the person: lists start empty, checkboxes at the schema default', () => {
    expect(formField('grade')?.initial).toBe('');
    expect(formField('term')?.initial).toBe('');
    expect(formField('related')?.initial).toBe('true');
    expect(formField('ethics')?.initial).toBe('false');
  });

  it.each(OPPORTUNITY_IDS)(
    '%s: no field the schema lacks, and none it requires missing',
    (kind: OpportunityId) => {
      const input = draftInput(emptyDraft(kind));
      // An empty form is reported field by field, never as an unknown field.
      const paths = problems(input);
      expect(paths.some((p) => p === '$.activities[0]')).toBe(false);
      for (const field of kindFields(kind)) {
        const control = formField(field.name)?.control;
        // Dropping an optional field (or a defaulted checkbox) is no problem; a required one is.
        const missing = paths.includes(`$.activities[0].${field.name}`);
        expect(missing, field.name).toBe(!field.optional && control !== 'checkbox');
      }
    },
  );
});

describe('an opportunity added in a test ruleset', () => {
  it('gets its own controls, labels and order in the form with no edit here', () => {
    const form = formConfig(EXTENDED);
    expect(form.kinds['yoga-retreat']?.map((f) => [f.name, f.label, f.optional])).toEqual([
      ['days', 'Days', false],
      ['style', 'Style', false],
      ['venue', 'Venue', true],
      ['completed', 'Completion date', false],
    ]);
    const control = (name: string) => form.fields.find((f) => f.name === name);
    expect(control('days')?.control).toBe('decimal');
    expect(control('style')?.choices.map((c) => c.value)).toEqual(['hatha', 'vinyasa']);
    expect(control('venue')?.control).toBe('text');
    expect(form.fields.at(-1)?.name).toBe('completed');
  });
});
