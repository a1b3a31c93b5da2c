/**
 * `/privacy`: a member's data as CSV and JSON, importing such a file back
 * (privacy-import.ts), and deleting all of it after a confirmation button.
 * Every button carries the member's id and an expiry, so only they can
 * confirm, and an old prompt cannot be confirmed later.
 */
import { evaluatePlan } from '@cec/rules';
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
import { pressImport, previewImport } from './privacy-import.js';
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
  .setDescription('Your data: export it, import it back, or delete it (private)')
  .addSubcommand((s) =>
    s.setName('export').setDescription('Your records as CSV and JSON attachments'),
  )
  .addSubcommand((s) =>
    s
      .setName('import')
      .setDescription(
        'Bring back a /privacy export or a calculator plan (JSON); shows what it adds first',
      )
      .addAttachmentOption((o) =>
        o
          .setName('file')
          .setDescription('cec-data.json from /privacy export, or the calculator’s JSON export')
          .setRequired(true),
      ),
  )
  .addSubcommand((s) =>
    s.setName('delete').setDescription('Delete everything the bot holds about you (asks first)'),
  );

/** Button ids: `privacy:delete:<action>:<owner>:<until>`, `privacy:import:<action>:<owner>:<until>[:<hash>]`. */
const PREFIX = 'privacy';
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
  const plan = context.members.build(certifications, activities, context.today());
  return renderExport({
    userId,
    exportedAt: context.now().toISOString(),
    certifications,
    activities,
    plan,
    evaluation: evaluatePlan(plan.plan),
    groups,
    reminders,
  });
}

async function askToDelete(input: CommandInput, context: CommandContext): Promise<Reply> {
  const until = Math.floor(context.now().getTime() / 1000) + CONFIRM_WINDOW_SECONDS;
  return renderDeletePrompt(
    `${PREFIX}:delete:confirm:${input.user.id}:${until}`,
    `${PREFIX}:delete:cancel:${input.user.id}:${until}`,
  );
}

const ACTIONS: Record<string, readonly string[]> = {
  delete: ['confirm', 'cancel'],
  import: ['go', 'cancel'],
};

async function press(input: ButtonInput, context: CommandContext): Promise<ButtonOutcome> {
  const [prefix, what = '', action = '', owner, until, ...rest] = input.customId.split(':');
  if (prefix !== PREFIX || !ACTIONS[what]?.includes(action)) {
    return { replace: false, reply: renderProblem('This button is not one the bot knows.') };
  }
  // The prompt is ephemeral, but a crafted interaction could still carry someone else's id.
  if (owner !== input.user.id) {
    return { replace: false, reply: renderProblem('This confirmation belongs to someone else.') };
  }
  if (what === 'import') return pressImport({ action, until, hash: rest[0] }, input, context);
  if (action === 'cancel') return { replace: true, reply: renderDeleteCancelled() };
  if (!until || Number(until) < Math.floor(context.now().getTime() / 1000)) {
    return { replace: true, reply: renderDeleteExpired() };
  }
  return { replace: true, reply: renderDeleted(await context.store.forgetMember(input.user.id)) };
}

const SUBCOMMANDS = {
  export: exportData,
  import: (input: CommandInput, context: CommandContext) =>
    previewImport(input, context, `${PREFIX}:import`),
  delete: askToDelete,
} as const;

export const privacy: Command = {
  data,
  ephemeral: () => true,
  // An export reads every record and builds two files, an import downloads one: defer rather
  // than risk the 3 s window.
  defers: (input) => input.subcommand === 'export' || input.subcommand === 'import',
  async execute(input, context) {
    const run = pick(SUBCOMMANDS, input.subcommand);
    if (!run) throw new MemberError('`/privacy` needs `export`, `import` or `delete`.');
    return run(input, context);
  },
  button: { prefix: PREFIX, press },
};
