/**
 * The interaction router: finds the command, runs it, and answers, always.
 * A command that declares itself slow is deferred at once; any other is
 * deferred if it has not finished after `autoDeferMs`, so every interaction
 * is answered or deferred inside Discord's 3-second window. Every error is
 * caught here: logged, answered with a short private apology, never fatal.
 *
 * The same router serves both transports: the gateway (a discord.js
 * Interaction, see `attach`) and the HTTP interactions endpoint (raw JSON,
 * see interactions-endpoint.ts). Each hands it an `Incoming` interaction:
 * the handlers' input and a `Responder` that answers through its transport.
 */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Client,
  Events,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { findCommand } from '../commands/index.js';
import { buttonModal, runAutocomplete, runButton, runCommand, runModal } from '../commands/run.js';
import type {
  AutocompleteInput,
  ButtonInput,
  CommandContext,
  CommandInput,
  ModalInput,
} from '../commands/types.js';
import type { Logger } from '../log.js';
import type { Choice, Modal, Reply } from '../render/payload.js';
import { renderApology, renderProblem } from '../render/problems.js';
import {
  autocompleteInputOf,
  buttonInputOf,
  commandInputOf,
  messageOf,
  modalDataOf,
  modalInputOf,
  replyOptionsOf,
} from './adapter.js';

const PRIVATE_ANSWER_SENT: Reply = { ephemeral: false, content: 'Answered privately.' };

/** How an interaction is answered, whatever carried it. */
export interface Responder {
  /** The first answer: a message (ephemeral when the reply says so). */
  reply(reply: Reply): Promise<void>;
  /** The first answer: "thinking…", private or public; the message comes by `editReply`. */
  defer(ephemeral: boolean): Promise<void>;
  editReply(reply: Reply): Promise<void>;
  followUp(reply: Reply): Promise<void>;
  deleteReply(): Promise<void>;
  /** The first answer to a button press: replace the message that held the button. */
  update(reply: Reply): Promise<void>;
  /** The first answer to a button press: open a modal (a form over the chat). */
  modal(modal: Modal): Promise<void>;
  /** The answer to an autocomplete request. */
  choices(choices: Choice[]): Promise<void>;
  /** What has been sent so far (for the last-resort apology). */
  answered(): 'no' | 'deferred' | 'replied';
}

export type Incoming =
  | { kind: 'command'; label: string; input: CommandInput; respond: Responder }
  | { kind: 'autocomplete'; label: string; input: AutocompleteInput; respond: Responder }
  | { kind: 'button'; label: string; input: ButtonInput; respond: Responder }
  | { kind: 'modal'; label: string; input: ModalInput; respond: Responder };

export interface RouterOptions {
  context: CommandContext;
  log: Logger;
  /** Defer a command still running after this long (ms); Discord allows 3000. */
  autoDeferMs?: number;
}

export type Router = ReturnType<typeof createRouter>;

/** Past this many remembered names the memory starts over (a name is then stored once again). */
const MAX_STORED_NAMES = 50_000;

/** "/log cpr (interaction 123)", for logs. */
export function commandLabel(command: string, subcommand: string | null, id: string): string {
  return `/${command}${subcommand ? ` ${subcommand}` : ''} (interaction ${id})`;
}

export function buttonLabel(customId: string, id: string): string {
  return `button ${customId.split(':')[0]} (${id})`;
}

export function modalLabel(customId: string, id: string): string {
  return `modal ${customId.split(':')[0]} (${id})`;
}

