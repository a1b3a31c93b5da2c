/**
 * @cec/discord-fake — a local fake Discord (REST + gateway on 127.0.0.1) that the real
 * discord.js client logs in to, for end-to-end bot tests without a network.
 */
export {
  type AttachmentInput,
  FakeDiscordError,
  OptionType,
  type OptionValue,
  type StoredCommand,
} from './commands.js';
export {
  type AutocompleteInvocation,
  type CommandInvocation,
  type ComponentInvocation,
  type ContextMenuInvocation,
  FakeDiscord,
  type FakeDiscordOptions,
  FakeUsers,
  type FaultSpec,
  type InteractionContextOptions,
  type MessageFilter,
  type MessageRef,
  type ModalInvocation,
  type RawInteraction,
  type SelectInvocation,
  startFakeDiscord,
  type UnknownRoute,
  type UserMessageOptions,
  type WaitOptions,
} from './fake-discord.js';
export type { DispatchPayload, GatewayEvent, GatewaySession } from './gateway.js';
export type { RecordedRequest } from './http.js';
export {
  type AutocompleteChoice,
  CallbackType,
  type InteractionCallback,
  type InteractionRecord,
  InteractionReply,
  InteractionType,
} from './interactions.js';
export {
  FakeMessage,
  flattenText,
  type InteractionMetadata,
  MessageFlag,
  type MessageRevision,
  type MessageSource,
  type RecordedFile,
} from './message.js';
export { ALL_PERMISSIONS, Permission } from './permissions.js';
export type {
  FakeChannel,
  FakeChannelInit,
  FakeGuild,
  FakeGuildInit,
  FakeMember,
  FakeMemberInit,
  FakeRole,
  FakeRoleInit,
  FakeUser,
  FakeUserInit,
  UserRef,
} from './state.js';
export type { JsonObject } from './util.js';
