import type * as z from 'zod/mini';
import type { CredentialId } from '../credentials.js';
import type { IsoDate } from '../dates.js';
import { type ActivityOf, activitySchemaOf, type FieldDescriptor } from '../fields.js';
import type { SourceId } from '../sources.js';
import type { Tenths } from '../units.js';

/** What one activity is worth on its own, and why in one line. */
export interface Credit {
  tenths: Tenths;
  reason: string;
}

/** The certification whose cycle is being counted (an extra ACE certification depends on it). */
export interface CreditContext {
  credential: CredentialId | null;
}

/**
 * One opportunity, described once: its inputs (field descriptors), its credit
 * function and its guide text (value, evidence, source quote, interpretation). Everything else is derived from this object.
 */
export interface Opportunity<Activity extends { kind: string; completed: IsoDate }> {
  id: Activity['kind'];
  /** Short name in the member's words, e.g. "CPR/AED renewal". */
  name: string;
  /** The bot's subcommand (`/cec cpr`, `/log cpr`) and its one-line description. */
  command: { name: string; description: string };
  /** Total credit this opportunity can give in one cycle; null when the source states none. */
  limitPerCycle: Tenths | null;
  /** The activity's inputs besides `kind` and the completion date, in the order they are asked. */
  fields: readonly FieldDescriptor[];
  /** Derived from `fields`: the activity's zod/mini schema, `kind` and `completed` included. */
  schema: z.ZodMiniType<Activity, unknown>;
  credit(activity: Activity, context: CreditContext): Credit;
  /** A short label for one recorded activity, e.g. "2-year CPR/AED certificate". */
  label(activity: Activity): string;
  /**
   * Activities with the same key count once per cycle, the one worth the most
   * (S2: a course cannot be repeated). The key names the thing in a sentence:
   * "CA23456", "A college course".
   */
  repeatKey?(activity: Activity): string | null;
  /** Why only one counts, with its source; default: S2's rule against repeating a course. */
  repeatReason?: string;

  /** The value in one line, e.g. "0.2 for a 1-year certificate, 0.4 for a 2-year certificate". */
  value: string;
  /** What counts, in a sentence or two. */
  description: string;
  /** What to keep as evidence. */
  evidence: string;
  /** The exact sentence of the source the numbers come from. */
  source: { id: SourceId; quote: string };
  /** How we read the source where it is ambiguous (each S1 sentence leaves something open); shown to users. */
  interpretation: string;
  /** Other sources that say something else, shown beside the rule (never as the rule). */
  notes?: readonly { source: SourceId; quote: string; text: string }[];
  /** Worked examples for the guide: an activity (without its date) and what it gives. */
  examples: readonly { activity: Omit<Activity, 'completed'>; note?: string }[];
  /** How the renewal planner suggests one more of these; absent when it never does. */
  suggest?: Suggestion;
}

/** One more activity of a kind, as the renewal planner offers it (see next.ts). */
export interface Suggestion {
  /** What one more adds before limits, or 'rest' when it can be as much as is missing (a course's CECs). */
  adds: Tenths | 'rest';
  /** Ties in what a step adds go to the lighter effort: 1 an afternoon, 2 weeks, 3 months. */
  effort: 1 | 2 | 3;
  /** What to do, in a sentence. */
  text: string;
  /** How to report it to ACE, with the source, or that our sources do not say. */
  how: string;
}

/** An opportunity from its description: the schema is derived from its fields. */
export function defineOpportunity<
  const Kind extends string,
  const Fields extends readonly FieldDescriptor[],
>(
  spec: Omit<Opportunity<ActivityOf<Kind, Fields>>, 'id' | 'fields' | 'schema'> & {
    id: Kind;
    fields: Fields;
  },
): Opportunity<ActivityOf<Kind, Fields>> {
  // The generic id and the mapped activity type meet only at run time.
  const schema = activitySchemaOf(spec.id, spec.fields);
  return { ...spec, schema } as unknown as Opportunity<ActivityOf<Kind, Fields>>;
}

// biome-ignore lint/suspicious/noExplicitAny: the ruleset holds opportunities of every activity type.
export type AnyOpportunity = Opportunity<any>;
