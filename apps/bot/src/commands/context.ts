/** The context commands run in, made once per bot or console session over its store. */
import { todayIso } from '@cec/rules';
import { createMemberPlans } from '../members/plan.js';
import type { Store } from '../store/index.js';
import type { CommandContext } from './types.js';

export function createCommandContext(options: {
  store: Store;
  siteUrl: string | null;
  now: () => Date;
}): CommandContext {
  const { store, siteUrl, now } = options;
  return { store, members: createMemberPlans(store), siteUrl, now, today: () => todayIso(now()) };
}
