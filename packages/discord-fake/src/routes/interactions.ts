/**
 * How the bot answers interactions: the callback, follow-ups, and edits and deletes of its
 * replies through the interaction webhook (`/webhooks/{app}/{token}/messages/@original`).
 */
import type { Interactions } from '../interact.js';
import {
  CallbackType,
  checkChoices,
  type InteractionRecord,
  InteractionType,
} from '../interactions.js';
import { validateMessageBody } from '../message-validation.js';
import {
  type FakeMessage,
  MessageFlag,
  type MessageStore,
  type RecordedFile,
} from '../messages.js';
import { checkModal } from '../modals.js';
import type { RestApi, RouteContext, RouteResult } from '../server.js';
import type { FakeUser, World } from '../state.js';
import {
  apiError,
  asNumber,
  asObject,
  DiscordHttpError,
  ErrorCode,
  type JsonObject,
} from '../util.js';

export interface InteractionRouteDeps {
  applicationId: string;
  botUser: FakeUser;
  world: World;
  messages: MessageStore;
  interactions: Interactions;
}

/** What applying an answer needs. */
export type AnswerDeps = Pick<InteractionRouteDeps, 'botUser' | 'world' | 'messages'>;

function invalid(problem: string): DiscordHttpError {
  return new DiscordHttpError(400, {
    message: `Invalid Form Body (${problem})`,
    code: ErrorCode.InvalidFormBody,
  });
}

function unknownMessage(): DiscordHttpError {
  return apiError(404, ErrorCode.UnknownMessage, 'Unknown Message');
}

/**
 * Applies the bot's answer to an interaction, as Discord does: a reply creates `@original`,
 * a deferral creates it loading, an update edits the clicked message, choices are checked.
 */
export function answerInteraction(
  deps: AnswerDeps,
  record: InteractionRecord,
  body: JsonObject,
  files: RecordedFile[],
): void {
  if (record.state === 'acknowledged') {
    throw apiError(
      400,
      ErrorCode.AlreadyAcknowledged,
      'Interaction has already been acknowledged.',
    );
  }
  const type = asNumber(body.type);
  const data = asObject(body.data);
  const channel = deps.world.channels.get(record.channelId);
  if (!channel) throw apiError(404, ErrorCode.UnknownChannel, 'Unknown Channel');
  const meta = { id: record.id, type: record.type, user: record.user };
  const isAutocomplete = record.type === InteractionType.ApplicationCommandAutocomplete;
  if (isAutocomplete !== (type === CallbackType.ApplicationCommandAutocompleteResult)) {
    throw invalid('autocomplete interactions, and only they, are answered with choices (type 8)');
  }
  switch (type) {
    case CallbackType.ChannelMessageWithSource: {
      const error = validateMessageBody(data, files, { prefix: ['data'] });
      if (error) throw error;
      record.originalMessageId = deps.messages.create(channel, deps.botUser, data, files, meta).id;
      break;
    }
    case CallbackType.DeferredChannelMessageWithSource: {
      const flags = ((asNumber(data.flags) ?? 0) & MessageFlag.Ephemeral) | MessageFlag.Loading;
      record.originalMessageId = deps.messages.create(
        channel,
        deps.botUser,
        { flags },
        [],
        meta,
      ).id;
      break;
    }
    case CallbackType.UpdateMessage: {
      const message = deps.messages.get(record.componentMessageId ?? '');
      if (!message) throw invalid('UPDATE_MESSAGE is only valid for component interactions');
      const error = validateMessageBody(data, files, { prefix: ['data'], existing: message });
      if (error) throw error;
      message.apply(data, files, true);
      break;
    }
    case CallbackType.ApplicationCommandAutocompleteResult: {
      const problem = checkChoices(data);
      if (problem) throw invalid(problem);
      break;
    }
    case CallbackType.Modal: {
      // A modal answers a command or a button press; never a modal submission.
      if (record.type === InteractionType.ModalSubmit) {
        throw invalid('a MODAL_SUBMIT interaction cannot be answered with another modal');
      }
      const problem = checkModal(data);
      if (problem) throw invalid(problem);
      break;
    }
    default:
      throw invalid(
        `interaction response type ${String(body.type)} is not one discord-fake supports`,
      );
  }
  record.state = 'acknowledged';
  record.callback = body.data === undefined ? { type } : { type, data };
  record.callbackFiles = files;
}

