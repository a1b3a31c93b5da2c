/** The weekly digest in a group channel: the week's entries and whose deadline is near. */
import { type CertificationEvaluation, formatCecs, type IsoDate } from '@cec/rules';
import { cecs, DISCLAIMER, discordDate, discordRelative, fitLines } from './format.js';
import { COLORS, type Reply } from './payload.js';

export interface LoggedThisWeek {
  userId: string;
  entries: number;
  /** Credit of the entries already completed (planned ones are not earned yet), in tenths. */
  earnedTenths: number;
}

export interface DueSoon {
  userId: string;
  certification: CertificationEvaluation;
}

export interface Digest {
  /** The week summed up: the seven days before the Monday of the post. */
  from: IsoDate;
  to: IsoDate;
  logged: LoggedThisWeek[];
  dueSoon: DueSoon[];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Mentions show each member's current name and, with no `pings`, notify nobody. */
export function renderDigest(digest: Digest, dueDays: number): Reply {
  const entries = digest.logged.reduce((n, m) => n + m.entries, 0);
  const earned = digest.logged.reduce((n, m) => n + m.earnedTenths, 0);
  const loggedLines = digest.logged.map(
    (m) =>
      `<@${m.userId}>: ${plural(m.entries, 'entry', 'entries')}, ${cecs(m.earnedTenths)} earned`,
  );
  const dueLines = digest.dueSoon.map(({ userId, certification: c }) => {
    const when =
      c.status === 'grace'
        ? `in the grace period until ${discordDate(c.graceEnds)}`
        : `expires ${discordDate(c.cycle.end)} (${discordRelative(c.cycle.end)})`;
    const missing = c.remaining > 0 ? `${formatCecs(c.remaining)} CECs to go` : 'checklist open';
    return `<@${userId}> · ${c.name} · ${when} · ${missing}`;
  });
  return {
    ephemeral: false,
    embeds: [
      {
        title: 'Weekly digest',
        color: COLORS.info,
        description: `The week of ${discordDate(digest.from)} to ${discordDate(digest.to)}. Everyone’s progress: \`/group board\` · your reminders: \`/remind\`.`,
        fields: [
          {
            name: `Logged that week: ${plural(entries, 'entry', 'entries')}, ${cecs(earned)} earned`,
            value:
              loggedLines.length > 0
                ? fitLines(loggedLines)
                : 'Nothing was logged that week. `/log` records an activity.',
          },
          {
            name: `Due within ${dueDays} days`,
            value:
              dueLines.length > 0
                ? fitLines(dueLines)
                : `Nobody: every deadline is more than ${dueDays} days away, or its CECs and checklist are done.`,
          },
        ],
        footer: { text: DISCLAIMER },
      },
    ],
  };
}
