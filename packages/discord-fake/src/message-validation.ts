/**
 * Discord's checks of a message body, the limits bots most often trip over: 50006 for an
 * empty message, 50035 "Invalid Form Body" for content, embeds and components out of bounds.
 */
import type { FakeMessage, RecordedFile } from './messages.js';
import { walkComponents } from './messages.js';
import {
  apiError,
  asNumber,
  asObject,
  type DiscordHttpError,
  ErrorCode,
  FormErrors,
  type JsonObject,
  objects,
} from './util.js';

type Path = (string | number)[];

function length(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

/** Adds Discord's error when `value` is longer than `max` (or empty, when `required`). */
function checkLength(
  errors: FormErrors,
  at: Path,
  value: unknown,
  max: number,
  required = false,
): number {
  const n = length(value);
  if (required && n === 0) errors.add(at, 'BASE_TYPE_REQUIRED', 'This field is required');
  else if (n > max) errors.add(at, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  return n;
}

function checkCount(errors: FormErrors, at: Path, list: unknown[], max: number): void {
  if (list.length > max) {
    errors.add(at, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }
}

function validateEmbeds(embeds: JsonObject[], at: Path, errors: FormErrors): void {
  checkCount(errors, at, embeds, 10);
  let total = 0;
  embeds.forEach((embed, i) => {
    const here = [...at, i];
    total += checkLength(errors, [...here, 'title'], embed.title, 256);
    total += checkLength(errors, [...here, 'description'], embed.description, 4096);
    const fields = objects(embed.fields);
    checkCount(errors, [...here, 'fields'], fields, 25);
    fields.forEach((field, j) => {
      total += checkLength(errors, [...here, 'fields', j, 'name'], field.name, 256, true);
      total += checkLength(errors, [...here, 'fields', j, 'value'], field.value, 1024, true);
    });
    const footer = asObject(embed.footer).text;
    total += checkLength(errors, [...here, 'footer', 'text'], footer, 2048);
    total += checkLength(errors, [...here, 'author', 'name'], asObject(embed.author).name, 256);
  });
  if (total > 6000) {
    errors.add(at, 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
}

/** Action rows of at most five buttons, each with a unique custom_id (or a url, for links). */
function validateComponents(rows: JsonObject[], at: Path, errors: FormErrors): void {
  checkCount(errors, at, rows, 5);
  const seen = new Set<string>();
  for (const component of walkComponents(rows)) {
    if (typeof component.custom_id !== 'string') continue;
    if (seen.has(component.custom_id)) {
      errors.add(
        at,
        'COMPONENT_CUSTOM_ID_DUPLICATED',
        `Component custom id cannot be duplicated: ${component.custom_id}`,
      );
    }
    seen.add(component.custom_id);
  }
  rows.forEach((row, i) => {
    if (row.type !== 1) {
      errors.add(
        [...at, i, 'type'],
        'UNION_TYPE_CHOICES',
        'Top-level components must be action rows (type 1)',
      );
      return;
    }
    const children = objects(row.components);
    if (children.length === 0 || children.length > 5) {
      errors.add(
        [...at, i, 'components'],
        'BASE_TYPE_BAD_LENGTH',
        'Must be between 1 and 5 in length.',
      );
    }
    children.forEach((child, j) => {
      const here = [...at, i, 'components', j];
      if (child.type !== 2) return;
      const link = asNumber(child.style) === 5;
      if (typeof (link ? child.url : child.custom_id) !== 'string') {
        errors.add(
          [...here, link ? 'url' : 'custom_id'],
          'BASE_TYPE_REQUIRED',
          'This field is required',
        );
      }
      checkLength(errors, [...here, 'custom_id'], child.custom_id, 100);
      checkLength(errors, [...here, 'label'], child.label, 80);
    });
  });
}

/**
 * Checks a message body (a create, or an edit of `existing`) and returns the error Discord
 * would answer. `prefix` is the body path of the message (`['data']` inside a callback).
 */
export function validateMessageBody(
  body: JsonObject,
  files: RecordedFile[],
  options: { prefix?: Path; existing?: FakeMessage } = {},
): DiscordHttpError | undefined {
  const prefix = options.prefix ?? [];
  const errors = new FormErrors();
  if ('content' in body && body.content !== null && typeof body.content !== 'string') {
    errors.add([...prefix, 'content'], 'BASE_TYPE_STRING', 'Must be a string.');
  }
  checkLength(errors, [...prefix, 'content'], body.content, 2000);
  validateEmbeds(objects(body.embeds), [...prefix, 'embeds'], errors);
  validateComponents(objects(body.components), [...prefix, 'components'], errors);
  const formError = errors.toError();
  if (formError) return formError;

  // What the message holds once this body is applied.
  const after = (key: 'content' | 'embeds' | 'components' | 'attachments'): number => {
    const value = key in body ? body[key] : options.existing?.[key];
    return typeof value === 'string' ? value.length : objects(value).length;
  };
  const parts = after('content') + after('embeds') + after('components') + after('attachments');
  if (parts + files.length === 0) {
    return apiError(400, ErrorCode.EmptyMessage, 'Cannot send an empty message');
  }
  return undefined;
}
