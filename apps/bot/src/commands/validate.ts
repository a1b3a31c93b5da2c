/**
 * Member input checked by the rules package's own schemas, so the bot accepts
 * exactly what the plan contract accepts and shows the rules' messages.
 */
import { type Activity, type Certification, parsePlan } from '@cec/rules';
import { MemberError } from './types.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Validates one activity as the plan schema does (dates parsed, course numbers normalised). */
export function checkActivity(activity: Record<string, unknown>): Checked<Activity> {
  const result = parsePlan({ certifications: [], activities: [activity] });
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => p.message) };
  const parsed = result.plan.activities[0];
  if (!parsed) throw new Error('The rules accepted an activity but returned none.');
  return { ok: true, value: parsed };
}

export function checkCertification(certification: Record<string, unknown>): Checked<Certification> {
  const result = parsePlan({ certifications: [certification], activities: [] });
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => p.message) };
  const parsed = result.plan.certifications[0];
  if (!parsed) throw new Error('The rules accepted a certification but returned none.');
  return { ok: true, value: parsed };
}

/** For single-problem answers: the problems as one sentence. */
export function oneMessage(problems: readonly string[]): MemberError {
  return new MemberError(problems.join(' '));
}
