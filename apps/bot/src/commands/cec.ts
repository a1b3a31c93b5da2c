/**
 * `/cec`: what an activity is worth, straight from the rules. Answers are
 * public so a whole channel learns from one question, and short: "Details"
 * shows the source and our reading privately, "Log this" opens a modal that
 * records the activity for whoever pressed it (see log-this.ts).
 */
import {
  type AnyOpportunity,
  answerQuestion,
  checkCourseNumber,
  creditActivity,
  type FieldDescriptor,
  getOpportunity,
  RULESET,
  type Ruleset,
  suggestQuestions,
} from '@cec/rules';
import { SlashCommandBuilder } from 'discord.js';
import { checkActivity } from '../members/validate.js';
import {
  renderAnswer,
  renderAnswerDetails,
  renderCourseNumber,
  renderCredit,
  renderOpportunity,
  renderOpportunityDetails,
} from '../render/answers.js';
import { truncate } from '../render/format.js';
import { type Button, LIMITS, type Reply } from '../render/payload.js';
import { renderProblem } from '../render/problems.js';
import { kindSubcommand, opportunityOf, readActivity } from './activity-options.js';
import { ANSWER_PREFIX, answerId, type Fixed, readAnswerId } from './answer-ids.js';
import { logThisModal, submitLogThis } from './log-this.js';
import { requiredText } from './options.js';
import {
  type ButtonInput,
  type ButtonOutcome,
  type Command,
  type CommandContext,
  type CommandInput,
  MemberError,
  type ModalInput,
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

/** "Details" and "Log this", each only when its custom id fits Discord's 100 characters. */
function answerButtons(details: string | null, log: string | null): Button[] {
  return [
    ...(details ? [{ label: 'Details', style: 'secondary' as const, customId: details }] : []),
    ...(log ? [{ label: 'Log this', style: 'primary' as const, customId: log }] : []),
  ];
}

function kindButtons(opportunity: AnyOpportunity, fixed: Fixed): Button[] {
  return answerButtons(
    answerId({ action: 'details', opportunity }),
    answerId({ action: 'log', opportunity, fixed }),
  );
}

/**
 * What an opportunity is worth with the options given. Without fields that
 * tell the value, the answer is the opportunity's guide; a course number is
 * checked (its CECs are on the certificate); otherwise the rules credit it.
 */
function worth(opportunity: AnyOpportunity, input: CommandInput, today: string): Reply {
  const fields = (opportunity.fields as readonly FieldDescriptor[]).filter((f) => f.forValue);
  if (fields.length === 0) return renderOpportunity(opportunity, kindButtons(opportunity, {}));
  const values = readActivity(input, opportunity, 'value');
  const courseNumber = fields.find((f) => f.type === 'course-number');
  if (courseNumber) {
    const check = checkCourseNumber(String(values[courseNumber.name]));
    if (!check.valid) throw new MemberError(check.error);
    const fixed = { [courseNumber.name]: check.normalized };
    return renderCourseNumber(check, kindButtons(opportunity, fixed));
  }
  const checked = checkActivity({ ...values, completed: today });
  if (!checked.ok) throw oneMessage(checked.problems);
  // Only what was typed is fixed; a default the rules applied stays a default when logged.
  const fixed = Object.fromEntries(
    Object.entries(values).filter(
      (e): e is [string, string | number | boolean] =>
        e[0] !== 'kind' &&
        (typeof e[1] === 'string' || typeof e[1] === 'number' || typeof e[1] === 'boolean'),
    ),
  );
  return renderCredit(
    opportunity.label(checked.value),
    creditActivity(checked.value),
    kindButtons(opportunity, fixed),
  );
}

/**
 * `/cec ask`: Details re-asks the question, Log this opens its activity's modal. A question
 * too long for a button id gets the whole answer at once: Details could not re-ask it, and
 * the activity's general details would not answer what was asked.
 */
function ask(question: string): Reply {
  const result = answerQuestion(question);
  if (!result.understood) return renderAnswer(result, []);
  const opportunity = result.opportunity ? getOpportunity(result.opportunity) : null;
  const details = answerId({ action: 'question', question });
  const log =
    opportunity && result.kind === 'activity'
      ? answerId({ action: 'log', opportunity, fixed: null })
      : null;
  if (details === null) {
    return { ...renderAnswerDetails(result), ephemeral: false, buttons: answerButtons(null, log) };
  }
  return renderAnswer(result, answerButtons(details, log));
}

async function press(input: ButtonInput): Promise<ButtonOutcome> {
  const action = readAnswerId(input.customId);
  if (action?.action === 'details') {
    return { replace: false, reply: renderOpportunityDetails(action.opportunity) };
  }
  if (action?.action === 'question') {
    return { replace: false, reply: renderAnswerDetails(answerQuestion(action.question)) };
  }
  return { replace: false, reply: renderProblem('This button is not one the bot knows.') };
}

async function submit(input: ModalInput, context: CommandContext): Promise<Reply> {
  const action = readAnswerId(input.customId);
  if (action?.action !== 'form') throw new MemberError('This form is not one the bot knows.');
  return submitLogThis(input, context, action.opportunity, action.fixed);
}

async function execute(input: CommandInput, context: CommandContext): Promise<Reply> {
  const sub = input.subcommand ?? '';
  if (sub === 'ask') return ask(requiredText(input, 'question', 'cpr 2yr'));
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
  button: {
    prefix: ANSWER_PREFIX,
    press,
    opens(input) {
      const action = readAnswerId(input.customId);
      if (action?.action === 'log') return logThisModal(action.opportunity, action.fixed);
      // Try again: the modal filled in with what the message repeats of the last attempt.
      if (action?.action === 'retry') {
        return logThisModal(action.opportunity, action.fixed, input.shown ?? []);
      }
      return null;
    },
    submit,
  },
};
