import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion, type QuestionResult, suggestQuestions } from '../src/index.js';

/** The answer, when the question was understood; fails the test otherwise. */
function understood(answer: QuestionResult) {
  if (!answer.understood)
    throw new Error(`"${answer.query}" was not understood: ${answer.message}`);
  return answer;
}

/** The refusal, when the question was not understood; fails the test otherwise. */
function notUnderstood(answer: QuestionResult) {
  if (answer.understood)
    throw new Error(`"${answer.query}" was understood as ${answer.opportunity}`);
  return answer;
}

describe('answering "how many CECs for X" (rules.md examples)', () => {
  it.each([
    ['cpr 2yr', 'cpr-aed', 4],
    ['CPR/AED 1 year', 'cpr-aed', 2],
    ['two-year CPR', 'cpr-aed', 4],
    ['how many CECs for a 2-year CPR?', 'cpr-aed', 4],
    ['annual CPR/AED renewal', 'cpr-aed', 2],
    ['college 3 credits grade B', 'college', 30],
    ['4 credit anatomy course with a C', 'college', 40],
    ['3 credit kinesiology class, got a B+', 'college', 30],
    ['college 3 credits grade D', 'college', 0],
    ['presenting', 'presentation', 5],
    ['published a book', 'publication', 5],
    ['NASM certification', 'ncca-certification', 5],
    ['NASM personal trainer certification', 'ncca-certification', 5],
    ['another ACE cert', 'ace-certification', 20],
    ['community outreach', 'mentoring', 1],
    ['CA23456', 'approved-course', null],
  ])('%s → %s %s', (query, opportunity, tenths) => {
    const answer = understood(answerQuestion(query));
    expect(answer).toMatchObject({ opportunity, tenths });
    expect(answer.explanation.length).toBeGreaterThan(20);
    expect(answer.source.id).toBe('S1');
    expect(answer.source.quote.length).toBeGreaterThan(20);
  });

  it('an incomplete question lists every option', () => {
    const answer = answerQuestion('cpr');
    expect(answer).toMatchObject({
      understood: true,
      tenths: null,
      options: [
        { label: '1-year certificate', tenths: 2 },
        { label: '2-year certificate', tenths: 4 },
      ],
    });
  });

  it('carries the limit per cycle', () => {
    expect(answerQuestion('presenting')).toMatchObject({ limitPerCycle: 5 });
    expect(answerQuestion('mentoring')).toMatchObject({ limitPerCycle: 1 });
    expect(answerQuestion('published a book')).toMatchObject({ limitPerCycle: null });
  });

  it('a course number with a typo explains the problem', () => {
    expect(understood(answerQuestion('CA2345')).explanation).toMatch(/4 digits/);
  });

  it('a pass grade earns nothing, and says why', () => {
    const answer = answerQuestion('college 2 credits pass/fail');
    expect(answer).toMatchObject({ tenths: 0 });
  });

  it('not understood: says so and suggests the closest opportunities', () => {
    const typo = notUnderstood(answerQuestion('presnting'));
    expect(typo.message).toMatch(/did not understand "presnting"\. Did you mean one of these\?/);
    expect(typo.suggestions[0]?.opportunity).toBe('presentation');
    const nothing = notUnderstood(answerQuestion('zzzz qqqq'));
    expect(nothing.message).toMatch(/did not understand "zzzz qqqq"\. Try one of these\./);
    expect(nothing.suggestions.length).toBeGreaterThan(0);
    const empty = notUnderstood(answerQuestion('   '));
    expect(empty.message).toMatch(/for example/);
    expect(empty.suggestions.length).toBeGreaterThan(0);
  });

  it('never throws on any input, and always answers or suggests', () => {
    let cases = 0;
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 400 })),
        (text) => {
          cases++;
          const answer = answerQuestion(text);
          // Understood: an explanation; not understood: suggestions. Never nothing.
          expect(answer.understood ? answer.explanation : answer.suggestions).not.toHaveLength(0);
        },
      ),
      { numRuns: 3000 },
    );
    console.info(`question parser fuzz: ${cases} cases`);
  });
});

describe('suggestQuestions (autocomplete)', () => {
  it('offers examples that start with what was typed, keeping what was typed first', () => {
    const list = suggestQuestions('cpr');
    expect(list[0]).toBe('cpr');
    expect(list).toContain('cpr 2yr');
    expect(suggestQuestions('').length).toBeGreaterThan(5);
    expect(suggestQuestions('x'.repeat(300))[0]?.length).toBeLessThanOrEqual(100);
  });
});
