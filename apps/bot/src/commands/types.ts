/**
 * What a command handler sees and returns. The Discord router and the local
 * console both build a `CommandInput` and translate the `Reply`, so every
 * command runs the same way in both.
 */

import type { IsoDate } from '@cec/rules';
import type {
  SlashCommandOptionsOnlyBuilder,
  SlashCommandSubcommandsOnlyBuilder,
} from 'discord.js';
import type { AttachmentRef } from '../members/attachment.js';
import type { Person } from '../members/person.js';
import type { MemberPlans } from '../members/plan.js';
import type { PostingPermission } from '../render/group.js';
import type { Choice, EmbedField, Modal, Reply } from '../render/payload.js';
import type { Store } from '../store/index.js';

export type OptionValue = string | number | boolean;

export interface CommandInput {
  /** The top-level command name, e.g. "log". */
  command: string;
  user: Person;
  /** Null in a direct message with the bot. */
  guildId: string | null;
  /** The member holds Manage Server in this server (Discord computes it). */
  canManageServer: boolean;
  subcommand: string | null;
  /** Option values by option name, already typed (numbers, booleans, ids). */
  options: Readonly<Record<string, OptionValue>>;
  /** People named by user options, by id. */
  people: Readonly<Record<string, Person>>;
  /** Files given to attachment options, by option name (absent where none can be: the console). */
  attachments?: Readonly<Record<string, AttachmentRef>>;
}

/** An autocomplete request: what is typed so far in the focused option. */
export interface AutocompleteInput extends CommandInput {
  focused: { name: string; value: string };
}

/** A press on a button the bot sent; `customId` is the button's id. */
export interface ButtonInput {
  user: Person;
  guildId: string | null;
  customId: string;
  /** The embed fields of the message that held the button, as it shows them (absent if unknown). */
  shown?: readonly EmbedField[];
  /** The files on the message that holds the button. */
  attachments?: readonly AttachmentRef[];
}

/** A submitted modal: its custom id and what was typed in each input, by input custom id. */
export interface ModalInput {
  user: Person;
  guildId: string | null;
  customId: string;
  values: Readonly<Record<string, string>>;
}

/** A press either replaces the message that held the button, or answers separately (e.g. "not yours"). */
export type ButtonOutcome = { replace: boolean; reply: Reply };

/**
 * How a post in a server channel went. When Discord refuses, `missing` names what the bot
 * lacks there; `exact` is false when Discord's answer fits more than one (50013 says only
 * "Missing Permissions": Send Messages, or Embed Links for a message of embeds).
 */
export type PostOutcome =
  | { posted: true }
  | { posted: false; missing: readonly PostingPermission[]; exact: boolean };

/** What commands ask of Discord besides answering: each transport (and the console) gives it. */
export interface DiscordActions {
  /** Posts a message in a server channel, as the bot. */
  post(channelId: string, reply: Reply): Promise<PostOutcome>;
  /** False only when Discord says the user is not in the server (Unknown Member). */
  isServerMember(guildId: string, userId: string): Promise<boolean>;
}

export interface CommandContext {
  store: Store;
  discord: DiscordActions;
  /** Members' plans over `store` (see createCommandContext). */
  members: MemberPlans;
  /** Base URL of the calculator site (no trailing slash); null: no calculator links. */
  siteUrl: string | null;
  /** Origins attachment files may be fetched from: Discord's CDN, and DISCORD_API's when set. */
  attachmentOrigins: readonly string[];
  now(): Date;
  /** The IANA zone whose calendar day `today()` is. */
  timeZone: string;
  today(): IsoDate;
}

export type CommandBuilder = SlashCommandSubcommandsOnlyBuilder | SlashCommandOptionsOnlyBuilder;

export interface Command {
  /** The slash command as registered with Discord. */
  data: CommandBuilder;
  /** Whether the reply is private to the member (used when the router must defer before it knows). */
  ephemeral(input: CommandInput): boolean;
  /** Defer at once because the handler may be slow; otherwise the router defers only if it runs long. */
  defers(input: CommandInput): boolean;
  execute(input: CommandInput, context: CommandContext): Promise<Reply>;
  autocomplete?(input: AutocompleteInput, context: CommandContext): Promise<Choice[]>;
  /** Custom-id prefix of the buttons (and modals) this command sends, and what a press does. */
  button?: {
    prefix: string;
    press(input: ButtonInput, context: CommandContext): Promise<ButtonOutcome>;
    /**
     * The modal a press opens instead of `press`, or null. Decided from the custom id (and what
     * the message showed) alone: Discord wants a modal as the first answer, with no waiting.
     */
    opens?(input: ButtonInput): Modal | null;
    /** What submitting one of its modals does. */
    submit?(input: ModalInput, context: CommandContext): Promise<Reply>;
  };
}

/**
 * A failure the member caused (a bad date, a missing option, an entry that is
 * not theirs): answered with its message, privately, and never logged as a bug.
 */
export class MemberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MemberError';
  }
}

/** For single-problem answers: the problems as one sentence. */
export function oneMessage(problems: readonly string[]): MemberError {
  return new MemberError(problems.join(' '));
}
