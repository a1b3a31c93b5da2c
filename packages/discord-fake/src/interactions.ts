/** Interactions sent to the bot and the replies the bot made to them. */
import { FakeDiscordError } from './commands.js';
import { type FakeMessage, flattenText, type RecordedFile } from './message.js';
import type { FakeUser } from './state.js';
import { asArray, asNumber, asObject, isObject, type JsonObject, objects } from './util.js';

export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
} as const;

export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredMessageUpdate: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
  PremiumRequired: 10,
  LaunchActivity: 12,
} as const;

const CALLBACK_NAMES: Record<number, string> = {
  1: 'PONG',
  4: 'CHANNEL_MESSAGE_WITH_SOURCE',
  5: 'DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE',
  6: 'DEFERRED_UPDATE_MESSAGE',
  7: 'UPDATE_MESSAGE',
  8: 'APPLICATION_COMMAND_AUTOCOMPLETE_RESULT',
  9: 'MODAL',
  10: 'PREMIUM_REQUIRED',
  12: 'LAUNCH_ACTIVITY',
};

/** The exact body the bot POSTed to `/interactions/{id}/{token}/callback`. */
export interface InteractionCallback {
  type: number;
  data?: JsonObject;
}

/** The fake's bookkeeping for one interaction. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly payload: JsonObject;
  /** e.g. `/cec cpr` or `button "confirm"`, for error messages. */
  readonly label: string;
  readonly channelId: string;
  readonly guildId: string | undefined;
  readonly user: FakeUser;
  readonly sentAt: number;
  /** Index into `fake.requests` when the interaction was sent. */
  readonly requestMark: number;
  state: 'pending' | 'acknowledged' | 'expired';
  callback: InteractionCallback | undefined;
  callbackFiles: RecordedFile[];
  /** The message `@original` refers to (the reply, or the clicked message for components). */
  originalMessageId: string | undefined;
  /** The message a component was on (components, and modals opened from components). */
  readonly componentMessageId: string | undefined;
  readonly followUps: FakeMessage[];
  /** How many times `@original` was edited (PATCH, or the first follow-up after a defer). */
  originalEdits: number;
}

/** What a reply needs from the fake. */
export interface ReplyHost {
  message(id: string): FakeMessage | undefined;
  waitFor<T>(
    check: () => T | undefined | null | false,
    options: { timeoutMs?: number; message?: () => string },
  ): Promise<T>;
  readonly finalTimeoutMs: number;
}

export interface AutocompleteChoice {
  name: string;
  value: string | number;
  name_localizations?: Record<string, string> | null;
}

/**
 * The bot's answer to an interaction. Fields describe the callback body; `message` is the
 * live `@original` message, `final()` waits for a deferred reply to be filled in.
 */
export class InteractionReply {
  constructor(
    private readonly host: ReplyHost,
    /** The fake's record of the interaction (payload sent, state, follow-ups). */
    readonly record: InteractionRecord,
  ) {}

  /** The interaction id. */
  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** The INTERACTION_CREATE payload the bot received. */
  get interaction(): JsonObject {
    return this.record.payload;
  }

  /** The exact callback body the bot posted: `{ type, data }`. */
  get callback(): InteractionCallback {
    const callback = this.record.callback;
    if (!callback) throw new FakeDiscordError(`${this.record.label} has not been answered`);
    return callback;
  }

  /** Callback type: 4 message, 5 deferred, 6 deferred update, 7 update, 8 choices, 9 modal. */
  get type(): number {
    return this.callback.type;
  }

  /** The callback type's name, e.g. `CHANNEL_MESSAGE_WITH_SOURCE`. */
  get typeName(): string {
    return CALLBACK_NAMES[this.type] ?? String(this.type);
  }

  get data(): JsonObject {
    return this.callback.data ?? {};
  }

  /** True for type 5 (deferReply) and 6 (deferUpdate). */
  get deferred(): boolean {
    return (
      this.type === CallbackType.DeferredChannelMessageWithSource ||
      this.type === CallbackType.DeferredMessageUpdate
    );
  }

  /** `flags & 64` of the callback; for updates, whether the updated message is ephemeral. */
  get ephemeral(): boolean {
    if (
      this.type === CallbackType.UpdateMessage ||
      this.type === CallbackType.DeferredMessageUpdate
    ) {
      return this.message?.ephemeral ?? false;
    }
    return ((asNumber(this.data.flags) ?? 0) & 64) !== 0;
  }

