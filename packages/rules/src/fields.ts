/**
 * An opportunity's inputs, declared once as data (a descriptor per field).
 * Everything that asks a person for an activity is derived from these: the
 * plan schema (zod, and so its JSON Schema), the site's form and its field
 * errors, the bot's `/cec` and `/log` options and the code that reads them,
 * and the URL encoding's field order. Each schema piece carries its own
 * sentence for the person who typed the value wrong.
 */
import * as z from 'zod/mini';
import { checkCourseNumber } from './course-number.js';
import { DATE_FORMAT_HINT, type IsoDate, parseDate } from './dates.js';
import { exactTenths, formatCecs } from './units.js';

interface FieldBase<Name extends string = string> {
  /** The plan's field name, e.g. "creditHours". */
  name: Name;
  /** The bot's option name (Discord: lower case, at most 32 characters). Default: `name`. */
  option?: string;
  /** What the field is called on screen and in its error messages, e.g. "Credit hours". */
  label: string;
  /** Where the value comes from, shown under the field and in the bot's option description. */
  help?: string;
  /** A value as a person would type it, e.g. "3". */
  example: string;
  /** May be left out. */
  optional?: boolean;
  /** Needed to tell what the activity is worth: `/cec` asks for it too. */
  forValue?: boolean;
}

export interface Choice<Value extends string = string> {
  value: Value;
  label: string;
}

export interface ChoiceField<Name extends string = string, Value extends string = string>
  extends FieldBase<Name> {
  type: 'choice';
  choices: readonly Choice<Value>[];
}

export interface NumberField<Name extends string = string> extends FieldBase<Name> {
  type: 'number';
  /** The smallest value that means something (a credit hour below 0.1 earns nothing). */
  min: number;
  /** …and at most this. */
  max: number;
  /** The sentence for a value over `max`. */
  tooHigh: string;
}

/** CECs as printed on a certificate: a positive multiple of 0.1. */
export interface CecsField<Name extends string = string> extends FieldBase<Name> {
  type: 'cecs';
}

export interface BooleanField<Name extends string = string> extends FieldBase<Name> {
  type: 'boolean';
  /** What an unanswered box means (the schema's default). */
  default: boolean;
}

export interface TextField<Name extends string = string> extends FieldBase<Name> {
  type: 'text';
}

export interface CourseNumberField<Name extends string = string> extends FieldBase<Name> {
  type: 'course-number';
}

export interface DateField<Name extends string = string> extends FieldBase<Name> {
  type: 'date';
}

export type FieldDescriptor =
  | ChoiceField
  | NumberField
  | CecsField
  | BooleanField
  | TextField
  | CourseNumberField
  | DateField;

export type FieldType = FieldDescriptor['type'];

/** The value a field holds once validated. */
export type FieldValue<Field> = Field extends {
  type: 'choice';
  choices: readonly Choice<infer V>[];
}
  ? V
  : Field extends { type: 'number' | 'cecs' }
    ? number
    : Field extends { type: 'boolean' }
      ? boolean
      : Field extends { type: 'date' }
        ? IsoDate
        : string;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** An activity of kind `Kind` with the fields `Fields` (optional ones may be absent), as validated. */
export type ActivityOf<Kind extends string, Fields extends readonly FieldDescriptor[]> = Simplify<
  { kind: Kind } & {
    [F in Fields[number] as F extends { optional: true } ? never : F['name']]: FieldValue<F>;
  } & {
    [F in Fields[number] as F extends { optional: true } ? F['name'] : never]?: FieldValue<F>;
  } & { completed: IsoDate }
>;

/** Longest free text we keep (a title, a provider's name). */
export const TEXT_MAX = 200;

/** Every activity's date, last in its fields. */
export const COMPLETED_FIELD = {
  name: 'completed',
  option: 'date',
  type: 'date',
  label: 'Completion date',
  help: 'MM/DD/YYYY or YYYY-MM-DD; a date after today counts as planned',
  example: '01/15/2026',
} as const satisfies DateField;

/** The option name the bot uses for a field. */
export function optionName(field: FieldDescriptor): string {
  return field.option ?? field.name;
}

