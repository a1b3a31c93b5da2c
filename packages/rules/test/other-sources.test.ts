/** S2–S7: the facts about cycles and renewal that the evaluation implements. */
import { describe, expect, it } from 'vitest';
import { evaluateFirst, PT } from './support/plans.js';

describe('S2, S3: "2.0 CECs (20 contact hours) are required in each two-year renewal cycle; 0.1 CEC = 1 hour."', () => {
  it('requires 2.0 earned inside the cycle', () => {
    const c = evaluateFirst({
      today: '2027-01-01',
      certifications: [PT],
      activities: [
        { kind: 'approved-course', courseNumber: 'CA11111', cecs: 1.9, completed: '2026-01-01' },
      ],
    });
    expect(c.required).toBe(20);
    expect(c.met).toBe(false);
    expect(c.remaining).toBe(1);
  });
  it('the cycle is the two years ending on the expiration date', () => {
    const c = evaluateFirst({ today: '2027-01-01', certifications: [PT], activities: [] });
    expect(c.cycle).toEqual({ start: '2025-04-01', end: '2027-03-31', estimated: false });
  });
});

describe('S2: "CECs count only toward the cycle in which they were completed; excess CECs do not carry over."', () => {
  it('an activity before the cycle counts nothing, with the reason', () => {
    const c = evaluateFirst({
      today: '2027-01-01',
      certifications: [PT],
      activities: [
        { kind: 'approved-course', courseNumber: 'CA11111', cecs: 3, completed: '2025-03-31' },
      ],
    });
    expect(c.earned).toBe(0);
    expect(c.items[0]?.cut).toMatch(/outside this cycle/);
  });
});

describe('S2: "The same course cannot be repeated to meet the renewal requirement."', () => {
  it('a repeated course number counts once per cycle', () => {
    const c = evaluateFirst({
      today: '2027-01-01',
      certifications: [PT],
      activities: [
        { kind: 'approved-course', courseNumber: 'CA23456', cecs: 0.7, completed: '2025-06-01' },
        { kind: 'approved-course', courseNumber: 'ca-23456', cecs: 0.7, completed: '2026-06-01' },
      ],
    });
    expect(c.earned).toBe(7);
    expect(c.items[1]?.cut).toMatch(
      /CA23456 is counted once this cycle \(the entry of 06\/01\/2025\)/,
    );
  });
});

describe('S2, S6: "A current adult CPR/AED certificate is required to renew."', () => {
  it('met when a certificate runs past the expiration date', () => {
    const c = evaluateFirst({
      today: '2027-01-01',
      certifications: [PT],
      activities: [{ kind: 'cpr-aed', term: '2yr', completed: '2025-05-01' }],
    });
    expect(c.checklist.find((i) => i.id === 'cpr-aed')?.state).toBe('met');
  });
  it('missing when it runs out before, and shown apart from the CEC total', () => {
    const c = evaluateFirst({
      today: '2027-01-01',
      certifications: [PT],
      activities: [{ kind: 'cpr-aed', term: '1yr', completed: '2025-05-01' }],
    });
    const cpr = c.checklist.find((i) => i.id === 'cpr-aed');
    expect(cpr?.state).toBe('missing');
    expect(cpr?.detail).toMatch(/05\/01\/2026, before your expiration on 03\/31\/2027/);
    expect(c.earned).toBe(2);
  });
  it('planned when the covering certificate is after today', () => {
    const c = evaluateFirst({
      today: '2027-01-01',
      certifications: [PT],
      activities: [{ kind: 'cpr-aed', term: '1yr', completed: '2027-02-01' }],
    });
    expect(c.checklist.find((i) => i.id === 'cpr-aed')?.state).toBe('planned');
    expect(c.planned).toBe(2);
    expect(c.earned).toBe(0);
  });
  it('missing with no certificate at all', () => {
    const c = evaluateFirst({ today: '2027-01-01', certifications: [PT], activities: [] });
    expect(c.checklist.find((i) => i.id === 'cpr-aed')?.detail).toMatch(/No CPR\/AED certificate/);
  });
});

