/** Messages the bot posts (and edits), their files, and Discord's validation of message bodies. */
import type { FakeUser } from './state.js';
import {
  apiError,
  asArray,
  asNumber,
  asObject,
  asString,
  type DiscordHttpError,
  ErrorCode,
  FormErrors,
  isObject,
  type JsonObject,
  objects,
} from './util.js';

/** A file uploaded with a multipart request (`files[n]`). */
export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string | undefined;
  data: Buffer;
  /** `data` decoded as UTF-8. */
  text: string;
}

export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

/** How a message came to be. */
export type MessageSource = 'interaction' | 'followup' | 'channel' | 'user';

export interface InteractionMetadata {
  id: string;
  type: number;
  name?: string;
  user: FakeUser;
  commandType?: number;
}

/** The parts of a message a PATCH can change, kept as history on every edit. */
export interface MessageRevision {
  content: string;
  embeds: JsonObject[];
  components: JsonObject[];
  flags: number;
  editedAt: string | null;
}

/** A message stored by the fake: posted by the bot (or by a user via `fake.userMessage`). */
export class FakeMessage {
  content = '';
  embeds: JsonObject[] = [];
  components: JsonObject[] = [];
  /** Attachments as the API shows them (`id`, `filename`, `url`, ...). */
  attachments: JsonObject[] = [];
  flags = 0;
  type = 0;
  tts = false;
  pinned = false;
  deleted = false;
  readonly createdAt = new Date();
  editedAt: Date | null = null;
  /** Earlier versions, oldest first (one per edit). */
  readonly history: MessageRevision[] = [];
  /** Emoji the bot reacted with. */
  readonly reactions: string[] = [];
  messageReference: JsonObject | undefined;
  interaction: InteractionMetadata | undefined;
  webhookId: string | undefined;
  applicationId: string | undefined;
  poll: JsonObject | undefined;
  /** attachment id → uploaded file */
  readonly #files = new Map<string, RecordedFile>();

  constructor(
    readonly id: string,
    readonly channelId: string,
    readonly guildId: string | undefined,
    readonly author: FakeUser,
    readonly source: MessageSource,
  ) {}

  get ephemeral(): boolean {
    return (this.flags & MessageFlag.Ephemeral) !== 0;
  }

  /** True while a deferred reply still shows "Bot is thinking...". */
  get loading(): boolean {
    return (this.flags & MessageFlag.Loading) !== 0;
  }

  get edits(): number {
    return this.history.length;
  }

  /** Files of the current attachments, in order. */
  get files(): RecordedFile[] {
    return this.attachments
      .map((a) => this.#files.get(String(a.id)))
      .filter((f): f is RecordedFile => f !== undefined);
  }

  /** Content plus embed titles, descriptions, fields, footers and text displays, one per line. */
  text(): string {
    return flattenText({
      content: this.content,
      embeds: this.embeds,
      components: this.components,
    });
  }

  /** Every custom_id on the message's components. */
  customIds(): string[] {
    return walkComponents(this.components)
      .map((c) => asString(c.custom_id))
      .filter((id): id is string => id !== undefined);
  }

  /** The component with this custom_id, anywhere in the component tree. */
  component(customId: string): JsonObject | undefined {
    return walkComponents(this.components).find((c) => c.custom_id === customId);
  }

  /** Applies a create or edit body (Discord's PATCH semantics: only present fields change). */
  apply(body: JsonObject, files: RecordedFile[], store: AttachmentStore, isEdit: boolean): void {
    if (isEdit) {
      this.history.push({
        content: this.content,
        embeds: this.embeds,
        components: this.components,
        flags: this.flags,
        editedAt: this.editedAt?.toISOString() ?? null,
      });
      this.editedAt = new Date();
    }
    if ('content' in body) this.content = asString(body.content) ?? '';
    if ('embeds' in body) this.embeds = objects(body.embeds);
    if ('components' in body) this.components = objects(body.components);
    if ('poll' in body && isObject(body.poll)) this.poll = body.poll;
    if (!isEdit) {
      this.tts = body.tts === true;
      this.flags = asNumber(body.flags) ?? 0;
      if (isObject(body.message_reference)) {
        this.messageReference = body.message_reference;
        this.type = 19;
      }
    } else if ('flags' in body) {
      // Ephemeral and loading cannot be changed by an edit.
      const keep = this.flags & (MessageFlag.Ephemeral | MessageFlag.Loading);
      const asked = (asNumber(body.flags) ?? 0) & ~(MessageFlag.Ephemeral | MessageFlag.Loading);
      this.flags = keep | asked;
    }
    this.#applyAttachments(body, files, store, isEdit);
  }

  #applyAttachments(
    body: JsonObject,
    files: RecordedFile[],
    store: AttachmentStore,
    isEdit: boolean,
  ): void {
    const byIndex = new Map<string, RecordedFile>();
    files.forEach((file, index) => {
      const match = /\[(\d+)\]$/.exec(file.field);
      byIndex.set(match?.[1] ?? String(index), file);
    });
    const used = new Set<RecordedFile>();
    const next: JsonObject[] = [];
    const makeAttachment = (file: RecordedFile, meta: JsonObject): JsonObject => {
      used.add(file);
      const { id, url } = store.store(file, this.channelId);
      this.#files.set(id, file);
      const attachment: JsonObject = {
        id,
        filename: asString(meta.filename) ?? file.name,
        size: file.data.length,
        url,
        proxy_url: url,
      };
      if (file.contentType) attachment.content_type = file.contentType;
      if (typeof meta.description === 'string') attachment.description = meta.description;
      if (this.ephemeral) attachment.ephemeral = true;
      return attachment;
    };
    if ('attachments' in body) {
      for (const meta of objects(body.attachments)) {
        const id = String(meta.id);
        const existing = this.attachments.find((a) => String(a.id) === id);
        const upload = byIndex.get(id);
        if (existing && !upload) next.push(existing);
        else if (upload) next.push(makeAttachment(upload, meta));
      }
    } else if (isEdit) {
      next.push(...this.attachments);
    }
    for (const file of files) if (!used.has(file)) next.push(makeAttachment(file, {}));
    this.attachments = next;
  }

