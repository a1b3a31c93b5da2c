/**
 * The plan: a member's certifications and activities. One contract for the
 * CLI (plan files), the site (calculator state) and the bot (stored records).
 */
import * as z from 'zod/mini';
import { CREDENTIAL_IDS, type CredentialId } from './credentials.js';
import { formatUsDate, todayIso } from './dates.js';
import { dateField, expectedChoice, fieldError } from './fields.js';
import { type Activity, RULESET, type Ruleset } from './opportunities/index.js';

const credentialField = z.enum(
  CREDENTIAL_IDS as [CredentialId, ...CredentialId[]],
  fieldError('Credential', expectedChoice(CREDENTIAL_IDS)),
);

export const certificationSchema = z
  .strictObject({
    credential: credentialField,
    expires: z.optional(dateField('Expiration date')),
    certified: z.optional(dateField('Certification date')),
  })
  .check(
    z.refine((c) => (c.expires === undefined) !== (c.certified === undefined), {
      message:
        'Give either "expires" (the expiration date your ACE account shows) or "certified" (the date you certified or last renewed), not both and not neither.',
    }),
  );

export type Certification = z.output<typeof certificationSchema>;

/** The schema of one activity of any kind the ruleset knows. */
function activitySchemaFor(ruleset: Ruleset) {
  const schemas = ruleset.opportunities.map((e) => e.opportunity.schema) as unknown as [
    z.ZodMiniObject,
    ...z.ZodMiniObject[],
  ];
  const kinds = ruleset.opportunities.map((e) => e.opportunity.id).join(', ');
  return z.discriminatedUnion('kind', schemas, {
    error: () => `Each activity needs a "kind": one of ${kinds}.`,
  }) as unknown as z.ZodMiniType<Activity, unknown>;
}

/** The plan schema for a ruleset: what the CLI, the site and the bot accept. */
export function planSchemaFor(ruleset: Ruleset) {
  return planSchemaWith(activitySchemaFor(ruleset));
}

function planSchemaWith(activity: z.ZodMiniType<Activity, unknown>) {
  return z.strictObject({
    today: z.optional(dateField('Today')),
    certifications: z.array(certificationSchema, fieldError('Certifications', 'a list')).check(
      z.refine((list) => new Set(list.map((c) => c.credential)).size === list.length, {
        message: 'Each credential can be listed only once.',
      }),
    ),
    activities: z._default(z.array(activity, fieldError('Activities', 'a list')), []),
  });
}

/** Dates only the plan as a whole can check: a certification cannot be dated after today. */
function futureCertifications(plan: Plan): PlanProblem[] {
  const today = plan.today ?? todayIso();
  return plan.certifications.flatMap((c, i) =>
    c.certified !== undefined && c.certified > today
      ? [
          {
            path: `$.certifications[${i}].certified`,
            message: `Certification date: ${formatUsDate(c.certified)} is after today (${formatUsDate(today)}); give the date you certified or last renewed, or the expiration date as "expires".`,
          },
        ]
      : [],
  );
}

export const activitySchema = activitySchemaFor(RULESET);
export const planSchema = planSchemaWith(activitySchema);

export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

/** Schemas of other rulesets (a test's), built once each. */
interface Schemas {
  plan: typeof planSchema;
  activity: typeof activitySchema;
}
const schemas = new WeakMap<Ruleset, Schemas>([
  [RULESET, { plan: planSchema, activity: activitySchema }],
]);
function schemaOf(ruleset: Ruleset): Schemas {
  let found = schemas.get(ruleset);
  if (!found) {
    const activity = activitySchemaFor(ruleset);
    found = { plan: planSchemaWith(activity), activity };
    schemas.set(ruleset, found);
  }
  return found;
}

/** One thing wrong with a plan: where (a JSON path like `$.activities[2].completed`) and what. */
export interface PlanProblem {
  path: string;
  message: string;
}

export type PlanResult =
  | { ok: true; plan: Plan }
  /** `input`: what `decodePlan` read from a link, so a caller can keep the good parts. */
  | { ok: false; problems: PlanProblem[]; input?: Record<string, unknown> };

function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}: check the spelling.`;
  }
  // Every field of the schema carries its own sentence (see fields.ts).
  return issue.message;
}

/** Validates a parsed JSON value as a plan and lists every problem with its path. */
export function parsePlan(input: unknown, ruleset: Ruleset = RULESET): PlanResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [
        {
          path: '$',
          message: 'A plan must be a JSON object with "certifications" and "activities".',
        },
      ],
    };
  }
  const { plan, activity } = schemaOf(ruleset);
  const { activities, ...rest } = input as Record<string, unknown>;
  if (!Array.isArray(activities)) return checked(plan.safeParse(input));
  // The activities one by one, so a plan with very many problems is a long list, not one
  // huge call (zod gathers an array's issues with a spread, which overflows the stack).
  const shell = plan.safeParse({ ...rest, activities: [] });
  const problems: PlanProblem[] = shell.success ? [] : shell.error.issues.map((i) => problemOf(i));
  const valid: Activity[] = [];
  for (let i = 0; i < activities.length; i++) {
    const one = activity.safeParse(activities[i]);
    if (one.success) valid.push(one.data);
    else for (const issue of one.error.issues) problems.push(problemOf(issue, ['activities', i]));
  }
  if (!shell.success || problems.length > 0) return { ok: false, problems };
  return checked({ success: true, data: { ...shell.data, activities: valid } });
}

function problemOf(issue: z.core.$ZodIssue, at: PropertyKey[] = []): PlanProblem {
  return { path: jsonPath([...at, ...issue.path]), message: describeIssue(issue) };
}

/** A plan the schema accepted, with the checks only the whole plan allows. */
function checked(
  result: { success: true; data: Plan } | { success: false; error: z.core.$ZodError },
): PlanResult {
  if (!result.success) return { ok: false, problems: result.error.issues.map((i) => problemOf(i)) };
  const problems = futureCertifications(result.data);
  return problems.length === 0 ? { ok: true, plan: result.data } : { ok: false, problems };
}

/** Validates one activity as a plan would (dates parsed, course numbers normalised); paths start at the activity. */
export function parseActivity(
  input: unknown,
): { ok: true; activity: Activity } | { ok: false; problems: PlanProblem[] } {
  const result = parsePlan({ certifications: [], activities: [input] });
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map((p) => ({
        ...p,
        path: p.path.replace('$.activities[0]', '$'),
      })),
    };
  }
  return { ok: true, activity: result.plan.activities[0] as Activity };
}

/** Validates one certification as a plan would; paths start at the certification. */
export function parseCertification(
  input: unknown,
): { ok: true; certification: Certification } | { ok: false; problems: PlanProblem[] } {
  const result = parsePlan({ certifications: [input], activities: [] });
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map((p) => ({
        ...p,
        path: p.path.replace('$.certifications[0]', '$'),
      })),
    };
  }
  return { ok: true, certification: result.plan.certifications[0] as Certification };
}

/** Parses plan text (JSON); a syntax error is reported like any other problem. */
export function parsePlanText(text: string): PlanResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '$', message: `This is not valid JSON: ${detail}` }] };
  }
  return parsePlan(value);
}

/** One line per problem: `$.activities[0].term: Certificate length must be "1yr" or "2yr".` */
export function formatProblems(problems: readonly PlanProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
