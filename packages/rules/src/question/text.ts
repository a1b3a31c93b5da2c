/**
 * A question as tokens: words, numbers and single symbols, each with what was
 * typed (grades and some provider names depend on capitals) and what is read
 * (lower case, a typo corrected to a word the parser knows).
 */
import { vocabulary } from './lexicon.js';

export interface Token {
  kind: 'word' | 'number' | 'symbol';
  /** As typed, after dashes and quotes are made plain. */
  raw: string;
  /** What the parser reads: lower case, typos corrected. */
  word: string;
  /** Nothing between it and the previous token, as in "2yr", "B+", "CA-23456". */
  joined: boolean;
}

// Every dash people type (en dash, minus sign, …) is a hyphen; apostrophes go
// ("CEC's" is "CECs"), double quotes are spaces ('"C-"' is C-).
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const APOSTROPHES = /['\u2018\u2019\u02BC`\u00B4]/g;
const QUOTES = /["\u201C\u201D\u201E\u00AB\u00BB]/g;
// A number as typed (with its decimal point or comma, or an exponent, so that
// "1,5" and "1e-320" arrive whole and can be refused), a run of letters, or one symbol.
const SCAN = /\d+(?:[.,]\d+)*(?:e[+-]?\d+)?|\.\d+|[a-z]+|\S/giu;

/** The question made plain: the text every entity is read from. */
export function plainText(text: string): string {
  return text.normalize('NFKC').replace(DASHES, '-').replace(APOSTROPHES, '').replace(QUOTES, ' ');
}

export function tokenize(plain: string): Token[] {
  const tokens: Token[] = [];
  let end = -1;
  for (const match of plain.matchAll(SCAN)) {
    const raw = match[0];
    const kind =
      /^[.\d]/.test(raw) && raw !== '.' ? 'number' : /^[a-z]/i.test(raw) ? 'word' : 'symbol';
    const lower = raw.toLowerCase();
    tokens.push({
      kind,
      raw,
      word: kind === 'word' ? correct(lower) : lower,
      joined: match.index === end,
    });
    end = match.index + raw.length;
  }
  return tokens;
}

/** English words one letter away from a known word, which must stay what they are. */
const NOT_TYPOS = new Set(['prevent', 'county', 'couch', 'white', 'court', 'tasks', 'there']);
/** Typos are corrected only in words this long: shorter ones are too often other words. */
const MIN_TYPO_LENGTH = 5;

let known: Set<string> | null = null;
let byDeletion: Map<string, string[]> | null = null;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Known words by themselves and by each one-letter deletion (symmetric-delete lookup). */
function index(): { known: Set<string>; byDeletion: Map<string, string[]> } {
  if (known && byDeletion) return { known, byDeletion };
  known = new Set(vocabulary());
  byDeletion = new Map();
  for (const word of known) {
    if (word.length < MIN_TYPO_LENGTH) continue;
    for (const key of [word, ...deletions(word)]) {
      const list = byDeletion.get(key);
      if (list) list.push(word);
      else byDeletion.set(key, [word]);
    }
  }
  return { known, byDeletion };
}

/** One insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The known word a typo stands for, when exactly one is a single edit away and starts alike. */
function correct(word: string): string {
  if (word.length < MIN_TYPO_LENGTH || NOT_TYPOS.has(word)) return word;
  const { known, byDeletion } = index();
  if (known.has(word)) return word;
  let found: string | null = null;
  for (const key of [word, ...deletions(word)]) {
    for (const candidate of byDeletion.get(key) ?? []) {
      if (candidate === found || candidate[0] !== word[0] || !oneEditApart(word, candidate))
        continue;
      if (found) return word; // two words are as near: do not guess
      found = candidate;
    }
  }
  return found ?? word;
}

/** Levenshtein distance, or more than `max` as soon as it must be (one reused row). */
let row = new Int32Array(64);
function editDistance(a: string, b: string, max: number): number {
  if (row.length <= b.length) row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      const cell = Math.min(
        above + 1,
        (row[j - 1] as number) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      row[j] = cell;
      if (cell < smallest) smallest = cell;
      diagonal = above;
    }
    if (smallest > max) return smallest;
  }
  return row[b.length] as number;
}

/** Looser than a typo: at most 40 % of the letters differ. Only for "did you mean". */
const NEAR = 0.4;

/** The known word nearest to `word` within NEAR, for suggestions; null when none is. */
export function nearestKnown(word: string): string | null {
  if (index().known.has(word)) return word;
  let best: string | null = null;
  let distance = NEAR;
  for (const candidate of vocabulary()) {
    const longest = Math.max(candidate.length, word.length);
    // Words whose lengths differ this much cannot be near: skip the costly distance.
    if (candidate.length < 3 || Math.abs(candidate.length - word.length) / longest > distance)
      continue;
    const d = editDistance(word, candidate, Math.floor(distance * longest)) / longest;
    if (d <= distance && (d < distance || best === null)) {
      best = candidate;
      distance = d;
    }
  }
  return best;
}