  toJSON(): JsonObject {
    const json: JsonObject = {
      id: this.id,
      channel_id: this.channelId,
      author: this.author,
      content: this.content,
      timestamp: this.createdAt.toISOString(),
      edited_timestamp: this.editedAt?.toISOString() ?? null,
      tts: this.tts,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: this.attachments,
      embeds: this.embeds,
      pinned: this.pinned,
      type: this.type,
      flags: this.flags,
      components: this.components,
    };
    if (this.guildId) json.guild_id = this.guildId;
    if (this.webhookId) json.webhook_id = this.webhookId;
    if (this.applicationId) json.application_id = this.applicationId;
    if (this.messageReference) json.message_reference = this.messageReference;
    if (this.poll) json.poll = this.poll;
    if (this.reactions.length > 0) {
      json.reactions = this.reactions.map((emoji) => ({
        count: 1,
        count_details: { burst: 0, normal: 1 },
        me: true,
        me_burst: false,
        burst_colors: [],
        emoji: { id: null, name: emoji },
      }));
    }
    if (this.interaction) {
      const meta = this.interaction;
      json.interaction_metadata = {
        id: meta.id,
        type: meta.type,
        user: meta.user,
        authorizing_integration_owners: {},
        ...(meta.name ? { name: meta.name } : {}),
        ...(meta.commandType ? { command_type: meta.commandType } : {}),
      };
      if (meta.name) {
        json.interaction = { id: meta.id, type: meta.type, name: meta.name, user: meta.user };
      }
    }
    return json;
  }
}

/** Keeps uploaded files so their attachment URLs can be served. */
export interface AttachmentStore {
  store(file: RecordedFile, channelId: string): { id: string; url: string };
}

/** Every component in a tree (action rows, containers, sections, labels...), depth first. */
export function walkComponents(components: unknown): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (node: unknown): void => {
    if (!isObject(node)) return;
    out.push(node);
    for (const child of asArray(node.components)) visit(child);
    if (isObject(node.component)) visit(node.component);
    if (isObject(node.accessory)) visit(node.accessory);
  };
  for (const c of asArray(components)) visit(c);
  return out;
}

/** Flattens content, embeds and text display components into searchable text. */
export function flattenText(data: {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
}): string {
  const lines: string[] = [];
  const push = (value: unknown): void => {
    if (typeof value === 'string' && value.length > 0) lines.push(value);
  };
  push(data.content);
  for (const embed of objects(data.embeds)) {
    push(asObject(embed.author).name);
    push(embed.title);
    push(embed.description);
    for (const field of objects(embed.fields)) {
      push(field.name);
      push(field.value);
    }
    push(asObject(embed.footer).text);
  }
  for (const component of walkComponents(data.components)) {
    if (component.type === 10) push(component.content);
    if (component.type === 2) push(component.label);
  }
  return lines.join('\n');
}

const EMBED_LIMITS: [string, number][] = [
  ['title', 256],
  ['description', 4096],
];