export function interactionRoutes(api: RestApi, deps: InteractionRouteDeps): void {
  const recordOf = (ctx: RouteContext): InteractionRecord => {
    const record =
      ctx.params.app === deps.applicationId
        ? deps.interactions.byToken(ctx.params.token ?? '')
        : undefined;
    if (!record) throw apiError(404, ErrorCode.UnknownWebhook, 'Unknown Webhook');
    return record;
  };
  /** `@original` or a follow-up of this interaction. */
  const messageOf = (record: InteractionRecord, id: string): FakeMessage => {
    const message = deps.messages.get(id === '@original' ? (record.originalMessageId ?? '') : id);
    const belongs =
      message?.id === record.originalMessageId || record.followUps.some((m) => m === message);
    if (!message || message.deleted || !belongs) throw unknownMessage();
    return message;
  };

  api.add(
    'POST',
    '/interactions/:interaction/:token/callback',
    (ctx): RouteResult => {
      const record = deps.interactions.byId(ctx.params.interaction ?? '', ctx.params.token ?? '');
      if (!record || record.state === 'expired') {
        throw apiError(404, ErrorCode.UnknownInteraction, 'Unknown interaction');
      }
      if (ctx.query.with_response === 'true') {
        throw invalid('with_response=true is not supported by discord-fake');
      }
      answerInteraction(deps, record, asObject(ctx.body), ctx.files);
      return { status: 204 };
    },
    { public: true },
  );

  api.add(
    'POST',
    '/webhooks/:app/:token',
    (ctx) => {
      const record = recordOf(ctx);
      const body = asObject(ctx.body);
      const original = deps.messages.get(record.originalMessageId ?? '');
      if (original?.loading) {
        // Discord: the first follow-up after a deferral fills in the loading reply.
        const error = validateMessageBody(body, ctx.files, { existing: original });
        if (error) throw error;
        original.apply(body, ctx.files, true);
        original.flags &= ~MessageFlag.Loading;
        record.originalEdits += 1;
        record.followUps.push(original);
        return { json: original.toJSON() };
      }
      const error = validateMessageBody(body, ctx.files);
      if (error) throw error;
      const channel = deps.world.channels.get(record.channelId);
      if (!channel) throw apiError(404, ErrorCode.UnknownChannel, 'Unknown Channel');
      const meta = { id: record.id, type: record.type, user: record.user };
      const message = deps.messages.create(channel, deps.botUser, body, ctx.files, meta);
      record.followUps.push(message);
      return { json: message.toJSON() };
    },
    { public: true },
  );

  api.add(
    'PATCH',
    '/webhooks/:app/:token/messages/:message',
    (ctx) => {
      const record = recordOf(ctx);
      const message = messageOf(record, ctx.params.message ?? '');
      const body = asObject(ctx.body);
      const error = validateMessageBody(body, ctx.files, { existing: message });
      if (error) throw error;
      message.apply(body, ctx.files, true);
      if (message.id === record.originalMessageId) {
        message.flags &= ~MessageFlag.Loading;
        record.originalEdits += 1;
      }
      return { json: message.toJSON() };
    },
    { public: true },
  );

  api.add(
    'DELETE',
    '/webhooks/:app/:token/messages/:message',
    (ctx) => {
      messageOf(recordOf(ctx), ctx.params.message ?? '').deleted = true;
      return { status: 204 };
    },
    { public: true },
  );
}
