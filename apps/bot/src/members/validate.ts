/**
 * What a member gives the bot (an activity, a certification) checked by the
 * rules package's own schemas, so the bot accepts exactly what the plan
 * contract accepts and shows the rules' messages.
 */
import { type Activity, type Certification, parseActivity, parseCertification } from '@cec/rules';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Validates one activity as the plan schema does (dates parsed, course numbers normalised). */
export function checkActivity(activity: Record<string, unknown>): Checked<Activity> {
  const result = parseActivity(activity);
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => p.message) };
  return { ok: true, value: result.activity };
}

export function checkCertification(certification: Record<string, unknown>): Checked<Certification> {
  const result = parseCertification(certification);
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => p.message) };
  return { ok: true, value: result.certification };
}
