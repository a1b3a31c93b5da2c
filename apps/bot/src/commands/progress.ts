/**
 * `/progress [member]`: the member's own progress, or another member's when
 * that member joined the group board in this server.
 */
import { SlashCommandBuilder } from 'discord.js';
import { confirmedPlan, evaluateMember } from '../members/plan.js';
import { awaitingEntries, CONFIRM_PREFIX } from '../render/confirm.js';
import { calculatorUrl } from '../render/format.js';
import type { Reply } from '../render/payload.js';
import { renderProgress } from '../render/progress.js';
import { optionalPerson } from './options.js';
import { pressPlanned } from './planned.js';
import { type Command, type CommandContext, type CommandInput, MemberError } from './types.js';

export const data = new SlashCommandBuilder()
  .setName('progress')
  .setDescription('Your progress toward renewal, or a group member’s (private reply)')
  .addUserOption((o) =>
    o.setName('member').setDescription('A member who joined the group board in this server'),
  );

async function execute(input: CommandInput, context: CommandContext): Promise<Reply> {
  const other = optionalPerson(input, 'member');
  const target = other && other.id !== input.user.id ? other : null;
  if (target) {
    // Same answer whether or not the member has records: only joining the board shares them.
    const shared =
      input.guildId !== null && (await context.store.groups.isMember(input.guildId, target.id));
    if (!shared) {
      throw new MemberError(
        input.guildId === null
          ? 'Another member’s progress can only be seen in a server, when they joined its group board.'
          : 'That member has not joined the group board in this server, so their progress is private.',
      );
    }
  }
  const userId = target?.id ?? input.user.id;
  const member = await context.members.load(userId, context.today());
  const evaluation = evaluateMember(member);
  return renderProgress({
    of: target,
    evaluation,
    link: await calculatorUrl(context.siteUrl, confirmedPlan(member)),
    skipped: target ? [] : member.skipped,
    // Only the owner is asked: another member sees the entries as not counted, with no buttons.
    awaiting: target ? null : { ownerId: userId, entries: awaitingEntries(member, evaluation) },
  });
}

export const progress: Command = {
  data,
  ephemeral: () => true,
  defers: () => false,
  execute,
  // "Did you complete it?" is asked here first (reminders reuse the prompt).
  button: { prefix: CONFIRM_PREFIX, press: pressPlanned },
};
