/** Test helpers: a plan input evaluated, for tests about one certification. */
import { evaluatePlan, type PlanInput, parsePlan } from '../../src/index.js';

/** The evaluation of the plan's first certification; a plan the schema refuses fails the test. */
export function evaluateFirst(input: PlanInput) {
  const parsed = parsePlan(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const first = evaluatePlan(parsed.plan).certifications[0];
  if (!first) throw new Error('no certification');
  return first;
}

/** A Personal Trainer certification expiring 03/31/2027. */
export const PT = { credential: 'personal-trainer', expires: '2027-03-31' } as const;
