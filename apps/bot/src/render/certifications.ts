/** Replies about a member's ACE certifications (`/cert`). */
import {
  type CertificationEvaluation,
  CREDENTIALS,
  type CredentialId,
  formatUsDate,
  isCredentialId,
  progressSentence,
  STATUS_LABELS,
} from '@cec/rules';
import { plain } from './format.js';
import { COLORS, type Reply } from './payload.js';
import { deadlineLine } from './progress.js';

/**
 * The planner's point about a second ACE certification certified inside
 * another one's cycle (rules' `extra-ace:` steps), for the certification just
 * saved either way round: what it can mean and how to count it, never credited
 * silently.
 */
export function extraCertificationHints(
  evaluations: readonly CertificationEvaluation[],
  saved: CredentialId,
): string[] {
  return evaluations.flatMap((renewed) =>
    renewed.next.steps.flatMap((step) => {
      const other = step.id.slice('extra-ace:'.length);
      if (!step.id.startsWith('extra-ace:') || !isCredentialId(other)) return [];
      if (renewed.credential !== saved && other !== saved) return [];
      const date = typeof step.activity?.completed === 'string' ? step.activity.completed : null;
      const command = `/log extra-cert credential:${other}${date ? ` date:${formatUsDate(date)}` : ''}`;
      return [
        `💡 **${renewed.name}**: ${plain(step.text)} If you first earned it then, log it with \`${command}\` to count it toward the ${renewed.name}.`,
      ];
    }),
  );
}

export function renderCertificationSaved(
  evaluation: CertificationEvaluation,
  isNew: boolean,
  hints: readonly string[] = [],
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
          ...hints,
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
