import { HOW_UNSTATED } from '../submission.js';
import { formatCecs, type Tenths } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

/** S1: "up to 0.5 CECs per renewal cycle": the credit of one presentation and the cycle's limit. */
const PRESENTING: Tenths = 5;
const cecs = formatCecs(PRESENTING);

export const opportunity = defineOpportunity({
  id: 'presentation',
  name: 'Presenting',
  command: { name: 'present', description: 'A professional presentation' },
  limitPerCycle: PRESENTING,
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
    tenths: PRESENTING,
    reason: `A professional health and fitness presentation earns ${cecs} CECs, at most ${cecs} per cycle (S1).`,
  }),
  label: (activity) => (activity.title ? `Presentation: ${activity.title}` : 'Presentation'),
  value: `${cecs} for presenting, at most ${cecs} per cycle`,
  description: 'A professional presentation related to the health and fitness industry.',
  evidence:
    'Proof of the presentation: the program or agenda listing you as presenter, the date and the audience.',
  source: {
    id: 'S1',
    quote:
      'Presenting. Professional presentations relating to the health and fitness industry can earn up to 0.5 CECs per renewal cycle.',
  },
  interpretation: `"Up to ${cecs} CECs per renewal cycle": we credit ${cecs} for a presentation and never more than ${cecs} in total per cycle, however many you give.`,
  suggest: {
    adds: PRESENTING,
    effort: 2,
    text: `Give a professional presentation on a health or fitness subject: ${cecs} CECs, once per cycle.`,
    how: HOW_UNSTATED,
  },
  examples: [{ activity: { kind: 'presentation', title: 'Cueing for older adults' } }],
});
export type PresentationActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
