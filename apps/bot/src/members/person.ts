import type { GroupMember } from '../store/index.js';

/** A person as the bot names them: a Discord user id and the name shown for it. */
export interface Person {
  id: string;
  name: string;
}

/** A member of a server's board, by the name they joined it with. */
export function personOf(member: GroupMember): Person {
  return { id: member.userId, name: member.displayName };
}
