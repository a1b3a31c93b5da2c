/** What an answer holds, its sources, and the sentence for a number that cannot be used. */
import { type FieldDescriptor, fieldSchema } from '../fields.js';
import type { OpportunityId } from '../opportunities/index.js';
import { SOURCES, type SourceId } from '../sources.js';
import type { Tenths } from '../units.js';
import type { Amount } from './entities.js';
import type { Intent } from './intents.js';

export interface AnswerSource {
  id: SourceId;
  title: string;
  url: string;
  /** The source's own words when `verbatim`; otherwise the fact it establishes, in our words. */
  quote: string;
  verbatim: boolean;
}

export interface AnswerOption {
  label: string;
  tenths: Tenths;
}

export interface Answer {
  /** What the question was understood as: an opportunity, or a renewal question. */
  intent: Intent;
  /** The opportunity the answer is about; null for a renewal fact about none (the deadline). */
  opportunity: OpportunityId | null;
  name: string;
  /** Null when a value is missing (see `options`), or when it is on a certificate or ACE decides. */
  tenths: Tenths | null;
  /** When a value is missing: what each possible value would give. */
  options: AnswerOption[];
  explanation: string;
  limitPerCycle: Tenths | null;
  /** Our reading of the source where it is ambiguous; empty when there is none to state. */
  interpretation: string;
  /** The first is the main one. */
  sources: AnswerSource[];
}

export function quoted(id: SourceId, quote: string): AnswerSource {
  const { title, url } = SOURCES[id];
  return { id, title, url, quote, verbatim: true };
}

/** A fact of sources.ts, cited by each of its sources. */
export function cited(fact: { sources: readonly SourceId[]; text: string }): AnswerSource[] {
  return fact.sources.map((id) => ({ ...quoted(id, fact.text), verbatim: false }));
}

/** Each field's schema, built once. */
const SCHEMAS = new WeakMap<FieldDescriptor, ReturnType<typeof fieldSchema>>();

/** A number as the field that holds it would take it, or the sentence saying why not. */
export function amountFor(
  amount: Amount,
  field: FieldDescriptor,
): { value: number } | { refused: string } {
  const typed = `"${amount.raw}"`;
  switch (amount.problem) {
    case 'comma':
      return {
        refused: `${typed} could be ${amount.raw.replace(',', '.')} or ${amount.raw.replace(',', '')}: write it with a point, like 1.5.`,
      };
    case 'negative':
      return { refused: `${typed} is below zero. ${field.label} must be more than 0.` };
    case 'range':
      return { refused: `${typed} is a range: give one number, like ${field.example}.` };
    case 'unreadable':
      return { refused: `${typed} is not a number I can read: write it like ${field.example}.` };
    case null:
      break;
  }
  const value = amount.value ?? Number.NaN;
  let schema = SCHEMAS.get(field);
  if (!schema) {
    schema = fieldSchema(field);
    SCHEMAS.set(field, schema);
  }
  const checked = schema.safeParse(value);
  if (checked.success) return { value };
  return {
    refused: `${typed}: ${checked.error.issues[0]?.message ?? `${field.label} is not valid.`}`,
  };
}
