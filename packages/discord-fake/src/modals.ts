/**
 * Modals, as Discord has them: a bot answers a command or a button press with callback type 9
 * (MODAL); the user fills it in and submits it, which reaches the bot as a MODAL_SUBMIT (type
 * 5) interaction carrying each text input's value. Here the modal JSON is checked as Discord
 * checks it, and a submission is checked as Discord's client would let it through.
 */
import {
  asArray,
  asNumber,
  asString,
  FakeDiscordError,
  isObject,
  type JsonObject,
} from './util.js';

const TITLE_MAX = 45;
const ROWS_MAX = 5;
const CUSTOM_ID_MAX = 100;
const LABEL_MAX = 45;
const VALUE_MAX = 4000;
const PLACEHOLDER_MAX = 100;
const ACTION_ROW = 1;
const TEXT_INPUT = 4;

/** One text input of a modal, as the fake reads it back. */
export interface ModalInput {
  customId: string;
  label: string;
  style: number;
  required: boolean;
  minLength: number;
  maxLength: number;
  value: string | undefined;
  placeholder: string | undefined;
}

function lengthIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function checkInput(input: unknown, at: string): string | undefined {
  if (!isObject(input) || input.type !== TEXT_INPUT) {
    return `${at}.type: each action row of a modal holds one text input (type 4)`;
  }
  if (!lengthIn(input.custom_id, 1, CUSTOM_ID_MAX)) {
    return `${at}.custom_id: Must be between 1 and ${CUSTOM_ID_MAX} in length.`;
  }
  if (!lengthIn(input.label, 1, LABEL_MAX)) {
    return `${at}.label: Must be between 1 and ${LABEL_MAX} in length.`;
  }
  if (input.style !== 1 && input.style !== 2) return `${at}.style: Value must be one of (1, 2).`;
  const min = input.min_length === undefined ? 0 : asNumber(input.min_length);
  const max = input.max_length === undefined ? VALUE_MAX : asNumber(input.max_length);
  if (min === undefined || !Number.isInteger(min) || min < 0 || min > VALUE_MAX) {
    return `${at}.min_length: int value should be between 0 and ${VALUE_MAX}.`;
  }
  if (max === undefined || !Number.isInteger(max) || max < 1 || max > VALUE_MAX) {
    return `${at}.max_length: int value should be between 1 and ${VALUE_MAX}.`;
  }
  if (min > max) return `${at}.min_length: must not be greater than max_length.`;
  if (input.required !== undefined && typeof input.required !== 'boolean') {
    return `${at}.required: Must be a boolean.`;
  }
  if (input.value !== undefined && !lengthIn(input.value, 0, max)) {
    return `${at}.value: Must be between 0 and ${max} in length.`;
  }
  if (input.placeholder !== undefined && !lengthIn(input.placeholder, 0, PLACEHOLDER_MAX)) {
    return `${at}.placeholder: Must be ${PLACEHOLDER_MAX} or fewer in length.`;
  }
  return undefined;
}

/** Validates a MODAL callback's data as Discord does; returns the problem or undefined. */
export function checkModal(data: JsonObject): string | undefined {
  if (!lengthIn(data.custom_id, 1, CUSTOM_ID_MAX)) {
    return `data.custom_id: Must be between 1 and ${CUSTOM_ID_MAX} in length.`;
  }
  if (!lengthIn(data.title, 1, TITLE_MAX)) {
    return `data.title: Must be between 1 and ${TITLE_MAX} in length.`;
  }
  const rows = asArray(data.components);
  if (rows.length < 1 || rows.length > ROWS_MAX) {
    return `data.components: Must be between 1 and ${ROWS_MAX} in length.`;
  }
  const ids = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const at = `data.components.${i}`;
    const inner = isObject(row) ? asArray(row.components) : [];
    if (!isObject(row) || row.type !== ACTION_ROW || inner.length !== 1) {
      return `${at}: a modal row is an action row (type 1) with exactly one text input`;
    }
    const problem = checkInput(inner[0], `${at}.components.0`);
    if (problem) return problem;
    const id = String((inner[0] as JsonObject).custom_id);
    if (ids.has(id))
      return `${at}.components.0.custom_id: Component custom id cannot be duplicated`;
    ids.add(id);
  }
  return undefined;
}

/** The text inputs of a (valid) modal, in order. */
export function modalInputs(data: JsonObject): ModalInput[] {
  return asArray(data.components).map((row) => {
    const input = asArray((row as JsonObject).components)[0] as JsonObject;
    return {
      customId: String(input.custom_id),
      label: String(input.label),
      style: asNumber(input.style) ?? 1,
      required: input.required !== false,
      minLength: asNumber(input.min_length) ?? 0,
      maxLength: asNumber(input.max_length) ?? VALUE_MAX,
      value: asString(input.value),
      placeholder: asString(input.placeholder),
    };
  });
}

/**
 * The MODAL_SUBMIT data for `values` typed into the modal (by input custom id; an input not
 * given keeps its prefilled value). Throws what Discord's client would not let the user submit:
 * an unknown input, a required input left empty, a value outside its lengths. With
 * `validate: false`, sends the values as given (what a crafted request could).
 */
export function modalSubmitData(
  modal: JsonObject,
  values: Readonly<Record<string, string>>,
  validate = true,
): JsonObject {
  const inputs = modalInputs(modal);
  const components = inputs.map((input) => ({
    type: ACTION_ROW,
    components: [
      {
        type: TEXT_INPUT,
        custom_id: input.customId,
        value: values[input.customId] ?? input.value ?? '',
      },
    ],
  }));
  if (!validate) {
    const extra = Object.keys(values).filter((id) => !inputs.some((i) => i.customId === id));
    for (const id of extra) {
      components.push({
        type: ACTION_ROW,
        components: [{ type: TEXT_INPUT, custom_id: id, value: values[id] ?? '' }],
      });
    }
    return { custom_id: modal.custom_id, components };
  }
  for (const id of Object.keys(values)) {
    if (!inputs.some((i) => i.customId === id)) {
      const known = inputs.map((i) => i.customId).join(', ');
      throw new FakeDiscordError(`the modal has no text input "${id}"; its inputs: ${known}`);
    }
  }
  for (const [i, input] of inputs.entries()) {
    const value = components[i]?.components[0]?.value ?? '';
    if (input.required && value === '') {
      throw new FakeDiscordError(
        `"${input.label}" is required: Discord's client does not submit it empty`,
      );
    }
    if (value !== '' && (value.length < input.minLength || value.length > input.maxLength)) {
      throw new FakeDiscordError(
        `"${input.label}" takes ${input.minLength}–${input.maxLength} characters, got ${value.length}`,
      );
    }
  }
  return { custom_id: modal.custom_id, components };
}
