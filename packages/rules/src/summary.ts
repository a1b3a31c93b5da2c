/** Progress in words, shared by the site and the bot so both say the same thing. */
import type { Status } from './cycle.js';
import { formatUsDate } from './dates.js';
import type { CertificationEvaluation, ChecklistState } from './evaluate.js';
import { formatCecs } from './units.js';

export const STATUS_LABELS: Record<Status, string> = {
  active: 'Active',
  'due-soon': 'Due soon',
  grace: 'In grace period',
  expired: 'Expired',
};

export const CHECKLIST_LABELS: Record<ChecklistState, string> = {
  met: 'Done',
  planned: 'Planned',
  missing: 'Missing',
  'not-required': 'Not required',
};

/** "1.4 of 2.0 CECs earned, 0.6 to go (0.5 planned)." */
export function progressSentence(evaluation: CertificationEvaluation): string {
  const earned = `${formatCecs(evaluation.earned)} of ${formatCecs(evaluation.required)} CECs earned`;
  const planned = evaluation.planned > 0 ? ` (${formatCecs(evaluation.planned)} planned)` : '';
  if (evaluation.met) return `${earned}: the CEC requirement is met${planned}.`;
  return `${earned}, ${formatCecs(evaluation.remaining)} to go${planned}.`;
}

/**
 * "Expires 03/31/2027, in 124 days." / "The expiration date 03/31/2027 passed 12 days ago."
 * Said without the status word, so it reads well after a status label ("Expired. The expiration date …").
 */
export function deadlineSentence(
  evaluation: Pick<CertificationEvaluation, 'cycle' | 'daysLeft'>,
): string {
  const date = formatUsDate(evaluation.cycle.end);
  const estimated = evaluation.cycle.estimated ? ' (estimated)' : '';
  const days = Math.abs(evaluation.daysLeft);
  const unit = days === 1 ? 'day' : 'days';
  if (evaluation.daysLeft > 0) return `Expires ${date}${estimated}, in ${days} ${unit}.`;
  if (evaluation.daysLeft === 0) return `Expires today, ${date}${estimated}.`;
  return `The expiration date ${date}${estimated} passed ${days} ${unit} ago.`;
}
