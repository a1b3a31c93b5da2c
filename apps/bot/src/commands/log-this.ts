/**
 * "Log this" on a `/cec` answer: a modal asking for what the answer did not fix (and the
 * date), checked and recorded exactly as `/log` records, for whoever pressed the button. A
 * mistake is answered privately with what was typed and a "Try again" button that reopens
 * the modal filled in with it, so nothing typed is lost.
 */
import { type AnyOpportunity, type FieldDescriptor, optionName } from '@cec/rules';
import { checkActivity } from '../members/validate.js';
import { truncate } from '../render/format.js';
import {
  type EmbedField,
  LIMITS,
  type Modal,
  type Reply,
  type TextInput,
} from '../render/payload.js';
import { renderProblems } from '../render/problems.js';
import { isRequired, optionFields, typedLength } from './activity-options.js';
import { answerId, type Fixed } from './answer-ids.js';
import { record } from './log.js';
import type { CommandContext, ModalInput, OptionValue } from './types.js';

/** The fields the modal asks for: those the answer did not fix, required ones and the date first. */
export function formFields(opportunity: AnyOpportunity, fixed: Fixed): FieldDescriptor[] {
  return optionFields(opportunity, 'record')
    .filter((f) => fixed === null || !f.forValue)
    .slice(0, LIMITS.modalInputs);
}

/** The input's label; the embed that repeats a mistake names each value by it too. */
function labelOf(field: FieldDescriptor): string {
  return truncate(
    field.type === 'boolean' ? `${field.label} (yes/no)` : field.label,
    LIMITS.inputLabel,
  );
}

function placeholderOf(field: FieldDescriptor): string {
  const text =
    field.type === 'choice'
      ? field.choices.map((c) => c.value).join(', ')
      : field.type === 'date'
        ? (field.help ?? field.example)
        : `e.g. ${field.example}`;
  return truncate(text, LIMITS.placeholder);
}

/** What a field shows before anything is typed: a checkbox's default. */
function defaultOf(field: FieldDescriptor): string | undefined {
  return field.type === 'boolean' ? (field.default ? 'yes' : 'no') : undefined;
}

/** The "Log this" modal; `typed` fills inputs in by label (Try again), else defaults do. */
export function logThisModal(
  opportunity: AnyOpportunity,
  fixed: Fixed,
  typed: readonly EmbedField[] = [],
): Modal | null {
  const customId = answerId({ action: 'form', opportunity, fixed });
  if (!customId) return null;
  const inputs = formFields(opportunity, fixed).map((field): TextInput => {
    const label = labelOf(field);
    const value = typed.find((t) => t.name === label)?.value ?? defaultOf(field);
    const maxLength = typedLength(field);
    return {
      customId: optionName(field),
      label,
      required: isRequired(field),
      maxLength,
      placeholder: placeholderOf(field),
      ...(value !== undefined ? { value: value.slice(0, maxLength) } : {}),
    };
  });
  return { customId, title: truncate(`Log: ${opportunity.name}`, LIMITS.modalTitle), inputs };
}

/** Typed text as the plan's field takes it; what cannot be read is passed on for the rules to name. */
function planValue(field: FieldDescriptor, text: string): unknown {
  const trimmed = text.trim();
  switch (field.type) {
    case 'number':
    case 'cecs':
      return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
    case 'boolean':
      if (/^(yes|y|true)$/i.test(trimmed)) return true;
      if (/^(no|n|false)$/i.test(trimmed)) return false;
      return trimmed;
    case 'choice':
      return (
        field.choices.find(
          (c) =>
            c.value.toLowerCase() === trimmed.toLowerCase() ||
            c.label.toLowerCase() === trimmed.toLowerCase(),
        )?.value ?? trimmed
      );
    default:
      return trimmed;
  }
}

function isOptionValue(value: unknown): value is OptionValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A mistake: the problems, what was typed (by label) and a button that reopens the modal with it. */
function renderNotLogged(problems: string[], typed: EmbedField[], retryId: string | null): Reply {
  const reply = renderProblems('That entry was not recorded:', problems);
  return {
    ...reply,
    ...(typed.length > 0 ? { embeds: [{ title: 'What you typed', fields: typed }] } : {}),
    ...(retryId ? { buttons: [{ label: 'Try again', style: 'primary', customId: retryId }] } : {}),
  };
}

/** Records the modal's activity for the member who submitted it. */
export async function submitLogThis(
  input: ModalInput,
  context: CommandContext,
  opportunity: AnyOpportunity,
  fixed: Fixed,
): Promise<Reply> {
  const activity: Record<string, unknown> = { kind: opportunity.id, ...fixed };
  const typed: EmbedField[] = [];
  for (const field of formFields(opportunity, fixed)) {
    const text = input.values[optionName(field)] ?? '';
    if (text.trim() === '') continue;
    activity[field.name] = planValue(field, text);
    typed.push({ name: labelOf(field), value: truncate(text, LIMITS.fieldValue) });
  }
  const checked = checkActivity(activity);
  if (!checked.ok) {
    const retryId = answerId({ action: 'retry', opportunity, fixed });
    return renderNotLogged(checked.problems, typed, retryId);
  }
  // The same options `/log <kind>` would carry, so it is recorded exactly as `/log` records.
  const options: Record<string, OptionValue> = {};
  for (const field of optionFields(opportunity, 'record')) {
    const value = activity[field.name];
    if (isOptionValue(value)) options[optionName(field)] = value;
  }
  return record(
    opportunity,
    {
      command: 'log',
      subcommand: opportunity.command.name,
      user: input.user,
      guildId: input.guildId,
      canManageServer: false,
      options,
      people: {},
    },
    context,
  );
}
