/**
 * Answers to the renewal questions people ask most, each built from the
 * rules' own constants and facts and citing their sources.
 */
import { cycleOf, GRACE_MONTHS } from '../cycle.js';
import { addMonths, formatUsDate } from '../dates.js';
import { opportunity as cprAed } from '../opportunities/cpr-aed.js';
import { getOpportunity, OPPORTUNITIES, type OpportunityId } from '../opportunities/index.js';
import { ETHICS_TENTHS, RENEWAL_REQUIREMENT } from '../requirements.js';
import { FACTS } from '../sources.js';
import { HOW_COURSE_NUMBER, HOW_UNSTATED, SUBMISSION_STEPS } from '../submission.js';
import { floorTenths, formatCecs, REQUIRED_TENTHS } from '../units.js';
import { type Answer, cited, quoted } from './answer.js';
import { amountIn } from './entities.js';
import type { Entities, RenewalIntent } from './intents.js';

type Part = Omit<Answer, 'intent' | 'limitPerCycle'>;

const required = formatCecs(REQUIRED_TENTHS);

export const RENEWAL_NAMES: Record<RenewalIntent, string> = {
  requirement: 'Renewal requirement',
  deadline: 'Renewal deadline',
  grace: 'Grace period',
  'carry-over': 'Carrying CECs over',
  ethics: 'Professional conduct and ethics',
  'cpr-requirement': 'CPR/AED requirement',
  submit: 'Submitting CECs',
  repeat: 'Repeating a course',
  units: 'What a CEC is',
  opportunities: 'Ways to earn CECs',
};

function fact(
  intent: RenewalIntent,
  f: { sources: readonly Parameters<typeof quoted>[0][]; text: string },
  more = '',
  opportunity: OpportunityId | null = null,
): Part {
  return {
    opportunity,
    name: RENEWAL_NAMES[intent],
    tenths: null,
    options: [],
    explanation: `${f.text}${more}`,
    interpretation: '',
    sources: cited(f),
  };
}

function step(name: string): string {
  return SUBMISSION_STEPS.find((s) => s.step === name)?.quote ?? '';
}

function requirement(e: Entities): Part {
  const earned = e.earned?.value ?? null;
  const base = { ...fact('requirement', FACTS.requirement), explanation: RENEWAL_REQUIREMENT };
  if (earned === null) return { ...base, tenths: REQUIRED_TENTHS };
  const remaining = Math.max(0, REQUIRED_TENTHS - floorTenths(earned));
  const sofar = `With ${formatCecs(floorTenths(earned))} earned in the cycle, `;
  return {
    ...base,
    tenths: remaining,
    explanation: `${RENEWAL_REQUIREMENT} ${sofar}${remaining > 0 ? `${formatCecs(remaining)} to go.` : 'the CEC total is met; CPR/AED and the ethics hour are checked separately.'}`,
  };
}

function deadline(e: Entities): Part {
  const dated = e.date
    ? (() => {
        const cycle = cycleOf({ expires: e.date });
        return ` For an expiration on ${formatUsDate(cycle.end)}, the cycle runs ${formatUsDate(cycle.start)} to ${formatUsDate(cycle.end)}, and late renewal is possible until ${formatUsDate(addMonths(cycle.end, GRACE_MONTHS))}.`;
      })()
    : '';
  return {
    ...fact('deadline', FACTS.requirement),
    // The deadline first: a short answer (the bot's channel reply) keeps only the first sentence.
    explanation: `Your cycle ends on the expiration date your ACE account shows: the ${required} CECs must be completed in the two years up to it.${dated} ${FACTS.requirement.text} ${FACTS.grace.text}`,
    interpretation:
      'ACE publishes no exact rule for the expiration date: use the one your ACE account shows.',
    sources: [...cited(FACTS.requirement), ...cited(FACTS.grace)],
  };
}

function grace(e: Entities): Part {
  const until = e.date
    ? ` After an expiration on ${formatUsDate(e.date)}, late renewal is possible until ${formatUsDate(addMonths(e.date, GRACE_MONTHS))}.`
    : '';
  return fact('grace', FACTS.grace, `${until} ${RENEWAL_REQUIREMENT}`);
}

function submit(activity: OpportunityId | null): Part {
  if (activity) {
    const o = getOpportunity(activity);
    return {
      opportunity: activity,
      name: `Submitting: ${o.name}`,
      tenths: null,
      options: [],
      explanation: o.suggest?.how ?? HOW_UNSTATED,
      interpretation: '',
      sources: [quoted(o.source.id, o.source.quote)],
    };
  }
  return {
    opportunity: 'approved-course',
    name: RENEWAL_NAMES.submit,
    tenths: null,
    options: [],
    explanation: `${HOW_COURSE_NUMBER} ${step('No course number?')} ${step('A course that is not ACE-approved')}`,
    interpretation: '',
    sources: [quoted('S1', step('Enter the course number'))],
  };
}

function units(e: Entities): Part {
  const cecs = amountIn(e.amounts, 'cecs');
  const hours = amountIn(e.amounts, 'hours', 'contact-hours');
  // Tenths of a CEC are contact hours (units.ts).
  const converted =
    cecs?.value != null
      ? ` ${formatCecs(floorTenths(cecs.value))} CEC is ${floorTenths(cecs.value)} contact hour${floorTenths(cecs.value) === 1 ? '' : 's'}.`
      : hours?.value != null
        ? ` ${hours.value} contact hour${hours.value === 1 ? '' : 's'} are ${formatCecs(floorTenths(hours.value / 10))} CECs.`
        : '';
  return fact(
    'units',
    FACTS.requirement,
    `${converted} Our sources speak of CECs (continuing education credits) only.`,
  );
}

function opportunities(): Part {
  return {
    opportunity: null,
    name: RENEWAL_NAMES.opportunities,
    tenths: null,
    options: [],
    explanation: OPPORTUNITIES.map((o) => `${o.name}: ${o.value}.`).join(' '),
    interpretation: '',
    sources: [...new Set(OPPORTUNITIES.map((o) => o.source.id))].map((id) => ({
      ...quoted(id, 'The opportunities this source lists.'),
      verbatim: false,
    })),
  };
}

export function answerRenewal(
  intent: RenewalIntent,
  e: Entities,
  activity: OpportunityId | null,
): Answer {
  const part = ((): Part => {
    switch (intent) {
      case 'requirement':
        return requirement(e);
      case 'deadline':
        return deadline(e);
      case 'grace':
        return grace(e);
      case 'carry-over':
        return fact(intent, FACTS.noCarryOver);
      case 'ethics':
        return {
          ...fact(
            intent,
            FACTS.ethics,
            ' An ACE-approved course (or a petitioned one) that covers professional conduct and ethics meets it: mark it "ethics".',
          ),
          tenths: ETHICS_TENTHS,
        };
      case 'cpr-requirement':
        return {
          ...fact(
            intent,
            FACTS.cprAed,
            ` Renewing it also earns CECs: ${cprAed.value} (S1).`,
            'cpr-aed',
          ),
          interpretation: cprAed.interpretation,
        };
      case 'submit':
        return submit(activity);
      case 'repeat':
        return fact(intent, FACTS.noRepeat, '', 'approved-course');
      case 'units':
        return units(e);
      case 'opportunities':
        return opportunities();
    }
  })();
  return { ...part, intent, limitPerCycle: null };
}
