/**
 * `/log`: records what a member completed (or plans), lists and removes
 * entries. Every query is scoped to the member, so another member's entry id
 * gets the same answer as an id that does not exist.
 */
import {
  type Activity,
  type AnyOpportunity,
  credentialName,
  getOpportunity,
  OPPORTUNITIES,
  RULESET,
  type Ruleset,
} from '@cec/rules';
import { SlashCommandBuilder } from 'discord.js';
import { evaluateMember } from '../members/plan.js';
import { checkActivity } from '../members/validate.js';
import {
  entryChoices,
  entryLines,
  renderEntryList,
  renderRecorded,
  renderRemoved,
} from '../render/entries.js';
import type { Reply } from '../render/payload.js';
import { renderProblems } from '../render/problems.js';
import type { StoredCertification } from '../store/index.js';
import { kindSubcommand, opportunityOf, readActivity } from './activity-options.js';
import { requiredText } from './options.js';
import { type Command, type CommandContext, type CommandInput, MemberError } from './types.js';

/** Enough for a long career of cycles; keeps one member from filling the database. */
export const MAX_ENTRIES_PER_MEMBER = 1000;

/** The command for a ruleset: a subcommand per opportunity, then list and remove. */
export function logCommand(ruleset: Ruleset = RULESET) {
  const builder = new SlashCommandBuilder()
    .setName('log')
    .setDescription(
      'Record a completed (or planned) activity, list or remove your entries (private)',
    );
  for (const { opportunity } of ruleset.opportunities) {
    builder.addSubcommand(kindSubcommand(opportunity, 'record'));
  }
  return builder
    .addSubcommand((s) => s.setName('list').setDescription('Your entries with their ids'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove one of your entries')
        .addStringOption((o) =>
          o
            .setName('entry')
            .setDescription('The entry (start typing its date or name)')
            .setRequired(true)
            .setMaxLength(100)
            .setAutocomplete(true),
        ),
    );
}

export const data = logCommand();

/** Records one activity from `/log <kind>` options (also "Log this" on a `/cec` answer). */
export async function record(
  opportunity: AnyOpportunity,
  input: CommandInput,
  context: CommandContext,
): Promise<Reply> {
  const checked = checkActivity(readActivity(input, opportunity, 'record'));
  if (!checked.ok) return renderProblems('That entry was not recorded:', checked.problems);

  // Both reads at once: on PostgreSQL each is a round trip.
  const [certifications, entries] = await Promise.all([
    context.store.certifications.list(input.user.id),
    context.store.activities.list(input.user.id),
  ]);
  refuseOwnCertification(checked.value, certifications);
  // A date still to come is planned: it counts once the member confirms it happened.
  const confirmed = checked.value.completed <= context.today();
  // The cap is checked by the insert itself: two /logs at once cannot both pass it.
  const stored =
    entries.length >= MAX_ENTRIES_PER_MEMBER
      ? null
      : await context.store.activities.addWithin(
          input.user.id,
          checked.value,
          MAX_ENTRIES_PER_MEMBER,
          confirmed,
        );
  if (!stored) {
    throw new MemberError(
      `You have ${MAX_ENTRIES_PER_MEMBER} entries, the most the bot keeps for one member: remove old ones with \`/log remove\` (\`/privacy export\` saves a copy first).`,
    );
  }
  // The records just read plus the new entry are the member's records now: no second read.
  const member = context.members.build(certifications, [...entries, stored], context.today());
  const index = member.entries.findIndex((e) => e.id === stored.id);
  return renderRecorded({ entryId: stored.id, index, evaluation: evaluateMember(member) });
}

/**
 * The certification being renewed, logged as an "extra" one, counts nothing
 * toward itself (S1: the extra certification starts its own cycle). When it is
 * the only one the member holds, it counts toward nothing: refused, with what
 * to log instead.
 */
function refuseOwnCertification(
  activity: Activity,
  certifications: readonly StoredCertification[],
): void {
  if (activity.kind !== 'ace-certification') return;
  const held = certifications.map((c) => c.credential);
  if (!held.includes(activity.credential) || held.some((c) => c !== activity.credential)) return;
  const name = credentialName(activity.credential);
  throw new MemberError(
    `Not recorded: the ${name} is the certification you are renewing, and an extra certification counts toward your other ACE certifications, never toward itself (S1). Renewing it takes 2.0 CECs from other activities: log those (\`/log course\`, \`/log cpr\`, …). If you earned a different ACE certification, add it with \`/cert add\` and log that one with \`/log extra-cert\`.`,
  );
}

async function list(input: CommandInput, context: CommandContext): Promise<Reply> {
  const member = await context.members.load(input.user.id, context.today());
  return renderEntryList(
    entryLines(member, evaluateMember(member)),
    member.skipped.map((s) => s.entry.id),
  );
}

/** What a member typed or picked as `entry:` → an entry id ("… (k3f9x2qa)" works too). */
export function entryIdFrom(text: string): string {
  const trimmed = text.trim().toLowerCase();
  const inParens = /\(([a-z0-9]{4,20})\)$/.exec(trimmed);
  return inParens?.[1] ?? trimmed.replace(/^`|`$/g, '');
}

function labelOf(activity: Record<string, unknown>): string {
  const checked = checkActivity(activity);
  if (checked.ok) return getOpportunity(checked.value.kind).label(checked.value);
  return String(activity.kind ?? 'entry');
}

async function remove(input: CommandInput, context: CommandContext): Promise<Reply> {
  const id = entryIdFrom(requiredText(input, 'entry', 'k3f9x2qa'));
  const entry = await context.store.activities.find(input.user.id, id);
  // Someone else's id and an unknown id get the same answer: nothing to learn by guessing.
  if (!entry || !(await context.store.activities.remove(input.user.id, id))) {
    throw new MemberError(
      `You have no entry \`${id.replace(/[^a-z0-9]/g, '')}\`. \`/log list\` shows your entries and their ids.`,
    );
  }
  return renderRemoved(id, labelOf(entry.activity));
}

export const log: Command = {
  data,
  ephemeral: () => true,
  defers: () => false,
  async execute(input, context) {
    const sub = input.subcommand;
    if (sub === 'list') return list(input, context);
    if (sub === 'remove') return remove(input, context);
    const opportunity = opportunityOf(sub);
    if (!opportunity) {
      throw new MemberError(
        `\`/log\` needs a kind (${OPPORTUNITIES.map((o) => o.command.name).join(', ')}), or list or remove.`,
      );
    }
    return record(opportunity, input, context);
  },
  async autocomplete(input, context) {
    if (input.subcommand !== 'remove' || input.focused.name !== 'entry') return [];
    const member = await context.members.load(input.user.id, context.today());
    return entryChoices(entryLines(member, evaluateMember(member)), input.focused.value);
  },
};
