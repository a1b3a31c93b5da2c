/** Replies about a member's ACE certifications (`/cert`). */
import {
  type CertificationEvaluation,
  CREDENTIALS,
  type CredentialId,
  formatUsDate,
  progressSentence,
  STATUS_LABELS,
} from '@cec/rules';
import { COLORS, type Reply } from './payload.js';
import { deadlineLine } from './progress.js';

export function renderCertificationSaved(
  evaluation: CertificationEvaluation,
  isNew: boolean,
): Reply {
  return {
    ephemeral: true,
    embeds: [
      {
        title: `${isNew ? 'Added' : 'Updated'}: ${evaluation.name}`,
        color: COLORS.good,
        description: [
          deadlineLine(evaluation),
          `Current cycle: ${formatUsDate(evaluation.cycle.start)} – ${formatUsDate(evaluation.cycle.end)}.`,
          progressSentence(evaluation),
          ...evaluation.warnings.map((w) => `⚠️ ${w}`),
        ].join('\n'),
        footer: { text: 'Record activities with /log · see everything with /progress' },
      },
    ],
  };
}

export function renderCertificationList(evaluations: readonly CertificationEvaluation[]): Reply {
  if (evaluations.length === 0) {
    return {
      ephemeral: true,
      content:
        'You have no certification registered. Add one with `/cert add credential:personal-trainer expires:03/31/2027` (the expiration date your ACE account shows).',
    };
  }
  return {
    ephemeral: true,
    embeds: [
      {
        title: 'Your ACE certifications',
        color: COLORS.info,
        fields: evaluations.map((e) => ({
          name: e.name,
          value: `${deadlineLine(e)}\nCycle ${formatUsDate(e.cycle.start)} – ${formatUsDate(e.cycle.end)} · ${STATUS_LABELS[e.status]}\n${progressSentence(e)}`,
        })),
      },
    ],
  };
}

export function renderCertificationRemoved(credential: CredentialId, removed: boolean): Reply {
  const name = CREDENTIALS[credential].name;
  return {
    ephemeral: true,
    content: removed
      ? `Removed your ${name}. Your recorded activities are kept.`
      : `You have no ${name} registered. \`/cert list\` shows the ones you have.`,
  };
}
