/**
 * The custom ids of a `/cec` answer's buttons and of its "Log this" modal. Everything a press
 * needs is in the id, so it still works after a restart, within Discord's 100 characters:
 * `cec:d:<kind>` and `cec:q:<question>` (Details), `cec:l:…` (Log this), `cec:m:…` (the modal),
 * `cec:r:…` (Try again); the last three carry the kind and the values the answer fixed.
 */
import type { AnyOpportunity, FieldDescriptor } from '@cec/rules';
import { LIMITS } from '../render/payload.js';
import { opportunityOf } from './activity-options.js';

export const ANSWER_PREFIX = 'cec';

/** Values an answer fixed, by plan field name; null when it fixed none (a free-text question). */
export type Fixed = Readonly<Record<string, string | number | boolean>> | null;

export type LogStep = 'log' | 'form' | 'retry';

export type AnswerAction =
  | { action: 'details'; opportunity: AnyOpportunity }
  | { action: 'question'; question: string }
  | { action: LogStep; opportunity: AnyOpportunity; fixed: Fixed };

const CODES = { details: 'd', question: 'q', log: 'l', form: 'm', retry: 'r' } as const;
const NOTHING_FIXED = '~';

/** The fields a `/cec <kind>` answer fixes: those it asked for. */
export function fixedFields(opportunity: AnyOpportunity): FieldDescriptor[] {
  return (opportunity.fields as readonly FieldDescriptor[]).filter((f) => f.forValue);
}

function encodeFixed(opportunity: AnyOpportunity, fixed: Fixed): string {
  if (fixed === null) return NOTHING_FIXED;
  return fixedFields(opportunity)
    .map((f) => {
      const value = fixed[f.name];
      if (value === undefined) return '';
      if (typeof value === 'boolean') return value ? '1' : '0';
      return encodeURIComponent(String(value));
    })
    .join('|');
}

function decodeFixed(opportunity: AnyOpportunity, text: string): Fixed | undefined {
  if (text === NOTHING_FIXED) return null;
  const fields = fixedFields(opportunity);
  const parts = text.split('|');
  if (parts.length !== Math.max(fields.length, 1)) return undefined;
  const fixed: Record<string, string | number | boolean> = {};
  for (const [i, field] of fields.entries()) {
    const part = parts[i] ?? '';
    if (part === '') continue;
    if (field.type === 'boolean') {
      if (part !== '1' && part !== '0') return undefined;
      fixed[field.name] = part === '1';
    } else if (field.type === 'number' || field.type === 'cecs') {
      const number = Number(part);
      if (!Number.isFinite(number)) return undefined;
      fixed[field.name] = number;
    } else {
      try {
        fixed[field.name] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    }
  }
  return fixed;
}

/** The custom id of `action`, or null when it would be longer than Discord allows. */
export function answerId(action: AnswerAction): string | null {
  const head = `${ANSWER_PREFIX}:${CODES[action.action]}`;
  const id =
    action.action === 'question'
      ? `${head}:${action.question}`
      : action.action === 'details'
        ? `${head}:${action.opportunity.command.name}`
        : `${head}:${action.opportunity.command.name}:${encodeFixed(action.opportunity, action.fixed)}`;
  return id.length <= LIMITS.customId ? id : null;
}

/** What a custom id asks for; null for an id this bot did not make. */
export function readAnswerId(customId: string): AnswerAction | null {
  const [prefix, code, ...rest] = customId.split(':');
  if (prefix !== ANSWER_PREFIX || customId.length > LIMITS.customId) return null;
  if (code === CODES.question) {
    const question = rest.join(':');
    return question.trim() === '' ? null : { action: 'question', question };
  }
  const opportunity = opportunityOf(rest[0] ?? null);
  if (!opportunity) return null;
  if (code === CODES.details) return rest.length === 1 ? { action: 'details', opportunity } : null;
  const step = (['log', 'form', 'retry'] as const).find((s) => CODES[s] === code);
  if (!step || rest.length !== 2) return null;
  const fixed = decodeFixed(opportunity, rest[1] ?? '');
  return fixed === undefined ? null : { action: step, opportunity, fixed };
}
