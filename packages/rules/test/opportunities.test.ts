/** Every opportunity: its rule and guide agree, its examples compute, its labels read well. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Activity,
  CREDENTIAL_IDS,
  credentialName,
  creditActivity,
  getOpportunity,
  isCredentialId,
  OPPORTUNITIES,
  OPPORTUNITY_IDS,
  type OpportunityId,
  SOURCES,
} from '../src/index.js';

const on = (activity: object) => ({ ...activity, completed: '2026-01-01' }) as Activity;

/**
 * S1's text as stored (copied from the project's sources,
 * ace-2013-cec-opportunities.txt: the article without the site's menus).
 */
const S1_TEXT = readFileSync(
  new URL('./fixtures/s1-ace-2013-cec-opportunities.txt', import.meta.url),
  'utf8',
);

/** ACE's FAQ passages (S3, S4, S8) as stored (copied from the project's sources, ace-faq-extracts.md). */
const FAQ_TEXT = readFileSync(new URL('./fixtures/ace-faq-extracts.md', import.meta.url), 'utf8');
const TEXTS: Partial<Record<string, string>> = { S1: S1_TEXT, S3: FAQ_TEXT, S4: FAQ_TEXT };

/** Quotes and whitespace as typed vs as published ("C" vs “C”, double spaces) do not matter. */
function normalise(text: string): string {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

describe('the catalog', () => {
  it('lists every opportunity once', () => {
    expect(OPPORTUNITIES.map((o) => o.id)).toEqual(OPPORTUNITY_IDS);
    expect(new Set(OPPORTUNITY_IDS).size).toBe(10);
  });

  it.each(OPPORTUNITIES.map((o) => [o.id, o] as const))(
    '%s cites its source word for word and has a guide',
    (_id, o) => {
      // S1 for all but First Aid, which only S3 credits.
      expect(o.source.id).toBe(o.id === 'first-aid' ? 'S3' : 'S1');
      expect(o.source.quote.length).toBeGreaterThan(40);
      expect(normalise(TEXTS[o.source.id] ?? '')).toContain(normalise(o.source.quote));
      for (const note of o.notes ?? []) {
        expect(normalise(TEXTS[note.source] ?? '')).toContain(normalise(note.quote));
      }
      expect(SOURCES[o.source.id].url).toMatch(/^https:\/\/www\.acefitness\.org\//);
      expect(o.description.length).toBeGreaterThan(20);
      expect(o.evidence.length).toBeGreaterThan(20);
      expect(o.value.length).toBeGreaterThan(5);
      expect(o.examples.length).toBeGreaterThan(0);
      for (const example of o.examples) {
        const credit = creditActivity(on(example.activity));
        expect(credit.reason.length).toBeGreaterThan(10);
        expect(o.label(on(example.activity)).length).toBeGreaterThan(3);
      }
    },
  );

  it('unknown ids throw for maintainers, never for users (plans are validated first)', () => {
    expect(() => getOpportunity('yoga' as OpportunityId)).toThrow(/Unknown opportunity "yoga"/);
  });
});

describe('labels', () => {
  it.each([
    [{ kind: 'presentation' }, 'Presentation'],
    [{ kind: 'presentation', title: 'Cueing' }, 'Presentation: Cueing'],
    [{ kind: 'mentoring' }, 'Community outreach'],
    [{ kind: 'mentoring', title: 'Running club' }, 'Outreach: Running club'],
    [{ kind: 'approved-course', courseNumber: 'CA23456', cecs: 0.7 }, 'Course CA23456'],
    [
      { kind: 'approved-course', courseNumber: 'CA23456', cecs: 0.7, title: 'Kettlebells' },
      'Kettlebells (CA23456)',
    ],
    [{ kind: 'college', creditHours: 1, grade: 'A' }, 'College course (1 credit hour, A)'],
    [
      { kind: 'college', creditHours: 3, grade: 'B', title: 'Anatomy I' },
      'Anatomy I (3 credit hours, B)',
    ],
    [
      { kind: 'petition', title: 'Pilates', status: 'denied', cecs: 0.5 },
      'Petition: Pilates (denied)',
    ],
    [{ kind: 'ncca-certification', name: 'NSCA-CPT' }, 'Certification: NSCA-CPT'],
    [
      { kind: 'ace-certification', credential: 'health-coach' },
      'Earned the ACE Certified Health Coach',
    ],
  ])('%o → %s', (activity, label) => {
    const a = on(activity);
    expect(getOpportunity(a.kind).label(a)).toBe(label);
  });
});

describe('credit reasons', () => {
  it('college: one credit hour, pass/fail', () => {
    expect(
      creditActivity(on({ kind: 'college', creditHours: 1, grade: 'A', related: true })).reason,
    ).toMatch(/1 credit hour with/);
    expect(
      creditActivity(on({ kind: 'college', creditHours: 3, grade: 'P', related: true })),
    ).toEqual({
      tenths: 0,
      reason: 'A pass/fail grade does not show the "C" or higher that S1 requires.',
    });
  });
  it('an ACE certification named as another provider’s is sent to the right opportunity', () => {
    expect(
      creditActivity(on({ kind: 'ncca-certification', name: 'ACE Health Coach' })),
    ).toMatchObject({
      tenths: 0,
      reason: expect.stringMatching(/extra ACE certification/),
    });
  });
});

describe('credentials', () => {
  it('has the four current ACE certifications', () => {
    expect(CREDENTIAL_IDS).toEqual([
      'personal-trainer',
      'group-fitness-instructor',
      'health-coach',
      'medical-exercise-specialist',
    ]);
    expect(credentialName('medical-exercise-specialist')).toBe(
      'ACE Certified Medical Exercise Specialist',
    );
    expect(isCredentialId('health-coach')).toBe(true);
    expect(isCredentialId('toString')).toBe(false);
    expect(isCredentialId(3)).toBe(false);
  });
});

describe('how to submit (S1)', () => {
  it('quotes S1 step by step, word for word', async () => {
    const { SUBMISSION_STEPS } = await import('../src/index.js');
    for (const { quote } of SUBMISSION_STEPS)
      expect(normalise(S1_TEXT)).toContain(normalise(quote));
    expect(SUBMISSION_STEPS.map((s) => s.step)).toContain('Enter the completion date');
    expect(SUBMISSION_STEPS.find((s) => s.step === 'Enter the completion date')?.quote).toMatch(
      /MM\/DD\/YYYY format/,
    );
  });
});