export function createRouter(options: RouterOptions) {
  const { context, log } = options;
  const autoDeferMs = options.autoDeferMs ?? 2000;
  /** The name last stored per server and member (see rememberName). */
  const storedNames = new Map<string, string>();

  async function answerCommand(label: string, input: CommandInput, respond: Responder) {
    const command = findCommand(input.command);
    if (!command) {
      await respond.reply(
        renderProblem(
          'This command is not part of the bot any more: `/help` lists the current ones.',
        ),
      );
      return;
    }
    const ephemeral = command.ephemeral(input);
    let deferral: Promise<unknown> | null = null;
    let timer: NodeJS.Timeout | null = null;
    if (command.defers(input)) {
      deferral = respond.defer(ephemeral);
    } else {
      timer = setTimeout(() => {
        log.warn(`${label} is slow: deferring`);
        deferral = respond.defer(ephemeral);
      }, autoDeferMs);
    }

    let reply: Reply;
    try {
      reply = await runCommand(command, input, context);
    } catch (error) {
      log.error(`${label} failed`, error);
      reply = renderApology();
    } finally {
      if (timer) clearTimeout(timer);
    }

    if (deferral === null) {
      await respond.reply(reply);
      return;
    }
    await deferral;
    if (reply.ephemeral && !ephemeral) {
      // A public deferral cannot become private, and the first follow-up after a deferral
      // becomes that public message. So: settle the public message, answer privately in a
      // second message, then remove the public one.
      await respond.editReply(PRIVATE_ANSWER_SENT);
      await respond.followUp(reply);
      await respond.deleteReply().catch(() => undefined);
      return;
    }
    await respond.editReply(reply);
  }

  async function answerAutocomplete(label: string, input: AutocompleteInput, respond: Responder) {
    const command = findCommand(input.command);
    let choices: Choice[] = [];
    if (command) {
      try {
        choices = await runAutocomplete(command, input, context);
      } catch (error) {
        log.error(`${label} autocomplete failed`, error);
      }
    }
    await respond.choices(choices.slice(0, 25));
  }

  async function answerButton(label: string, input: ButtonInput, respond: Responder) {
    let modal: Modal | null = null;
    try {
      modal = buttonModal(input);
    } catch (error) {
      log.error(`${label} failed`, error);
    }
    if (modal) {
      await respond.modal(modal);
      return;
    }
    let outcome: { replace: boolean; reply: Reply };
    try {
      outcome = await runButton(input, context);
    } catch (error) {
      log.error(`${label} failed`, error);
      outcome = { replace: false, reply: renderApology() };
    }
    if (outcome.replace) await respond.update(outcome.reply);
    else await respond.reply(outcome.reply);
  }

  async function answerModal(label: string, input: ModalInput, respond: Responder) {
    let reply: Reply;
    try {
      reply = await runModal(input, context);
    } catch (error) {
      log.error(`${label} failed`, error);
      reply = renderApology();
    }
    await respond.reply(reply);
  }

  /**
   * Boards show the name a member has now: every command in a server carries it. Stored after
   * the answer is sent, so the member never waits for it; a failure only delays the new name.
   */
  async function rememberName(label: string, input: CommandInput) {
    if (input.guildId === null) return;
    const key = `${input.guildId}:${input.user.id}`;
    // Stored once per name this process sees, not on every command (each would be a write).
    if (storedNames.get(key) === input.user.name) return;
    try {
      await context.store.groups.rename(input.guildId, input.user.id, input.user.name);
      if (storedNames.size >= MAX_STORED_NAMES) storedNames.clear();
      storedNames.set(key, input.user.name);
    } catch (error) {
      log.warn(`${label}: could not store the member's current name`, error);
    }
  }

  /** Last resort when answering itself failed: try once more with the apology, quietly. */
  async function apologize(incoming: Incoming): Promise<void> {
    if (incoming.kind === 'autocomplete') return;
    const { respond } = incoming;
    try {
      const answered = respond.answered();
      if (answered === 'deferred') await respond.editReply(renderApology());
      else if (answered === 'no') await respond.reply(renderApology());
    } catch (error) {
      log.debug(`could not apologize for ${incoming.label}`, error);
    }
  }

  async function route(incoming: Incoming): Promise<void> {
    try {
      if (incoming.kind === 'command') {
        await answerCommand(incoming.label, incoming.input, incoming.respond);
        await rememberName(incoming.label, incoming.input);
      } else if (incoming.kind === 'autocomplete')
        await answerAutocomplete(incoming.label, incoming.input, incoming.respond);
      else if (incoming.kind === 'modal')
        await answerModal(incoming.label, incoming.input, incoming.respond);
      else await answerButton(incoming.label, incoming.input, incoming.respond);
    } catch (error) {
      log.error(`answering ${incoming.label} failed`, error);
      await apologize(incoming);
    }
  }

  return {
    route,
    /** Listens for interactions and client errors on `client`. */
    attach(client: Client): void {
      client.on(Events.InteractionCreate, (interaction) => {
        const incoming = incomingOf(interaction);
        if (incoming) void route(incoming);
      });
      // Without a listener, an 'error' event (e.g. a failed REST call) would end the process.
      client.on(Events.Error, (error) => log.error('Discord client error', error));
      client.on(Events.ShardError, (error, shardId) =>
        log.error(`gateway connection error (shard ${shardId})`, error),
      );
      client.on(Events.Warn, (message) => log.warn(`discord.js: ${message}`));
    },
  };
}

