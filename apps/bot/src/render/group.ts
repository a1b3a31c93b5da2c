/** Replies and posts about a server's group board and reminders. */
import {
  type CertificationEvaluation,
  formatCecs,
  formatUsDate,
  type PlanEvaluation,
  REQUIRED_TENTHS,
  STATUS_LABELS,
} from '@cec/rules';
import type { Person } from '../members/person.js';
import { DISCLAIMER, discordDate, discordRelative, fitLines, plain } from './format.js';
import { blockers, stepLine } from './next.js';
import { COLORS, LIMITS, type Reply } from './payload.js';
import { progressBar } from './progress.js';

export interface BoardRow {
  member: Person;
  evaluation: PlanEvaluation;
}

/**
 * Most urgent first: members with a certification short of its CECs, by the
 * fewest days left; then members whose CECs are met; then members who have
 * registered no certification.
 */
export function byUrgency(rows: readonly BoardRow[]): BoardRow[] {
  const rank = (row: BoardRow): [number, number] => {
    const certs = row.evaluation.certifications;
    if (certs.length === 0) return [2, 0];
    const open = certs.filter((c) => !c.ready);
    if (open.length > 0) return [0, Math.min(...open.map((c) => c.daysLeft))];
    return [1, Math.min(...certs.map((c) => c.daysLeft))];
  };
  return [...rows].sort((a, b) => {
    const [ga, da] = rank(a);
    const [gb, db] = rank(b);
    return ga - gb || da - db || a.member.name.localeCompare(b.member.name);
  });
}

function daysText(c: CertificationEvaluation): string {
  if (c.daysLeft > 0) return `${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'} left`;
  if (c.daysLeft === 0) return 'expires today';
  return STATUS_LABELS[c.status].toLowerCase();
}

/** " · ⛔ needs CPR/AED": a member whose CECs may be enough but who cannot renew yet. */
function blocked(c: CertificationEvaluation): string {
  const open = blockers(c.next);
  return open.length > 0 ? ` · ⛔ needs ${open.join(' and ')}` : '';
}

function boardLine(row: BoardRow): string {
  const name = `**${plain(row.member.name)}**`;
  if (row.evaluation.certifications.length === 0) return `${name}: no certification registered`;
  const certs = row.evaluation.certifications.map(
    (c) =>
      `\`${progressBar(c.earned, c.planned, c.required)}\` ${formatCecs(c.earned)}/${formatCecs(c.required)} ${c.ready ? '✅' : ''} · ${daysText(c)} · ${c.name.replace(/^ACE Certified /, '')}${blocked(c)}`,
  );
  return `${name}\n${certs.join('\n')}`;
}

export function renderBoard(rows: readonly BoardRow[], ephemeral: boolean): Reply {
  if (rows.length === 0) {
    return {
      ephemeral,
      content:
        'Nobody has joined the group board in this server yet. `/group join` adds you: others then see your progress here, and you get reminders before your deadline.',
    };
  }
  return {
    ephemeral,
    embeds: [
      {
        title: `Group board: ${rows.length} member${rows.length === 1 ? '' : 's'}, most urgent first`,
        color: COLORS.info,
        description: fitLines(byUrgency(rows).map(boardLine), LIMITS.embedDescription - 100),
        footer: {
          text: `Bar: █ earned, ▓ planned, ░ to go (toward ${formatCecs(REQUIRED_TENTHS)}). ${DISCLAIMER}`,
        },
      },
    ],
  };
}

export function renderJoined(isNew: boolean, channelId: string | null): Reply {
  const where = channelId
    ? `Reminders before your deadline go to <#${channelId}> and, if your privacy settings allow it, to your DMs.`
    : 'A moderator has not chosen a reminder channel yet (`/group setup`).';
  return {
    ephemeral: true,
    content: `${isNew ? 'You joined' : 'You are already on'} the group board in this server. Members here can see your progress on \`/group board\` and with \`/progress member:\`. ${where} \`/group leave\` takes you off.`,
  };
}

export function renderLeft(wasMember: boolean): Reply {
  return {
    ephemeral: true,
    content: wasMember
      ? 'You left the group board in this server: your progress is private again and reminders stop here. Your records are kept (`/privacy delete` removes them).'
      : 'You were not on the group board in this server.',
  };
}

export function renderSetup(channelId: string, days: readonly number[]): Reply {
  return {
    ephemeral: true,
    content: `Group channel set to <#${channelId}>. Members who \`/group join\` get reminders there ${days.join(', ')} day${days.length === 1 && days[0] === 1 ? '' : 's'} before their expiration and when they enter the grace period, and the board is posted weekly.`,
  };
}

export type ReminderKind = { days: number } | 'grace';

/** A reminder about one certification, for the group channel or a DM. */
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
