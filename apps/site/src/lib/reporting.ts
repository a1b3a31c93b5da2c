/**
 * How each kind of activity reaches ACE, as far as the sources say: by course
 * number in the ACE account (S1), by a petition (S1; S4 lists college courses
 * and other NCCA-accredited certifications among what it covers), or not
 * stated. The rules package does not carry this per opportunity, so the
 * submit page keeps it here, keyed by opportunity id; a kind not listed
 * (a new opportunity) shows as not stated rather than guessed.
 */
import type { OpportunityId } from '@cec/rules';

export type Route = 'course-number' | 'petition' | 'not-stated';

const ROUTES: Partial<Record<OpportunityId, Route>> = {
  'approved-course': 'course-number',
  petition: 'petition',
  college: 'petition',
  'ncca-certification': 'petition',
};

export function routeOf(id: OpportunityId): Route {
  return ROUTES[id] ?? 'not-stated';
}

/** Each route in a sentence, and the section of /submit/ that explains it (with ACE's page). */
export const ROUTE_TEXT: Record<Route, { how: string; section: string; more: string }> = {
  'course-number': {
    how: 'The course number and the completion date, in your ACE account (S1).',
    section: 'course-number-heading',
    more: 'Step by step',
  },
  petition: {
    how: 'A petition form online, with the supporting documents; ACE reviews it in about 30 days (S1, S4).',
    section: 'petition-heading',
    more: 'About petitions',
  },
  'not-stated': {
    how: 'The ACE texts this site relies on do not say how it is reported: keep the evidence, and follow your ACE account or ask ACE (S2).',
    section: 'other-heading',
    more: 'What to keep',
  },
};
