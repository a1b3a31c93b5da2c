/**
 * A member's progress toward renewal, one embed per certification: a text
 * bar toward 2.0, earned / planned / remaining, what a limit cut and why, the
 * renewal checklist, the deadline as Discord timestamps, and a link to the
 * same plan in the site's calculator. Everything shown comes from
 * `evaluatePlan`; nothing is computed here.
 */
import {
  type CertificationEvaluation,
  CHECKLIST_LABELS,
  type ChecklistItem,
  type EvaluatedItem,
  formatCecs,
  formatUsDate,
  type IsoDate,
  type PlanEvaluation,
  progressSentence,
  REQUIRED_TENTHS,
  STATUS_LABELS,
} from '@cec/rules';
import type { Person } from '../members/person.js';
import type { SkippedEntry } from '../members/plan.js';
import { type AwaitingEntry, confirmButtons, isAwaiting, promptLines } from './confirm.js';
import {
  type CalculatorLink,
  cecs,
  DISCLAIMER,
  discordDate,
  discordRelative,
  fitLines,
  plain,
  truncate,
} from './format.js';
import { nextField } from './next.js';
import { COLORS, type Embed, type EmbedField, LIMITS, type Reply } from './payload.js';

const BAR_CELLS = 10;

/**
 * `██████▓▓░░`: earned cells, then planned cells, then what is still open,
 * one cell per 0.2 CEC of the 2.0 requirement.
 */
export function progressBar(
  earned: number,
  planned: number,
  required: number = REQUIRED_TENTHS,
): string {
  const per = required / BAR_CELLS;
  const earnedCells = Math.min(BAR_CELLS, Math.floor(Math.max(0, earned) / per));
  const reach = Math.min(BAR_CELLS, Math.floor((Math.max(0, earned) + Math.max(0, planned)) / per));
  const plannedCells = Math.max(0, reach - earnedCells);
  return `${'█'.repeat(earnedCells)}${'▓'.repeat(plannedCells)}${'░'.repeat(BAR_CELLS - earnedCells - plannedCells)}`;
}

const CHECK_MARKS: Record<ChecklistItem['state'], string> = {
  met: '✅',
  planned: '🗓️',
  missing: '❌',
  'not-required': '➖',
};

export function checklistLine(item: ChecklistItem): string {
  return `${CHECK_MARKS[item.state]} **${CHECKLIST_LABELS[item.state]}**: ${item.label}. ${item.detail}`;
}

/** "Expires March 31, 2027 (in 4 months) · Due soon", with the grace period when it applies. */
export function deadlineLine(evaluation: CertificationEvaluation): string {
  const end = evaluation.cycle.end;
  const estimated = evaluation.cycle.estimated ? ' (estimated)' : '';
  const verb = evaluation.daysLeft >= 0 ? 'Expires' : 'Expired';
  let line = `${verb} ${discordDate(end)}${estimated} (${discordRelative(end)}) · ${STATUS_LABELS[evaluation.status]}`;
  if (evaluation.status === 'grace') {
    line += `\nLate renewal possible until ${discordDate(evaluation.graceEnds)} (${discordRelative(evaluation.graceEnds)}).`;
  }
  return line;
}

function itemLine(item: EvaluatedItem, today: IsoDate | null): string {
  const when = formatUsDate(item.completed);
  const planned = !item.planned
    ? ''
    : today !== null && isAwaiting(item, today)
      ? ' (awaiting confirmation, not counted)'
      : ' (planned)';
  // Worth nothing toward this certification (not a limit or a repeat): say why.
  const why = item.credit === 0 ? ` · ${plain(item.reason)}` : '';
  const amount =
    item.counted === item.credit
      ? formatCecs(item.counted)
      : `${formatCecs(item.counted)} of ${formatCecs(item.credit)}`;
  return `• ${when}${planned} · ${plain(item.label)} · **${amount}**${why}`;
}

function cutLine(item: EvaluatedItem): string {
  return `• ${plain(item.label)} (${formatUsDate(item.completed)}): ${formatCecs(item.counted)} of ${formatCecs(item.credit)} counted. ${item.cut ?? ''}`;
}

function color(evaluation: CertificationEvaluation): number {
  if (evaluation.ready) return COLORS.good;
  if (evaluation.status === 'expired' || evaluation.status === 'grace') return COLORS.bad;
  if (evaluation.status === 'due-soon') return COLORS.warn;
  return COLORS.info;
}

