/** Interactions sent to the bot, and the replies the bot made to them. */
import { type FakeMessage, flattenText, type RecordedFile } from './messages.js';
import type { FakeUser } from './state.js';
import { asNumber, FakeDiscordError, type JsonObject, objects, type WaitOptions } from './util.js';

export const InteractionType = {
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
} as const;

/** The callback types the fake accepts (a bot answering with another one gets a 400). */
export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const;

const CALLBACK_NAMES: Record<number, string> = {
  4: 'CHANNEL_MESSAGE_WITH_SOURCE',
  5: 'DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE',
  7: 'UPDATE_MESSAGE',
  8: 'APPLICATION_COMMAND_AUTOCOMPLETE_RESULT',
  9: 'MODAL',
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
  readonly user: FakeUser;
  /** Index into `fake.requests` when the interaction was sent. */
  readonly requestMark: number;
  state: 'pending' | 'acknowledged' | 'expired';
  /** Why the delivery failed (over HTTP: the endpoint's refusal, a lost connection...). */
  failure: string | undefined;
  callback: InteractionCallback | undefined;
  callbackFiles: RecordedFile[];
  /** The message `@original` refers to (the reply, or the clicked message for buttons). */
  originalMessageId: string | undefined;
  /** The message a button was on. */
  readonly componentMessageId: string | undefined;
  readonly followUps: FakeMessage[];
  /** How many times `@original` was edited (PATCH, or the first follow-up after a defer). */
  originalEdits: number;
}

/** What a reply needs from the fake. */
export interface ReplyHost {
  message(id: string): FakeMessage | undefined;
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions): Promise<T>;
  readonly finalTimeoutMs: number;
}

export interface AutocompleteChoice {
  name: string;
  value: string | number;
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

  /** Callback type: 4 message, 5 deferred, 7 update, 8 choices, 9 modal. */
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

  get flags(): number {
    return asNumber(this.data.flags) ?? 0;
  }

  /** `flags & 64` of the callback; for an update, whether the updated message is ephemeral. */
  get ephemeral(): boolean {
    if (this.type === CallbackType.UpdateMessage) return this.message?.ephemeral ?? false;
    return (this.flags & 64) !== 0;
  }

  get content(): string | undefined {
    return typeof this.data.content === 'string' ? this.data.content : undefined;
  }

  get embeds(): JsonObject[] {
    return objects(this.data.embeds);
  }

  /** Files uploaded with the callback (multipart `files[n]`). */
  get files(): RecordedFile[] {
    return this.record.callbackFiles;
  }

  /** Autocomplete choices (type 8). */
  get choices(): AutocompleteChoice[] {
    return objects(this.data.choices).map((c) => ({
      name: String(c.name),
      value: typeof c.value === 'number' ? c.value : String(c.value),
    }));
  }

  /** The modal the bot opened (callback type 9): submit it with `fake.submitModal`. */
  get modal(): JsonObject | undefined {
    return this.type === CallbackType.Modal ? this.data : undefined;
  }

  /** The message `@original` refers to now (undefined for choices). */
  get message(): FakeMessage | undefined {
    const id = this.record.originalMessageId;
    return id ? this.host.message(id) : undefined;
  }

  /** Follow-up messages (POST /webhooks/{app}/{token}), in order. */
  get followUps(): FakeMessage[] {
    return this.record.followUps;
  }

  /** Content, embed texts and button labels of the callback, one per line. */
  text(): string {
    return flattenText(this.data);
  }

  /**
   * The reply as the user ends up seeing it: at once for type 4 and 7; for a deferred reply
   * (5), once the bot has edited `@original` (or sent its first follow-up).
   */
  final(options: { timeoutMs?: number } = {}): Promise<FakeMessage> {
    const message = this.message;
    if (this.type !== CallbackType.DeferredChannelMessageWithSource) {
      if (message) return Promise.resolve(message);
      const problem = `${this.record.label} was answered with ${this.typeName}, which has no message`;
      return Promise.reject(new FakeDiscordError(problem));
    }
    const timeoutMs = options.timeoutMs ?? this.host.finalTimeoutMs;
    return this.host.waitFor(() => (this.record.originalEdits > 0 ? this.message : undefined), {
      timeoutMs,
      message: () =>
        `${this.record.label} was deferred but the bot did not edit its reply within ${timeoutMs} ms`,
    });
  }

  /** Waits for the n-th follow-up (0-based). */
  followUp(index = 0, options: { timeoutMs?: number } = {}): Promise<FakeMessage> {
    const timeoutMs = options.timeoutMs ?? this.host.finalTimeoutMs;
    return this.host.waitFor(() => this.record.followUps[index], {
      timeoutMs,
      message: () =>
        `${this.record.label} got ${this.record.followUps.length} follow-up(s) within ${timeoutMs} ms, waited for #${index + 1}`,
    });
  }
}

/** Validates an autocomplete result the way Discord does; returns a problem or undefined. */
export function checkChoices(data: JsonObject): string | undefined {
  const choices = objects(data.choices);
  if (choices.length > 25) {
    return `data.choices: Must be 25 or fewer in length (got ${choices.length}).`;
  }
  for (const [i, choice] of choices.entries()) {
    const name = typeof choice.name === 'string' ? choice.name.length : 0;
    if (name < 1 || name > 100)
      return `data.choices.${i}.name: Must be between 1 and 100 in length.`;
    const value = choice.value;
    if (typeof value !== 'string' && typeof value !== 'number') {
      return `data.choices.${i}.value: This field is required`;
    }
    if (typeof value === 'string' && value.length > 100) {
      return `data.choices.${i}.value: Must be 100 or fewer in length.`;
    }
  }
  return undefined;
}
