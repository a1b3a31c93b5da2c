/**
 * A console session: runs one line at a time through the same handlers as
 * Discord, as one local member in one local server, and returns the reply as
 * text. Buttons of the last reply can be pressed with `click <number>`; a
 * press that opens a modal shows it, and `fill …` submits it.
 */
import { findCommand } from '../commands/index.js';
import { buttonModal, runButton, runCommand, runModal } from '../commands/run.js';
import type { CommandContext } from '../commands/types.js';
import type { Logger } from '../log.js';
import type { Button, EmbedField, Modal, Reply } from '../render/payload.js';
import { renderApology } from '../render/problems.js';
import { replyToText } from '../render/text.js';
import { fillModal, modalToText } from './modal-form.js';
import { type ConsoleIdentity, parseLine } from './parse-line.js';

/** Stand-in Discord ids for the local member and server. */
export const CONSOLE_IDENTITY: ConsoleIdentity = {
  user: { id: '100000000000000001', name: 'you' },
  guildId: '100000000000000002',
  canManageServer: true,
};

export interface LineResult {
  text: string;
  /** The line could not be read as a command (unknown command, option or value). */
  unreadable: boolean;
}

export const CONSOLE_HELP = [
  'Type a slash command as in Discord, one per line, for example:',
  '  /cec cpr term:2yr',
  '  /cert add credential:personal-trainer expires:03/31/2027',
  '  /log college credits:3 grade:B date:12/10/2025 title:"Intro to anatomy"',
  '  /progress',
  'Quote values with spaces. "click <number>" presses a button of the last reply; "fill …" fills in',
  'the form a button opened; "exit" quits.',
].join('\n');

export function createConsoleSession(
  context: CommandContext,
  log: Logger,
  who: ConsoleIdentity = CONSOLE_IDENTITY,
) {
  let buttons: readonly Button[] = [];
  /** The embed fields of the reply that holds `buttons` (what a press's message shows). */
  let shownFields: readonly EmbedField[] = [];
  let modal: Modal | null = null;

  function show(reply: Reply): string {
    if (reply.buttons !== undefined) {
      buttons = reply.buttons.filter((b) => b.customId);
      shownFields = (reply.embeds ?? []).flatMap((e) => e.fields ?? []);
    }
    return replyToText(reply, context.now());
  }

  async function fill(text: string): Promise<LineResult> {
    if (!modal)
      return { text: 'There is no form to fill in: press "Log this" first.', unreadable: true };
    const filled = fillModal(modal, text);
    if (!filled.ok) return { text: `⚠️ ${filled.error}`, unreadable: true };
    const customId = modal.customId;
    modal = null;
    try {
      const input = { user: who.user, guildId: who.guildId, customId, values: filled.values };
      return { text: show(await runModal(input, context)), unreadable: false };
    } catch (error) {
      log.error(`form ${customId} failed`, error);
      return { text: show(renderApology()), unreadable: false };
    }
  }

  async function click(which: string): Promise<LineResult> {
    const index = Number(which) - 1;
    const button =
      buttons[index] ?? buttons.find((b) => b.label.toLowerCase() === which.toLowerCase());
    if (!button?.customId) {
      return {
        text: buttons.length
          ? `No button "${which}": choose 1–${buttons.length}.`
          : 'There is no button to press.',
        unreadable: true,
      };
    }
    const press = {
      user: who.user,
      guildId: who.guildId,
      customId: button.customId,
      shown: shownFields,
    };
    try {
      const opened = buttonModal(press);
      if (opened) {
        modal = opened;
        return { text: modalToText(opened), unreadable: false };
      }
      const outcome = await runButton(press, context);
      if (outcome.replace) buttons = [];
      return { text: show(outcome.reply), unreadable: false };
    } catch (error) {
      log.error(`button ${button.customId} failed`, error);
      return { text: show(renderApology()), unreadable: false };
    }
  }

  return {
    async run(line: string): Promise<LineResult> {
      const text = line.trim();
      if (text === '' || text.startsWith('#')) return { text: '', unreadable: false };
      if (/^(help|\?)$/i.test(text)) return { text: CONSOLE_HELP, unreadable: false };
      const clicked = /^click\s+(.+)$/i.exec(text);
      if (clicked?.[1]) return click(clicked[1].trim());
      const filled = /^fill(?:\s+(.*))?$/i.exec(text);
      if (filled) return fill(filled[1] ?? '');

      const parsed = parseLine(text, who);
      if (!parsed.ok) return { text: `⚠️ ${parsed.error}`, unreadable: true };
      const command = findCommand(parsed.input.command);
      if (!command)
        return { text: `⚠️ Unknown command "${parsed.input.command}".`, unreadable: true };
      try {
        return { text: show(await runCommand(command, parsed.input, context)), unreadable: false };
      } catch (error) {
        log.error(`${text} failed`, error);
        return { text: show(renderApology()), unreadable: false };
      }
    },
  };
}
