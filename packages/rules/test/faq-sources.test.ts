/**
 * What ACE's FAQ pages add to S1 (S3, S4), and the bounds that keep odd input
 * from inflating a total (issue 9). Each test would fail without its rule.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli-run.js';
import { parseActivity, parsePlan } from '../src/index.js';
import { evaluateFirst, PT } from './support/plans.js';

function problems(activity: Record<string, unknown>) {
  const result = parseActivity({ completed: '2026-01-01', ...activity });
  return result.ok ? [] : result.problems;
}

describe('S4: college courses', () => {
  it('"An approved petition of this type may result in a maximum of 2.0 CECs."', () => {
    const e = evaluateFirst({
      today: '2026-11-01',
      certifications: [PT],
      activities: [{ kind: 'college', creditHours: 4, grade: 'A', completed: '2026-01-10' }],
    });
    expect(e.items[0]?.credit).toBe(20);
    expect(e.items[0]?.reason).toMatch(/at most 2\.0 CECs \(S4\)/);
  });

  it('"A certification prep college course will only be awarded up to .5CECs."', () => {
    const e = evaluateFirst({
      today: '2026-11-01',
      certifications: [PT],
      activities: [
        { kind: 'college', creditHours: 3, grade: 'A', certPrep: true, completed: '2026-01-10' },
      ],
    });
    expect(e.items[0]?.credit).toBe(5);
  });

  it('"Only one submission will be reviewed": the course worth most counts, the others say why', () => {
    const e = evaluateFirst({
      today: '2026-11-01',
      certifications: [PT],
      activities: [
        { kind: 'college', creditHours: 1, grade: 'B', completed: '2025-09-01' },
        { kind: 'college', creditHours: 2, grade: 'A', completed: '2026-01-10' },
      ],
    });
    expect(e.items.map((i) => i.counted)).toEqual([0, 20]);
    expect(e.items[0]?.cut).toMatch(/only one college course petition per cycle.*\(S4\)/);
  });
});

describe('the same thing entered twice counts once', () => {
  it('an NCCA certification, whatever its spelling of case and spaces', () => {
    const e = evaluateFirst({
      today: '2026-11-01',
      certifications: [PT],
      activities: [
        { kind: 'ncca-certification', name: 'NSCA-CPT', completed: '2025-09-01' },
        { kind: 'ncca-certification', name: ' nsca-cpt ', completed: '2026-01-10' },
      ],
    });
    expect(e.earned).toBe(5);
    expect(e.items[1]?.cut).toMatch(/counted once this cycle.*earns its credit once/);
  });

  it('a publication', () => {
    const e = evaluateFirst({
      today: '2026-11-01',
      certifications: [PT],
      activities: [
        { kind: 'publication', title: 'Strength after 60', completed: '2025-09-01' },
        { kind: 'publication', title: 'Strength  after 60', completed: '2026-01-10' },
        { kind: 'publication', title: 'Another article', completed: '2026-02-10' },
      ],
    });
    expect(e.earned).toBe(10);
  });
});

describe('S3: "You can earn 0.2 CEC each for CPR, AED, and First-Aid."', () => {
  it('First Aid is its own opportunity, 0.2, labelled as S3’s', () => {
    const e = evaluateFirst({
      today: '2026-11-01',
      certifications: [PT],
      activities: [{ kind: 'first-aid', completed: '2026-01-10' }],
    });
    expect(e.earned).toBe(2);
    expect(e.items[0]?.reason).toMatch(/according to S3.*S1 does not list First Aid/);
  });

  it('S3’s differing CPR/AED wording is shown beside S1’s by cec rules', () => {
    const text = run(['rules']).out;
    expect(text).toMatch(
      /Another source, S3: "Yes\. You can earn 0\.2 CEC each for CPR, AED, and First-Aid\."/,
    );
    const json = JSON.parse(run(['--json', 'rules']).out);
    const cpr = json.opportunities.find((o: { id: string }) => o.id === 'cpr-aed');
    expect(cpr.notes[0].source.id).toBe('S3');
  });
});

describe('S2, S6: a live skills check', () => {
  const withCard = (skills?: string) =>
    evaluateFirst({
      today: '2026-11-01',
      certifications: [PT],
      activities: [
        { kind: 'cpr-aed', term: '2yr', ...(skills ? { skills } : {}), completed: '2026-01-10' },
      ],
    });

  it('an online-only card earns nothing and does not meet the requirement', () => {
    const e = withCard('online-only');
    expect(e.items[0]?.credit).toBe(0);
    expect(e.checklist[0]?.state).toBe('missing');
    expect(e.checklist[0]?.detail).toMatch(/online-only course, which ACE does not accept/);
  });

  it('a card whose format is not given counts, with the live-skills requirement in the checklist', () => {
    const e = withCard();
    expect(e.checklist[0]?.state).toBe('met');
    expect(e.checklist[0]?.detail).toMatch(/in-person skills check/);
    expect(withCard('in-person').checklist[0]?.detail).not.toMatch(/in-person skills check/);
  });
});

describe('S7: the ethics hour can come from an approved petition', () => {
  it('an approved petition marked "ethics" meets it; a pending one does not', () => {
    const petition = (status: string) =>
      evaluateFirst({
        today: '2026-11-01',
        certifications: [PT],
        activities: [
          {
            kind: 'petition',
            title: 'Ethics in coaching',
            status,
            cecs: 0.2,
            ethics: true,
            completed: '2026-01-10',
          },
        ],
      }).checklist[1]?.state;
    expect(petition('approved')).toBe('met');
    expect(petition('pending')).toBe('missing');
  });
});

describe('never guess, never inflate: bounds', () => {
  it('refuses credit hours below 0.1 or above 30, naming the field and its path', () => {
    for (const creditHours of [1e-320, 0.05, -3]) {
      expect(problems({ kind: 'college', creditHours, grade: 'A' })).toEqual([
        { path: '$.creditHours', message: 'Credit hours must be at least 0.1, like 3.' },
      ]);
    }
    expect(problems({ kind: 'college', creditHours: 31, grade: 'A' })[0]?.message).toMatch(
      /at most 30/,
    );
  });

  it('refuses CECs above 10.0 on a certificate, and warns above 2.0', () => {
    expect(problems({ kind: 'approved-course', courseNumber: 'CA23456', cecs: 1e300 })).toEqual([
      {
        path: '$.cecs',
        message: 'CECs on certificate must be at most 10.0: check the number on the certificate.',
      },
    ]);
    const e = evaluateFirst({
      today: '2026-11-01',
      certifications: [PT],
      activities: [
        { kind: 'approved-course', courseNumber: 'CA23456', cecs: 2.5, completed: '2026-01-10' },
      ],
    });
    expect(e.warnings).toContain(
      "Course CA23456 claims 2.5 CECs, more than a whole cycle's 2.0: check the certificate.",
    );
  });

  it('refuses a certification date after today', () => {
    const result = parsePlan({
      today: '2026-11-01',
      certifications: [{ credential: 'health-coach', certified: '2026-12-01' }],
    });
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: '$.certifications[0].certified',
        message: expect.stringMatching(
          /^Certification date: 12\/01\/2026 is after today \(11\/01\/2026\)/,
        ),
      },
    ]);
  });
});

describe('a cycle known only from a certification date', () => {
  it.each([
    ['2024-03-01', '2026-03-01'],
    ['2024-02-29', '2026-02-28'],
    ['2024-01-31', '2026-01-31'],
    ['2023-12-31', '2025-12-31'],
  ])('starts on %s itself and ends on %s', (certified, end) => {
    const e = evaluateFirst({
      today: '2024-06-01',
      certifications: [{ credential: 'health-coach', certified }],
      activities: [
        { kind: 'mentoring', completed: certified },
        { kind: 'ace-certification', credential: 'health-coach', completed: certified },
      ],
    });
    expect(e.cycle).toEqual({ start: certified, end, estimated: true });
    expect(e.items[0]?.inCycle).toBe(true);
    // The credential's own row says what it is, not "outside this cycle".
    expect(e.items[1]?.cut).toBeNull();
    expect(e.items[1]?.reason).toMatch(/This is the ACE Certified Health Coach itself/);
  });
});

describe('the CPR/AED checklist in every state', () => {
  const cpr = (today: string, completed: string, term = '1yr') =>
    evaluateFirst({
      today,
      certifications: [PT],
      activities: [{ kind: 'cpr-aed', term, completed }],
    }).checklist[0];

  it('before the expiration, a card that runs out first: renew it before then', () => {
    expect(cpr('2026-11-01', '2025-05-01')?.detail).toMatch(
      /runs out about 05\/01\/2026, before your expiration on 03\/31\/2027: renew it before then/,
    );
  });
  it('in the grace period, a card that ran out: said in the past', () => {
    expect(cpr('2027-05-01', '2025-05-01')?.detail).toMatch(
      /ran out about 05\/01\/2026, before your expiration/,
    );
  });
  it('in the grace period, a card completed after the expiration does not "run out before" it', () => {
    const item = cpr('2027-05-01', '2027-04-10', '2yr');
    expect(item?.state).toBe('missing');
    expect(item?.detail).toMatch(
      /from 04\/10\/2027 was completed after your expiration on 03\/31\/2027/,
    );
    expect(item?.detail).not.toMatch(/runs out/);
  });
  it('a course planned after the expiration is named, not "none recorded"', () => {
    expect(cpr('2026-11-01', '2027-05-01')?.detail).toMatch(
      /planned for 05\/01\/2027 is after your expiration/,
    );
  });
  it('none recorded says so', () => {
    const e = evaluateFirst({ today: '2026-11-01', certifications: [PT] });
    expect(e.checklist[0]?.detail).toMatch(/^No CPR\/AED certificate recorded\./);
  });
});
