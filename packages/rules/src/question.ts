/**
 * "How many CECs for X": a small deterministic parser (no network, no model)
 * that maps a question to one opportunity, and answers with its value,
 * limit, explanation and source. Shared by the CLI, the bot and the site.
 */
import { findCourseNumber } from './course-number.js';
import type { OpportunityId } from './opportunities/index.js';
import { getOpportunity, OPPORTUNITIES } from './opportunities/index.js';
import type { AnyOpportunity } from './opportunities/opportunity.js';
import { SOURCES, type SourceId } from './sources.js';
import type { Tenths } from './units.js';

export interface AnswerSource {
  id: SourceId;
  title: string;
  url: string;
  quote: string;
}

export type QuestionResult =
  | {
      understood: true;
      query: string;
      opportunity: OpportunityId;
      name: string;
      /** Null when the question is incomplete (see `options`) or the value is on a certificate. */
      tenths: Tenths | null;
      options: { label: string; tenths: Tenths }[];
      explanation: string;
      limitPerCycle: Tenths | null;
      interpretation: string;
      source: AnswerSource;
    }
  | {
      understood: false;
      query: string;
      message: string;
      suggestions: { opportunity: OpportunityId; name: string; example: string }[];
    };

const MAX_QUESTION = 300;

function normalize(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9+/.\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

function words(text: string): string[] {
  return text.split(/[\s/.-]+/).filter((w) => w.length > 1);
}

/** Each opportunity's keywords as patterns that match at a word start, built once. */
const KEYWORD_PATTERNS = new Map<AnyOpportunity, { pattern: RegExp; weight: number }[]>();
function patternsOf(opportunity: AnyOpportunity) {
  let patterns = KEYWORD_PATTERNS.get(opportunity);
  if (!patterns) {
    patterns = opportunity.question.keywords.map((keyword) => ({
      pattern: new RegExp(`(^|[^a-z])${keyword.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
      weight: keyword.length,
    }));
    KEYWORD_PATTERNS.set(opportunity, patterns);
  }
  return patterns;
}

/** How strongly the question points at an opportunity: longer keyword matches weigh more. */
function score(opportunity: AnyOpportunity, text: string): number {
  let total = 0;
  for (const { pattern, weight } of patternsOf(opportunity)) {
    if (pattern.test(text)) total += weight;
  }
  return total;
}

function editDistance(a: string, b: string): number {
  // One row of the Levenshtein table; cells are always set before they are read.
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(
        above + 1,
        (row[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

const NEAR = 0.4; // at most 40 % of the letters differ

function closest(text: string): AnyOpportunity[] {
  const typed = words(text).filter((w) => w.length >= 3);
  const ranked = OPPORTUNITIES.map((opportunity) => {
    let best = Number.POSITIVE_INFINITY;
    for (const keyword of opportunity.question.keywords) {
      for (const part of keyword.split(/[\s/]+/)) {
        if (part.length < 3) continue;
        for (const word of typed) {
          const longest = Math.max(part.length, word.length);
          // Words whose lengths differ this much cannot be near: skip the costly distance.
          if (Math.abs(part.length - word.length) / longest > Math.min(best, NEAR)) continue;
          const distance = editDistance(word, part) / longest;
          if (distance < best) best = distance;
        }
      }
    }
    return { opportunity, best };
  })
    .filter((r) => r.best <= NEAR)
    .sort((a, b) => a.best - b.best);
  return ranked.map((r) => r.opportunity);
}

function suggestionsFrom(list: readonly AnyOpportunity[]) {
  return list.slice(0, 3).map((o) => ({
    opportunity: o.id as OpportunityId,
    name: o.name,
    example: o.question.examples[0] as string, // every guide has examples (tested)
  }));
}

/** Answers a free-text question. Never throws. */
export function answerQuestion(query: string): QuestionResult {
  const raw = String(query).slice(0, MAX_QUESTION);
  const text = normalize(raw);
  let best: AnyOpportunity | null = null;
  if (findCourseNumber(raw)) {
    best = getOpportunity('approved-course');
  } else {
    best = OPPORTUNITIES.find((o) => o.question.claims?.(text)) ?? null;
  }
  if (!best) {
    let bestScore = 0;
    for (const opportunity of OPPORTUNITIES) {
      const s = score(opportunity, text);
      if (s > bestScore) {
        bestScore = s;
        best = opportunity;
      }
    }
  }
  if (!best) {
    const near = closest(text);
    return {
      understood: false,
      query: raw,
      message:
        raw.trim() === ''
          ? 'Ask about an activity, for example "cpr 2yr" or "college 3 credits grade B".'
          : `I did not understand "${raw.trim()}".${near.length ? ' Did you mean one of these?' : ' Try one of these.'}`,
      suggestions: suggestionsFrom(near.length ? near : OPPORTUNITIES.slice(0, 3)),
    };
  }
  const answer = best.question.answer(raw);
  const source = SOURCES[best.source.id];
  return {
    understood: true,
    query: raw,
    opportunity: best.id as OpportunityId,
    name: best.name,
    tenths: answer.tenths,
    options: answer.tenths === null ? answer.options : [],
    explanation: answer.explanation,
    limitPerCycle: best.limitPerCycle,
    interpretation: best.interpretation,
    source: { id: source.id, title: source.title, url: source.url, quote: best.source.quote },
  };
}

/** Example questions that start with (or contain) what was typed so far, for autocomplete. */
export function suggestQuestions(prefix: string, limit = 10): string[] {
  const typed = prefix.trim().toLowerCase();
  const all = OPPORTUNITIES.flatMap((o) => o.question.examples);
  const starts = all.filter((q) => q.toLowerCase().startsWith(typed));
  const contains = all.filter((q) => !starts.includes(q) && q.toLowerCase().includes(typed));
  const list = [...starts, ...contains];
  if (typed && !list.some((q) => q.toLowerCase() === typed))
    list.unshift(prefix.trim().slice(0, 100));
  return list.slice(0, limit);
}
