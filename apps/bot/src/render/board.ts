/** The group board: every member who joined a server's board, most urgent first. */
import {
  type CertificationEvaluation,
  formatCecs,
  type PlanEvaluation,
  REQUIRED_TENTHS,
  STATUS_LABELS,
} from '@cec/rules';
import type { Person } from '../members/person.js';
import { DISCLAIMER, fitLines, plain } from './format.js';
import { blockers } from './next.js';
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
