/**
 * A question read once: its tokens and where each concept of the lexicon
 * appears. Entities and intents are looked up in it.
 */
import { type Concept, conceptsOf } from './lexicon.js';
import { plainText, type Token, tokenize } from './text.js';

export interface Reading {
  /** The question made plain (dashes, quotes), for the few entities read from the text itself. */
  plain: string;
  tokens: Token[];
  /** The token indexes where each concept appears, in order. */
  at: Map<Concept, number[]>;
}

export function read(query: string): Reading {
  const plain = plainText(query);
  const tokens = tokenize(plain);
  const at = new Map<Concept, number[]>();
  const table = conceptsOf();
  const mark = (key: string, index: number) => {
    for (const concept of table.get(key) ?? []) {
      const list = at.get(concept);
      if (list) list.push(index);
      else at.set(concept, [index]);
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== 'word') continue;
    mark(token.word, i);
    // Phrases are two words, maybe hyphenated ("first-aid", "hands-on").
    let next = i + 1;
    if (tokens[next]?.raw === '-' && tokens[next + 1]?.joined) next++;
    const second = tokens[next];
    if (second?.kind === 'word') mark(`${token.word} ${second.word}`, i);
  }
  return { plain, tokens, at };
}

export function has(reading: Reading, concept: Concept): boolean {
  return reading.at.has(concept);
}

/** The first place a concept appears; Infinity when it does not. */
export function first(reading: Reading, concept: Concept): number {
  return reading.at.get(concept)?.[0] ?? Number.POSITIVE_INFINITY;
}

/** Whether a concept appears within `before` tokens before index `i` (or `after` tokens after). */
export function near(
  reading: Reading,
  concept: Concept,
  i: number,
  before: number,
  after = 0,
): boolean {
  return (reading.at.get(concept) ?? []).some((j) => j !== i && j >= i - before && j <= i + after);
}

export function wordAt(reading: Reading, i: number): string {
  return reading.tokens[i]?.word ?? '';
}
