/**
 * The answer to a question on /ask/, from the rules' parser: what it was
 * understood as, the value, why, our reading (never presented as ACE's
 * words) and the source. A value the question does not give is asked back
 * with its options; tapping one asks the question again with it.
 */
import {
  answerQuestion,
  formatCecs,
  parseDate,
  type QuestionResult,
  type Tenths,
} from '@cec/rules';
import { cited, esc, pageSources, sourceHref } from '../html';

type Ask = (question: string) => void;
type Understood = Extract<QuestionResult, { understood: true }>;
type AnswerOption = Understood['options'][number];

const sources = pageSources();
const text = (t: string) => cited(t, sources);
const cecs = (tenths: Tenths) => `${formatCecs(tenths)} CECs`;

/** The deadline and the grace period are answered for a date when the question has one. */
const DATED = new Set(['deadline', 'grace']);
const HAS_DATE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/;

/** The value; or, when the question does not give it, the question back with every option. */
function value(tenths: Tenths | null, list: readonly AnswerOption[], why: string): string {
  if (tenths !== null) return `<p class="ask-value">${cecs(tenths)}</p><p>${text(why)}</p>`;
  const buttons = list.map(
    (o) =>
      `<li><button class="secondary" data-refine="${esc(o.label)}">${esc(o.label)}: <strong>${cecs(o.tenths)}</strong></button></li>`,
  );
  return `<p>${text(why)}</p>${list.length ? `<ul class="ask-options">${buttons.join('')}</ul>` : ''}`;
}

/** What it was understood as, the value and why; then the rest, below the date field when there is one. */
function understood(result: Understood): [string, string] {
  const { source } = result;
  const also = result.also.map(
    (other) =>
      `<div class="ask-also"><p>Also in your question: <strong>${esc(other.name)}</strong></p>${value(other.tenths, other.options, other.explanation)}</div>`,
  );
  const limit =
    result.limitPerCycle === null
      ? ''
      : `<p>Limit: ${cecs(result.limitPerCycle)} per renewal cycle.</p>`;
  // Long readings stay one tap away, so the answer and its source fit a phone's first screen.
  const reading = result.interpretation
    ? `<details><summary>Our reading, not ACE’s words</summary><p>${text(result.interpretation)}</p></details>`
    : '';
  return [
    `<p class="ask-understood">Understood as <strong>${esc(result.name)}</strong></p>${value(result.tenths, result.options, result.explanation)}`,
    [
      ...also,
      limit,
      `<p>Source: <a href="${sourceHref(source.id)}">${source.id}</a>, ${esc(source.title)}</p>`,
      reading,
    ].join(''),
  ];
}

const ELSEWHERE =
  '<p>Or count it with the <a href="/">calculator</a>, or read <a href="/#ways-heading">every way to earn CECs</a>.</p>';

function notUnderstood(result: Extract<QuestionResult, { understood: false }>): string {
  const tries =
    result.reason === 'too-long'
      ? ''
      : `<ul class="ask-options">${result.suggestions
          .map(
            (s) =>
              `<li><button class="secondary" data-ask="${esc(s.example)}">${esc(s.name)}: “${esc(s.example)}”</button></li>`,
          )
          .join('')}</ul>`;
  return `<p class="ask-not-understood">${esc(result.message)}</p>${tries}${ELSEWHERE}`;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const body = $('ask-answer-body');
const more = $('ask-answer-more');
const dated = $<HTMLFormElement>('ask-date');
const expires = $<HTMLInputElement>('ask-expires');
const error = $('ask-expires-error');

/** Shows the answer to `question` in `box`; a tapped option or example asks again through `ask`. */
export function showAnswer(box: HTMLElement, question: string, ask: Ask): void {
  const result = answerQuestion(question);
  box.hidden = false;
  [body.innerHTML, more.innerHTML] = result.understood
    ? understood(result)
    : [notUnderstood(result), ''];
  dated.hidden = !(result.understood && DATED.has(result.intent) && !HAS_DATE.test(question));
  const again = (next: string) => {
    ask(next);
    // The tapped button is gone: the answer that replaced it takes the focus.
    box.focus();
  };
  box.onclick = (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>(
      '[data-refine], [data-ask]',
    );
    if (!button) return;
    const { refine, ask: example } = button.dataset;
    again(refine === undefined ? (example ?? '') : `${question} ${refine}`);
  };
  dated.onsubmit = (event) => {
    event.preventDefault();
    const parsed = parseDate(expires.value);
    error.hidden = parsed.ok;
    error.textContent = parsed.ok ? '' : parsed.error;
    expires.toggleAttribute('aria-invalid', !parsed.ok);
    if (parsed.ok) again(`${question} expires ${expires.value.trim()}`);
  };
}
