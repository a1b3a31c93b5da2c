/** `/help`: what the bot does, that it is unofficial, and commands to copy. */
import { SlashCommandBuilder } from 'discord.js';
import { renderHelp } from '../render/help.js';
import type { Command } from './types.js';

export const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('What this unofficial CEC helper does, with examples');

export const help: Command = {
  data,
  ephemeral: () => true,
  defers: () => false,
  execute: async (_input, context) => renderHelp(context.siteUrl),
};
