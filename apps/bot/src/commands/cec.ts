/**
 * `/cec`: what an activity is worth, straight from the rules. Answers are
 * public so a whole channel learns from one question.
 */
import {
  type AnyOpportunity,
  answerQuestion,
  checkCourseNumber,
  creditActivity,
  type FieldDescriptor,
  RULESET,
  type Ruleset,
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
import { kindSubcommand, opportunityOf, readActivity } from './activity-options.js';
import { requiredText } from './options.js';
import {
  type Command,
  type CommandContext,
  type CommandInput,
  MemberError,
  oneMessage,
} from './types.js';

/** The command for a ruleset: a subcommand per opportunity, then `ask`. */
export function cecCommand(ruleset: Ruleset = RULESET) {
  const builder = new SlashCommandBuilder()
    .setName('cec')
    .setDescription('How many CECs is an activity worth? (unofficial; answers are public)');
  for (const { opportunity } of ruleset.opportunities) {
    builder.addSubcommand(kindSubcommand(opportunity, 'value'));
  }
  return builder.addSubcommand((s) =>
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
}

export const data = cecCommand();

/**
 * What an opportunity is worth with the options given. Without fields that
 * tell the value, the answer is the opportunity's guide; a course number is
 * checked (its CECs are on the certificate); otherwise the rules credit it.
 */
function worth(opportunity: AnyOpportunity, input: CommandInput, today: string): Reply {
  const fields = (opportunity.fields as readonly FieldDescriptor[]).filter((f) => f.forValue);
  if (fields.length === 0) return renderOpportunity(opportunity);
  const values = readActivity(input, opportunity, 'value');
  const courseNumber = fields.find((f) => f.type === 'course-number');
  if (courseNumber) {
    const check = checkCourseNumber(String(values[courseNumber.name]));
    if (!check.valid) throw new MemberError(check.error);
    return renderCourseNumber(check, opportunity);
  }
  const checked = checkActivity({ ...values, completed: today });
  if (!checked.ok) throw oneMessage(checked.problems);
  return renderCredit(opportunity, opportunity.label(checked.value), creditActivity(checked.value));
}

async function execute(input: CommandInput, context: CommandContext): Promise<Reply> {
  const sub = input.subcommand ?? '';
  if (sub === 'ask')
    return renderAnswer(answerQuestion(requiredText(input, 'question', 'cpr 2yr')));
  const opportunity = opportunityOf(sub);
  if (opportunity) return worth(opportunity, input, context.today());
  throw new MemberError(
    `\`/cec\` needs one of: ${RULESET.opportunities.map((e) => e.opportunity.command.name).join(', ')}, ask.`,
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
