import * as z from 'zod/mini';
import { CREDENTIAL_IDS, type CredentialId, credentialName } from '../credentials.js';
import { completedField, fieldError } from '../fields.js';
import { REQUIRED_TENTHS } from '../units.js';
import type { OpportunityGuide, OpportunityRule } from './opportunity.js';

const schema = z.strictObject({
  kind: z.literal('ace-certification'),
  credential: z.enum(
    CREDENTIAL_IDS as [CredentialId, ...CredentialId[]],
    fieldError('Credential', `one of ${CREDENTIAL_IDS.join(', ')}`),
  ),
  completed: completedField,
});
export type AceCertificationActivity = z.infer<typeof schema>;

export const rule: OpportunityRule<AceCertificationActivity> = {
  id: 'ace-certification',
  name: 'An extra ACE certification',
  limitPerCycle: null,
  schema,
  credit(activity, context) {
    if (context.credential === activity.credential) {
      return {
        tenths: 0,
        reason: `This is the ${credentialName(activity.credential)} itself: earning it starts its own first cycle.`,
      };
    }
    return {
      tenths: REQUIRED_TENTHS,
      reason: `Earning the ${credentialName(activity.credential)} meets the whole 2.0 CEC requirement (S1).`,
    };
  },
  label: (activity) => `Earned the ${credentialName(activity.credential)}`,
};

export const guide: OpportunityGuide<AceCertificationActivity> = {
  id: 'ace-certification',
  value: 'Meets the whole 2.0 CEC requirement of your other ACE certifications',
  description:
    'Earning another ACE certification meets the 2.0 CEC requirement of each ACE certification you already hold whose current cycle includes the day you earned it. The new certification starts its own first cycle.',
  evidence: 'The new certificate, with the date you earned it.',
  source: {
    id: 'S1',
    quote:
      'Earning an extra certification. Obtaining an extra ACE certification meets the 2.0 CEC requirement to renew your current certification. Also, keep in mind that CEC credits apply to both certifications if earned during the current cycle of each one.',
  },
  interpretation:
    'We credit the extra certification as 2.0 CECs toward each of your other ACE certifications whose current cycle contains the date you earned it, and as nothing toward the new one (it starts its own cycle). CPR/AED and the ethics hour are separate requirements, so we still show them on the checklist.',
  question: {
    keywords: [
      'another ace',
      'extra ace',
      'second ace',
      'new ace',
      'additional ace',
      'ace cert',
      'ace certification',
      'extra certification',
      'another certification',
      'extra cert',
      'health coach',
      'group fitness',
      'personal trainer',
      'medical exercise',
    ],
    examples: ['another ACE cert', 'earned the ACE health coach certification'],
    answer: () => ({
      tenths: REQUIRED_TENTHS,
      explanation:
        'An extra ACE certification meets the whole 2.0 CEC requirement of your other ACE certification(s) whose current cycle includes the day you earn it.',
    }),
  },
  examples: [{ activity: { kind: 'ace-certification', credential: 'health-coach' } }],
};
