import * as z from 'zod/mini';
import { completedField, textField } from '../fields.js';
import type { OpportunityGuide, OpportunityRule } from './opportunity.js';

const schema = z.strictObject({
  kind: z.literal('mentoring'),
  title: z.optional(textField('Description')),
  completed: completedField,
});
export type MentoringActivity = z.infer<typeof schema>;

export const rule: OpportunityRule<MentoringActivity> = {
  id: 'mentoring',
  name: 'Mentoring and community outreach',
  limitPerCycle: 1,
  schema,
  credit: () => ({
    tenths: 1,
    reason: 'Fitness-related community outreach earns 0.1 CECs, at most 0.1 per cycle (S1).',
  }),
  label: (activity) => (activity.title ? `Outreach: ${activity.title}` : 'Community outreach'),
};

export const guide: OpportunityGuide<MentoringActivity> = {
  id: 'mentoring',
  value: '0.1 per cycle',
  description:
    'Community outreach in a fitness-related capacity, such as mentoring or volunteering.',
  evidence: 'A letter or record from the organisation, with the dates and what you did.',
  source: {
    id: 'S1',
    quote:
      'Mentoring. Community outreach in a fitness related capacity may be worth 0.1 CECs per renewal cycle.',
  },
  interpretation:
    '"0.1 CECs per renewal cycle": we credit 0.1 for outreach and at most 0.1 in total per cycle.',
  question: {
    keywords: [
      'mentor',
      'mentoring',
      'mentored',
      'outreach',
      'community',
      'volunteer',
      'volunteering',
      'coaching kids',
      'charity',
    ],
    examples: ['community outreach', 'mentoring'],
    answer: () => ({
      tenths: 1,
      explanation: 'Fitness-related community outreach may be worth 0.1 CECs per renewal cycle.',
    }),
  },
  examples: [{ activity: { kind: 'mentoring', title: 'Youth running club' } }],
};
