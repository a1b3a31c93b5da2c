import { defineOpportunity, type Opportunity } from './opportunity.js';

export const opportunity = defineOpportunity({
  id: 'publication',
  name: 'Publishing',
  command: { name: 'publish', description: 'An article, book or peer-reviewed paper' },
  limitPerCycle: null,
  fields: [{ name: 'title', type: 'text', label: 'Title', example: 'Strength after 60' }],
  credit: () => ({
    tenths: 5,
    reason:
      'Publishing a fitness-related article, book or peer-reviewed paper earns 0.5 CECs (S1).',
  }),
  label: (activity) => `Publication: ${activity.title}`,
  value: '0.5 for a publication',
  description: 'A fitness-related article or book, or a paper in a peer-reviewed journal.',
  evidence: 'A copy or link of the publication, showing you as author and the publication date.',
  source: {
    id: 'S1',
    quote:
      'Publishing. Publishing fitness-related articles or books or in peer-reviewed journals can net you 0.5 CECs.',
  },
  interpretation:
    'The source gives 0.5 CECs without saying per what or how often: we credit 0.5 for each publication and show no limit per cycle; ACE may decide differently.',
  question: {
    keywords: [
      'publish',
      'published',
      'publishing',
      'publication',
      'article',
      'book',
      'journal',
      'paper',
      'blog post',
      'wrote',
      'author',
    ],
    examples: ['published a book', 'wrote an article'],
    answer: () => ({
      tenths: 5,
      explanation:
        'Publishing a fitness-related article, book or peer-reviewed journal paper can earn 0.5 CECs.',
    }),
  },
  examples: [{ activity: { kind: 'publication', title: 'Strength after 60' } }],
});
export type PublicationActivity = typeof opportunity extends Opportunity<infer A> ? A : never;
