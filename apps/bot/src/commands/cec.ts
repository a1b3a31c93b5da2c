/**
 * `/cec`: what an activity is worth, straight from the rules. Answers are
 * public so a whole channel learns from one question.
 */
import {
  answerQuestion,
  checkCourseNumber,
  creditActivity,
  getOpportunity,
  type OpportunityId,
  suggestQuestions,
} from '@cec/rules';
import { SlashCommandBuilder } from 'discord.js';
import { checkActivity } from '../members/validate.js';
import {
  renderAnswer,
  renderCourseNumber,
  renderCredit,
  renderOpportunity,
} from '../render/answers.js';
import { truncate } from '../render/format.js';
import { LIMITS, type Reply } from '../render/payload.js';
import { optionalBoolean, requiredNumber, requiredText } from './options.js';
import {
  courseNumberOption,
  creditsOption,
  gradeOption,
  OPPORTUNITY_OF,
  relatedOption,
  termOption,
} from './shared-options.js';
import {
  type Command,
  type CommandContext,
  type CommandInput,
  MemberError,
  oneMessage,
} from './types.js';

export const data = new SlashCommandBuilder()
  .setName('cec')
  .setDescription('How many CECs is an activity worth? (unofficial; answers are public)')
  .addSubcommand((s) =>
    s.setName('cpr').setDescription('A CPR/AED certificate').addStringOption(termOption),
  )
  .addSubcommand((s) =>
    s
      .setName('college')
      .setDescription('A college course')
      .addNumberOption(creditsOption)
      .addStringOption(gradeOption)
      .addBooleanOption(relatedOption),
  )
  .addSubcommand((s) => s.setName('present').setDescription('Giving a professional presentation'))
  .addSubcommand((s) => s.setName('publish').setDescription('Publishing an article, book or paper'))
  .addSubcommand((s) =>
    s.setName('broaden').setDescription('A certification from another NCCA-accredited provider'),
  )
  .addSubcommand((s) => s.setName('mentor').setDescription('Mentoring and community outreach'))
  .addSubcommand((s) =>
    s.setName('extra-cert').setDescription('Earning an extra ACE certification'),
  )
  .addSubcommand((s) =>
    s
      .setName('course')
      .setDescription('Check an ACE-approved course number')
      .addStringOption(courseNumberOption),
  )
  .addSubcommand((s) =>
    s
      .setName('ask')
      .setDescription('Ask in your own words, e.g. "4 credit anatomy course with a C"')
      .addStringOption((o) =>
        o
          .setName('question')
          .setDescription('Your question')
          .setRequired(true)
          .setMaxLength(300)
          .setAutocomplete(true),
      ),
  );

/** The value of one activity, validated and credited by the rules. */
function creditFor(kind: OpportunityId, fields: Record<string, unknown>, today: string): Reply {
  const checked = checkActivity({ kind, ...fields, completed: today });
  if (!checked.ok) throw oneMessage(checked.problems);
  const opportunity = getOpportunity(kind);
  return renderCredit(opportunity, opportunity.label(checked.value), creditActivity(checked.value));
}

const FIXED: Record<string, OpportunityId> = {
  present: OPPORTUNITY_OF.present,
  publish: OPPORTUNITY_OF.publish,
  broaden: OPPORTUNITY_OF.broaden,
  mentor: OPPORTUNITY_OF.mentor,
  'extra-cert': OPPORTUNITY_OF['extra-cert'],
};

async function execute(input: CommandInput, context: CommandContext): Promise<Reply> {
  const sub = input.subcommand ?? '';
  if (sub === 'cpr') {
    return creditFor('cpr-aed', { term: requiredText(input, 'term', '2yr') }, context.today());
  }
  if (sub === 'college') {
    const related = optionalBoolean(input, 'related');
    return creditFor(
      'college',
      {
        creditHours: requiredNumber(input, 'credits', '3'),
        grade: requiredText(input, 'grade', 'B'),
        ...(related === null ? {} : { related }),
      },
      context.today(),
    );
  }
  const fixed = FIXED[sub];
  if (fixed) return renderOpportunity(getOpportunity(fixed));
  if (sub === 'course') {
    const check = checkCourseNumber(requiredText(input, 'number', 'CA23456'));
    if (!check.valid) throw new MemberError(check.error);
    return renderCourseNumber(check, getOpportunity('approved-course'));
  }
  if (sub === 'ask')
    return renderAnswer(answerQuestion(requiredText(input, 'question', 'cpr 2yr')));
  throw new MemberError(
    '`/cec` needs one of: cpr, college, present, publish, broaden, mentor, extra-cert, course, ask.',
  );
}

export const cec: Command = {
  data,
  ephemeral: () => false,
  // Pure calculations: answered at once, well inside Discord's 3 seconds.
  defers: () => false,
  execute,
  async autocomplete(input) {
    if (input.focused.name !== 'question') return [];
    return suggestQuestions(input.focused.value, LIMITS.choices)
      .filter((q) => q.trim() !== '')
      .map((q) => ({
        name: truncate(q, LIMITS.choiceName),
        value: truncate(q, LIMITS.choiceValue),
      }));
  },
};
