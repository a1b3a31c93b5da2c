/**
 * Public answers to `/cec`: what an opportunity is worth, its limit, our
 * reading of the source where it is ambiguous, and the source quote itself.
 */
import {
  type AnyOpportunity,
  type CourseNumberCheck,
  formatCecs,
  type QuestionResult,
  SOURCES,
} from '@cec/rules';
import { cecs, DISCLAIMER, plain, truncate } from './format.js';
import { COLORS, type EmbedField, LIMITS, type Reply } from './payload.js';

function limitText(limit: number | null): string {
  return limit === null ? 'None stated by the source' : `${cecs(limit)} per cycle`;
}

function sourceField(opportunity: AnyOpportunity): EmbedField {
  const source = SOURCES[opportunity.source.id];
  return {
    name: `Source (${source.id})`,
    value: truncate(
      `> ${opportunity.source.quote}\n[${source.title}](${source.url})`,
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

/** `/cec present` and the other fixed-value opportunities. */
export function renderOpportunity(opportunity: AnyOpportunity): Reply {
  return {
    ephemeral: false,
    embeds: [
      {
        title: opportunity.name,
        color: COLORS.info,
        description: `**${opportunity.value}**\n${opportunity.description}`,
        fields: [
          { name: 'Limit per cycle', value: limitText(opportunity.limitPerCycle), inline: true },
          { name: 'Keep as evidence', value: opportunity.evidence },
          ...readingField(opportunity.interpretation),
          sourceField(opportunity),
        ],
        footer: { text: DISCLAIMER },
      },
    ],
  };
}

/** `/cec cpr` and `/cec college`: one activity's value, with the reason (also when it is 0). */
export function renderCredit(
  opportunity: AnyOpportunity,
  what: string,
  credit: { tenths: number; reason: string },
): Reply {
  return {
    ephemeral: false,
    embeds: [
      {
        title: `${what}: ${cecs(credit.tenths)}`,
        color: credit.tenths > 0 ? COLORS.good : COLORS.warn,
        description: credit.reason,
        fields: [
          { name: 'Limit per cycle', value: limitText(opportunity.limitPerCycle), inline: true },
          ...readingField(opportunity.interpretation),
          sourceField(opportunity),
        ],
        footer: { text: DISCLAIMER },
      },
    ],
  };
}

/** `/cec course`: a well-formed number; its CECs are on the certificate. */
export function renderCourseNumber(
  check: Extract<CourseNumberCheck, { valid: true }>,
  opportunity: AnyOpportunity,
): Reply {
  return {
    ephemeral: false,
    embeds: [
      {
        title: `${check.normalized} is a well-formed ACE course number`,
        color: COLORS.good,
        description: [
          'Its CECs are printed on your certificate of completion, next to the course number; ACE’s form fills them in when you enter a real number.',
          'A well-formed number does not prove the course exists or is still approved.',
          `Record it with \`/log course number:${check.normalized} cecs:<from the certificate> date:<MM/DD/YYYY>\`.`,
        ].join('\n'),
        fields: [...readingField(opportunity.interpretation), sourceField(opportunity)],
        footer: { text: DISCLAIMER },
      },
    ],
  };
}

/** `/cec ask`: the parser's answer, or what it did not understand with suggestions. */
export function renderAnswer(result: QuestionResult): Reply {
  if (!result.understood) {
    const suggestions = result.suggestions.map((s) => `• ${s.name}: try \`${s.example}\``);
    return {
      ephemeral: true,
      content: [plain(result.message), ...suggestions].join('\n'),
    };
  }
  // A renewal question (the deadline, carry-over…) has no amount; an approved course's is on its certificate.
  const value =
    result.tenths !== null
      ? `**${cecs(result.tenths)}**`
      : result.options.length > 0
        ? result.options.map((o) => `• ${o.label}: **${formatCecs(o.tenths)}**`).join('\n')
        : result.opportunity === 'approved-course'
          ? 'The CECs printed on the certificate'
          : null;
  return {
    ephemeral: false,
    embeds: [
      {
        title: truncate(`${result.name}`, LIMITS.embedTitle),
        color: COLORS.info,
        description: value ? `${value}\n${result.explanation}` : result.explanation,
        fields: [
          { name: 'You asked', value: truncate(plain(result.query), LIMITS.fieldValue) },
          ...(result.kind === 'activity'
            ? [{ name: 'Limit per cycle', value: limitText(result.limitPerCycle), inline: true }]
            : []),
          ...readingField(result.interpretation),
          {
            name: `Source (${result.source.id})`,
            value: truncate(
              // A quote only when it is the source's own words; otherwise the fact, in ours.
              `${result.source.verbatim ? '> ' : ''}${result.source.quote}\n[${result.source.title}](${result.source.url})`,
              LIMITS.fieldValue,
            ),
          },
        ],
        footer: { text: DISCLAIMER },
      },
    ],
  };
}
