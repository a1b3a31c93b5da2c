/**
 * "Did you complete it?": a planned entry whose date has passed counts only
 * once its owner says it happened. The prompt (for `/progress` and the
 * reminders), what each answer replies, and the buttons' ids. Every id
 * carries the action, the owner and the entry, so a press works after a
 * restart and nobody else can answer for the owner.
 */
import {
  COMPLETED_FIELD,
  type EvaluatedItem,
  type FieldDescriptor,
  formatCecs,
  formatUsDate,
  getOpportunity,
  type IsoDate,
  optionName,
  type PlanEvaluation,
  progressSentence,
} from '@cec/rules';
import { awaitingConfirmation, type MemberPlan } from '../members/plan.js';
import { checkActivity } from '../members/validate.js';
import { plain } from './format.js';
import { type Button, COLORS, type Reply } from './payload.js';

/** The custom-id prefix of every button below: `planned:<action>:<owner id>:<entry id>`. */
export const CONFIRM_PREFIX = 'planned';

export type ConfirmAction = 'yes' | 'no' | 'remove' | 'move';
const ACTIONS: readonly ConfirmAction[] = ['yes', 'no', 'remove', 'move'];

export interface ConfirmButtonId {
  action: ConfirmAction;
  ownerId: string;
  entryId: string;
}

export function confirmButtonId({ action, ownerId, entryId }: ConfirmButtonId): string {
  return `${CONFIRM_PREFIX}:${action}:${ownerId}:${entryId}`;
}

/** The parts of a button id, or null for one this module did not make. */
export function parseConfirmButtonId(customId: string): ConfirmButtonId | null {
  const [prefix, action, ownerId, entryId, ...rest] = customId.split(':');
  const known = ACTIONS.find((a) => a === action);
  if (prefix !== CONFIRM_PREFIX || !known || rest.length > 0) return null;
  if (!ownerId || !/^\d{1,20}$/.test(ownerId) || !entryId || !/^[a-z0-9]{4,20}$/.test(entryId)) {
    return null;
  }
  return { action: known, ownerId, entryId };
}

/** An entry past its date that waits for its owner's answer. */
export interface AwaitingEntry {
  id: string;
  label: string;
  completed: IsoDate;
  /** What it is worth on its own. */
  tenths: number;
}

/** A planned item whose date has come: not earned until confirmed. */
export function isAwaiting(item: Pick<EvaluatedItem, 'planned' | 'completed'>, today: IsoDate) {
  return item.planned && item.completed <= today;
}

/** The member's entry at `index` of their plan, as the questions below name it. */
export function entryAt(
  member: MemberPlan,
  evaluation: PlanEvaluation,
  index: number,
): AwaitingEntry | null {
  const entry = member.entries[index];
  const activity = member.plan.activities[index];
  if (!entry || !activity) return null;
  const credit = evaluation.activities.find((a) => a.index === index);
  return {
    id: entry.id,
    label: credit?.label ?? activity.kind,
    completed: activity.completed,
    tenths: credit?.tenths ?? 0,
  };
}

/** The member's entries awaiting confirmation, oldest first, with their labels and worth. */
export function awaitingEntries(member: MemberPlan, evaluation: PlanEvaluation): AwaitingEntry[] {
  const awaiting = new Set(awaitingConfirmation(member));
  return member.entries.flatMap((entry, index) => {
    const view = awaiting.has(entry) ? entryAt(member, evaluation, index) : null;
    return view ? [view] : [];
  });
}

/** "**Did you complete it?** Completed approved course CA55555 on 12/15/2026 (2.0 CECs)." */
export function confirmQuestion(entry: AwaitingEntry): string {
  return `**Did you complete it?** ${plain(entry.label)}, planned for ${formatUsDate(entry.completed)} (${formatCecs(entry.tenths)} CECs): awaiting your confirmation, not counted (nor in the calculator link) until you answer.`;
}

export function confirmButtons(ownerId: string, entryId: string): Button[] {
  return [
    {
      label: 'Yes, I completed it',
      style: 'primary',
      customId: confirmButtonId({ action: 'yes', ownerId, entryId }),
    },
    {
      label: 'No',
      style: 'secondary',
      customId: confirmButtonId({ action: 'no', ownerId, entryId }),
    },
  ];
}