const refuse = async (): Promise<never> => {
  throw new Error('this interaction cannot be answered that way');
};

/** Autocomplete is answered with choices and nothing else (both transports). */
export function choicesResponder(send: (choices: Choice[]) => Promise<void>): Responder {
  let sent = false;
  return {
    reply: refuse,
    defer: refuse,
    editReply: refuse,
    followUp: refuse,
    deleteReply: refuse,
    update: refuse,
    modal: refuse,
    choices: async (choices) => {
      await send(choices);
      sent = true;
    },
    answered: () => (sent ? 'replied' : 'no'),
  };
}

/** Answers through discord.js's interaction methods (the gateway transport). */
function gatewayResponder(interaction: RepliableInteraction): Responder {
  return {
    reply: async (reply) => {
      await interaction.reply(replyOptionsOf(reply));
    },
    defer: async (ephemeral) => {
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    editReply: async (reply) => {
      await interaction.editReply(messageOf(reply));
    },
    followUp: async (reply) => {
      await interaction.followUp(replyOptionsOf(reply));
    },
    deleteReply: async () => {
      await interaction.deleteReply();
    },
    update: async (reply) => {
      if (!interaction.isMessageComponent()) return refuse();
      await interaction.update(messageOf(reply));
    },
    modal: async (modal) => {
      if (!interaction.isButton()) return refuse();
      await interaction.showModal(modalDataOf(modal));
    },
    choices: refuse,
    answered: () => (interaction.replied ? 'replied' : interaction.deferred ? 'deferred' : 'no'),
  };
}

function labelOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): string {
  return commandLabel(
    interaction.commandName,
    interaction.options.getSubcommand(false),
    interaction.id,
  );
}

/** A discord.js interaction as the router sees it; null for kinds the bot does not handle. */
function incomingOf(interaction: Interaction): Incoming | null {
  if (interaction.isChatInputCommand()) {
    return {
      kind: 'command',
      label: labelOf(interaction),
      input: commandInputOf(interaction),
      respond: gatewayResponder(interaction),
    };
  }
  if (interaction.isAutocomplete()) {
    return {
      kind: 'autocomplete',
      label: labelOf(interaction),
      input: autocompleteInputOf(interaction),
      respond: choicesResponder(async (choices) => {
        await interaction.respond(choices);
      }),
    };
  }
  if (interaction.isButton()) {
    return {
      kind: 'button',
      label: buttonLabel(interaction.customId, interaction.id),
      input: buttonInputOf(interaction),
      respond: gatewayResponder(interaction),
    };
  }
  if (interaction.isModalSubmit()) {
    return {
      kind: 'modal',
      label: modalLabel(interaction.customId, interaction.id),
      input: modalInputOf(interaction),
      respond: gatewayResponder(interaction),
    };
  }
  return null;
}
