/**
 * @cec/discord-fake — a local fake Discord (REST + gateway on 127.0.0.1) that the real
 * discord.js client logs in to, for end-to-end bot tests without a network.
 */
export { type AttachmentFetch, type FakeUpload, upload } from './attachments.js';
export { type FakeOverwrite, setPermissionOverwrite } from './channel-permissions.js';
export { OptionType, type StoredCommand } from './commands.js';
export { FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './fake-discord.js';
export type { FaultSpec } from './faults.js';
export type {
  Comeback,
  ComebackOptions,
  DispatchPayload,
  GatewayEvent,
  GatewaySession,
} from './gateway.js';
export type { HttpDeliveryRecord, SignedRequest, Tamper } from './http-delivery.js';
export type {
  AutocompleteInvocation,
  CommandInvocation,
  ComponentInvocation,
  InteractionContextOptions,
  MessageRef,
  ModalSubmission,
} from './interact.js';
export {
  type AutocompleteChoice,
  CallbackType,
  type InteractionCallback,
  type InteractionRecord,
  InteractionReply,
  InteractionType,
} from './interactions.js';
export { FakeMessage, flattenText, MessageFlag, type RecordedFile } from './messages.js';
export { checkModal, type ModalInput, modalInputs } from './modals.js';
export type { OptionValue } from './options.js';
export { ALL_PERMISSIONS, Permission } from './permissions.js';
export type { RecordedRequest, UnknownRoute } from './server.js';
export { PrivilegedIntent, type ServerMembers } from './server-members.js';
export type {
  FakeChannel,
  FakeChannelInit,
  FakeGuild,
  FakeGuildInit,
  FakeMember,
  FakeRole,
  FakeUser,
  UserRef,
} from './state.js';
export { FakeDiscordError, type JsonObject, type WaitOptions } from './util.js';
