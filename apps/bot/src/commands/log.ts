/**
 * `/log`: records what a member completed (or plans), lists and removes
 * entries. Every query is scoped to the member, so another member's entry id
 * gets the same answer as an id that does not exist.
 */
import { evaluatePlan, getOpportunity, type OpportunityId } from '@cec/rules';
import {
  SlashCommandBuilder,
  type SlashCommandStringOption,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
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
import { optionalBoolean, optionalText, pick, requiredNumber, requiredText } from './options.js';
import {
  courseCecsOption,
  courseNumberOption,
  credentialOption,
  creditsOption,
  dateOption,
  ethicsOption,
  gradeOption,
  type KindName,
  OPPORTUNITY_OF,
  petitionStatusOption,
  relatedOption,
  termOption,
  titleOption,
} from './shared-options.js';
import { type Command, type CommandContext, type CommandInput, MemberError } from './types.js';

/** Enough for a long career of cycles; keeps one member from filling the database. */
export const MAX_ENTRIES_PER_MEMBER = 1000;

const kindSubcommand =
  (name: KindName, description: string) => (s: SlashCommandSubcommandBuilder) =>
    s.setName(name).setDescription(description);

const nameOption = (o: SlashCommandStringOption) =>
  o
    .setName('name')
    .setDescription('The certification, e.g. NSCA-CPT (must be NCCA-accredited)')
    .setRequired(true)
    .setMaxLength(200);

export const data = new SlashCommandBuilder()
  .setName('log')
  .setDescription('Record a completed (or planned) activity, list or remove your entries (private)')
  .addSubcommand((s) =>
    kindSubcommand(
      'cpr',
      'A CPR/AED certificate',
    )(s)
      .addStringOption(termOption)
      .addStringOption(dateOption),
  )
  .addSubcommand((s) =>
    kindSubcommand(
      'college',
      'A college course',
    )(s)
      .addNumberOption(creditsOption)
      .addStringOption(gradeOption)
      .addStringOption(dateOption)
      .addBooleanOption(relatedOption)
      .addStringOption((o) => titleOption(o, 'Course title (optional)', false)),
  )
  .addSubcommand((s) =>
    kindSubcommand(
      'course',
      'An ACE-approved course',
    )(s)
      .addStringOption(courseNumberOption)
      .addNumberOption(courseCecsOption)
      .addStringOption(dateOption)
      .addBooleanOption(ethicsOption)
      .addStringOption((o) => titleOption(o, 'Course title (optional)', false)),
  )
  .addSubcommand((s) =>
    kindSubcommand(
      'present',
      'A professional presentation',
    )(s)
      .addStringOption(dateOption)
      .addStringOption((o) => titleOption(o, 'Title of the presentation (optional)', false)),
  )
  .addSubcommand((s) =>
    kindSubcommand(
      'publish',
      'An article, book or peer-reviewed paper',
    )(s)
      .addStringOption((o) => titleOption(o, 'Title of the publication', true))
      .addStringOption(dateOption),
  )
  .addSubcommand((s) =>
    kindSubcommand(
      'broaden',
      'A certification from another NCCA-accredited provider',
    )(s)
      .addStringOption(nameOption)
      .addStringOption(dateOption),
  )
  .addSubcommand((s) =>
    kindSubcommand(
      'mentor',
      'Mentoring or community outreach',
    )(s)
      .addStringOption(dateOption)
      .addStringOption((o) => titleOption(o, 'What you did (optional)', false)),
  )
  .addSubcommand((s) =>
    kindSubcommand(
      'extra-cert',
      'An extra ACE certification you earned',
    )(s)
      .addStringOption((o) => credentialOption(o, 'The ACE certification you earned'))
      .addStringOption(dateOption),
  )
  .addSubcommand((s) =>
    kindSubcommand(
      'petition',
      'A petitioned course that is not ACE-approved',
    )(s)
      .addStringOption((o) => titleOption(o, 'Course title', true))
      .addStringOption(petitionStatusOption)
      .addNumberOption((o) =>
        o
          .setName('cecs')
          .setDescription('CECs requested, or approved once ACE decides')
          .setRequired(true),
      )
      .addStringOption(dateOption),
  )
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

type FieldReader = (input: CommandInput) => Record<string, unknown>;

function withOptional(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

/** Options → the plan activity's fields (bot.md: the `/cec` options plus title or name). */
const FIELDS: Record<KindName, FieldReader> = {
  cpr: (input) => ({ term: requiredText(input, 'term', '2yr') }),
  college: (input) =>
    withOptional({
      creditHours: requiredNumber(input, 'credits', '3'),
      grade: requiredText(input, 'grade', 'B'),
      related: optionalBoolean(input, 'related'),
      title: optionalText(input, 'title'),
    }),
  course: (input) =>
    withOptional({
      courseNumber: requiredText(input, 'number', 'CA23456'),
      cecs: requiredNumber(input, 'cecs', '0.7'),
      ethics: optionalBoolean(input, 'ethics'),
      title: optionalText(input, 'title'),
    }),
  present: (input) => withOptional({ title: optionalText(input, 'title') }),
  publish: (input) => ({ title: requiredText(input, 'title', '"Strength after 60"') }),
  broaden: (input) => ({ name: requiredText(input, 'name', 'NSCA-CPT') }),
  mentor: (input) => withOptional({ title: optionalText(input, 'title') }),
  'extra-cert': (input) => ({ credential: requiredText(input, 'credential', 'health-coach') }),
  petition: (input) => ({
    title: requiredText(input, 'title', '"Pilates mat course"'),
    status: requiredText(input, 'status', 'pending'),
    cecs: requiredNumber(input, 'cecs', '0.5'),
  }),
};

async function record(
  kind: OpportunityId,
  fields: Record<string, unknown>,
  input: CommandInput,
  context: CommandContext,
): Promise<Reply> {
  const date = requiredText(input, 'date', '01/15/2026');
  const checked = checkActivity({ kind, ...fields, completed: date });
  if (!checked.ok) return renderProblems('That entry was not recorded:', checked.problems);

  // Both reads at once: on PostgreSQL each is a round trip.
  const [certifications, entries] = await Promise.all([
    context.store.certifications.list(input.user.id),
    context.store.activities.list(input.user.id),
  ]);
  // The cap is checked by the insert itself: two /logs at once cannot both pass it.
  const stored =
    entries.length >= MAX_ENTRIES_PER_MEMBER
      ? null
      : await context.store.activities.addWithin(
          input.user.id,
          checked.value,
          MAX_ENTRIES_PER_MEMBER,
        );
  if (!stored) {
    throw new MemberError(
      `You have ${MAX_ENTRIES_PER_MEMBER} entries, the most the bot keeps for one member: remove old ones with \`/log remove\` (\`/privacy export\` saves a copy first).`,
    );
  }
  // The records just read plus the new entry are the member's records now: no second read.
  const member = context.members.build(certifications, [...entries, stored], context.today());
  const index = member.entries.findIndex((e) => e.id === stored.id);
  return renderRecorded({ entryId: stored.id, index, evaluation: evaluatePlan(member.plan) });
}

async function list(input: CommandInput, context: CommandContext): Promise<Reply> {
  const member = await context.members.load(input.user.id, context.today());
  return renderEntryList(
    entryLines(member, evaluatePlan(member.plan)),
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
    const reader = pick(FIELDS, sub);
    const kind = pick<OpportunityId>(OPPORTUNITY_OF, sub);
    if (!reader || !kind) {
      throw new MemberError(
        '`/log` needs a kind (cpr, college, course, present, publish, broaden, mentor, extra-cert, petition), or list or remove.',
      );
    }
    return record(kind, reader(input), input, context);
  },
  async autocomplete(input, context) {
    if (input.subcommand !== 'remove' || input.focused.name !== 'entry') return [];
    const member = await context.members.load(input.user.id, context.today());
    return entryChoices(entryLines(member, evaluatePlan(member.plan)), input.focused.value);
  },
};
