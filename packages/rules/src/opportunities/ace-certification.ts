import { CREDENTIAL_CHOICES, credentialName } from '../credentials.js';
import { HOW_UNSTATED } from '../submission.js';
import { formatCecs, REQUIRED_TENTHS } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

const required = formatCecs(REQUIRED_TENTHS);

export const opportunity = defineOpportunity({
  id: 'ace-certification',
  name: 'An extra ACE certification',
  command: { name: 'extra-cert', description: 'An extra ACE certification you earned' },
  limitPerCycle: null,
  fields: [
    {
      name: 'credential',
      type: 'choice',
      label: 'ACE certification earned',
      example: 'health-coach',
      choices: CREDENTIAL_CHOICES,
    },
  ],
  credit(activity, context) {
    if (context.credential === activity.credential) {
      return {
        tenths: 0,
        reason: `This is the ${credentialName(activity.credential)} itself: earning it starts its own first cycle.`,
      };
    }
    return {
      tenths: REQUIRED_TENTHS,
      reason: `Earning the ${credentialName(activity.credential)} meets the whole ${required} CEC requirement (S1).`,
    };
  },
  label: (activity) => `Earned the ${credentialName(activity.credential)}`,
  value: `Meets the whole ${required} CEC requirement of your other ACE certifications`,
  description: `Earning another ACE certification meets the ${required} CEC requirement of each ACE certification you already hold whose current cycle includes the day you earned it. The new certification starts its own first cycle.`,
  evidence: 'The new certificate, with the date you earned it.',
  source: {
    id: 'S1',
    quote:
      'Earning an extra certification. Obtaining an extra ACE certification meets the 2.0 CEC requirement to renew your current certification. Also, keep in mind that CEC credits apply to both certifications if earned during the current cycle of each one.',
  },
  interpretation: `We credit the extra certification as ${required} CECs toward each of your other ACE certifications whose current cycle contains the date you earned it, and as nothing toward the new one (it starts its own cycle). CPR/AED and the ethics hour are separate requirements, so we still show them on the checklist.`,
  suggest: {
    adds: 'rest',
    effort: 3,
    text: `Earn another ACE certification: it meets the whole ${required} CEC requirement of this one.`,
    how: HOW_UNSTATED,
  },
  examples: [{ activity: { kind: 'ace-certification', credential: 'health-coach' } }],
});
export type AceCertificationActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
