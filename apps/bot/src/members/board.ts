/** A server's group board: every member who joined it, with their plan evaluated. */
import type { IsoDate } from '@cec/rules';
import type { BoardRow } from '../render/board.js';
import type { Store } from '../store/index.js';
import { personOf } from './person.js';
import { evaluateMember, type MemberPlans } from './plan.js';

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
      evaluation: evaluateMember(plan),
    });
  }
  return rows;
}

/**
 * Takes off the board whoever Discord says has left the server: the fallback for leaves the bot
 * did not see (no Server Members intent, HTTP interactions, or while it was offline). When
 * Discord cannot answer for someone, they stay.
 */
export async function dropDeparted(
  store: Store,
  isServerMember: (guildId: string, userId: string) => Promise<boolean>,
  guildId: string,
): Promise<void> {
  const members = await store.groups.members(guildId);
  const present = await Promise.all(
    members.map((m) => isServerMember(guildId, m.userId).catch(() => true)),
  );
  for (const [i, member] of members.entries()) {
    if (!present[i]) await store.groups.leave(guildId, member.userId);
  }
}
