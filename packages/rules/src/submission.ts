/**
 * How to submit CECs to ACE, in S1's own words ("How to Submit Your CECs to
 * ACE"), so the site and the bot quote rather than paraphrase.
 */
export const SUBMISSION_STEPS = [
  {
    step: 'Find the course number',
    quote:
      'Once you complete an ACE-approved course, you will be issued a certificate of completion listing the ACE-approved course number.',
  },
  {
    step: 'Open your CEC page',
    quote:
      'After you log into your ACE account, select the “My CECs” link underneath “My Continuing Education.”',
  },
  {
    step: 'Enter the course number',
    quote:
      'Once you’re redirected to your CEC page, type the course number into the appropriate box. The CEC total should automatically fill in after entering the course number. (Note: For conferences, total up the number of CECs you earned at the session you attended.)',
  },
  {
    step: 'Enter the completion date',
    quote: 'Next, simply input the completion date in MM/DD/YYYY format and select “Add CECs.”',
  },
  {
    step: 'Check your list',
    quote: 'When you refresh the CEC list, your new credits should be visible.',
  },
  {
    step: 'No course number?',
    quote:
      'If you were not provided the appropriate ACE-approved course number, you can obtain that information by contacting the course provider.',
  },
  {
    step: 'A course that is not ACE-approved',
    quote:
      'If you have completed a course that’s not currently ACE-approved, you can submit a petition form online, along with the necessary supporting documentation, to potentially receive credit.',
  },
] as const;

/** For activities whose reporting none of our sources describes: we say so instead of guessing. */
export const HOW_UNSTATED =
  'Our sources do not say how ACE wants this reported: ask ACE, and keep the evidence.';

/** S1's steps in one line, for an approved course. */
export const HOW_COURSE_NUMBER =
  'In your ACE account, open “My CECs”, enter the course number from the certificate and the completion date (MM/DD/YYYY), then “Add CECs” (S1).';

/** S4's petition, in one line. */
export const HOW_PETITION =
  'Submit a petition online in your ACE account with the supporting documents; ACE reviews it within 30 days of receipt (S4). Only completed courses can be petitioned.';
