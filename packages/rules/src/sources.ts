import { formatUsDate } from './dates.js';
import { ETHICS_REQUIRED_FROM, ETHICS_TENTHS } from './requirements.js';
import { contactHours, formatCecs, REQUIRED_TENTHS } from './units.js';

/**
 * The ACE texts these rules implement. Every number in an opportunity cites
 * one of these ids. S1 is quoted word for word; for S2–S8 we keep the fact
 * each one establishes (and the FAQ passages the rules quote).
 */
export type SourceId = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'S7' | 'S8';

export interface Source {
  id: SourceId;
  title: string;
  date: string | null;
  url: string;
}

export const SOURCES: Record<SourceId, Source> = {
  S1: {
    id: 'S1',
    title: 'ACE blog, "CEC Opportunities You May Not Know About"',
    date: '2013-05-01',
    url: 'https://www.acefitness.org/blogs/postdetail.aspx?page=53&postid=3290',
  },
  S2: {
    id: 'S2',
    title: 'ACE "Recertification" page',
    date: null,
    url: 'https://www.acefitness.org/fitness-certifications/recertification/',
  },
  S3: {
    id: 'S3',
    title: 'ACE FAQ, "Continuing Education Credits (CECs)"',
    date: null,
    url: 'https://www.acefitness.org/faqs/faqs.aspx?faq=Continuing+Education+Credits+(CECs)',
  },
  S4: {
    id: 'S4',
    title: 'ACE FAQ, "CEC Petition"',
    date: null,
    url: 'https://www.acefitness.org/faqs/faqs.aspx?faq=CEC+PETITION',
  },
  S5: {
    id: 'S5',
    title: 'ACE article, "What You Need to Know About Certification Renewals"',
    date: null,
    url: 'https://www.acefitness.org/acefit/fitness-programs-article/2751/',
  },
  S6: {
    id: 'S6',
    title: 'ACE blog, "CPR/AED Requirements"',
    date: '2009-06-22',
    url: 'https://www.acefitness.org/blogs/postdetail.aspx?page=202&postid=17',
  },
  S7: {
    id: 'S7',
    title: 'ACE press release: new professional conduct and ethics recertification requirement',
    date: '2023-02-06',
    url: 'https://www.acefitness.org/about-ace/press-room/press-releases/8266/',
  },
  S8: {
    id: 'S8',
    title: 'ACE FAQ, "Continuing Education Provider" (the NCCA-accredited organisations ACE names)',
    date: null,
    url: 'https://www.acefitness.org/faqs/faqs.aspx?faq=Continuing+Education+Provider',
  },
};

/** Facts from S2–S7 that the cycle rules rely on, in our words (we hold no full text of these). */
export const FACTS = {
  requirement: {
    sources: ['S2', 'S3'],
    text: `${formatCecs(REQUIRED_TENTHS)} CECs (${contactHours(REQUIRED_TENTHS)}) are required in each two-year renewal cycle; ${formatCecs(1)} CEC = ${contactHours(1)}.`,
  },
  noCarryOver: {
    sources: ['S2'],
    text: 'CECs count only toward the cycle in which they were completed; excess CECs do not carry over.',
  },
  noRepeat: {
    sources: ['S2'],
    text: 'The same course cannot be repeated to meet the renewal requirement.',
  },
  cprAed: {
    sources: ['S2', 'S6'],
    text: 'A current adult CPR/AED certificate (with a live skills check; AED in the U.S. and Canada) is required to renew.',
  },
  ethics: {
    sources: ['S7'],
    text: `From ${formatUsDate(ETHICS_REQUIRED_FROM)}, at least ${formatCecs(ETHICS_TENTHS)} CEC (${contactHours(ETHICS_TENTHS)}) in professional conduct and ethics is required to renew; it counts inside the ${formatCecs(REQUIRED_TENTHS)}.`,
  },
  grace: {
    sources: ['S5'],
    text: 'A six-month grace period after expiration allows late renewal; it is not an extension of the certification.',
  },
  petition: {
    sources: ['S1', 'S4'],
    text: 'Courses that are not ACE-approved can be petitioned for credit; a petition is reviewed (about 30 days) and may be denied.',
  },
} as const satisfies Record<string, { sources: readonly SourceId[]; text: string }>;
