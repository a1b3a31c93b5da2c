/** The context commands run in, made once per bot or console session over its store. */
import { todayIso } from '@cec/rules';
import { createMemberPlans } from '../members/plan.js';
import type { Store } from '../store/index.js';
import type { CommandContext, DiscordActions } from './types.js';

export function createCommandContext(options: {
  store: Store;
  discord: DiscordActions;
  siteUrl: string;
  now: () => Date;
}): CommandContext {
  const { store, discord, siteUrl, now } = options;
  return {
    store,
    discord,
    members: createMemberPlans(store),
    siteUrl,
    now,
    today: () => todayIso(now()),
  };
}
