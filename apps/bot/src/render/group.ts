/** Replies to `/group join`, `leave` and `setup`. */
import type { Reply } from './payload.js';

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
      ? 'You left the group board in this server: your progress is private again and reminders stop here. Your records are kept (`/privacy delete` removes them).'
      : 'You were not on the group board in this server.',
  };
}

export function renderSetup(channelId: string, days: readonly number[]): Reply {
  return {
    ephemeral: true,
    content: `Group channel set to <#${channelId}>. Members who \`/group join\` get reminders there ${days.join(', ')} day${days.length === 1 && days[0] === 1 ? '' : 's'} before their expiration and when they enter the grace period, and the board is posted weekly.`,
  };
}
