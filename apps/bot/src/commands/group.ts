/**
 * `/group`: the server's study-group board. Joining shares a member's
 * progress with this server and turns on reminders; moderators (Manage
 * Server) choose the channel, which the bot must be able to post in, see and
 * change the settings, and take members off the board. Group data belongs to
 * the server.
 */
import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandChannelOption,
  type SlashCommandStringOption,
} from 'discord.js';
import { boardRows, dropDeparted } from '../members/board.js';
import { renderBoard } from '../render/board.js';
import {
  cannotPostMessage,
  renderJoined,
  renderLeft,
  renderRemoved,
  renderSettings,
  renderSettingsChanged,
  renderSetup,
  renderTestPost,
} from '../render/group.js';
import type { Reply } from '../render/payload.js';
import { DEFAULT_REMINDER_DAYS } from '../store/index.js';
import { optionalBoolean, optionalPerson, optionalText, pick, requiredText } from './options.js';
import { parseReminderDays } from './reminder-days.js';
import { type Command, type CommandContext, type CommandInput, MemberError } from './types.js';

function channelOption(o: SlashCommandChannelOption): SlashCommandChannelOption {
  return o
    .setName('channel')
    .setDescription('The group channel (the bot needs View Channel, Send Messages, Embed Links)')
    .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement);
}

function reminderDaysOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName('reminder-days')
    .setDescription(
      `Days before expiration, comma-separated (default ${DEFAULT_REMINDER_DAYS.join(',')})`,
    )
    .setMaxLength(60);
}

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
      .addChannelOption((o) => channelOption(o).setRequired(true))
      .addStringOption(reminderDaysOption),
  )
  .addSubcommand((s) =>
    s
      .setName('settings')
      .setDescription('Moderators (Manage Server): see the group settings, or change them')
      .addChannelOption(channelOption)
      .addStringOption(reminderDaysOption)
      .addBooleanOption((o) =>
        o
          .setName('weekly-digest')
          .setDescription('Post the weekly digest in the group channel (False pauses it)'),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription(
        'Moderators (Manage Server): take a member off the board (their records stay)',
      )
      .addUserOption((o) =>
        o.setName('member').setDescription('Who comes off the board').setRequired(true),
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
  const guildId = guildOf(input);
  await dropDeparted(context.store, context.discord.isServerMember, guildId);
  const rows = await boardRows(context, guildId, context.today());
  return renderBoard(rows, true);
}

/** The server for a moderator's subcommand. Discord hides nothing per subcommand: checked on every call. */
function moderatedGuild(input: CommandInput): string {
  const guildId = guildOf(input);
  if (!input.canManageServer) {
    throw new MemberError(
      `Only members with the Manage Server permission can use \`/group ${input.subcommand ?? 'setup'}\`.`,
    );
  }
  return guildId;
}

/** A channel is saved only once the bot has posted its test message there. */
async function provePosting(context: CommandContext, channelId: string): Promise<void> {
  const outcome = await context.discord.post(channelId, renderTestPost());
  if (!outcome.posted) {
    throw new MemberError(cannotPostMessage(channelId, outcome.missing, outcome.exact));
  }
}

function reminderDaysOf(input: CommandInput): number[] | null {
  const typed = optionalText(input, 'reminder-days');
  return typed === null ? null : parseReminderDays(typed);
}

async function setup(input: CommandInput, context: CommandContext): Promise<Reply> {
  const guildId = moderatedGuild(input);
  const channelId = requiredText(input, 'channel', '#cec');
  const days = reminderDaysOf(input) ?? [...DEFAULT_REMINDER_DAYS];
  await provePosting(context, channelId);
  await context.store.groups.configure(guildId, channelId, days);
  return renderSetup(channelId, days);
}

async function settings(input: CommandInput, context: CommandContext): Promise<Reply> {
  const guildId = moderatedGuild(input);
  const current = await context.store.groups.settings(guildId);
  const channel = optionalText(input, 'channel');
  const days = reminderDaysOf(input);
  const weekly = optionalBoolean(input, 'weekly-digest');
  if (channel === null && days === null && weekly === null) {
    if (!current) {
      throw new MemberError(
        'This server has no study group channel yet: `/group setup channel:` chooses one.',
      );
    }
    return renderSettings(current, (await context.store.groups.members(guildId)).length);
  }
  const channelId = channel ?? current?.channelId;
  if (channelId === undefined) {
    throw new MemberError(
      'This server has no study group channel yet: give `channel:` too (or use `/group setup`).',
    );
  }
  const moved = channelId !== current?.channelId;
  if (moved) await provePosting(context, channelId);
  const reminderDays = days ?? current?.reminderDays ?? [...DEFAULT_REMINDER_DAYS];
  await context.store.groups.configure(guildId, channelId, reminderDays);
  if (weekly !== null) await context.store.groups.setWeeklyPost(guildId, weekly);
  return renderSettingsChanged(
    channelId,
    reminderDays,
    moved,
    weekly ?? current?.weeklyPost ?? true,
  );
}

async function remove(input: CommandInput, context: CommandContext): Promise<Reply> {
  const guildId = moderatedGuild(input);
  const person = optionalPerson(input, 'member');
  if (!person) throw new MemberError('`/group remove` needs `member:`, the person to take off.');
  const onBoard = (await context.store.groups.members(guildId)).find((m) => m.userId === person.id);
  const wasMember = await context.store.groups.leave(guildId, person.id);
  return renderRemoved(onBoard?.displayName ?? person.name, wasMember);
}

const SUBCOMMANDS = { join, leave, board, setup, settings, remove } as const;

/** The board evaluates every member; a moderator's setup and settings post in a channel first. */
function slow(input: CommandInput): boolean {
  if (input.subcommand === 'board') return true;
  return input.canManageServer && (input.subcommand === 'setup' || input.subcommand === 'settings');
}

export const group: Command = {
  data,
  ephemeral: () => true,
  // Deferred at once so a big server or a slow post never misses the 3 s window.
  defers: slow,
  async execute(input, context) {
    const run = pick(SUBCOMMANDS, input.subcommand);
    if (!run) {
      throw new MemberError('`/group` needs one of: join, leave, board, setup, settings, remove.');
    }
    return run(input, context);
  },
};

/** Manage Server, as Discord's permission bit: what `/group setup` requires. */
export const SETUP_PERMISSION = PermissionFlagsBits.ManageGuild;
