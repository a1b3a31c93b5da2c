import { defineOpportunity, type Opportunity } from './opportunity.js';

export const opportunity = defineOpportunity({
  id: 'presentation',
  name: 'Presenting',
  command: { name: 'present', description: 'A professional presentation' },
  limitPerCycle: 5,
  fields: [
    {
      name: 'title',
      type: 'text',
      label: 'Title',
      example: 'Cueing for older adults',
      optional: true,
    },
  ],
  credit: () => ({
    tenths: 5,
    reason:
      'A professional health and fitness presentation earns 0.5 CECs, at most 0.5 per cycle (S1).',
  }),
  label: (activity) => (activity.title ? `Presentation: ${activity.title}` : 'Presentation'),
  value: '0.5 for presenting, at most 0.5 per cycle',
  description: 'A professional presentation related to the health and fitness industry.',
  evidence:
    'Proof of the presentation: the program or agenda listing you as presenter, the date and the audience.',
  source: {
    id: 'S1',
    quote:
      'Presenting. Professional presentations relating to the health and fitness industry can earn up to 0.5 CECs per renewal cycle.',
  },
  interpretation:
    '"Up to 0.5 CECs per renewal cycle": we credit 0.5 for a presentation and never more than 0.5 in total per cycle, however many you give.',
  question: {
    keywords: [
      'present',
      'presenting',
      'presentation',
      'presented',
      'talk',
      'lecture',
      'speaking',
      'speaker',
      'workshop',
      'webinar',
    ],
    examples: ['presenting', 'gave a talk at a conference'],
    answer: () => ({
      tenths: 5,
      explanation:
        'A professional presentation related to the health and fitness industry earns up to 0.5 CECs per renewal cycle.',
    }),
  },
  examples: [{ activity: { kind: 'presentation', title: 'Cueing for older adults' } }],
});
export type PresentationActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
