/**
 * "How many CECs for X" and the renewal questions people ask most: a
 * deterministic parser (no network, no model) built from intents and entities
 * (see question/), shared by the CLI, the bot and the site. Values a question
 * does not give are asked for with the options; nothing is assumed.
 */
import { getOpportunity, type OpportunityId } from './opportunities/index.js';
import { answerActivity } from './question/activities.js';
import type { Answer, AnswerOption, AnswerSource } from './question/answer.js';
import { EXAMPLES } from './question/examples.js';
import {
  type Intent,
  intentsOf,
  RENEWAL_INTENTS,
  type RenewalIntent,
  understand,
} from './question/intents.js';
import { read } from './question/reading.js';
import { answerRenewal, RENEWAL_NAMES } from './question/renewal.js';
import { nearestKnown } from './question/text.js';
import { formatCecs, type Tenths } from './units.js';

export type { AnswerSource, Intent, RenewalIntent };
export { RENEWAL_INTENTS };

/** The longest question answered; a longer one is refused, never cut. */
export const MAX_QUESTION = 300;

/** Another activity the question names, answered too. */
export interface OtherAnswer {
  intent: OpportunityId;
  name: string;
  tenths: Tenths | null;
  options: AnswerOption[];
  explanation: string;
}

export interface QuestionSuggestion {
  intent: Intent;
  opportunity: OpportunityId | null;
  name: string;
  example: string;
}

export type QuestionResult =
  | (Answer & {
      understood: true;
      query: string;
      kind: 'activity' | 'renewal';
      /** The main source (the first of `sources`). */
      source: AnswerSource;
      /** The other activities the question names, each answered; the explanation mentions them. */
      also: OtherAnswer[];
    })
  | {
      understood: false;
      query: string;
      reason: 'empty' | 'too-long' | 'not-understood';
      message: string;
      suggestions: QuestionSuggestion[];
    };

const DEFAULT_SUGGESTIONS: readonly Intent[] = ['cpr-aed', 'college', 'requirement'];

function isRenewal(intent: Intent): intent is RenewalIntent {
  return (RENEWAL_INTENTS as readonly string[]).includes(intent);
}

function suggestion(intent: Intent): QuestionSuggestion {
  const renewal = isRenewal(intent);
  return {
    intent,
    opportunity: renewal ? null : intent,
    name: renewal ? RENEWAL_NAMES[intent] : getOpportunity(intent).name,
    example: EXAMPLES[intent][0] ?? '',
  };
}

function notUnderstood(
  query: string,
  reason: 'empty' | 'too-long' | 'not-understood',
  message: string,
  intents: readonly Intent[] = [],
): QuestionResult {
  const list = intents.length ? intents : DEFAULT_SUGGESTIONS;
  return {
    understood: false,
    query,
    reason,
    message,
    suggestions: list.slice(0, 3).map(suggestion),
  };
}

/** What the question would mean with each unknown word replaced by the nearest known one. */
function nearIntents(query: string): Intent[] {
  let changed = false;
  const words = read(query).tokens.map((t) => {
    if (t.kind !== 'word' || t.word.length < 3) return t.raw;
    const near = nearestKnown(t.word);
    if (near && near !== t.word) changed = true;
    return near ?? t.raw;
  });
  return changed ? intentsOf(understand(read(words.join(' ')))) : [];
}

function brief(answer: Answer): string {
  if (answer.tenths !== null) return `${answer.name}: ${formatCecs(answer.tenths)} CECs`;
  const values = [...new Set(answer.options.map((o) => formatCecs(o.tenths)))];
  return values.length
    ? `${answer.name}: ${values.join(' or ')} CECs, depending on the details`
    : `${answer.name} (ask about it on its own for the details)`;
}

/** Answers a free-text question. Never throws. */
export function answerQuestion(query: string): QuestionResult {
  const raw = typeof query === 'string' ? query : '';
  const length = [...raw].length;
  if (length > MAX_QUESTION) {
    return notUnderstood(
      raw,
      'too-long',
      `Your question is ${length} characters long; please ask it in at most ${MAX_QUESTION}, one activity at a time.`,
    );
  }
  if (raw.trim() === '') {
    return notUnderstood(
      raw,
      'empty',
      'Ask about an activity, for example "cpr 2yr" or "college 3 credits grade B".',
    );
  }
  const { entities, renewal, activities } = understand(read(raw));
  const [first, ...rest] = activities;
  let main: Answer;
  if (renewal) main = answerRenewal(renewal, entities, first ?? null);
  else if (first) main = answerActivity(first, entities);
  else {
    const near = nearIntents(raw);
    return notUnderstood(
      raw,
      'not-understood',
      `I did not understand "${raw.trim()}".${near.length ? ' Did you mean one of these?' : ' Try one of these.'}`,
      near,
    );
  }
  const others = renewal ? [] : rest.map((id) => ({ id, answer: answerActivity(id, entities) }));
  const also = others.length
    ? ` You also asked about ${others.map((o) => brief(o.answer)).join('; ')}.`
    : '';
  return {
    ...main,
    understood: true,
    query: raw,
    kind: renewal ? 'renewal' : 'activity',
    explanation: `${main.explanation}${also}`,
    source: main.sources[0] as AnswerSource, // every answer cites at least one source (tested)
    also: others.map(({ id, answer }) => ({
      intent: id,
      name: answer.name,
      tenths: answer.tenths,
      options: answer.options,
      explanation: answer.explanation,
    })),
  };
}

/**
 * Example questions for autocomplete: those that start with what was typed,
 * then the examples of what the parser reads it as so far, then those that
 * contain it. What was typed comes first, as typed.
 */
export function suggestQuestions(prefix: string, limit = 10): string[] {
  const typed = String(prefix).trim().toLowerCase();
  const all = Object.values(EXAMPLES).flat();
  const starts = all.filter((q) => q.toLowerCase().startsWith(typed));
  const reading = typed && typed.length <= MAX_QUESTION ? intentsOf(understand(read(typed))) : [];
  const related = reading.flatMap((i) => EXAMPLES[i]).filter((q) => !starts.includes(q));
  const contains = all.filter(
    (q) => !starts.includes(q) && !related.includes(q) && q.toLowerCase().includes(typed),
  );
  const list = [...starts, ...related, ...contains];
  if (typed && !list.some((q) => q.toLowerCase() === typed)) {
    list.unshift(String(prefix).trim().slice(0, 100));
  }
  return list.slice(0, limit);
}
