/**
 * `/cec <kind>` and `/log <kind>` from the rules package's field descriptors:
 * one subcommand per opportunity, its options built from the fields, and the
 * options read back into the plan's fields. `/log` takes every field and the
 * date; `/cec` only those that tell what the activity is worth (bot.md).
 */
import {
  type AnyOpportunity,
  COMPLETED_FIELD,
  type FieldDescriptor,
  optionName,
  RULESET,
  type Ruleset,
  TEXT_MAX,
} from '@cec/rules';
import type { SlashCommandSubcommandBuilder } from 'discord.js';
import { truncate } from '../render/format.js';
import { LIMITS } from '../render/payload.js';
import {
  optionalBoolean,
  optionalNumber,
  optionalText,
  requiredNumber,
  requiredText,
} from './options.js';
import type { CommandInput } from './types.js';

/** Which fields a subcommand asks for. */
export type Asking = 'value' | 'record';

/** Discord wants required options first: what must be given, then the date, then the rest. */
export function optionFields(opportunity: AnyOpportunity, asking: Asking): FieldDescriptor[] {
  const fields = (opportunity.fields as readonly FieldDescriptor[]).filter(
    (f) => asking === 'record' || f.forValue,
  );
  const required = fields.filter((f) => isRequired(f));
  const optional = fields.filter((f) => !isRequired(f));
  return asking === 'record'
    ? [...required, COMPLETED_FIELD, ...optional]
    : [...required, ...optional];
}

/** A checkbox has a default, so it can be left out; so can an optional field. */
export function isRequired(field: FieldDescriptor): boolean {
  return !field.optional && field.type !== 'boolean';
}

function description(field: FieldDescriptor): string {
  const help = field.help ? `${field.help[0]?.toLowerCase()}${field.help.slice(1)}` : '';
  const base = help ? `${field.label}: ${help}` : field.label;
  const suffix =
    field.type === 'boolean'
      ? ` (default: ${field.default ? 'yes' : 'no'})`
      : field.optional
        ? ' (optional)'
        : '';
  return truncate(base, LIMITS.optionDescription - suffix.length) + suffix;
}

/** The longest value a member may type for a field: free text as the plan caps it; a number or a date is short. */
export function typedLength(field: FieldDescriptor): number {
  return field.type === 'text' ? TEXT_MAX : 40;
}

/** Adds `field` as an option of `sub`. */
function addOption(sub: SlashCommandSubcommandBuilder, field: FieldDescriptor): void {
  const name = optionName(field);
  const required = isRequired(field);
  const about = description(field);
  switch (field.type) {
    case 'boolean':
      sub.addBooleanOption((o) => o.setName(name).setDescription(about).setRequired(required));
      return;
    case 'number':
    case 'cecs':
      sub.addNumberOption((o) => o.setName(name).setDescription(about).setRequired(required));
      return;
    case 'choice':
      sub.addStringOption((o) =>
        o
          .setName(name)
          .setDescription(about)
          .setRequired(required)
          .addChoices(...field.choices.map((c) => ({ name: c.label, value: c.value }))),
      );
      return;
    default:
      sub.addStringOption((o) =>
        o
          .setName(name)
          .setDescription(about)
          .setRequired(required)
          .setMaxLength(typedLength(field)),
      );
  }
}

/** The subcommand of an opportunity, with the options `asking` needs. */
export function kindSubcommand(opportunity: AnyOpportunity, asking: Asking) {
  return (sub: SlashCommandSubcommandBuilder) => {
    sub.setName(opportunity.command.name).setDescription(opportunity.command.description);
    for (const field of optionFields(opportunity, asking)) addOption(sub, field);
    return sub;
  };
}

/** The opportunity a subcommand name stands for (own names only: "constructor" is unknown). */
export function opportunityOf(
  subcommand: string | null,
  ruleset: Ruleset = RULESET,
): AnyOpportunity | null {
  return (
    ruleset.opportunities.find((e) => e.opportunity.command.name === subcommand)?.opportunity ??
    null
  );
}

function readField(input: CommandInput, field: FieldDescriptor): unknown {
  const name = optionName(field);
  switch (field.type) {
    case 'boolean':
      return optionalBoolean(input, name);
    case 'number':
    case 'cecs':
      return isRequired(field)
        ? requiredNumber(input, name, field.example)
        : optionalNumber(input, name);
    default:
      return isRequired(field)
        ? requiredText(input, name, field.example)
        : optionalText(input, name);
  }
}

/** The options of a subcommand → the plan activity's fields (left out when not given). */
export function readActivity(
  input: CommandInput,
  opportunity: AnyOpportunity,
  asking: Asking,
): Record<string, unknown> {
  const activity: Record<string, unknown> = { kind: opportunity.id };
  for (const field of optionFields(opportunity, asking)) {
    const value = readField(input, field);
    if (value !== null) activity[field.name] = value;
  }
  return activity;
}
