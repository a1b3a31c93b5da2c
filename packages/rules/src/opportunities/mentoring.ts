import { HOW_UNSTATED } from '../submission.js';
import { formatCecs, type Tenths } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

/** S1: "may be worth 0.1 CECs per renewal cycle": one activity's credit and the cycle's limit. */
const OUTREACH: Tenths = 1;
const cecs = formatCecs(OUTREACH);

export const opportunity = defineOpportunity({
  id: 'mentoring',
  name: 'Mentoring and community outreach',
  command: { name: 'mentor', description: 'Mentoring or community outreach' },
  limitPerCycle: OUTREACH,
  fields: [
    {
      name: 'title',
      type: 'text',
      label: 'Description',
      help: 'What you did, and for whom',
      example: 'Youth running club',
      optional: true,
    },
  ],
  credit: () => ({
    tenths: OUTREACH,
    reason: `Fitness-related community outreach earns ${cecs} CECs, at most ${cecs} per cycle (S1).`,
  }),
  label: (activity) => (activity.title ? `Outreach: ${activity.title}` : 'Community outreach'),
  value: `${cecs} per cycle`,
  description:
    'Community outreach in a fitness-related capacity, such as mentoring or volunteering.',
  evidence: 'A letter or record from the organisation, with the dates and what you did.',
  source: {
    id: 'S1',
    quote:
      'Mentoring. Community outreach in a fitness related capacity may be worth 0.1 CECs per renewal cycle.',
  },
  interpretation: `"${cecs} CECs per renewal cycle": we credit ${cecs} for outreach and at most ${cecs} in total per cycle.`,
  suggest: {
    adds: OUTREACH,
    effort: 1,
    text: `Do fitness-related community outreach, such as mentoring or volunteering: ${cecs} CECs, once per cycle.`,
    how: HOW_UNSTATED,
  },
  examples: [{ activity: { kind: 'mentoring', title: 'Youth running club' } }],
});
export type MentoringActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