/** The oldest entry's question, and how many more wait (the buttons answer the first). */
export function promptLines(awaiting: readonly AwaitingEntry[]): string[] {
  const [first, ...more] = awaiting;
  if (!first) return [];
  const count = more.length;
  const rest =
    count === 0
      ? []
      : [
          `${count} more planned entr${count === 1 ? 'y waits' : 'ies wait'} for your answer: I ask about one at a time.`,
        ];
  return [confirmQuestion(first), ...rest];
}

/** The prompt on its own (a reminder), or null when nothing waits. */
export function renderConfirmPrompt(
  ownerId: string,
  awaiting: readonly AwaitingEntry[],
): Reply | null {
  const first = awaiting[0];
  if (!first) return null;
  return {
    ephemeral: true,
    content: promptLines(awaiting).join('\n'),
    buttons: confirmButtons(ownerId, first.id),
  };
}

/** After "Yes": what now counts, the new totals, and the next question if one waits. */
export function renderConfirmed(
  ownerId: string,
  entry: AwaitingEntry,
  evaluation: PlanEvaluation,
  next: readonly AwaitingEntry[],
): Reply {
  const totals = evaluation.certifications.map((c) => `**${c.name}**: ${progressSentence(c)}`);
  const lines = [
    `✅ Counted: ${plain(entry.label)}, earned on ${formatUsDate(entry.completed)}.`,
    ...totals,
  ];
  const following = next[0];
  if (following) lines.push('', ...promptLines(next));
  return {
    ephemeral: true,
    content: lines.join('\n'),
    ...(following ? { buttons: confirmButtons(ownerId, following.id) } : {}),
  };
}

/** After "No": it stays out of the total; remove it, or move its date. */
export function renderNotCompleted(ownerId: string, entry: AwaitingEntry): Reply {
  return {
    ephemeral: true,
    embeds: [
      {
        title: 'Not counted',
        color: COLORS.warn,
        description: `${plain(entry.label)}, planned for ${formatUsDate(entry.completed)}, stays out of your total. Remove it if it is not happening, or move it to the day you will do it.`,
      },
    ],
    buttons: [
      {
        label: 'Remove it',
        style: 'danger',
        customId: confirmButtonId({ action: 'remove', ownerId, entryId: entry.id }),
      },
      {
        label: 'Move the date',
        style: 'secondary',
        customId: confirmButtonId({ action: 'move', ownerId, entryId: entry.id }),
      },
    ],
  };
}

function optionText(field: FieldDescriptor, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  // A checkbox left at its default need not be typed again.
  if (field.type === 'boolean' && value === field.default) return null;
  return `${optionName(field)}:${String(value)}`;
}

/** The `/log` line that records the same activity on another day. */
export function logAgainCommand(activity: Record<string, unknown>): string | null {
  const checked = checkActivity(activity);
  if (!checked.ok) return null;
  const opportunity = getOpportunity(checked.value.kind);
  const values = checked.value as unknown as Record<string, unknown>;
  const options = (opportunity.fields as readonly FieldDescriptor[]).flatMap((field) => {
    const text = optionText(field, values[field.name]);
    return text ? [text] : [];
  });
  return `/log ${opportunity.command.name} ${[...options, `${optionName(COMPLETED_FIELD)}:<new date>`].join(' ')}`;
}

/** After "Move the date": the bot has no date edit, so: log it again, then remove this one. */
export function renderMoveHow(entry: AwaitingEntry, activity: Record<string, unknown>): Reply {
  const again = logAgainCommand(activity);
  return {
    ephemeral: true,
    content: [
      `To move ${plain(entry.label)} to another day:`,
      `1. Log it again with the new date${again ? `: \`${again.replace(/`/g, "'")}\`` : ' (`/log` with the same options and the new `date:`)'}.`,
      `2. Remove this entry: \`/log remove entry:${entry.id}\`.`,
      'A date still to come is planned; once it has passed I ask you again whether you did it.',
    ].join('\n'),
    embeds: [],
    buttons: [],
  };
}
