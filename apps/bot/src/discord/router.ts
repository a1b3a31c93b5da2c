/**
 * The interaction router: finds the command, runs it, and answers, always.
 * A command that declares itself slow is deferred at once; any other is
 * deferred if it has not finished after `autoDeferMs`, so every interaction
 * is answered or deferred inside Discord's 3-second window. Every error is
 * caught here: logged, answered with a short private apology, never fatal.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  Events,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { findCommand } from '../commands/index.js';
import { runAutocomplete, runButton, runCommand } from '../commands/run.js';
import type { CommandContext } from '../commands/types.js';
import type { Logger } from '../log.js';
import type { Reply } from '../render/payload.js';
import { renderApology, renderProblem } from '../render/problems.js';
import {
  autocompleteInputOf,
  buttonInputOf,
  commandInputOf,
  messageOf,
  replyOptionsOf,
} from './adapter.js';

const PRIVATE_ANSWER_SENT: Reply = { ephemeral: false, content: 'Answered privately.' };

export interface RouterOptions {
  context: CommandContext;
  log: Logger;
  /** Defer a command still running after this long (ms); Discord allows 3000. */
  autoDeferMs?: number;
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const sub = interaction.options.getSubcommand(false);
    return `/${interaction.commandName}${sub ? ` ${sub}` : ''} (interaction ${interaction.id})`;
  }
  if (interaction.isButton())
    return `button ${interaction.customId.split(':')[0]} (${interaction.id})`;
  return `interaction ${interaction.id}`;
}

export function createRouter(options: RouterOptions) {
  const { context, log } = options;
  const autoDeferMs = options.autoDeferMs ?? 2000;

  async function answerCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = findCommand(interaction.commandName);
    if (!command) {
      await interaction.reply(
        replyOptionsOf(
          renderProblem(
            'This command is not part of the bot any more: `/help` lists the current ones.',
          ),
        ),
      );
      return;
    }
    const input = commandInputOf(interaction);
    const ephemeral = command.ephemeral(input);
    const deferOptions = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
    let deferral: Promise<unknown> | null = null;
    let timer: NodeJS.Timeout | null = null;
    if (command.defers(input)) {
      deferral = interaction.deferReply(deferOptions);
    } else {
      timer = setTimeout(() => {
        log.warn(`${describe(interaction)} is slow: deferring`);
        deferral = interaction.deferReply(deferOptions);
      }, autoDeferMs);
    }

    let reply: Reply;
    try {
      reply = await runCommand(command, input, context);
    } catch (error) {
      log.error(`${describe(interaction)} failed`, error);
      reply = renderApology();
    } finally {
      if (timer) clearTimeout(timer);
    }

    if (deferral === null) {
      await interaction.reply(replyOptionsOf(reply));
      return;
    }
    await deferral;
    if (reply.ephemeral && !ephemeral) {
      // A public deferral cannot become private, and the first follow-up after a deferral
      // becomes that public message. So: settle the public message, answer privately in a
      // second message, then remove the public one.
      await interaction.editReply(messageOf(PRIVATE_ANSWER_SENT));
      await interaction.followUp(replyOptionsOf(reply));
      await interaction.deleteReply().catch(() => undefined);
      return;
    }
    await interaction.editReply(messageOf(reply));
  }

  async function answerAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = findCommand(interaction.commandName);
    let choices: { name: string; value: string }[] = [];
    if (command) {
      try {
        choices = await runAutocomplete(command, autocompleteInputOf(interaction), context);
      } catch (error) {
        log.error(`${describe(interaction)} autocomplete failed`, error);
      }
    }
    await interaction.respond(choices.slice(0, 25));
  }

  async function answerButton(interaction: ButtonInteraction): Promise<void> {
    let outcome: { replace: boolean; reply: Reply };
    try {
      outcome = await runButton(buttonInputOf(interaction), context);
    } catch (error) {
      log.error(`${describe(interaction)} failed`, error);
      outcome = { replace: false, reply: renderApology() };
    }
    if (outcome.replace) await interaction.update(messageOf(outcome.reply));
    else await interaction.reply(replyOptionsOf(outcome.reply));
  }

  /** Last resort when answering itself failed: try once more with the apology, quietly. */
  async function apologize(interaction: Interaction): Promise<void> {
    if (!interaction.isRepliable()) return;
    const apology = renderApology();
    try {
      if (interaction.deferred && !interaction.replied)
        await interaction.editReply(messageOf(apology));
      else if (!interaction.replied && !interaction.deferred) {
        await interaction.reply(replyOptionsOf(apology));
      }
    } catch (error) {
      log.debug(`could not apologize for ${describe(interaction)}`, error);
    }
  }

  async function route(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await answerCommand(interaction);
      else if (interaction.isAutocomplete()) await answerAutocomplete(interaction);
      else if (interaction.isButton()) await answerButton(interaction);
    } catch (error) {
      log.error(`answering ${describe(interaction)} failed`, error);
      await apologize(interaction);
    }
  }

  return {
    route,
    /** Listens for interactions and client errors on `client`. */
    attach(client: Client): void {
      client.on(Events.InteractionCreate, (interaction) => {
        void route(interaction);
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
