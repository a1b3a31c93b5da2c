import { defineOpportunity, type Opportunity } from './opportunity.js';

export const opportunity = defineOpportunity({
  id: 'mentoring',
  name: 'Mentoring and community outreach',
  command: { name: 'mentor', description: 'Mentoring or community outreach' },
  limitPerCycle: 1,
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
    tenths: 1,
    reason: 'Fitness-related community outreach earns 0.1 CECs, at most 0.1 per cycle (S1).',
  }),
  label: (activity) => (activity.title ? `Outreach: ${activity.title}` : 'Community outreach'),
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
});
export type MentoringActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
