/**
 * The group board: every member who joined a server's board, most urgent first. A line reads
 * as done (✅) only when the member is ready to renew: CECs met and every required checklist
 * item (CPR/AED, ethics where required) done; each item carries its own ✅ or ⛔.
 */
import {
  type CertificationEvaluation,
  type ChecklistItem,
  formatCecs,
  type PlanEvaluation,
  REQUIRED_TENTHS,
  STATUS_LABELS,
} from '@cec/rules';
import type { Person } from '../members/person.js';
import { DISCLAIMER, fitLines, plain } from './format.js';
import { COLORS, LIMITS, type Reply } from './payload.js';
import { progressBar } from './progress.js';

export interface BoardRow {
  member: Person;
  evaluation: PlanEvaluation;
}

/** Past the grace period: it can no longer be renewed, so it does not make a member urgent. */
function lapsed(c: CertificationEvaluation): boolean {
  return c.status === 'expired';
}

/** The board's sections, in order: short of CECs or blocked, ready, only lapsed, none registered. */
type Section = 'open' | 'ready' | 'lapsed' | 'none';
const SECTION_ORDER: Record<Section, number> = { open: 0, ready: 1, lapsed: 2, none: 3 };

function placeOf(row: BoardRow): { section: Section; days: number } {
  const certs = row.evaluation.certifications;
  if (certs.length === 0) return { section: 'none', days: 0 };
  const live = certs.filter((c) => !lapsed(c));
  if (live.length === 0) return { section: 'lapsed', days: 0 };
  const open = live.filter((c) => !c.ready);
  if (open.length > 0) return { section: 'open', days: Math.min(...open.map((c) => c.daysLeft)) };
  return { section: 'ready', days: Math.min(...live.map((c) => c.daysLeft)) };
}

/**
 * Most urgent first: members with a certification short of its CECs or blocked by a checklist
 * item, by the fewest days left; then members ready to renew; then members whose certifications
 * all lapsed past the grace period; then members who registered none.
 */
export function byUrgency(rows: readonly BoardRow[]): BoardRow[] {
  const placed = rows.map((row) => ({ row, ...placeOf(row) }));
  placed.sort(
    (a, b) =>
      SECTION_ORDER[a.section] - SECTION_ORDER[b.section] ||
      a.days - b.days ||
      a.row.member.name.localeCompare(b.row.member.name),
  );
  return placed.map((p) => p.row);
}

function daysText(c: CertificationEvaluation): string {
  if (c.daysLeft > 0) return `${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'} left`;
  if (c.daysLeft === 0) return 'expires today';
  return STATUS_LABELS[c.status].toLowerCase();
}

const ITEM_NAMES: Record<ChecklistItem['id'], string> = { 'cpr-aed': 'CPR/AED', ethics: 'ethics' };

/** "CPR/AED ⛔ · ethics ✅": each required item, done or not (planned is not done). */
function checklistMarks(c: CertificationEvaluation): string[] {
  return c.checklist
    .filter((item) => item.state !== 'not-required')
    .map((item) => `${ITEM_NAMES[item.id]} ${item.state === 'met' ? '✅' : '⛔'}`);
}

function certificationLine(c: CertificationEvaluation): string {
  const name = c.name.replace(/^ACE Certified /, '');
  if (lapsed(c)) return `${name}: expired, past the grace period`;
  const cecs = `${formatCecs(c.earned)}/${formatCecs(c.required)}`;
  const verdict = c.ready
    ? `${cecs} ✅ ready`
    : c.met
      ? cecs
      : `${cecs} (${formatCecs(c.remaining)} to go)`;
  return [
    `\`${progressBar(c.earned, c.planned, c.required)}\` ${verdict}`,
    ...checklistMarks(c),
    daysText(c),
    name,
  ].join(' · ');
}

function memberLines(row: BoardRow): string {
  const certs = row.evaluation.certifications.map(certificationLine);
  return `**${plain(row.member.name)}**\n${certs.join('\n')}`;
}

/** Lapsed and empty members take one line each section, not one line each. */
function summaryLine(label: string, rows: readonly BoardRow[]): string[] {
  if (rows.length === 0) return [];
  return [`${label} (${rows.length}): ${rows.map((r) => plain(r.member.name)).join(', ')}`];
}

export function renderBoard(rows: readonly BoardRow[], ephemeral: boolean): Reply {
  if (rows.length === 0) {
    return {
      ephemeral,
      content:
        'Nobody has joined the group board in this server yet. `/group join` adds you: others then see your progress here, and you get reminders before your deadline.',
    };
  }
  const sorted = byUrgency(rows);
  const inSection = (section: Section) => sorted.filter((r) => placeOf(r).section === section);
  const lines = [
    ...sorted.filter((r) => ['open', 'ready'].includes(placeOf(r).section)).map(memberLines),
    ...summaryLine('Expired past the grace period', inSection('lapsed')),
    ...summaryLine('No certification registered', inSection('none')),
  ];
  return {
    ephemeral,
    embeds: [
      {
        title: `Group board: ${rows.length} member${rows.length === 1 ? '' : 's'}, most urgent first`,
        color: COLORS.info,
        description: fitLines(lines, LIMITS.embedDescription - 100),
        footer: {
          text: `Bar: █ earned, ▓ planned, ░ to go (toward ${formatCecs(REQUIRED_TENTHS)}). ✅ ready to renew, ⛔ still needed. ${DISCLAIMER}`,
        },
      },
    ],
  };
}
