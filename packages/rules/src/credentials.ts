/**
 * The four current ACE certifications (S2). No source gives any of them a
 * different CEC requirement, so all share the 2.0 CEC rule.
 */
export const CREDENTIALS = {
  'personal-trainer': { name: 'ACE Certified Personal Trainer', short: 'Personal Trainer' },
  'group-fitness-instructor': {
    name: 'ACE Certified Group Fitness Instructor',
    short: 'Group Fitness Instructor',
  },
  'health-coach': { name: 'ACE Certified Health Coach', short: 'Health Coach' },
  'medical-exercise-specialist': {
    name: 'ACE Certified Medical Exercise Specialist',
    short: 'Medical Exercise Specialist',
  },
} as const;

export type CredentialId = keyof typeof CREDENTIALS;

export const CREDENTIAL_IDS = Object.keys(CREDENTIALS) as CredentialId[];

/** The credentials as a form's or a command's choices: id and display name. */
export const CREDENTIAL_CHOICES = CREDENTIAL_IDS.map((value) => ({
  value,
  label: CREDENTIALS[value].name,
}));

export function isCredentialId(value: unknown): value is CredentialId {
  return typeof value === 'string' && Object.hasOwn(CREDENTIALS, value);
}

export function credentialName(id: CredentialId): string {
  return CREDENTIALS[id].name;
}
