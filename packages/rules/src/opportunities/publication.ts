import { HOW_UNSTATED } from '../submission.js';
import { formatCecs, type Tenths } from '../units.js';
import { defineOpportunity, type Opportunity } from './opportunity.js';

/** S1: publishing "can net you 0.5 CECs". */
const PUBLISHING: Tenths = 5;
const cecs = formatCecs(PUBLISHING);

export const opportunity = defineOpportunity({
  id: 'publication',
  name: 'Publishing',
  command: { name: 'publish', description: 'An article, book or peer-reviewed paper' },
  limitPerCycle: null,
  fields: [{ name: 'title', type: 'text', label: 'Title', example: 'Strength after 60' }],
  credit: () => ({
    tenths: PUBLISHING,
    reason: `Publishing a fitness-related article, book or peer-reviewed paper earns ${cecs} CECs (S1).`,
  }),
  label: (activity) => `Publication: ${activity.title}`,
  // The same publication entered twice is one publication.
  repeatKey: (activity) =>
    `The publication "${activity.title.trim().replace(/\s+/g, ' ').toLowerCase()}"`,
  repeatReason: 'One publication earns its credit once, however often it is entered.',
  value: `${cecs} for a publication`,
  description: 'A fitness-related article or book, or a paper in a peer-reviewed journal.',
  evidence: 'A copy or link of the publication, showing you as author and the publication date.',
  source: {
    id: 'S1',
    quote:
      'Publishing. Publishing fitness-related articles or books or in peer-reviewed journals can net you 0.5 CECs.',
  },
  interpretation: `The source gives ${cecs} CECs without saying per what or how often: we credit ${cecs} for each different publication (the same title entered twice counts once) and show no limit per cycle; ACE may decide differently.`,
  suggest: {
    adds: PUBLISHING,
    effort: 3,
    text: `Publish a fitness article, book or peer-reviewed paper: ${cecs} CECs.`,
    how: HOW_UNSTATED,
  },
  examples: [{ activity: { kind: 'publication', title: 'Strength after 60' } }],
});
export type PublicationActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