/** `"1yr" or "2yr"`, `"pending", "approved" or "denied"`, `one of A+, A, …` for long lists. */
export function expectedChoice(values: readonly string[]): string {
  if (values.length > 3) return `one of ${values.join(', ')}`;
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length === 1
    ? String(quoted[0])
    : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

// ---------------------------------------------------------------------------
// Schema pieces, each with its own sentences

/**
 * The message for a missing or mistyped field: "Grade is missing: expected one of …"
 * when absent, "Grade must be one of …" when present but wrong.
 */
export function fieldError(what: string, expected: string) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined
        ? `${what} is missing: expected ${expected}.`
        : `${what} must be ${expected}.`,
  };
}

/** A calendar date typed as MM/DD/YYYY or YYYY-MM-DD; the parsed value is ISO. */
export function dateField(what: string) {
  return z.pipe(
    z.string(fieldError(what, `a date, ${DATE_FORMAT_HINT}`)),
    z.transform((value: string, ctx) => {
      const parsed = parseDate(value);
      if (parsed.ok) return parsed.date;
      ctx.issues.push({ code: 'custom', message: `${what}: ${parsed.error}`, input: value });
      return z.NEVER;
    }),
  );
}

/** The most CECs one certificate or petition may claim: five whole cycles' worth is surely a typo. */
export const MAX_CECS_TENTHS = 100;

/** A positive amount of CECs that is a whole number of tenths (0.7, 1.5 — not 0.75), at most 10.0. */
export function cecsField(what: string) {
  return z.number(fieldError(what, 'a number of CECs, like 0.5')).check(
    // At least one tenth: 1e-320 is "positive" but rounds to 0.0.
    z.refine((value) => (exactTenths(value) ?? 0) >= 1, {
      message: `${what} must be a positive multiple of 0.1 CEC, like 0.5 or 1.2.`,
      abort: true,
    }),
    z.refine((value) => (exactTenths(value) ?? 0) <= MAX_CECS_TENTHS, {
      message: `${what} must be at most ${formatCecs(MAX_CECS_TENTHS)}: check the number on the certificate.`,
    }),
  );
}

function courseNumberField(what: string) {
  return z.pipe(
    z.string(fieldError(what, 'text like CA23456')),
    z.transform((value: string, ctx) => {
      const check = checkCourseNumber(value);
      if (check.valid) return check.normalized;
      ctx.issues.push({ code: 'custom', message: `${what}: ${check.error}`, input: value });
      return z.NEVER;
    }),
  );
}

/** Free text a person names something with (a title, a provider). */
export function textField(what: string, max = TEXT_MAX) {
  return z.string(fieldError(what, 'text')).check(
    z.refine((value) => value.trim().length > 0, { message: `${what} cannot be empty.` }),
    z.refine((value) => value.length <= max, {
      message: `${what} is longer than ${max} characters.`,
    }),
  );
}

function numberField(field: NumberField) {
  return z.number(fieldError(field.label, `a number, like ${field.example}`)).check(
    z.refine((value) => Number.isFinite(value) && value >= field.min, {
      message: `${field.label} must be at least ${field.min}, like ${field.example}.`,
    }),
    z.refine((value) => value <= field.max, { message: field.tooHigh }),
  );
}

/** The zod schema of one field. */
export function fieldSchema(field: FieldDescriptor): z.ZodMiniType {
  const piece = ((): z.ZodMiniType => {
    switch (field.type) {
      case 'choice': {
        const values = field.choices.map((c) => c.value) as [string, ...string[]];
        return z.enum(values, fieldError(field.label, expectedChoice(values)));
      }
      case 'number':
        return numberField(field);
      case 'cecs':
        return cecsField(field.label);
      case 'boolean':
        return z._default(z.boolean(fieldError(field.label, 'true or false')), field.default);
      case 'text':
        return textField(field.label);
      case 'course-number':
        return courseNumberField(field.label);
      case 'date':
        return dateField(field.label);
    }
  })();
  return field.optional ? z.optional(piece) : piece;
}

/** The strict object schema of an activity: its kind, its fields, its completion date. */
export function activitySchemaOf<Kind extends string, Fields extends readonly FieldDescriptor[]>(
  kind: Kind,
  fields: Fields,
): z.ZodMiniType<ActivityOf<Kind, Fields>, unknown> {
  const shape: Record<string, z.ZodMiniType> = { kind: z.literal(kind) };
  for (const field of fields) shape[field.name] = fieldSchema(field);
  shape[COMPLETED_FIELD.name] = fieldSchema(COMPLETED_FIELD);
  return z.strictObject(shape) as unknown as z.ZodMiniType<ActivityOf<Kind, Fields>, unknown>;
}