/** `today`: the evaluation's, to tell an entry awaiting confirmation from one still to come. */
export function certificationEmbed(
  evaluation: CertificationEvaluation,
  today: IsoDate | null = null,
): Embed {
  const awaiting =
    today === null
      ? 0
      : evaluation.items
          .filter((i) => i.inCycle && isAwaiting(i, today))
          .reduce((sum, i) => sum + i.counted, 0);
  const fields: EmbedField[] = [
    { name: 'Earned', value: cecs(evaluation.earned), inline: true },
    {
      name: 'Planned',
      value:
        awaiting > 0
          ? `${cecs(evaluation.planned)} (${formatCecs(awaiting)} awaiting confirmation)`
          : cecs(evaluation.planned),
      inline: true,
    },
    {
      name: 'Remaining',
      value:
        evaluation.planned > 0
          ? `${cecs(evaluation.remaining)} (${formatCecs(evaluation.remainingAfterPlanned)} after planned)`
          : cecs(evaluation.remaining),
      inline: true,
    },
    {
      name: 'Cycle',
      value: `${formatUsDate(evaluation.cycle.start)} – ${formatUsDate(evaluation.cycle.end)}${evaluation.cycle.estimated ? ' (estimated)' : ''}`,
    },
    { name: 'Renewal checklist', value: fitLines(evaluation.checklist.map(checklistLine)) },
  ];
  const cuts = evaluation.items.filter((i) => i.inCycle && i.cut !== null);
  if (cuts.length > 0) {
    fields.push({ name: 'Cut by a limit or a repeat', value: fitLines(cuts.map(cutLine)) });
  }
  const inCycle = evaluation.items.filter((i) => i.inCycle);
  if (inCycle.length > 0) {
    fields.push({
      name: 'Activities this cycle',
      value: fitLines(inCycle.map((item) => itemLine(item, today))),
    });
  }
  const outside = evaluation.items.length - inCycle.length;
  if (outside > 0) {
    fields.push({
      name: 'Outside this cycle',
      value: `${outside} entr${outside === 1 ? 'y' : 'ies'} dated outside ${formatUsDate(evaluation.cycle.start)}–${formatUsDate(evaluation.cycle.end)} count nothing here: CECs do not carry over.`,
    });
  }
  if (evaluation.warnings.length > 0) {
    fields.push({ name: 'Note', value: fitLines(evaluation.warnings.map((w) => `⚠️ ${w}`)) });
  }
  fields.push(nextField(evaluation.next));
  return {
    title: truncate(evaluation.name, LIMITS.embedTitle),
    color: color(evaluation),
    description: [
      `\`${progressBar(evaluation.earned, evaluation.planned, evaluation.required)}\` **${formatCecs(evaluation.earned)} / ${formatCecs(evaluation.required)}** CECs`,
      progressSentence(evaluation),
      deadlineLine(evaluation),
    ].join('\n'),
    fields,
  };
}

export interface ProgressView {
  /** Null for the member's own progress; the person otherwise. */
  of: Person | null;
  evaluation: PlanEvaluation;
  /** From `calculatorUrl`. */
  link: CalculatorLink;
  skipped: readonly SkippedEntry[];
  /** The member's own entries awaiting confirmation (asked with buttons); null for another member. */
  awaiting: { ownerId: string; entries: readonly AwaitingEntry[] } | null;
}

function activitiesWithoutCycle(evaluation: PlanEvaluation): Embed {
  const lines = evaluation.activities.map(
    (a) => `• ${plain(a.label)}${a.planned ? ' (planned)' : ''} · **${formatCecs(a.tenths)}**`,
  );
  return {
    title: 'No certification yet',
    color: COLORS.info,
    description: [
      ...evaluation.warnings,
      'Add one with `/cert add credential:<your certification> expires:<MM/DD/YYYY>` to see your cycle, what counts, and your deadline.',
    ].join('\n'),
    fields: lines.length > 0 ? [{ name: 'Recorded activities', value: fitLines(lines) }] : [],
  };
}

export function renderProgress(view: ProgressView): Reply {
  const whose = view.of ? `${plain(view.of.name)}'s progress` : 'Your progress';
  const embeds: Embed[] =
    view.evaluation.certifications.length > 0
      ? view.evaluation.certifications.map((c) => certificationEmbed(c, view.evaluation.today))
      : [activitiesWithoutCycle(view.evaluation)];
  const lines = [
    `**${whose}** toward renewal (${formatCecs(REQUIRED_TENTHS)} CECs per two-year cycle).`,
  ];
  if (view.link && 'url' in view.link) {
    lines.push(`[Open this plan in the calculator](${view.link.url})`);
  } else if (view.link) {
    lines.push('This plan has too many entries for a calculator link.');
  }
  if (view.skipped.length > 0) {
    lines.push(
      `⚠️ ${view.skipped.length} entr${view.skipped.length === 1 ? 'y no longer passes' : 'ies no longer pass'} the rules and ${view.skipped.length === 1 ? 'is' : 'are'} left out: ${view.skipped
        .slice(0, 3)
        .map((s) => `\`${s.entry.id}\` (${plain(s.problems[0] ?? 'invalid')})`)
        .join(', ')}. Remove with \`/log remove\`.`,
    );
  }
  const asked = view.awaiting?.entries[0];
  if (view.awaiting && asked) {
    lines.push(...promptLines(view.awaiting.entries));
  }
  const last = embeds[embeds.length - 1];
  if (last) last.footer = { text: DISCLAIMER };
  return {
    ephemeral: true,
    content: truncate(lines.join('\n'), LIMITS.content),
    embeds: embeds.slice(0, LIMITS.embeds),
    ...(view.awaiting && asked ? { buttons: confirmButtons(view.awaiting.ownerId, asked.id) } : {}),
  };
}
