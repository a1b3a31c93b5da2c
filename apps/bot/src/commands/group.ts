/**
 * `/group`: the server's study-group board. Joining shares a member's
 * progress with this server and turns on reminders; moderators choose the
 * channel. Group data belongs to the server.
 */
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { boardRows } from '../members/board.js';
import { renderBoard } from '../render/board.js';
import { renderJoined, renderLeft, renderSetup } from '../render/group.js';
import type { Reply } from '../render/payload.js';
import { DEFAULT_REMINDER_DAYS } from '../store/index.js';
import { optionalText, pick, requiredText } from './options.js';
import { parseReminderDays } from './reminder-days.js';
import { type Command, type CommandContext, type CommandInput, MemberError } from './types.js';

export const data = new SlashCommandBuilder()
  .setName('group')
  .setDescription('The study-group board and reminders in this server')
  // A board belongs to a server: the command is not offered in DMs.
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('join')
      .setDescription('Share your progress on this server’s board and get reminders'),
  )
  .addSubcommand((s) =>
    s.setName('leave').setDescription('Leave the board: your progress is private again'),
  )
  .addSubcommand((s) =>
    s.setName('board').setDescription('Everyone on the board, most urgent deadline first'),
  )
  .addSubcommand((s) =>
    s
      .setName('setup')
      .setDescription('Moderators (Manage Server): where reminders and the weekly board go')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('The group channel')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((o) =>
        o
          .setName('reminder-days')
          .setDescription(
            `Days before expiration, comma-separated (default ${DEFAULT_REMINDER_DAYS.join(',')})`,
          )
          .setMaxLength(60),
      ),
  );

function guildOf(input: CommandInput): string {
  if (input.guildId === null) {
    throw new MemberError('`/group` works in a server: a group board belongs to a server.');
  }
  return input.guildId;
}

async function join(input: CommandInput, context: CommandContext): Promise<Reply> {
  const guildId = guildOf(input);
  const isNew = await context.store.groups.join(guildId, input.user.id, input.user.name);
  const settings = await context.store.groups.settings(guildId);
  return renderJoined(isNew, settings?.channelId ?? null);
}

async function leave(input: CommandInput, context: CommandContext): Promise<Reply> {
  return renderLeft(await context.store.groups.leave(guildOf(input), input.user.id));
}

async function board(input: CommandInput, context: CommandContext): Promise<Reply> {
  const rows = await boardRows(context, guildOf(input), context.today());
  return renderBoard(rows, true);
}

async function setup(input: CommandInput, context: CommandContext): Promise<Reply> {
  const guildId = guildOf(input);
  // Discord hides nothing per subcommand, so the permission is checked here for every call.
  if (!input.canManageServer) {
    throw new MemberError('Only members with the Manage Server permission can set up the group.');
  }
  const channelId = requiredText(input, 'channel', '#cec');
  const typed = optionalText(input, 'reminder-days');
  const days = typed === null ? [...DEFAULT_REMINDER_DAYS] : parseReminderDays(typed);
  await context.store.groups.configure(guildId, channelId, days);
  return renderSetup(channelId, days);
}

const SUBCOMMANDS = { join, leave, board, setup } as const;

export const group: Command = {
  data,
  ephemeral: () => true,
  // The board evaluates every member who joined: defer so a big server never misses the 3 s window.
  defers: (input) => input.subcommand === 'board',
  async execute(input, context) {
    const run = pick(SUBCOMMANDS, input.subcommand);
    if (!run) throw new MemberError('`/group` needs one of: join, leave, board, setup.');
    return run(input, context);
  },
};

/** Manage Server, as Discord's permission bit: what `/group setup` requires. */
export const SETUP_PERMISSION = PermissionFlagsBits.ManageGuild;