  get flags(): number {
    return asNumber(this.data.flags) ?? 0;
  }

  get content(): string | undefined {
    return typeof this.data.content === 'string' ? this.data.content : undefined;
  }

  get embeds(): JsonObject[] {
    return objects(this.data.embeds);
  }

  get components(): JsonObject[] {
    return objects(this.data.components);
  }

  /** Files uploaded with the callback (multipart `files[n]`). */
  get files(): RecordedFile[] {
    return this.record.callbackFiles;
  }

  /** Autocomplete choices (type 8). */
  get choices(): AutocompleteChoice[] {
    return asArray(this.data.choices).filter(isObject) as unknown as AutocompleteChoice[];
  }

  /** The modal the bot showed (type 9): `{ custom_id, title, components }`. */
  get modal(): JsonObject | undefined {
    return this.type === CallbackType.Modal ? this.data : undefined;
  }

  /** The message `@original` refers to now (undefined for choices and modals). */
  get message(): FakeMessage | undefined {
    const id = this.record.originalMessageId;
    return id ? this.host.message(id) : undefined;
  }

  /** Follow-up messages (POST /webhooks/{app}/{token}), in order. */
  get followUps(): FakeMessage[] {
    return this.record.followUps;
  }

  /** Content + embed titles/descriptions/fields (+ text displays) of the callback, one per line. */
  text(): string {
    return flattenText(this.data);
  }

  /**
   * The reply as the user ends up seeing it: immediately for type 4/7; for a deferred reply
   * (5/6), once the bot has edited `@original` (or sent its first follow-up after deferring).
   */
  final(options: { timeoutMs?: number } = {}): Promise<FakeMessage> {
    const type = this.type;
    if (type === CallbackType.ChannelMessageWithSource || type === CallbackType.UpdateMessage) {
      const message = this.message;
      if (message) return Promise.resolve(message);
    }
    if (!this.deferred) {
      return Promise.reject(
        new FakeDiscordError(
          `${this.record.label} was answered with ${this.typeName}, which has no message`,
        ),
      );
    }
    const timeoutMs = options.timeoutMs ?? this.host.finalTimeoutMs;
    return this.host.waitFor(() => (this.record.originalEdits > 0 ? this.message : undefined), {
      timeoutMs,
      message: () =>
        `discord-fake: ${this.record.label} was deferred (${this.typeName}) but the bot did not edit its reply within ${timeoutMs} ms`,
    });
  }

  /** Waits for the n-th follow-up (0-based). */
  followUp(index = 0, options: { timeoutMs?: number } = {}): Promise<FakeMessage> {
    const timeoutMs = options.timeoutMs ?? this.host.finalTimeoutMs;
    return this.host.waitFor(() => this.record.followUps[index], {
      timeoutMs,
      message: () =>
        `discord-fake: ${this.record.label} got ${this.record.followUps.length} follow-up(s) within ${timeoutMs} ms, waited for #${index + 1}`,
    });
  }
}

/** Validates an autocomplete result the way Discord does; returns a problem or undefined. */
export function checkChoices(data: JsonObject): string | undefined {
  const choices = asArray(data.choices);
  if (choices.length > 25)
    return `data.choices: Must be 25 or fewer in length (got ${choices.length}).`;
  for (const [i, choice] of choices.entries()) {
    const c = asObject(choice);
    const name = typeof c.name === 'string' ? c.name : '';
    if (name.length < 1 || name.length > 100)
      return `data.choices.${i}.name: Must be between 1 and 100 in length.`;
    if (typeof c.value === 'string' && c.value.length > 100)
      return `data.choices.${i}.value: Must be 100 or fewer in length.`;
    if (typeof c.value !== 'string' && typeof c.value !== 'number')
      return `data.choices.${i}.value: This field is required`;
  }
  return undefined;
}

/** Validates a modal; returns a problem or undefined. */
export function checkModal(data: JsonObject): string | undefined {
  if (typeof data.custom_id !== 'string' || data.custom_id.length === 0)
    return 'data.custom_id: This field is required';
  if (typeof data.title !== 'string' || data.title.length === 0 || data.title.length > 45) {
    return 'data.title: Must be between 1 and 45 in length.';
  }
  const components = objects(data.components);
  if (components.length < 1 || components.length > 5)
    return 'data.components: Must be between 1 and 5 in length.';
  return undefined;
}
