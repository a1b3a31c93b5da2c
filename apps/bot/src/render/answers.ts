/**
 * Answers to `/cec`. In the channel an answer is short (the value and the one-line why) with
 * its buttons; the "Details" button shows the rest privately: the limit, our reading of the
 * source where it is ambiguous (labelled as ours), the source quote, and how to submit.
 */
import {
  type AnyOpportunity,
  type CourseNumberCheck,
  formatCecs,
  getOpportunity,
  HOW_UNSTATED,
  type QuestionResult,
  SOURCES,
} from '@cec/rules';
import { cecs, DISCLAIMER, plain, truncate } from './format.js';
import { type Button, COLORS, type Embed, type EmbedField, LIMITS, type Reply } from './payload.js';

/** A channel answer stays under this many characters (title, text and footer). */
export const SHORT_ANSWER_MAX = 300;
const SHORT_FOOTER = 'Unofficial, not ACE. Details: source and our reading.';
const SHORT_TITLE_MAX = 90;

/** The first sentence of `text` (or its start), for the one-line why. */
export function firstSentence(text: string, max: number): string {
  const sentence = /^.*?[.!?](?=\s|$)/s.exec(text.trim())?.[0] ?? text.trim();
  return truncate(sentence, max);
}

/** The public short answer: a title with the value, one line of why, the buttons. */
function short(title: string, why: string, color: number, buttons: Button[]): Reply {
  const head = truncate(title, SHORT_TITLE_MAX);
  const room = SHORT_ANSWER_MAX - head.length - SHORT_FOOTER.length;
  return {
    ephemeral: false,
    embeds: [
      {
        title: head,
        color,
        description: truncate(why, room),
        footer: { text: SHORT_FOOTER },
      },
    ],
    buttons,
  };
}

function limitText(limit: number | null): string {
  return limit === null ? 'None stated by the source' : `${cecs(limit)} per cycle`;
}

function sourceField(source: {
  id: keyof typeof SOURCES;
  quote: string;
  verbatim: boolean;
}): EmbedField {
  const { title, url } = SOURCES[source.id];
  return {
    name: `Source (${source.id})`,
    // A quote only when it is the source's own words; otherwise the fact, in ours.
    value: truncate(
      `${source.verbatim ? '> ' : ''}${source.quote}\n[${title}](${url})`,
      LIMITS.fieldValue,
    ),
  };
}

function readingField(interpretation: string | null): EmbedField[] {
  return interpretation
    ? [
        {
          name: 'Our reading (not ACE’s wording)',
          value: truncate(interpretation, LIMITS.fieldValue),
        },
      ]
    : [];
}

function howField(opportunity: AnyOpportunity | null): EmbedField[] {
  return opportunity
    ? [{ name: 'How to submit', value: opportunity.suggest?.how ?? HOW_UNSTATED }]
    : [];
}

function details(embed: Embed): Reply {
  return { ephemeral: true, embeds: [{ ...embed, footer: { text: DISCLAIMER } }] };
}

/** "Details" of an opportunity: what counts, limit, evidence, our reading, the source, how to submit. */
export function renderOpportunityDetails(opportunity: AnyOpportunity): Reply {
  return details({
    title: opportunity.name,
    color: COLORS.info,
    description: `**${opportunity.value}**\n${opportunity.description}`,
    fields: [
      { name: 'Limit per cycle', value: limitText(opportunity.limitPerCycle), inline: true },
      { name: 'Keep as evidence', value: opportunity.evidence },
      ...readingField(opportunity.interpretation),
      sourceField({ ...opportunity.source, verbatim: true }),
      ...howField(opportunity),
    ],
  });
}

/** `/cec present` and the other fixed-value opportunities. */
export function renderOpportunity(opportunity: AnyOpportunity, buttons: Button[]): Reply {
  return short(opportunity.name, opportunity.value, COLORS.info, buttons);
}

/** `/cec cpr` and `/cec college`: one activity's value, with the reason (also when it is 0). */
export function renderCredit(
  what: string,
  credit: { tenths: number; reason: string },
  buttons: Button[],
): Reply {
  const color = credit.tenths > 0 ? COLORS.good : COLORS.warn;
  return short(
    `${what}: ${cecs(credit.tenths)}`,
    firstSentence(credit.reason, SHORT_ANSWER_MAX),
    color,
    buttons,
  );
}

/** `/cec course`: a well-formed number; its CECs are on the certificate. */
export function renderCourseNumber(
  check: Extract<CourseNumberCheck, { valid: true }>,
  buttons: Button[],
): Reply {
  return short(
    `${check.normalized} is a well-formed ACE course number`,
    'Its CECs are printed on your certificate of completion, next to the course number.',
    COLORS.good,
    buttons,
  );
}

type Understood = Extract<QuestionResult, { understood: true }>;

/** The value of an understood question, in a line or as a list; null for a renewal fact. */
function valueLine(result: Understood, layout: 'line' | 'list'): string | null {
  if (result.tenths !== null) return `**${cecs(result.tenths)}**`;
  if (result.options.length > 0) {
    const options = result.options.map((o) => `${o.label}: **${formatCecs(o.tenths)}**`);
    return layout === 'line' ? options.join('; ') : options.map((o) => `• ${o}`).join('\n');
  }
  // An approved course's CECs are on its certificate.
  return result.opportunity === 'approved-course' ? 'The CECs printed on the certificate' : null;
}

/** `/cec ask` not understood: what it did not understand, with suggestions (private). */
function renderNotUnderstood(result: Extract<QuestionResult, { understood: false }>): Reply {
  const suggestions = result.suggestions.map((s) => `• ${s.name}: try \`${s.example}\``);
  return { ephemeral: true, content: [plain(result.message), ...suggestions].join('\n') };
}

/**
 * `/cec ask`: the value and the first sentence of the explanation; without buttons (none
 * could be given), the whole answer as before.
 */
export function renderAnswer(result: QuestionResult, buttons: Button[]): Reply {
  if (!result.understood) return renderNotUnderstood(result);
  if (buttons.length === 0) return { ...renderAnswerDetails(result), ephemeral: false };
  const value = valueLine(result, 'line');
  const why = firstSentence(result.explanation, SHORT_ANSWER_MAX);
  return short(result.name, value ? `${value}. ${why}` : why, COLORS.info, buttons);
}

/** "Details" of `/cec ask`: the whole answer, privately. */
export function renderAnswerDetails(result: QuestionResult): Reply {
  if (!result.understood) return renderNotUnderstood(result);
  const value = valueLine(result, 'list');
  const opportunity = result.opportunity ? getOpportunity(result.opportunity) : null;
  return details({
    title: truncate(result.name, LIMITS.embedTitle),
    color: COLORS.info,
    description: value ? `${value}\n${result.explanation}` : result.explanation,
    fields: [
      { name: 'You asked', value: truncate(plain(result.query), LIMITS.fieldValue) },
      ...(result.kind === 'activity'
        ? [{ name: 'Limit per cycle', value: limitText(result.limitPerCycle), inline: true }]
        : []),
      ...readingField(result.interpretation),
      sourceField(result.source),
      ...(result.kind === 'activity' ? howField(opportunity) : []),
    ],
  });
}
