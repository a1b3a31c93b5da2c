/**
 * A modal in the console: shown as text, filled in with one line
 * (`fill date:05/20/2026 title:"Anatomy I"`). Inputs left out keep what they
 * show; a required one left empty or a value too long is refused here, as
 * Discord's client refuses to submit it.
 */
import type { Modal } from '../render/payload.js';
import { tokenize } from './parse-line.js';

export function modalToText(modal: Modal): string {
  const lines = modal.inputs.map((input) => {
    const shows = input.value !== undefined ? ` = "${input.value}"` : '';
    const hint = input.placeholder ? ` (${input.placeholder})` : '';
    return `  ${input.customId}: ${input.label}${input.required ? ', required' : ''}${hint}${shows}`;
  });
  const example = modal.inputs.map((i) => `${i.customId}:…`).join(' ');
  return [
    `📝 ${modal.title}`,
    ...lines,
    `Fill it in with "fill ${example}" (quote values with spaces; what you leave out keeps what it shows).`,
  ].join('\n');
}

export type Filled = { ok: true; values: Record<string, string> } | { ok: false; error: string };

/** The values of a `fill …` line (without "fill") for `modal`, or why it cannot be submitted. */
export function fillModal(modal: Modal, text: string): Filled {
  const { tokens, error } = tokenize(text);
  if (error) return { ok: false, error };
  const given = new Map<string, string>();
  let last: string | null = null;
  for (const token of tokens) {
    const colon = token.indexOf(':');
    const name = colon > 0 ? token.slice(0, colon) : null;
    if (name !== null && modal.inputs.some((i) => i.customId === name)) {
      given.set(name, token.slice(colon + 1));
      last = name;
    } else if (last !== null) {
      given.set(last, `${given.get(last) ?? ''} ${token}`);
    } else {
      const names = modal.inputs.map((i) => i.customId).join(', ');
      return { ok: false, error: `"${token}" is not one of the form's inputs (${names}).` };
    }
  }
  const values: Record<string, string> = {};
  for (const input of modal.inputs) {
    const value = given.get(input.customId) ?? input.value ?? '';
    if (input.required && value.trim() === '') {
      return { ok: false, error: `\`${input.customId}\` (${input.label}) is required.` };
    }
    if (value.length > input.maxLength) {
      return {
        ok: false,
        error: `\`${input.customId}\` takes at most ${input.maxLength} characters.`,
      };
    }
    values[input.customId] = value;
  }
  return { ok: true, values };
}
