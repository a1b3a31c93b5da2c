/**
 * `/remind`: where a member's reminders go (group channels, DM, both or
 * neither) and how many days before an expiration. The choice belongs to the
 * member, for every server; with no options it shows the current one.
 */
import { SlashCommandBuilder } from 'discord.js';
import { GRACE_END_DAYS } from '../reminders/due.js';
import type { Reply } from '../render/payload.js';
import { type ReminderSetting, renderReminderSetting } from '../render/remind.js';
import { DEFAULT_REMINDER_DAYS, type ReminderChoice } from '../store/index.js';
import { optionalText, pick } from './options.js';
import { parseReminderDays } from './reminder-days.js';
import { type Command, type CommandContext, type CommandInput, MemberError } from './types.js';

/** Each `where:` choice and what it turns on. */
const WHERE = {
  both: { channel: true, dm: true },
  channel: { channel: true, dm: false },
  dm: { channel: false, dm: true },
  none: { channel: false, dm: false },
} as const;

/** `days:default` goes back to the default days (a server's own in its channel). */
const DEFAULT_DAYS_WORD = 'default';

export const data = new SlashCommandBuilder()
  .setName('remind')
  .setDescription('Where your reminders go and when (private); no options shows your choice')
  .addStringOption((o) =>
    o
      .setName('where')
      .setDescription('Group channels where you joined the board, DMs, both, or neither')
      .addChoices(
        { name: 'Group channel and DM', value: 'both' },
        { name: 'Group channel only', value: 'channel' },
        { name: 'DM only', value: 'dm' },
        { name: 'Neither: no reminders', value: 'none' },
      ),
  )
  .addStringOption((o) =>
    o
      .setName('days')
      .setDescription(
        `Days before expiration, comma-separated, like ${DEFAULT_REMINDER_DAYS.join(',')}; or "${DEFAULT_DAYS_WORD}"`,
      )
      .setMaxLength(60),
  );

function whereFrom(input: CommandInput): Pick<ReminderChoice, 'channel' | 'dm'> | null {
  const typed = optionalText(input, 'where');
  if (typed === null) return null;
  const where = pick(WHERE, typed.trim().toLowerCase());
  if (!where) {
    throw new MemberError(
      `\`where:\` is one of ${Object.keys(WHERE)
        .map((w) => `\`${w}\``)
        .join(', ')}; "${typed.slice(0, 20)}" is not.`,
    );
  }
  return where;
}

/** Undefined: not given; null: back to the default days. */
function daysFrom(input: CommandInput): number[] | null | undefined {
  const typed = optionalText(input, 'days');
  if (typed === null) return undefined;
  if (typed.trim().toLowerCase() === DEFAULT_DAYS_WORD) return null;
  return parseReminderDays(typed, 'days');
}

async function settingOf(
  input: CommandInput,
  context: CommandContext,
  saved: boolean,
): Promise<ReminderSetting> {
  const userId = input.user.id;
  const [choice, certifications, history, here] = await Promise.all([
    context.store.memberReminders.of(userId),
    context.store.certifications.list(userId),
    context.store.reminderLog.ofUser(userId),
    input.guildId === null
      ? null
      : Promise.all([
          context.store.groups.isMember(input.guildId, userId),
          context.store.groups.settings(input.guildId),
        ]),
  ]);
  const lastDm = history.filter((r) => r.target.startsWith('dm:') && r.state !== 'pending').at(-1);
  return {
    choice,
    saved,
    defaultDays: DEFAULT_REMINDER_DAYS,
    graceEndDays: GRACE_END_DAYS,
    hasCertification: certifications.length > 0,
    lastDmFailed: lastDm?.state === 'failed',
    server: here && {
      onBoard: here[0],
      channelId: here[1]?.channelId ?? null,
      serverDays: here[1]?.reminderDays ?? null,
    },
  };
}

async function execute(input: CommandInput, context: CommandContext): Promise<Reply> {
  const where = whereFrom(input);
  const days = daysFrom(input);
  if (where === null && days === undefined) {
    return renderReminderSetting(await settingOf(input, context, false));
  }
  const current = await context.store.memberReminders.of(input.user.id);
  await context.store.memberReminders.choose(input.user.id, {
    channel: where?.channel ?? current.channel,
    dm: where?.dm ?? current.dm,
    days: days === undefined ? current.days : days,
  });
  return renderReminderSetting(await settingOf(input, context, true));
}

export const remind: Command = {
  data,
  ephemeral: () => true,
  defers: () => false,
  execute,
};
