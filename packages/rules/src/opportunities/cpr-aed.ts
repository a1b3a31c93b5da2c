import { HOW_UNSTATED } from '../submission.js';
import { formatCecs } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

export const CPR_TERMS = {
  '1yr': { tenths: 2, label: '1-year' },
  '2yr': { tenths: 4, label: '2-year' },
} as const;
export type CprTerm = keyof typeof CPR_TERMS;
const oneYear = formatCecs(CPR_TERMS['1yr'].tenths);
const twoYears = formatCecs(CPR_TERMS['2yr'].tenths);

export const opportunity = defineOpportunity({
  id: 'cpr-aed',
  name: 'CPR/AED renewal',
  command: { name: 'cpr', description: 'A CPR/AED certificate' },
  limitPerCycle: null,
  fields: [
    {
      name: 'term',
      type: 'choice',
      label: 'Certificate length',
      help: 'As printed on your CPR/AED card',
      example: '2yr',
      forValue: true,
      choices: [
        { value: '1yr', label: `${CPR_TERMS['1yr'].label} certificate` },
        { value: '2yr', label: `${CPR_TERMS['2yr'].label} certificate` },
      ],
    },
    {
      name: 'skills',
      type: 'choice',
      label: 'Live skills check',
      help: 'ACE accepts only a course with an in-person skills check',
      example: 'in-person',
      optional: true,
      // An online-only card earns nothing, so it tells the value.
      forValue: true,
      choices: [
        { value: 'in-person', label: 'In person or blended, with a live skills check' },
        { value: 'online-only', label: 'Online only, no live skills check' },
      ],
    },
  ],
  credit(activity) {
    if (activity.skills === 'online-only') {
      return {
        tenths: 0,
        reason:
          'An online-only CPR/AED course has no live skills check, which ACE requires (S2, S6): we count it neither for CECs nor as your current CPR/AED certificate.',
      };
    }
    const term = CPR_TERMS[activity.term];
    return {
      tenths: term.tenths,
      reason: `A ${term.label} CPR/AED certification is worth ${formatCecs(term.tenths)} CECs (S1).`,
    };
  },
  label: (activity) => `${CPR_TERMS[activity.term].label} CPR/AED certificate`,
  value: `${oneYear} for a 1-year certificate, ${twoYears} for a 2-year certificate`,
  description:
    'Renewing your adult CPR/AED certification earns CECs by the length of the new certificate. A current CPR/AED certificate is also required to renew (S2, S6).',
  evidence: 'Your CPR/AED card or certificate, showing the completion and expiration dates.',
  source: {
    id: 'S1',
    quote:
      'Renewing CPR/AED. A one-year CPR/AED certification will merit a total of 0.2 CECs, while a two-year certification is worth 0.4 CECs.',
  },
  interpretation:
    'We treat a certificate as valid for its length (1 or 2 years) from its completion date when checking that it is current on your expiration date; the date printed on your card is what counts. An online-only course (no live skills check) is not accepted by ACE (S2, S6), so we credit it nothing; when you do not say how the course was taught, the checklist asks you to make sure it had a live skills check.',
  notes: [
    {
      source: 'S3',
      quote: 'Yes. You can earn 0.2 CEC each for CPR, AED, and First-Aid.',
      text: `An older ACE FAQ (S3) gives 0.2 CEC each for CPR, AED and First Aid instead. The two pages disagree and neither is dated against the other: we follow S1 for CPR/AED (${oneYear} for a 1-year, ${twoYears} for a 2-year certificate) and credit First Aid separately, as S3's.`,
    },
  ],
  suggest: {
    adds: CPR_TERMS['2yr'].tenths,
    effort: 1,
    text: `Renew your adult CPR/AED certification in a course with a live skills check: a 2-year card adds ${twoYears} CECs.`,
    how: HOW_UNSTATED,
  },
  examples: [
    { activity: { kind: 'cpr-aed', term: '1yr' } },
    { activity: { kind: 'cpr-aed', term: '2yr' } },
  ],
});
export type CprAedActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
