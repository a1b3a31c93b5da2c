/** Replies to `/group join`, `leave`, `setup`, `settings` and `remove`, and the setup's test post. */
import type { GroupSettings } from '../store/index.js';
import { plain } from './format.js';
import { COLORS, type Reply } from './payload.js';

/** A channel permission the bot needs to post a group's messages there, by its name in Discord. */
export type PostingPermission = 'View Channel' | 'Send Messages' | 'Embed Links';

export function renderJoined(isNew: boolean, channelId: string | null): Reply {
  const where = channelId
    ? `Reminders before your deadline go to <#${channelId}> and, if your privacy settings allow it, to your DMs.`
    : 'A moderator has not chosen a reminder channel yet (`/group setup`).';
  return {
    ephemeral: true,
    content: `${isNew ? 'You joined' : 'You are already on'} the group board in this server. Members here can see your progress on \`/group board\` and with \`/progress member:\`. ${where} \`/group leave\` takes you off.`,
  };
}

export function renderLeft(wasMember: boolean): Reply {
  return {
    ephemeral: true,
    content: wasMember
      ? 'You left the group board in this server: your progress is private again and reminders are no longer posted here. DM reminders go on as `/remind` says (`/remind where:none` stops them). Your records are kept (`/privacy delete` removes them).'
      : 'You were not on the group board in this server.',
  };
}

function daysText(days: readonly number[]): string {
  return `${days.join(', ')} day${days.length === 1 && days[0] === 1 ? '' : 's'}`;
}

export function renderSetup(channelId: string, days: readonly number[]): Reply {
  return {
    ephemeral: true,
    content: `Group channel set to <#${channelId}>, and a test message is posted there. Members who \`/group join\` get reminders there ${daysText(days)} before their expiration and when they enter the grace period, and the board is posted weekly. \`/group settings\` shows or changes this.`,
  };
}

/**
 * Posted in the chosen channel by `/group setup`: proof the bot can post there. Embeds alone, so
 * a channel without Embed Links fails now rather than at the first reminder.
 */
export function renderTestPost(): Reply {
  return {
    ephemeral: false,
    embeds: [
      {
        title: 'CEC study group',
        description:
          'Reminders and the weekly post for this study group will appear here. `/group join` puts you on the board.',
        color: COLORS.info,
      },
    ],
  };
}

/** Why a channel was refused: what the bot lacks there and how a moderator gives it. */
export function cannotPostMessage(
  channelId: string,
  missing: readonly PostingPermission[],
  exact: boolean,
): string {
  const named = missing.map((p) => `**${p}**`).join(exact ? ' and ' : ' or ');
  return `I cannot post in <#${channelId}>, so nothing was changed: I am missing ${named} there. Fix: in that channel's settings, Permissions, allow View Channel, Send Messages and Embed Links for the bot (or its role), then run the command again.`;
}

function weeklyText(on: boolean): string {
  return on
    ? 'on (Mondays: what the group logged that week and who is due within 90 days)'
    : 'paused';
}

export function renderSettings(settings: GroupSettings, members: number): Reply {
  return {
    ephemeral: true,
    content: [
      '**Study group settings**',
      `Channel: <#${settings.channelId}>`,
      `Reminders: ${daysText(settings.reminderDays)} before a member's expiration, and when the grace period starts`,
      `Weekly digest: ${weeklyText(settings.weeklyPost)}`,
      `On the board: ${members} member${members === 1 ? '' : 's'}`,
      'Change them with `/group settings channel:`, `reminder-days:` or `weekly-digest:`; `/group remove member:` takes someone off the board.',
    ].join('\n'),
  };
}

export function renderSettingsChanged(
  channelId: string,
  days: readonly number[],
  moved: boolean,
  weeklyPost: boolean,
): Reply {
  return {
    ephemeral: true,
    content: `Saved. Channel: <#${channelId}>${moved ? ' (a test message is posted there)' : ''}. Reminders: ${daysText(days)} before a member's expiration. Weekly digest: ${weeklyPost ? 'on' : 'paused'}.`,
  };
}

/** Names the member without a mention: the moderator is told, the member is not pinged. */
export function renderRemoved(name: string, wasMember: boolean): Reply {
  return {
    ephemeral: true,
    content: wasMember
      ? `**${plain(name)}** is off the board in this server. Their certifications and entries stay theirs; they can \`/group join\` again.`
      : `**${plain(name)}** is not on the board in this server.`,
  };
}
