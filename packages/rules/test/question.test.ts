import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the benchmark
import { readCorpus } from '../bench/question-corpus.mjs';
import {
  answerQuestion,
  ETHICS_TENTHS,
  FACTS,
  getOpportunity,
  OPPORTUNITY_IDS,
  RENEWAL_REQUIREMENT,
  REQUIRED_TENTHS,
  suggestQuestions,
} from '../src/index.js';
import { CERT_PREP_MAX, COLLEGE_COURSE_MAX } from '../src/opportunities/college.js';
import { EXAMPLES } from '../src/question/examples.js';

type Understood = Extract<ReturnType<typeof answerQuestion>, { understood: true }>;

function understood(question: string): Understood {
  const answer = answerQuestion(question);
  if (!answer.understood) throw new Error(`not understood: ${question} (${answer.message})`);
  return answer;
}

describe('answering "how many CECs for X" (rules.md examples)', () => {
  it.each([
    ['cpr 2yr', 'cpr-aed', 4],
    ['CPR/AED 1 year', 'cpr-aed', 2],
    ['two-year CPR', 'cpr-aed', 4],
    ['how many CECs for a 2-year CPR?', 'cpr-aed', 4],
    ['annual CPR/AED renewal', 'cpr-aed', 2],
    ['college 3 credits grade B', 'college', COLLEGE_COURSE_MAX],
    ['4 credit anatomy course with a C', 'college', COLLEGE_COURSE_MAX],
    ['1 credit college class with an A', 'college', 10],
    ['3 credit kinesiology class, got a B+', 'college', COLLEGE_COURSE_MAX],
    ['college 3 credits grade D', 'college', 0],
    ['presenting', 'presentation', 5],
    ['published a book', 'publication', 5],
    ['NASM certification', 'ncca-certification', 5],
    ['NASM personal trainer certification', 'ncca-certification', 5],
    ['another ACE cert', 'ace-certification', REQUIRED_TENTHS],
    ['community outreach', 'mentoring', 1],
    ['first aid recertification', 'first-aid', 2],
    ['CA23456', 'approved-course', null],
  ])('%s → %s %s', (query, opportunity, tenths) => {
    const answer = understood(query);
    expect(answer).toMatchObject({ intent: opportunity, kind: 'activity', opportunity, tenths });
    expect(answer.explanation.length).toBeGreaterThan(20);
    // Every activity answer quotes its opportunity's own source sentence.
    const o = getOpportunity(answer.intent as (typeof OPPORTUNITY_IDS)[number]);
    expect(answer.source).toMatchObject({ id: o.source.id, quote: o.source.quote, verbatim: true });
    expect(answer.interpretation).toBe(o.interpretation);
  });

  it('an incomplete question lists every option', () => {
    expect(answerQuestion('cpr')).toMatchObject({
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
    expect(answerQuestion('3 presentations this cycle')).toMatchObject({ tenths: 5 });
    expect(answerQuestion('mentoring')).toMatchObject({ limitPerCycle: 1 });
    expect(answerQuestion('published a book')).toMatchObject({ limitPerCycle: null });
  });
});

describe('the college answer follows S1 and S4', () => {
  it('1.0 per credit hour, at most 2.0 for a course, 0.5 for a certification-prep course', () => {
    expect(understood('college 1.5 credits grade B').tenths).toBe(15);
    expect(understood('college 1.25 credit hours, A-').tenths).toBe(12);
    const capped = understood('college 3 credits grade A');
    expect(capped.tenths).toBe(COLLEGE_COURSE_MAX);
    expect(capped.explanation).toMatch(/at most 2\.0 CECs \(S4\)/);
    expect(understood('cert prep college course 3 credits grade A').tenths).toBe(CERT_PREP_MAX);
    expect(understood('I took two college classes, 3 credits each, both A').explanation).toMatch(
      /only one college course petition per cycle/,
    );
  });

  it.each([
    ['B+', 20],
    ['C-', 0],
    ['C minus', 0],
    ['C–', 0],
    ['C−', 0],
    ["'C-'", 0],
    ['"C-"', 0],
    ['C-minus', 0],
    ['B plus', 20],
    ['of b', 20],
    ['D', 0],
    ['F', 0],
  ])('grade %s → %s tenths', (grade, tenths) => {
    expect(understood(`college 3 credits grade ${grade}`).tenths).toBe(tenths);
  });

  it('"got a D" is 0 with the reason', () => {
    const answer = understood('got a D in my 3 credit anatomy class');
    expect(answer.tenths).toBe(0);
    expect(answer.explanation).toMatch(/D is below the "C" or higher/);
  });

  it('an unreadable or missing grade is asked for with the options, never assumed', () => {
    for (const q of [
      'college 3 credits, grade was good',
      'college 3 credits',
      'college 3 credits passed',
    ]) {
      const answer = understood(q);
      expect(answer.tenths, q).toBeNull();
      expect(
        answer.options.map((o) => o.tenths),
        q,
      ).toEqual([COLLEGE_COURSE_MAX, 0]);
      expect(answer.explanation, q).toMatch(/What grade/);
    }
    expect(understood('college 3 credits, grade was good').explanation).toMatch(
      /"good" is not a letter grade/,
    );
    // A pass/fail course shows no letter grade at all: that is readable, and earns nothing.
    expect(understood('college 2 credits pass/fail').tenths).toBe(0);
  });

  it('numbers as people write them: refused with a sentence, never misread', () => {
    const cases: [string, RegExp][] = [
      ['college 1e-320 credits grade A', /"1e-320" is not a number I can read/],
      ['college -3 credits', /"-3" is below zero/],
      ['college 1,5 credits', /"1,5" could be 1\.5 or 15/],
      ['college 45 credits grade A', /at most 30 for one course/],
      ['college 0 credits grade A', /at least 0\.1/],
      ['college 2-3 credits grade A', /"2-3" is a range/],
    ];
    for (const [q, sentence] of cases) {
      const answer = understood(q);
      expect(answer.tenths, q).toBeNull();
      expect(answer.explanation, q).toMatch(sentence);
      expect(answer.explanation, q).toMatch(/How many credit hours/);
    }
  });

  it('contact hours are not credit hours', () => {
    expect(understood('pilates class 3 hours')).toMatchObject({
      intent: 'approved-course',
      tenths: 3,
    });
    expect(understood('college class 3 hours grade A')).toMatchObject({
      intent: 'college',
      tenths: COLLEGE_COURSE_MAX,
    });
  });
});

describe('course numbers only as standalone tokens', () => {
  it('"CS 101" is a college course and "CA 2025" a state and a year', () => {
    expect(understood('college CS 101 class 3 credits grade A').intent).toBe('college');
    expect(understood('cpr 2yr in CA 2025')).toMatchObject({ intent: 'cpr-aed', tenths: 4 });
    expect(understood('CA 23456').explanation).toMatch(/CA23456 is a well-formed/);
  });

  it('a course number with a typo explains the problem', () => {
    expect(understood('CA2345').explanation).toMatch(/4 digits/);
    expect(understood('CX23456').explanation).toMatch(/"CX" is not an ACE course prefix/);
  });

  it('the CECs of a certificate: a multiple of 0.1 up to 10.0, with a warning above a cycle', () => {
    expect(understood('course CA23456 0.7 cecs').tenths).toBe(7);
    expect(understood('ace conference 2.5 cecs').explanation).toMatch(/more than a whole cycle/);
    expect(understood('webinar 0.15 cecs').tenths).toBeNull();
    expect(understood('ACE-approved conference, 12 CECs').explanation).toMatch(/at most 10\.0/);
  });
});

describe('attending, presenting, certifiers, negation', () => {
  it.each([
    ['attended a webinar', 'approved-course'],
    ['ACE-approved workshop', 'approved-course'],
    ['attended a presentation', 'approved-course'],
    ['gave a talk', 'presentation'],
    ['I presented at a conference', 'presentation'],
    ['I am ACE certified and just got my NASM CPT', 'ncca-certification'],
    ['I am ACE certified and just earned the ACE Health Coach', 'ace-certification'],
    ['As an ACE personal trainer, what do I get for my NASM CES?', 'ncca-certification'],
    ['not approved course', 'petition'],
    ["my pilates course isn't ace approved", 'petition'],
  ])('%s → %s', (question, intent) => {
    expect(understood(question).intent).toBe(intent);
  });

  it('recognises every NCCA-accredited organisation S8 names, except ACE itself', () => {
    const s8 =
      'AAPTE, ACTION, ACSM, AFAA-CGFI, CSCCa, IFPA, NASM, NCCPT, NCSF, NESTA, NETA, NFPT, NSCA, PMA, PTAG, WITS';
    for (const name of s8.split(', ')) {
      expect(understood(`${name} certification`), name).toMatchObject({
        intent: 'ncca-certification',
        tenths: 5,
      });
    }
    expect(answerQuestion('ACE certification').understood).toBe(false);
    // A name S8 does not list is not taken as accredited.
    expect(understood('ISSA certification').options.map((o) => o.tenths)).toEqual([5, 0]);
  });

  it('an online-only CPR course earns nothing; an unsaid one is asked about', () => {
    expect(understood('online only cpr 2 year').tenths).toBe(0);
    expect(understood('online cpr 2 year').options.map((o) => o.tenths)).toEqual([4, 0]);
  });
});

describe('renewal questions, from the rules’ own constants and sources', () => {
  it.each([
    ['how many CECs do I need', 'requirement', ['S2', 'S3']],
    ['when is my deadline', 'deadline', ['S2', 'S3', 'S5']],
    ['grace period', 'grace', ['S5']],
    ['do my CECs carry over', 'carry-over', ['S2']],
    ['ethics', 'ethics', ['S7']],
    ['do I need CPR to renew', 'cpr-requirement', ['S2', 'S6']],
    ['how do I submit my CECs', 'submit', ['S1']],
    ['what is a petition', 'petition', ['S1', 'S1', 'S4']],
    ['can I repeat a course', 'repeat', ['S2']],
    ['how many hours is 1 CEC', 'units', ['S2', 'S3']],
    ['what counts for CECs', 'opportunities', ['S1', 'S3']],
  ])('%s → %s, citing %j', (question, intent, sources) => {
    const answer = understood(question);
    expect(answer.intent).toBe(intent);
    expect(answer.sources.map((s) => s.id)).toEqual(sources);
    expect(answer.source).toEqual(answer.sources[0]);
  });

  it('states the facts as the rules hold them', () => {
    expect(understood('how many CECs do I need')).toMatchObject({
      tenths: REQUIRED_TENTHS,
      explanation: RENEWAL_REQUIREMENT,
    });
    expect(understood('I have 1.5 CECs, how many more do I need').tenths).toBe(5);
    expect(understood('ethics').tenths).toBe(ETHICS_TENTHS);
    expect(understood('ethics').explanation).toContain(FACTS.ethics.text);
    expect(understood('do my CECs carry over').explanation).toBe(FACTS.noCarryOver.text);
    expect(understood('do I need CPR to renew').explanation).toContain('live skills check');
    // Our words, not the source's: marked so a page does not show them as a quote.
    expect(understood('grace period').source.verbatim).toBe(false);
  });

  it('works out the dates from an expiration date in the question', () => {
    expect(understood('my cert expires 03/31/2027, when is the deadline?').explanation).toMatch(
      /cycle runs 04\/01\/2025 to 03\/31\/2027, and late renewal is possible until 09\/30\/2027/,
    );
    expect(understood('my cert expired 03/31/2026, can I still renew?').explanation).toMatch(
      /late renewal is possible until 09\/30\/2026/,
    );
  });

  it('how to submit depends on what is submitted', () => {
    expect(understood('how do I submit a college course').explanation).toMatch(
      /petition.*transcript/,
    );
    expect(understood('how do I submit my CECs').explanation).toMatch(/My CECs/);
  });
});

describe('two activities, long questions, questions not understood', () => {
  it('a question naming two activities answers both', () => {
    const answer = understood('cpr 2yr and presenting');
    expect(answer).toMatchObject({ intent: 'cpr-aed', tenths: 4 });
    expect(answer.also).toMatchObject([{ intent: 'presentation', tenths: 5 }]);
    expect(answer.explanation).toMatch(/You also asked about Presenting: 0\.5 CECs\./);
  });

  it('an over-long question is refused with a sentence, not cut', () => {
    const long = `cpr 2yr ${'and more '.repeat(40)}`;
    expect(long.length).toBeGreaterThan(300);
    expect(answerQuestion(long)).toMatchObject({
      understood: false,
      reason: 'too-long',
      query: long,
      message: expect.stringMatching(/characters long; please ask it in at most 300/),
    });
    expect(answerQuestion(`cpr 2yr${' '.repeat(293)}`).understood).toBe(true);
  });

  it('says so and suggests the closest, through the same parser', () => {
    const answer = answerQuestion('prsntng');
    expect(answer).toMatchObject({ understood: false, reason: 'not-understood' });
    if (!answer.understood) {
      expect(answer.message).toMatch(/did not understand "prsntng"/);
      expect(answer.suggestions[0]).toMatchObject({
        intent: 'presentation',
        example: 'presenting',
      });
    }
    const nothing = answerQuestion('zzzz qqqq');
    expect(!nothing.understood && nothing.suggestions.length).toBeGreaterThan(0);
    const empty = answerQuestion('   ');
    expect(empty).toMatchObject({ understood: false, reason: 'empty' });
    expect(answerQuestion(undefined as never)).toMatchObject({
      understood: false,
      reason: 'empty',
    });
  });

  it('a typo in a long word is read as the word', () => {
    expect(understood('presnting').intent).toBe('presentation');
    expect(understood('colege 3 credits grade B').intent).toBe('college');
  });
});

describe('never throws', () => {
  const words = (readCorpus() as { question: string }[]).flatMap((c) => c.question.split(' '));
  const trainerish = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 40 })
    .map((parts) => parts.join(' '));

  it('on any input, and always answers with a source or suggests', () => {
    let cases = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          trainerish,
          fc.string({ maxLength: 80 }),
          fc.string({ unit: 'binary', maxLength: 400 }),
        ),
        (text) => {
          cases++;
          const answer = answerQuestion(text);
          if (answer.understood) {
            expect(answer.explanation).not.toBe('');
            expect(answer.sources.length).toBeGreaterThan(0);
            for (const t of [answer.tenths, ...answer.options.map((o) => o.tenths)]) {
              if (t !== null) expect(Number.isInteger(t) && t >= 0 && t <= 100).toBe(true);
            }
          } else {
            expect(answer.suggestions.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 4000 },
    );
    console.info(`question parser fuzz: ${cases} cases`);
  });
});

describe('suggestQuestions (autocomplete), from the same parser', () => {
  it('offers examples that start with what was typed, keeping what was typed first', () => {
    const list = suggestQuestions('cpr');
    expect(list[0]).toBe('cpr');
    expect(list).toContain('cpr 2yr');
    expect(suggestQuestions('').length).toBeGreaterThan(5);
    expect(suggestQuestions('x'.repeat(300))[0]?.length).toBeLessThanOrEqual(100);
  });

  it('then the examples of what the parser reads so far', () => {
    expect(suggestQuestions('do i need more cecs', 5)).toContain(EXAMPLES.requirement[0]);
  });

  it('every example is understood as its own intent, and every opportunity has one', () => {
    for (const [intent, examples] of Object.entries(EXAMPLES)) {
      for (const example of examples) expect(understood(example).intent, example).toBe(intent);
    }
    for (const id of OPPORTUNITY_IDS) expect(EXAMPLES[id].length, id).toBeGreaterThan(0);
  });
});
