/** The renewal planner's steps (from `evaluatePlan`'s `next`) as message lines. */
import { formatCecs, type NextStep, type NextSteps } from '@cec/rules';
import { fitLines, plain } from './format.js';
import type { EmbedField } from './payload.js';

/** "❗ Renew your CPR/AED … (+0.4)": required steps are marked, what a step adds is shown. */
export function stepLine(step: NextStep): string {
  const adds = step.adds > 0 ? ` (+${formatCecs(step.adds)})` : '';
  return `${step.required ? '❗' : '•'} ${plain(step.text)}${adds}`;
}

/** `/progress`'s last field: the fastest way first, then every step. */
export function nextField(next: NextSteps): EmbedField {
  return {
    name: 'What to do next',
    value: fitLines([`**${plain(next.fastest.text)}**`, ...next.steps.map(stepLine)]),
  };
}
