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

/** Reminder days as a moderator types them: "90, 30, 7, 1". */
export function parseReminderDays(text: string): number[] {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) {
    throw new MemberError('`reminder-days:` needs at least one number of days, like `90,30,7,1`.');
  }
  const days = new Set<number>();
  for (const part of parts) {
    if (!/^\d+$/.test(part)) {
      throw new MemberError(
        `\`reminder-days:\` takes whole numbers of days separated by commas, like \`90,30,7,1\`; "${part.slice(0, 20)}" is not one.`,
      );
    }
    const value = Number(part);
    if (value < 1 || value > 365) {
      throw new MemberError(
        `\`reminder-days:\` values must be between 1 and 365 days; ${value} is not.`,
      );
    }
    days.add(value);
  }
  if (days.size > 10) throw new MemberError('`reminder-days:` takes at most 10 values.');
  return [...days].sort((a, b) => b - a);
}

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
