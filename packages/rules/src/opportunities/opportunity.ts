import type * as z from 'zod/mini';
import type { CredentialId } from '../credentials.js';
import type { IsoDate } from '../dates.js';
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

/** The answer to "how many CECs for X" once the opportunity is known. */
export type QuestionAnswer =
  | { tenths: Tenths; explanation: string }
  | { tenths: null; explanation: string; options: { label: string; tenths: Tenths }[] };

/**
 * The rule: what the evaluation needs to credit an activity. Kept apart from
 * the guide text so a browser bundle that only evaluates plans stays small.
 */
export interface OpportunityRule<Activity extends { kind: string; completed: IsoDate }> {
  id: Activity['kind'];
  /** Short name in the member's words, e.g. "CPR/AED renewal". */
  name: string;
  /** Total credit this opportunity can give in one cycle; null when the source states none. */
  limitPerCycle: Tenths | null;
  /** The activity's fields (zod/mini schema, `kind` included). */
  schema: z.ZodMiniType<Activity, unknown>;
  credit(activity: Activity, context: CreditContext): Credit;
  /** A short label for one recorded activity, e.g. "2-year CPR/AED certificate". */
  label(activity: Activity): string;
  /** Activities with the same key count once per cycle (S2: a course cannot be repeated). */
  repeatKey?(activity: Activity): string | null;
}

/** The guide: what a person reads about the opportunity, its source, and how questions find it. */
export interface OpportunityGuide<Activity extends { kind: string; completed: IsoDate }> {
  id: Activity['kind'];
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
  /** Free-text question support: words that point here, and how to answer from the text. */
  question: {
    keywords: readonly string[];
    examples: readonly string[];
    /** Takes the question whatever the other keywords say (e.g. a named provider). */
    claims?(text: string): boolean;
    answer(text: string): QuestionAnswer;
  };
  /** Worked examples for the guide: an activity (without its date) and what it gives. */
  examples: readonly { activity: Omit<Activity, 'completed'>; note?: string }[];
}

/** An opportunity with its rule and its guide. */
export type Opportunity<Activity extends { kind: string; completed: IsoDate }> =
  OpportunityRule<Activity> & OpportunityGuide<Activity>;

// biome-ignore lint/suspicious/noExplicitAny: the registries hold opportunities of every activity type.
export type AnyOpportunity = Opportunity<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
export type AnyRule = OpportunityRule<any>;
