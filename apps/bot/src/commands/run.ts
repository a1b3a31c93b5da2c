/**
 * Running a command the same way for Discord and the console: a member's
 * mistake becomes their private explanation; anything else is a bug, which
 * the caller logs and answers with an apology.
 */
import { fitReply } from '../render/limits.js';
import type { Choice, Modal, Reply } from '../render/payload.js';
import { renderProblem } from '../render/problems.js';
import { findButtonOwner } from './index.js';
import {
  type AutocompleteInput,
  type ButtonInput,
  type ButtonOutcome,
  type Command,
  type CommandContext,
  type CommandInput,
  MemberError,
  type ModalInput,
} from './types.js';

export async function runCommand(
  command: Command,
  input: CommandInput,
  context: CommandContext,
): Promise<Reply> {
  try {
    return fitReply(await command.execute(input, context));
  } catch (error) {
    if (error instanceof MemberError) return renderProblem(error.message);
    throw error;
  }
}

export async function runAutocomplete(
  command: Command,
  input: AutocompleteInput,
  context: CommandContext,
): Promise<Choice[]> {
  if (!command.autocomplete) return [];
  try {
    return await command.autocomplete(input, context);
  } catch (error) {
    // A half-typed value is normal while autocompleting: offer nothing rather than an error.
    if (error instanceof MemberError) return [];
    throw error;
  }
}

export async function runButton(
  input: ButtonInput,
  context: CommandContext,
): Promise<ButtonOutcome> {
  const owner = findButtonOwner(input.customId);
  if (!owner?.button) {
    return { replace: false, reply: renderProblem('This button is no longer in use.') };
  }
  try {
    const outcome = await owner.button.press(input, context);
    return { replace: outcome.replace, reply: fitReply(outcome.reply) };
  } catch (error) {
    if (error instanceof MemberError)
      return { replace: false, reply: renderProblem(error.message) };
    throw error;
  }
}

/** The modal a button press opens, or null when the press is answered by `runButton`. */
export function buttonModal(input: ButtonInput): Modal | null {
  return findButtonOwner(input.customId)?.button?.opens?.(input) ?? null;
}

export async function runModal(input: ModalInput, context: CommandContext): Promise<Reply> {
  const submit = findButtonOwner(input.customId)?.button?.submit;
  if (!submit) return renderProblem('This form is no longer in use.');
  try {
    return fitReply(await submit(input, context));
  } catch (error) {
    if (error instanceof MemberError) return renderProblem(error.message);
    throw error;
  }
}
