/**
 * The "add an activity" form, derived from the rules package's field
 * descriptors: one control per field name (a kind shows the ones it has),
 * and per kind the label, hint and order its descriptors give. Nothing here
 * names an opportunity's field: a new opportunity in the ruleset appears in
 * the form as it is.
 */
import {
  COMPLETED_FIELD,
  type FieldDescriptor,
  type OpportunityId,
  RULESET,
  type Ruleset,
} from '@cec/rules';

export type FieldName = string;

/** How a field is typed on screen. */
export type Control = 'select' | 'checkbox' | 'decimal' | 'text';

export interface FormField {
  name: FieldName;
  control: Control;
  /** For a select: its options (an empty "Choose…" comes first, so nothing is picked for the person). */
  choices: readonly { value: string; label: string }[];
  /** What a fresh form holds: the schema's default for a checkbox, nothing otherwise. */
  initial: string;
  /** Free text, dates and checkboxes take the whole row; short values share it. */
  wide: boolean;
}

export interface KindField {
  name: FieldName;
  label: string;
  hint: string | null;
  optional: boolean;
}

export interface FormConfig {
  /** Every field once, in the order they first appear in the ruleset, the completion date last. */
  fields: readonly FormField[];
  /** Each kind's fields in the order its descriptors give, the completion date last. */
  kinds: Readonly<Record<string, readonly KindField[]>>;
}

function controlOf(field: FieldDescriptor): Control {
  switch (field.type) {
    case 'choice':
      return 'select';
    case 'boolean':
      return 'checkbox';
    case 'number':
    case 'cecs':
      return 'decimal';
    default:
      return 'text';
  }
}

/** The form for a ruleset. Throws for a maintainer when one field name means two kinds of control. */
export function formConfig(ruleset: Ruleset = RULESET): FormConfig {
  const fields = new Map<FieldName, FormField>();
  const kinds: Record<string, KindField[]> = {};
  for (const { opportunity } of ruleset.opportunities) {
    const own = [...opportunity.fields, COMPLETED_FIELD] as readonly FieldDescriptor[];
    kinds[opportunity.id] = own.map((field) => {
      const control = controlOf(field);
      const known = fields.get(field.name);
      if (known && known.control !== control) {
        throw new Error(
          `Field "${field.name}" is a ${known.control} in one opportunity and a ${control} in ${opportunity.id}: give it another name.`,
        );
      }
      if (!known) {
        fields.set(field.name, {
          name: field.name,
          control,
          choices: field.type === 'choice' ? field.choices : [],
          initial: field.type === 'boolean' ? String(field.default) : '',
          wide: field.type === 'text' || field.type === 'date' || field.type === 'boolean',
        });
      }
      return {
        name: field.name,
        label: field.label,
        hint: field.help ?? null,
        optional: field.optional === true,
      };
    });
  }
  // The completion date ends every kind's list; keep it last in the form too.
  const order = [...fields.values()].sort(
    (a, b) => Number(a.name === COMPLETED_FIELD.name) - Number(b.name === COMPLETED_FIELD.name),
  );
  return { fields: order, kinds };
}

export const FORM = formConfig();

/** The kind the form starts with: ACE-approved courses are how most people earn their CECs. */
export const FIRST_KIND: OpportunityId = 'approved-course';

export function kindFields(kind: OpportunityId): readonly KindField[] {
  return FORM.kinds[kind] ?? [];
}

export function formField(name: FieldName): FormField | undefined {
  return FORM.fields.find((f) => f.name === name);
}

/** What a fresh form holds, field by field. */
export function initialValues(): Record<FieldName, string> {
  return Object.fromEntries(FORM.fields.map((f) => [f.name, f.initial]));
}
