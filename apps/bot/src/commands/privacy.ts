/**
 * `/privacy`: a member's data as CSV and JSON, and deleting all of it after a
 * confirmation button. The button carries the member's id and an expiry, so
 * only they can confirm, and an old prompt cannot be confirmed later.
 */
import { SlashCommandBuilder } from 'discord.js';
import type { Reply } from '../render/payload.js';
import {
  renderDeleteCancelled,
  renderDeleted,
  renderDeleteExpired,
  renderDeletePrompt,
  renderExport,
} from '../render/privacy.js';
import { renderProblem } from '../render/problems.js';
import { pick } from './options.js';
import {
  type ButtonInput,
  type ButtonOutcome,
  type Command,
  type CommandContext,
  type CommandInput,
  MemberError,
} from './types.js';

export const data = new SlashCommandBuilder()
  .setName('privacy')
  .setDescription('Your data: export it or delete it (private)')
  .addSubcommand((s) =>
    s.setName('export').setDescription('Your records as CSV and JSON attachments'),
  )
  .addSubcommand((s) =>
    s.setName('delete').setDescription('Delete everything the bot holds about you (asks first)'),
  );

const PREFIX = 'privacy-delete';
/** A confirmation button works for this long after `/privacy delete`. */
export const CONFIRM_WINDOW_SECONDS = 15 * 60;

async function exportData(input: CommandInput, context: CommandContext): Promise<Reply> {
  const userId = input.user.id;
  const [certifications, activities, groups, reminders] = await Promise.all([
    context.store.certifications.list(userId),
    context.store.activities.list(userId),
    context.store.groups.membershipsOf(userId),
    context.store.memberReminders.of(userId),
  ]);
  return renderExport({
    userId,
    exportedAt: context.now().toISOString(),
    certifications,
    activities,
    groups,
    reminders,
  });
}

async function askToDelete(input: CommandInput, context: CommandContext): Promise<Reply> {
  const until = Math.floor(context.now().getTime() / 1000) + CONFIRM_WINDOW_SECONDS;
  return renderDeletePrompt(
    `${PREFIX}:confirm:${input.user.id}:${until}`,
    `${PREFIX}:cancel:${input.user.id}:${until}`,
  );
}

async function press(input: ButtonInput, context: CommandContext): Promise<ButtonOutcome> {
  const [prefix, action, owner, until] = input.customId.split(':');
  if (prefix !== PREFIX || (action !== 'confirm' && action !== 'cancel')) {
    return { replace: false, reply: renderProblem('This button is not one the bot knows.') };
  }
  // The prompt is ephemeral, but a crafted interaction could still carry someone else's id.
  if (owner !== input.user.id) {
    return { replace: false, reply: renderProblem('This confirmation belongs to someone else.') };
  }
  if (action === 'cancel') return { replace: true, reply: renderDeleteCancelled() };
  if (!until || Number(until) < Math.floor(context.now().getTime() / 1000)) {
    return { replace: true, reply: renderDeleteExpired() };
  }
  return { replace: true, reply: renderDeleted(await context.store.forgetMember(input.user.id)) };
}

const SUBCOMMANDS = { export: exportData, delete: askToDelete } as const;

export const privacy: Command = {
  data,
  ephemeral: () => true,
  // An export reads every record and builds two files: defer rather than risk the 3 s window.
  defers: (input) => input.subcommand === 'export',
  async execute(input, context) {
    const run = pick(SUBCOMMANDS, input.subcommand);
    if (!run) throw new MemberError('`/privacy` needs `export` or `delete`.');
    return run(input, context);
  },
  button: { prefix: PREFIX, press },
};
