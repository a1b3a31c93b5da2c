/** Every slash command, in the order /help and registration list them. */
import { cec } from './cec.js';
import { cert } from './cert.js';
import { group } from './group.js';
import { help } from './help.js';
import { log } from './log.js';
import { privacy } from './privacy.js';
import { progress } from './progress.js';
import { remind } from './remind.js';
import type { Command } from './types.js';

export const COMMANDS: readonly Command[] = [
  cec,
  cert,
  log,
  progress,
  group,
  remind,
  privacy,
  help,
];

export function findCommand(name: string): Command | null {
  return COMMANDS.find((c) => c.data.name === name) ?? null;
}

/** The commands as Discord's registration API takes them. */
export function commandDefinitions() {
  return COMMANDS.map((c) => c.data.toJSON());
}

/** The command that sent a button, by the button id's prefix. */
export function findButtonOwner(customId: string): Command | null {
  return COMMANDS.find((c) => c.button && customId.startsWith(`${c.button.prefix}:`)) ?? null;
}
