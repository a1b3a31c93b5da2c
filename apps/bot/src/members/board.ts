/** A server's group board: every member who joined it, with their plan evaluated. */
import { evaluatePlan, type IsoDate } from '@cec/rules';
import type { BoardRow } from '../render/board.js';
import type { Store } from '../store/index.js';
import { personOf } from './person.js';
import type { MemberPlans } from './plan.js';

/** Board rows for every member who joined the server's board, evaluated on `today`. */
export async function boardRows(
  from: { store: Store; members: MemberPlans },
  guildId: string,
  today: IsoDate,
): Promise<BoardRow[]> {
  const rows: BoardRow[] = [];
  for (const member of await from.store.groups.members(guildId)) {
    const plan = await from.members.load(member.userId, today);
    rows.push({
      member: personOf(member),
      evaluation: evaluatePlan(plan.plan),
    });
  }
  return rows;
}