function length(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

/**
 * Checks a message body the way Discord does (the limits bots most often trip over) and
 * answers the error Discord would: 50006 for an empty message, 50035 for broken fields.
 * `prefix` is the body path of the message (`['data']` inside an interaction callback).
 */
export function validateMessageBody(
  body: JsonObject,
  files: RecordedFile[],
  options: { isEdit: boolean; prefix?: (string | number)[]; existing?: FakeMessage },
): DiscordHttpError | undefined {
  const prefix = options.prefix ?? [];
  const errors = new FormErrors();
  const flags = asNumber(body.flags) ?? options.existing?.flags ?? 0;
  const v2 = (flags & MessageFlag.IsComponentsV2) !== 0;

  if ('content' in body && body.content !== null && typeof body.content !== 'string') {
    errors.add([...prefix, 'content'], 'BASE_TYPE_STRING', 'Must be a string.');
  }
  if (length(body.content) > 2000) {
    errors.add([...prefix, 'content'], 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  if (v2 && (length(body.content) > 0 || objects(body.embeds).length > 0)) {
    errors.add(
      [...prefix, 'content'],
      'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      "The 'content' and 'embeds' fields cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    );
  }

  const embeds = objects(body.embeds);
  if (embeds.length > 10) {
    errors.add([...prefix, 'embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  }
  let total = 0;
  embeds.forEach((embed, i) => {
    const at = [...prefix, 'embeds', i];
    for (const [key, max] of EMBED_LIMITS) {
      total += length(embed[key]);
      if (length(embed[key]) > max) {
        errors.add([...at, key], 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
      }
    }
    const fields = objects(embed.fields);
    if (fields.length > 25) {
      errors.add([...at, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
    fields.forEach((field, j) => {
      total += length(field.name) + length(field.value);
      if (length(field.name) === 0) {
        errors.add([...at, 'fields', j, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
      } else if (length(field.name) > 256) {
        errors.add(
          [...at, 'fields', j, 'name'],
          'BASE_TYPE_MAX_LENGTH',
          'Must be 256 or fewer in length.',
        );
      }
      if (length(field.value) === 0) {
        errors.add([...at, 'fields', j, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
      } else if (length(field.value) > 1024) {
        errors.add(
          [...at, 'fields', j, 'value'],
          'BASE_TYPE_MAX_LENGTH',
          'Must be 1024 or fewer in length.',
        );
      }
    });
    const footer = length(asObject(embed.footer).text);
    const author = length(asObject(embed.author).name);
    total += footer + author;
    if (footer > 2048) {
      errors.add(
        [...at, 'footer', 'text'],
        'BASE_TYPE_MAX_LENGTH',
        'Must be 2048 or fewer in length.',
      );
    }
    if (author > 256) {
      errors.add(
        [...at, 'author', 'name'],
        'BASE_TYPE_MAX_LENGTH',
        'Must be 256 or fewer in length.',
      );
    }
  });
  if (total > 6000) {
    errors.add(
      [...prefix, 'embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      'Embed size exceeds maximum size of 6000',
    );
  }

  validateComponents(body.components, v2, [...prefix, 'components'], errors);

  const formError = errors.toError();
  if (formError) return formError;

  // Would the message end up empty?
  const after = {
    content: 'content' in body ? length(body.content) : length(options.existing?.content),
    embeds: 'embeds' in body ? embeds.length : (options.existing?.embeds.length ?? 0),
    components:
      'components' in body
        ? objects(body.components).length
        : (options.existing?.components.length ?? 0),
    files:
      files.length +
      ('attachments' in body
        ? objects(body.attachments).length
        : (options.existing?.attachments.length ?? 0)),
    other: asArray(body.sticker_ids).length + (isObject(body.poll) ? 1 : 0),
  };
  if (Object.values(after).every((n) => n === 0)) {
    return apiError(400, ErrorCode.EmptyMessage, 'Cannot send an empty message');
  }
  return undefined;
}

function validateComponents(
  value: unknown,
  v2: boolean,
  at: (string | number)[],
  errors: FormErrors,
): void {
  const rows = objects(value);
  const seen = new Set<string>();
  for (const component of walkComponents(rows)) {
    const id = asString(component.custom_id);
    if (id === undefined) continue;
    if (id.length > 100) {
      errors.add(
        [...at],
        'BASE_TYPE_MAX_LENGTH',
        `custom_id "${id.slice(0, 20)}..." is longer than 100`,
      );
    }
    if (seen.has(id)) {
      errors.add(
        [...at],
        'COMPONENT_CUSTOM_ID_DUPLICATED',
        `Component custom id cannot be duplicated: ${id}`,
      );
    }
    seen.add(id);
  }
  if (v2) {
    if (walkComponents(rows).length > 40) {
      errors.add(at, 'BASE_TYPE_MAX_LENGTH', 'Must be 40 or fewer components in total.');
    }
    return;
  }
  if (rows.length > 5) errors.add(at, 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  rows.forEach((row, i) => {
    if (row.type !== 1) {
      errors.add(
        [...at, i, 'type'],
        'UNION_TYPE_CHOICES',
        'Top-level components must be action rows (type 1) unless the IS_COMPONENTS_V2 flag is set',
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
    const hasSelect = children.some((c) => [3, 5, 6, 7, 8].includes(Number(c.type)));
    if (hasSelect && children.length > 1) {
      errors.add(
        [...at, i, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'A select menu must be alone in its row',
      );
    }
    children.forEach((child, j) => {
      if (child.type !== 2) return;
      const style = asNumber(child.style);
      const isLink = style === 5;
      const isPremium = style === 6;
      if (isLink && typeof child.url !== 'string') {
        errors.add(
          [...at, i, 'components', j, 'url'],
          'BASE_TYPE_REQUIRED',
          'This field is required',
        );
      }
      if (!isLink && !isPremium && typeof child.custom_id !== 'string') {
        errors.add(
          [...at, i, 'components', j, 'custom_id'],
          'BASE_TYPE_REQUIRED',
          'This field is required',
        );
      }
      if (length(child.label) > 80) {
        errors.add(
          [...at, i, 'components', j, 'label'],
          'BASE_TYPE_MAX_LENGTH',
          'Must be 80 or fewer in length.',
        );
      }
    });
  });
}
