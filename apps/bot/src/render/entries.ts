/** Replies about a member's recorded activities (`/log`). */
import {
  type EvaluatedItem,
  formatCecs,
  formatUsDate,
  type PlanEvaluation,
  progressSentence,
} from '@cec/rules';
import type { MemberPlan } from '../members/plan.js';
import { cecs, fitLines, plain, truncate } from './format.js';
import { type Choice, COLORS, LIMITS, type Reply } from './payload.js';

export interface RecordedView {
  entryId: string;
  /** Position of the new entry in the evaluated plan. */
  index: number;
  evaluation: PlanEvaluation;
}

function countedLine(name: string, item: EvaluatedItem, sentence: string): string {
  // Every amount below its credit says why: a limit, a repeat, the cycle, or the rule itself.
  const why = item.cut ?? (item.credit === 0 ? item.reason : null);
  const because = why ? ` ${why}` : '';
  if (item.planned) {
    return `**${name}**: planned, counts ${formatCecs(item.counted)} once ${formatUsDate(item.completed)} has passed and you confirm you did it.${because} ${sentence}`;
  }
  return `**${name}**: counts ${formatCecs(item.counted)}.${because} ${sentence}`;
}

/** `/log <kind>`: what the entry is worth and the member's new total per certification. */
export function renderRecorded(view: RecordedView): Reply {
  const own = view.evaluation.activities.find((a) => a.index === view.index);
  const label = own?.label ?? 'Entry';
  const lines: string[] = [];
  for (const certification of view.evaluation.certifications) {
    const item = certification.items.find((i) => i.index === view.index);
    if (item) lines.push(countedLine(certification.name, item, progressSentence(certification)));
  }
  if (view.evaluation.certifications.length === 0) {
    lines.push(
      'Add your certification with `/cert add` to see which cycle this counts toward and your total.',
    );
  }
  return {
    ephemeral: true,
    embeds: [
      {
        title: truncate(`Recorded: ${label}`, LIMITS.embedTitle),
        color: COLORS.good,
        description: [
          `Entry \`${view.entryId}\`${own?.planned ? ' (planned)' : ''} · worth **${cecs(own?.tenths ?? 0)}** on its own.`,
          own?.reason ?? '',
          '',
          ...lines,
        ]
          .join('\n')
          .trim(),
        footer: { text: 'See everything with /progress · undo with /log remove' },
      },
    ],
  };
}

export interface EntryLine {
  id: string;
  completed: string;
  label: string;
  tenths: number;
  planned: boolean;
  /** Planned, its date has passed, and the member has not said it happened. */
  awaiting: boolean;
}

/** The member's entries with their own value, for `/log list` and autocomplete. */
export function entryLines(plan: MemberPlan, evaluation: PlanEvaluation): EntryLine[] {
  // One pass to index the credits: a search per entry made a 1,000-entry list quadratic.
  const credits = new Map(evaluation.activities.map((a) => [a.index, a]));
  return plan.entries.map((entry, index) => {
    const credit = credits.get(index);
    const completed = String(entry.activity.completed ?? '');
    return {
      id: entry.id,
      completed,
      label: credit?.label ?? String(entry.activity.kind ?? 'entry'),
      tenths: credit?.tenths ?? 0,
      planned: credit?.planned ?? false,
      awaiting: (credit?.planned ?? false) && completed <= evaluation.today,
    };
  });
}

export function renderEntryList(lines: readonly EntryLine[], skipped: readonly string[]): Reply {
  if (lines.length === 0 && skipped.length === 0) {
    return {
      ephemeral: true,
      content:
        'You have no entries yet. Record one with `/log`, for example `/log cpr term:2yr date:01/15/2026`.',
    };
  }
  const text = lines.map(
    (l) =>
      `\`${l.id}\` ${formatUsDate(l.completed)}${l.awaiting ? ' (awaiting your confirmation: `/progress` asks)' : l.planned ? ' (planned)' : ''} · ${plain(l.label)} · **${formatCecs(l.tenths)}**`,
  );
  const extra = skipped.map((id) => `\`${id}\` no longer passes the rules: remove it`);
  return {
    ephemeral: true,
    embeds: [
      {
        title: `Your entries (${lines.length + skipped.length})`,
        color: COLORS.info,
        description: fitLines([...text, ...extra], LIMITS.embedDescription - 200),
        footer: {
          text: 'Each amount is the entry on its own; /progress shows what counts after limits.',
        },
      },
    ],
  };
}

/** Autocomplete for `/log remove entry:`: "01/15/2026 · 2-year CPR/AED certificate · 0.4". */
export function entryChoices(lines: readonly EntryLine[], typed: string): Choice[] {
  const needle = typed.trim().toLowerCase();
  return lines
    .map((l) => ({
      name: truncate(
        `${formatUsDate(l.completed)} · ${l.label} · ${formatCecs(l.tenths)} (${l.id})`,
        LIMITS.choiceName,
      ),
      value: l.id,
    }))
    .filter((c) => needle === '' || c.name.toLowerCase().includes(needle))
    .reverse()
    .slice(0, LIMITS.choices);
}

export function renderRemoved(id: string, label: string): Reply {
  return {
    ephemeral: true,
    content: `Removed entry \`${id}\`: ${plain(label)}. \`/progress\` shows your new total.`,
  };
}
