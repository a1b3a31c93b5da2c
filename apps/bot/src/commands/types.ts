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
import type { Person } from '../members/person.js';
import type { MemberPlans } from '../members/plan.js';
import type { Choice, Reply } from '../render/payload.js';
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
}

/** A press either replaces the message that held the button, or answers separately (e.g. "not yours"). */
export type ButtonOutcome = { replace: boolean; reply: Reply };

export interface CommandContext {
  store: Store;
  /** Members' plans over `store` (see createCommandContext). */
  members: MemberPlans;
  /** Base URL of the calculator site (no trailing slash). */
  siteUrl: string;
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
  /** Custom-id prefix of the buttons this command sends, and what a press does. */
  button?: {
    prefix: string;
    press(input: ButtonInput, context: CommandContext): Promise<ButtonOutcome>;
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
