/** Messages the bot posts and edits, the files uploaded with them, and where they are kept. */
import type { AttachmentStore } from './attachments.js';
import type { FakeChannel, FakeUser } from './state.js';
import {
  asNumber,
  asObject,
  asString,
  type JsonObject,
  objects,
  type SnowflakeGenerator,
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
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
} as const;

/** The interaction a reply or follow-up answers (the API's `interaction_metadata`). */
export interface InteractionMetadata {
  id: string;
  type: number;
  user: FakeUser;
}

/** A message stored by the fake: a channel post, an interaction reply or a follow-up. */
export class FakeMessage {
  content = '';
  embeds: JsonObject[] = [];
  components: JsonObject[] = [];
  /** Attachments as the API shows them (`id`, `filename`, `size`, `url`, ...). */
  attachments: JsonObject[] = [];
  flags = 0;
  /** The `allowed_mentions` the message was sent with, as sent; undefined when it had none. */
  allowedMentions: JsonObject | undefined;
  deleted = false;
  readonly createdAt = new Date();
  editedAt: Date | null = null;
  /** attachment id → uploaded file */
  readonly #files = new Map<string, RecordedFile>();
  readonly #attachments: AttachmentStore;

  constructor(
    readonly id: string,
    readonly channelId: string,
    readonly guildId: string | undefined,
    readonly author: FakeUser,
    readonly interaction: InteractionMetadata | undefined,
    attachments: AttachmentStore,
  ) {
    this.#attachments = attachments;
  }

  get ephemeral(): boolean {
    return (this.flags & MessageFlag.Ephemeral) !== 0;
  }

  /** True while a deferred reply still shows "Bot is thinking...". */
  get loading(): boolean {
    return (this.flags & MessageFlag.Loading) !== 0;
  }

  /** Files of the current attachments, in order. */
  get files(): RecordedFile[] {
    return this.attachments
      .map((a) => this.#files.get(String(a.id)))
      .filter((f): f is RecordedFile => f !== undefined);
  }

  /** Content plus embed texts and button labels, one per line. */
  text(): string {
    return flattenText(this);
  }

  /**
   * The users Discord would notify: those mentioned in the content (`<@id>`)
   * that `allowed_mentions` lets through (everyone mentioned when it is absent).
   */
  pinged(): string[] {
    const mentioned = [
      ...new Set([...this.content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? '')),
    ];
    const allowed = this.allowedMentions;
    if (!allowed) return mentioned;
    if (Array.isArray(allowed.parse) && allowed.parse.includes('users')) return mentioned;
    const users = Array.isArray(allowed.users) ? allowed.users.map(String) : [];
    return mentioned.filter((id) => users.includes(id));
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
  apply(body: JsonObject, files: RecordedFile[], isEdit: boolean): void {
    if (isEdit) this.editedAt = new Date();
    if ('content' in body) this.content = asString(body.content) ?? '';
    if ('embeds' in body) this.embeds = objects(body.embeds);
    if ('components' in body) this.components = objects(body.components);
    if ('allowed_mentions' in body) this.allowedMentions = asObject(body.allowed_mentions);
    // An edit cannot make a message ephemeral or loading, nor stop it being ephemeral.
    if (!isEdit) this.flags = asNumber(body.flags) ?? 0;
    const uploads = new Map(
      files.map((file, i) => [/\[(\d+)\]$/.exec(file.field)?.[1] ?? String(i), file]),
    );
    const kept =
      'attachments' in body
        ? objects(body.attachments).flatMap((meta) => {
            const upload = uploads.get(String(meta.id));
            uploads.delete(String(meta.id));
            if (upload) return [this.#attach(upload, meta)];
            return this.attachments.filter((a) => String(a.id) === String(meta.id));
          })
        : isEdit
          ? this.attachments
          : [];
    this.attachments = [...kept, ...[...uploads.values()].map((file) => this.#attach(file, {}))];
  }

  #attach(file: RecordedFile, meta: JsonObject): JsonObject {
    const filename = asString(meta.filename) ?? file.name;
    // Served at its URL like any attachment, so a bot can read back a file it sent.
    const attachment = this.#attachments.add(
      this.channelId,
      { filename, data: file.data, ...(file.contentType ? { contentType: file.contentType } : {}) },
      {
        ...(typeof meta.description === 'string' ? { description: meta.description } : {}),
        ...(this.ephemeral ? { ephemeral: true } : {}),
      },
    );
    this.#files.set(attachment.id, file);
    return attachment;
  }

  /** The message as the API shows it. */
  toJSON(): JsonObject {
    const json: JsonObject = {
      id: this.id,
      channel_id: this.channelId,
      author: this.author,
      content: this.content,
      timestamp: this.createdAt.toISOString(),
      edited_timestamp: this.editedAt?.toISOString() ?? null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: this.attachments,
      embeds: this.embeds,
      pinned: false,
      type: 0,
      flags: this.flags,
      components: this.components,
    };
    if (this.guildId) json.guild_id = this.guildId;
    if (this.interaction) {
      json.webhook_id = this.author.id;
      json.application_id = this.author.id;
      json.interaction_metadata = { ...this.interaction, authorizing_integration_owners: {} };
    }
    return json;
  }
}

/** Every component in a tree (action rows and what they hold), depth first. */
export function walkComponents(components: unknown): JsonObject[] {
  return objects(components).flatMap((c) => [c, ...walkComponents(c.components)]);
}

/** Flattens content, embed texts and button labels into searchable text. */
export function flattenText(data: {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
}): string {
  const texts: unknown[] = [data.content];
  for (const embed of objects(data.embeds)) {
    texts.push(asObject(embed.author).name, embed.title, embed.description);
    for (const field of objects(embed.fields)) texts.push(field.name, field.value);
    texts.push(asObject(embed.footer).text);
  }
  for (const component of walkComponents(data.components)) texts.push(component.label);
  return texts.filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n');
}

/** Every message the fake holds, and the bot's channel posts per channel. */
export class MessageStore {
  readonly #byId = new Map<string, FakeMessage>();
  /** channel id → messages the bot posted with POST /channels/{id}/messages */
  readonly #posts = new Map<string, FakeMessage[]>();

  constructor(
    private readonly ids: SnowflakeGenerator,
    private readonly attachments: AttachmentStore,
  ) {}

  get(id: string): FakeMessage | undefined {
    return this.#byId.get(id);
  }

  /** Messages posted to a channel (not interaction replies), oldest first. */
  posts(channelId: string): FakeMessage[] {
    return this.#posts.get(channelId) ?? [];
  }

  /** Creates a message; `interaction` for replies and follow-ups, else it is a channel post. */
  create(
    channel: FakeChannel,
    author: FakeUser,
    body: JsonObject,
    files: RecordedFile[],
    interaction?: InteractionMetadata,
  ): FakeMessage {
    const message = new FakeMessage(
      this.ids.next(),
      channel.id,
      channel.guild_id,
      author,
      interaction,
      this.attachments,
    );
    message.apply(body, files, false);
    channel.last_message_id = message.id;
    this.#byId.set(message.id, message);
    if (!interaction) this.#posts.set(channel.id, [...this.posts(channel.id), message]);
    return message;
  }
}
