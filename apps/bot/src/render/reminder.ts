/** A reminder about one certification, for the group channel or a DM, and the celebration when it is ready. */
import { type CertificationEvaluation, formatCecs, formatUsDate } from '@cec/rules';
import { type AwaitingEntry, confirmButtons, promptLines } from './confirm.js';
import { cecs, discordDate, discordRelative } from './format.js';
import { stepLine } from './next.js';
import type { Reply } from './payload.js';

/** Days before expiration, entering the grace period, or days before the grace period ends. */
export type ReminderKind = { days: number } | 'grace' | { graceEndsIn: number };

function headlineOf(who: string, certification: CertificationEvaluation, kind: ReminderKind) {
  const { name, cycle, graceEnds } = certification;
  if (kind === 'grace') {
    return `${who} ${name} expired ${discordDate(cycle.end)}: you are in the grace period and can still renew late until ${discordDate(graceEnds)} (${discordRelative(graceEnds)}).`;
  }
  if ('graceEndsIn' in kind) {
    return `${who} ${name} expired ${discordDate(cycle.end)} and the grace period ends ${discordDate(graceEnds)} (${discordRelative(graceEnds)}): renew before then, after that it can no longer be renewed late.`;
  }
  return `${who} ${name} expires ${discordDate(cycle.end)} (${discordRelative(cycle.end)}).`;
}

/** In a channel the reminder names the member and pings them alone; a DM needs neither. */
export function renderReminder(
  userId: string,
  certification: CertificationEvaluation,
  kind: ReminderKind,
  audience: 'channel' | 'dm',
  /** Planned entries past their date (DMs only): the reminder asks "Did you complete it?". */
  awaiting: readonly AwaitingEntry[] = [],
): Reply {
  const headline = headlineOf(
    audience === 'channel' ? `<@${userId}>, your` : 'Your',
    certification,
    kind,
  );
  const todo = certification.ready
    ? 'Your CECs and checklist are complete: time to renew in your ACE account.'
    : `${formatCecs(certification.earned)} of ${formatCecs(certification.required)} CECs earned${certification.remaining > 0 ? `, ${formatCecs(certification.remaining)} to go` : ''}.${certification.checklist
        .filter((c) => c.state === 'missing')
        .map((c) => ` Still missing: ${c.label}.`)
        .join('')}`;
  const next = certification.ready
    ? ''
    : `\nNext: ${certification.next.steps.slice(0, 2).map(stepLine).join('\n')}`;
  const content = `⏰ ${headline}\n${todo}${next}\nDetails: \`/progress\` · expiration date ${formatUsDate(certification.cycle.end)}${certification.cycle.estimated ? ' (estimated)' : ''}.`;
  const first = audience === 'dm' ? awaiting[0] : undefined;
  return {
    ephemeral: false,
    ...(audience === 'channel' ? { pings: [userId] } : {}),
    content: first ? `${content}\n\n${promptLines(awaiting).join('\n')}` : content,
    ...(first ? { buttons: confirmButtons(userId, first.id) } : {}),
  };
}

/** In the group channel, once per cycle, when a member has everything needed to renew. */
export function renderCelebration(userId: string, certification: CertificationEvaluation): Reply {
  const deadline =
    certification.status === 'grace' ? certification.graceEnds : certification.cycle.end;
  return {
    ephemeral: false,
    pings: [userId],
    content: `🎉 <@${userId}> is ready to renew their ${certification.name}: ${cecs(certification.earned)} earned and the checklist complete. Congratulations! Renew in your ACE account by ${discordDate(deadline)}.`,
  };
}
