/** Example questions for every intent: autocomplete and "did you mean" suggest them (each is tested to be understood as its intent). */
import type { Intent } from './intents.js';

export const EXAMPLES: Record<Intent, readonly string[]> = {
  'cpr-aed': ['cpr 2yr', 'CPR/AED 1 year', 'two-year CPR'],
  college: ['college 3 credits grade B', '4 credit anatomy course with a C'],
  requirement: ['how many CECs do I need', 'I have 1.5 CECs, how many more do I need'],
  'approved-course': ['CA23456', 'ACE-approved course', 'attended a webinar', 'a 3-hour workshop'],
  'ace-certification': ['another ACE cert', 'earned the ACE health coach certification'],
  'ncca-certification': ['NASM certification', 'NSCA-CPT'],
  presentation: ['presenting', 'gave a talk at a conference'],
  publication: ['published a book', 'wrote an article'],
  mentoring: ['community outreach', 'mentoring'],
  petition: ['petition a course that is not ACE-approved', 'what is a petition'],
  'first-aid': ['first aid recertification'],
  deadline: ['when is my deadline'],
  grace: ['is there a grace period'],
  'carry-over': ['do my CECs carry over'],
  ethics: ['do I need an ethics course'],
  'cpr-requirement': ['do I need CPR to renew'],
  submit: ['how do I submit my CECs'],
  repeat: ['can I repeat a course'],
  units: ['how many hours is 1 CEC'],
  opportunities: ['what counts for CECs'],
};
