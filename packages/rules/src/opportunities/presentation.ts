import * as z from 'zod/mini';
import { completedField, textField } from '../fields.js';
import type { OpportunityGuide, OpportunityRule } from './opportunity.js';

const schema = z.strictObject({
  kind: z.literal('presentation'),
  title: z.optional(textField('Title')),
  completed: completedField,
});
export type PresentationActivity = z.infer<typeof schema>;

export const rule: OpportunityRule<PresentationActivity> = {
  id: 'presentation',
  name: 'Presenting',
  limitPerCycle: 5,
  schema,
  credit: () => ({
    tenths: 5,
    reason:
      'A professional health and fitness presentation earns 0.5 CECs, at most 0.5 per cycle (S1).',
  }),
  label: (activity) => (activity.title ? `Presentation: ${activity.title}` : 'Presentation'),
};

export const guide: OpportunityGuide<PresentationActivity> = {
  id: 'presentation',
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
};