describe('S5: "A six-month grace period exists after expiration for late renewal; it is not an extension."', () => {
  const base = { certifications: [PT], activities: [] };
  it.each([
    ['2026-12-30', 'active', 91],
    ['2026-12-31', 'due-soon', 90],
    ['2027-03-31', 'due-soon', 0],
    ['2027-04-01', 'grace', -1],
    ['2027-09-30', 'grace', -183],
    ['2027-10-01', 'expired', -184],
  ])('on %s the status is %s', (today, status, daysLeft) => {
    const c = evaluateFirst({ ...base, today });
    expect(c.status).toBe(status);
    expect(c.daysLeft).toBe(daysLeft);
    expect(c.graceEnds).toBe('2027-09-30');
  });
  it('the grace warning says it is not an extension', () => {
    expect(evaluateFirst({ ...base, today: '2027-05-01' }).warnings.join(' ')).toMatch(
      /not an extension/,
    );
  });
});

describe('S7: "From 2023-09-13, at least 0.1 CEC (one hour) in professional conduct and ethics is required to renew; it counts inside the 2.0."', () => {
  it('not required for an expiration before 09/13/2023', () => {
    const c = evaluateFirst({
      today: '2023-01-01',
      certifications: [{ credential: 'health-coach', expires: '2023-09-12' }],
      activities: [],
    });
    expect(c.checklist.find((i) => i.id === 'ethics')?.state).toBe('not-required');
  });
  it('required from 09/13/2023, met by an ethics course that also counts inside the 2.0', () => {
    const c = evaluateFirst({
      today: '2023-09-01',
      certifications: [{ credential: 'health-coach', expires: '2023-09-13' }],
      activities: [
        {
          kind: 'approved-course',
          courseNumber: 'CEP123456',
          cecs: 0.1,
          ethics: true,
          completed: '2023-01-01',
        },
      ],
    });
    expect(c.checklist.find((i) => i.id === 'ethics')?.state).toBe('met');
    expect(c.earned).toBe(1);
  });
  it('planned, then missing', () => {
    const planned = evaluateFirst({
      today: '2027-01-01',
      certifications: [PT],
      activities: [
        {
          kind: 'approved-course',
          courseNumber: 'CEP123456',
          cecs: 0.2,
          ethics: true,
          completed: '2027-02-01',
        },
      ],
    });
    expect(planned.checklist.find((i) => i.id === 'ethics')?.state).toBe('planned');
    const missing = evaluateFirst({ today: '2027-01-01', certifications: [PT], activities: [] });
    expect(missing.checklist.find((i) => i.id === 'ethics')?.state).toBe('missing');
    expect(missing.ready).toBe(false);
  });
});

describe('S1, S4: "a petition is reviewed (about 30 days) and may be denied"', () => {
  it('a pending petition says so', () => {
    const c = evaluateFirst({
      today: '2027-01-01',
      certifications: [PT],
      activities: [
        {
          kind: 'petition',
          title: 'Pilates',
          status: 'pending',
          cecs: 0.5,
          completed: '2026-11-01',
        },
      ],
    });
    expect(c.items[0]?.reason).toMatch(/about 30 days \(S4\)/);
  });
});

describe("the facts are written from the rules' own numbers", () => {
  it('the requirement, the ethics hour and its checklist label', async () => {
    const { FACTS } = await import('../src/index.js');
    expect(FACTS.requirement.text).toBe(
      '2.0 CECs (20 contact hours) are required in each two-year renewal cycle; 0.1 CEC = 1 contact hour.',
    );
    expect(FACTS.ethics.text).toBe(
      'From 09/13/2023, at least 0.1 CEC (1 contact hour) in professional conduct and ethics is required to renew; it counts inside the 2.0.',
    );
    const c = evaluateFirst({ today: '2027-01-01', certifications: [PT], activities: [] });
    expect(c.checklist.find((i) => i.id === 'ethics')?.label).toBe(
      'Professional conduct and ethics: at least 0.1 CEC',
    );
  });
});

describe('the renewal requirement in one sentence (S2, S3, S6, S7)', () => {
  it('is built from the same numbers the evaluation uses', async () => {
    const { RENEWAL_REQUIREMENT } = await import('../src/index.js');
    expect(RENEWAL_REQUIREMENT).toBe(
      'ACE certifications renew every two years with 2.0 CECs earned in the cycle, plus a current adult CPR/AED certificate and, for expirations from 09/13/2023, at least 0.1 CEC of professional conduct and ethics.',
    );
  });
});
