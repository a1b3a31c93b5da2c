import { HOW_UNSTATED } from '../submission.js';
import { formatCecs, type Tenths } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

/** S3: "You can earn 0.2 CEC each for CPR, AED, and First-Aid." S1 does not list First Aid. */
const FIRST_AID: Tenths = 2;
const cecs = formatCecs(FIRST_AID);

export const opportunity = defineOpportunity({
  id: 'first-aid',
  name: 'First Aid renewal',
  command: { name: 'first-aid', description: 'A First Aid certificate (S3)' },
  limitPerCycle: null,
  fields: [
    {
      name: 'title',
      type: 'text',
      label: 'Course or provider',
      example: 'Red Cross First Aid',
      optional: true,
    },
  ],
  credit: () => ({
    tenths: FIRST_AID,
    reason: `A First Aid re-certification earns ${cecs} CECs according to S3, an ACE FAQ (S1 does not list First Aid).`,
  }),
  label: (activity) => (activity.title ? `First Aid: ${activity.title}` : 'First Aid certificate'),
  value: `${cecs} for a First Aid re-certification (from S3, not S1)`,
  description:
    'Renewing a First Aid certification. S1, this project’s main source, does not list it; an ACE FAQ (S3) credits it.',
  evidence: 'Your First Aid card or certificate, showing the completion date.',
  source: {
    id: 'S3',
    quote: 'Yes. You can earn 0.2 CEC each for CPR, AED, and First-Aid.',
  },
  interpretation: `Only S3, an undated ACE FAQ, credits First Aid (${cecs} CEC); S1 does not mention it. We credit ${cecs} per re-certification and set no limit, since S3 states none. Check with ACE before counting on it.`,
  suggest: {
    adds: FIRST_AID,
    effort: 1,
    text: `Renew your First Aid certification: ${cecs} CECs according to S3 (S1 does not list it).`,
    how: HOW_UNSTATED,
  },
  examples: [{ activity: { kind: 'first-aid' } }],
});
export type FirstAidActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
