/** A reminder about one certification, for the group channel or a DM. */
import { type CertificationEvaluation, formatCecs, formatUsDate } from '@cec/rules';
import type { Person } from '../members/person.js';
import { discordDate, discordRelative } from './format.js';
import { stepLine } from './next.js';
import type { Reply } from './payload.js';

export type ReminderKind = { days: number } | 'grace';

export function renderReminder(
  member: Person,
  certification: CertificationEvaluation,
  kind: ReminderKind,
  audience: 'channel' | 'dm',
): Reply {
  const who = audience === 'channel' ? `<@${member.id}>, your` : 'Your';
  const headline =
    kind === 'grace'
      ? `${who} ${certification.name} expired ${discordDate(certification.cycle.end)}: you are in the grace period and can still renew late until ${discordDate(certification.graceEnds)} (${discordRelative(certification.graceEnds)}).`
      : `${who} ${certification.name} expires ${discordDate(certification.cycle.end)} (${discordRelative(certification.cycle.end)}).`;
  const todo = certification.ready
    ? 'Your CECs and checklist are complete: time to renew in your ACE account.'
    : `${formatCecs(certification.earned)} of ${formatCecs(certification.required)} CECs earned${certification.remaining > 0 ? `, ${formatCecs(certification.remaining)} to go` : ''}.${certification.checklist
        .filter((c) => c.state === 'missing')
        .map((c) => ` Still missing: ${c.label}.`)
        .join('')}`;
  const next = certification.ready
    ? ''
    : `\nNext: ${certification.next.steps.slice(0, 2).map(stepLine).join('\n')}`;
  return {
    ephemeral: false,
    content: `⏰ ${headline}\n${todo}${next}\nDetails: \`/progress\` · expiration date ${formatUsDate(certification.cycle.end)}${certification.cycle.estimated ? ' (estimated)' : ''}.`,
  };
}
