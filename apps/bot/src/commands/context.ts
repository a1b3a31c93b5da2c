/** The context commands run in, made once per bot or console session over its store. */
import { todayIn } from '@cec/rules';
import { DEFAULT_TIME_ZONE } from '../config.js';
import { createMemberPlans } from '../members/plan.js';
import type { Store } from '../store/index.js';
import type { CommandContext } from './types.js';

export function createCommandContext(options: {
  store: Store;
  siteUrl: string;
  now: () => Date;
  /** Whose calendar day "today" is (REMINDER_TIME_ZONE); default UTC, never the host's zone. */
  timeZone?: string;
}): CommandContext {
  const { store, siteUrl, now } = options;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    store,
    members: createMemberPlans(store),
    siteUrl,
    now,
    timeZone,
    today: () => todayIn(timeZone, now()),
  };
}
