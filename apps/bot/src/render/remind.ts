/** `/remind`: the member's reminder choice, in words, with what it means in this server. */
import type { MemberReminders } from '../store/index.js';
import { COLORS, type Reply } from './payload.js';

export interface ReminderSetting {
  choice: MemberReminders;
  /** The member just changed it. */
  saved: boolean;
  defaultDays: readonly number[];
  graceEndDays: readonly number[];
  hasCertification: boolean;
  /** The last DM reminder could not be delivered. */
  lastDmFailed: boolean;
  /** Null in a DM with the bot. */
  server: { onBoard: boolean; channelId: string | null; serverDays: number[] | null } | null;
}

function daysList(days: readonly number[]): string {
  const words = days.map(String);
  const last = words.pop();
  const list = words.length > 0 ? `${words.join(', ')} and ${last}` : (last ?? '');
  return `${list} day${days.length === 1 && days[0] === 1 ? '' : 's'}`;
}

function whereText({ channel, dm }: MemberReminders): string {
  if (channel && dm)
    return 'by DM, and in the group channel of each server where you joined the board';
  if (dm) return 'by DM only';
  if (channel) return 'in the group channel of each server where you joined the board, not by DM';
  return 'nowhere: you get no reminders';
}

function whenText(setting: ReminderSetting): string {
  const { choice, defaultDays, server } = setting;
  if (choice.days) return `${daysList(choice.days)} before an expiration (your days, everywhere)`;
  const parts: string[] = [];
  if (choice.dm) parts.push(`${daysList(defaultDays)} before an expiration by DM (the default)`);
  if (choice.channel) {
    parts.push(
      server?.serverDays && server.onBoard
        ? `in this server’s channel, its own days: ${daysList(server.serverDays)}`
        : 'in a group channel, that server’s own days',
    );
  }
  return parts.join('; ');
}

/** What the choice means here: the board, the channel, DMs that did not arrive. */
function notes(setting: ReminderSetting): string[] {
  const { choice, server } = setting;
  const out: string[] = [];
  if (!setting.hasCertification) {
    out.push(
      'You have no certification registered yet, so there is nothing to remind you of: `/cert add` first.',
    );
  }
  if (choice.channel && server) {
    if (!server.onBoard)
      out.push(
        'You are not on this server’s board, so nothing is posted for you here (`/group join`).',
      );
    else if (server.channelId)
      out.push(`Here they go to <#${server.channelId}>, mentioning only you.`);
    else
      out.push('A moderator has not set up this server’s reminder channel yet (`/group setup`).');
  }
  if (choice.dm && setting.lastDmFailed) {
    out.push(
      'Your last DM reminder could not be delivered: check that your privacy settings allow DMs from this server’s members.',
    );
  }
  return out;
}

export function renderReminderSetting(setting: ReminderSetting): Reply {
  const { choice } = setting;
  const off = !choice.channel && !choice.dm;
  const lines = [
    `**Where:** ${whereText(choice)}.`,
    ...(off
      ? []
      : [
          `**When:** ${whenText(setting)}.`,
          `**Also:** when a certification enters its grace period, and ${daysList(setting.graceEndDays)} before the grace period ends.`,
        ]),
    ...notes(setting),
    '',
    'Change it: `/remind where:dm` · `/remind where:both days:60,14` · `/remind days:default` · `/remind where:none`.',
  ];
  return {
    ephemeral: true,
    embeds: [
      {
        title: setting.saved ? 'Saved: your reminders' : 'Your reminders',
        color: off ? COLORS.warn : COLORS.info,
        description: lines.join('\n'),
      },
    ],
  };
}
