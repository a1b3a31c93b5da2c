/**
 * The answers to "Did you complete it?" (render/confirm.ts), wherever the
 * question was asked (`/progress`, a reminder). Only the entry's owner can
 * answer; every read and write is scoped to the one who pressed.
 */
import { formatUsDate } from '@cec/rules';
import { evaluateMember } from '../members/plan.js';
import {
  awaitingEntries,
  entryAt,
  parseConfirmButtonId,
  renderConfirmed,
  renderMoveHow,
  renderNotCompleted,
} from '../render/confirm.js';
import { renderRemoved } from '../render/entries.js';
import { plain } from '../render/format.js';
import { renderProblem } from '../render/problems.js';
import type { ButtonInput, ButtonOutcome, CommandContext } from './types.js';

const separately = (reply: ButtonOutcome['reply']): ButtonOutcome => ({ replace: false, reply });

export async function pressPlanned(
  input: ButtonInput,
  context: CommandContext,
): Promise<ButtonOutcome> {
  const id = parseConfirmButtonId(input.customId);
  if (!id) return separately(renderProblem('This button is not one the bot knows.'));
  // A reminder in a channel is seen by everyone: only the member it asks can answer it.
  if (id.ownerId !== input.user.id) {
    return separately(
      renderProblem('This question is about another member’s entry: only they can answer it.'),
    );
  }
  const userId = input.user.id;
  const stored = await context.store.activities.find(userId, id.entryId);
  if (!stored) {
    return separately(
      renderProblem(
        `You have no entry \`${id.entryId}\` any more (removed with \`/log remove\` or \`/privacy delete\`): nothing to answer.`,
      ),
    );
  }
  const today = context.today();
  const member = await context.members.load(userId, today);
  const evaluation = evaluateMember(member);
  const shown = entryAt(
    member,
    evaluation,
    member.entries.findIndex((e) => e.id === stored.id),
  );
  // An entry the rules no longer accept is not in the plan: /progress says to remove it.
  if (!shown) {
    return separately(
      renderProblem(
        `Entry \`${stored.id}\` no longer passes the rules, so it counts nothing either way: remove it with \`/log remove\`.`,
      ),
    );
  }

  switch (id.action) {
    case 'yes': {
      if (shown.completed > today) {
        return separately(
          renderProblem(
            `${plain(shown.label)} is planned for ${formatUsDate(shown.completed)}: once that day has come, confirm it and it counts.`,
          ),
        );
      }
      await context.store.activities.setConfirmed(userId, stored.id, true);
      const after = await context.members.load(userId, today);
      const evaluated = evaluateMember(after);
      return separately(
        renderConfirmed(userId, shown, evaluated, awaitingEntries(after, evaluated)),
      );
    }
    case 'no':
      // "No" after an earlier "Yes" takes the credit back: it did not happen.
      if (stored.confirmed) await context.store.activities.setConfirmed(userId, stored.id, false);
      return separately(renderNotCompleted(userId, shown));
    case 'remove':
      await context.store.activities.remove(userId, stored.id);
      return {
        replace: true,
        reply: { ...renderRemoved(stored.id, shown.label), buttons: [], embeds: [] },
      };
    case 'move':
      return { replace: true, reply: renderMoveHow(shown, stored.activity) };
  }
}
