/**
 * The words the question parser knows, grouped by what they mean (a
 * concept). "first_aid" is a two-word phrase. Inflections are listed rather
 * than stemmed: stemming would read "presents" and "present" alike but also
 * "course" and "courses" as one thing where the parser needs no such help.
 * Typos are corrected toward these words only (see text.ts).
 */
const WORDS = {
  cpr: 'cpr aed bls crp defibrillator resuscitation cardiopulmonary heartsaver',
  firstAid: 'first_aid firstaid',
  college:
    'college colleges university universities uni semester transcript undergrad undergraduate collegiate masters bachelors',
  subject:
    'anatomy physiology kinesiology biomechanics biology nutrition exercise_science psychology chemistry',
  class: 'class classes course courses',
  grade: 'grade grades graded gpa',
  event:
    'workshop workshops webinar webinars seminar seminars conference conferences session sessions lecture lectures clinic summit convention expo symposium module modules talk talks presentation presentations keynote',
  talk: 'talk talks lecture lectures presentation presentations speech keynote',
  present:
    'present presented presenting presenter presenters presentation presentations speaker speakers spoke speak speaking keynote',
  give: 'gave give giving taught teach teaching led lead hosted host ran run delivered',
  attend:
    'attended attend attending took take taking taken completed complete finished watched watch went participated sat viewed',
  ace: 'ace aces',
  approved: 'approved approval',
  provider: 'provider providers',
  continuing: 'continuing_education continuing_ed',
  cec: 'cec cecs ceu ceus',
  cert: 'cert certs certification certifications certificate credential credentials',
  certified: 'certified',
  exam: 'exam',
  prep: 'prep preparation',
  ncca: 'ncca broaden broadening',
  otherProvider: 'another_provider other_provider separate_provider different_provider',
  petition: 'petition petitions petitioned petitioning unapproved nonapproved',
  publish: 'publish published publishing publication publications author authored coauthored',
  write: 'wrote write written writing',
  writing:
    'article articles book books ebook ebooks journal journals paper papers magazine chapter textbook column',
  peerReviewed: 'peer_reviewed peer_review',
  mentor:
    'mentor mentors mentoring mentored mentorship mentee mentees outreach volunteer volunteered volunteering charity pro_bono',
  renew: 'renew renewal renewals renewing renewed recertify recertification recert recertifying',
  need: 'need needed needs required require requirement requirements must mandatory minimum have_to has_to enough accepted acceptable',
  deadline: 'deadline deadlines due expire expires expiration expiring expiry',
  expired: 'expired lapsed',
  when: 'when',
  cycle: 'cycle cycles',
  grace: 'grace late_renewal renew_late',
  miss: 'miss missed',
  carry:
    'carry_over carries_over carried_over carryover roll_over rolls_over rollover bank last_cycle previous_cycle',
  excess: 'excess extra leftover',
  transfer: 'transfer next_cycle next_renewal',
  ethics: 'ethics ethic ethical professional_conduct',
  submit: 'submit submitting submission',
  report: 'report reporting upload uploading log logging enter entering add adding record claim',
  how: 'how where',
  lost: 'lost lose missing',
  courseNumber: 'course_number course_numbers',
  repeat: 'repeat repeating repeated retake retaking twice again',
  same: 'same',
  many: 'many much',
  more: 'more left remaining done',
  what: 'what whats',
  meaning: 'difference mean means same_as equal equals equivalent',
  contact: 'contact_hour contact_hours',
  hour: 'hour hours hr hrs',
  earn: 'earn earning get getting',
  count: 'count counts counted qualify qualifies eligible toward towards',
  ways: 'ways options opportunities activities',
  online: 'online virtual',
  only: 'only fully entirely',
  skills: 'skills skill skills_check skills_test hands_on in_person live blended',
  related: 'related relevant unrelated',
  not: 'not non no isnt wasnt arent werent never without dont didnt doesnt',
} as const;

export type Concept = keyof typeof WORDS;

/**
 * S8 (ACE FAQ, "Continuing Education Provider") names the NCCA-accredited
 * organisations: "ACE, AAPTE, ACTION, ACSM, AFAA-CGFI, CSCCa, IFPA, NASM,
 * NCCPT, NCSF, NESTA, NETA, NFPT, NSCA, PMA, PTAG, WITS". Every one but ACE is
 * a separate provider. CGFI and CSCS are those organisations' credentials.
 */
export const LISTED_PROVIDERS: Readonly<Record<string, string>> = {
  aapte: 'AAPTE',
  action: 'ACTION',
  acsm: 'ACSM',
  afaa: 'AFAA',
  cgfi: 'AFAA-CGFI',
  cscca: 'CSCCa',
  ifpa: 'IFPA',
  nasm: 'NASM',
  nccpt: 'NCCPT',
  ncsf: 'NCSF',
  nesta: 'NESTA',
  neta: 'NETA',
  nfpt: 'NFPT',
  nsca: 'NSCA',
  cscs: 'NSCA',
  pma: 'PMA',
  ptag: 'PTAG',
  wits: 'WITS',
};
/** Names that are also English words: a provider only when written in capitals or before "cert…". */
export const WORDLIKE_PROVIDERS: ReadonlySet<string> = new Set(['action', 'wits']);
/** Certifiers people name that S8 does not list: the answer asks whether the certification is accredited. */
export const UNLISTED_PROVIDERS: Readonly<Record<string, string>> = { issa: 'ISSA', aea: 'AEA' };

/** ACE's credentials as people name them after "ACE". */
export const ACE_CREDENTIAL_WORDS: Readonly<Record<string, string>> = {
  'health coach': 'health-coach',
  hc: 'health-coach',
  'personal trainer': 'personal-trainer',
  cpt: 'personal-trainer',
  'group fitness': 'group-fitness-instructor',
  'group exercise': 'group-fitness-instructor',
  gfi: 'group-fitness-instructor',
  'medical exercise': 'medical-exercise-specialist',
  mes: 'medical-exercise-specialist',
};

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
};

let concepts: Map<string, Concept[]> | null = null;

/** Word or two-word phrase → the concepts it stands for, built on first use. */
export function conceptsOf(): Map<string, Concept[]> {
  if (concepts) return concepts;
  concepts = new Map();
  for (const [concept, list] of Object.entries(WORDS) as [Concept, string][]) {
    for (const entry of list.split(' ')) {
      const key = entry.replace('_', ' ');
      const known = concepts.get(key);
      if (known) known.push(concept);
      else concepts.set(key, [concept]);
    }
  }
  return concepts;
}

let words: string[] | null = null;

/** Every single word the parser reads: what a typo may be corrected to. */
export function vocabulary(): readonly string[] {
  if (words) return words;
  const all = new Set<string>();
  for (const key of conceptsOf().keys()) for (const word of key.split(' ')) all.add(word);
  for (const key of Object.keys(LISTED_PROVIDERS)) all.add(key);
  for (const key of Object.keys(ACE_CREDENTIAL_WORDS)) for (const w of key.split(' ')) all.add(w);
  words = [...all];
  return words;
}
