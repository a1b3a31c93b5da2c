/** The context commands run in, made once per bot or console session over its store. */
import { todayIn } from '@cec/rules';
import { DEFAULT_TIME_ZONE } from '../config.js';
import { createMemberPlans } from '../members/plan.js';
import type { Store } from '../store/index.js';
import type { CommandContext, DiscordActions } from './types.js';

/** Where Discord serves attachments (a member's upload, a file the bot sent). */
const DISCORD_ATTACHMENT_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

export function createCommandContext(options: {
  store: Store;
  discord: DiscordActions;
  siteUrl: string | null;
  now: () => Date;
  /** DISCORD_API: a Discord-compatible server (the fake in tests) serves its attachments too. */
  discordApi?: string | null;
  /** Whose calendar day "today" is (REMINDER_TIME_ZONE); default UTC, never the host's zone. */
  timeZone?: string;
}): CommandContext {
  const { store, discord, siteUrl, now, discordApi } = options;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    store,
    discord,
    members: createMemberPlans(store),
    siteUrl,
    attachmentOrigins: [
      ...DISCORD_ATTACHMENT_ORIGINS,
      ...(discordApi ? [new URL(discordApi).origin] : []),
    ],
    now,
    timeZone,
    today: () => todayIn(timeZone, now()),
  };
}
