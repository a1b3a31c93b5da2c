/** The context commands run in, made once per bot or console session over its store. */
import { todayIso } from '@cec/rules';
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
}): CommandContext {
  const { store, discord, siteUrl, now, discordApi } = options;
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
    today: () => todayIso(now()),
  };
}
