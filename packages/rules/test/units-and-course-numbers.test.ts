import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCourseNumber,
  exactTenths,
  findCourseNumber,
  floorTenths,
  formatCecs,
  normalizeCourseNumber,
  sumTenths,
  toCecs,
} from '../src/index.js';

describe('tenths', () => {
  it('0.1 + 0.2 is 0.3', () => {
    expect(formatCecs(sumTenths([exactTenths(0.1) ?? 0, exactTenths(0.2) ?? 0]))).toBe('0.3');
  });
  it('formats with one decimal', () => {
    expect([formatCecs(4), formatCecs(20), formatCecs(135), formatCecs(0), formatCecs(-5)]).toEqual(
      ['0.4', '2.0', '13.5', '0.0', '-0.5'],
    );
    expect(toCecs(7)).toBe(0.7);
  });
  it('credits fractional hours down to the tenth', () => {
    expect(floorTenths(1.25)).toBe(12);
    expect(floorTenths(0.3)).toBe(3);
    expect(floorTenths(2.99)).toBe(29);
  });
  it('refuses amounts that are not whole tenths', () => {
    expect(exactTenths(0.75)).toBeNull();
    expect(exactTenths(Number.NaN)).toBeNull();
    expect(exactTenths(1.2)).toBe(12);
  });
  it('tenths never drift, however many are added', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 200 }), (list) => {
        const viaCecs = list.map((t) => exactTenths(toCecs(t)) ?? Number.NaN);
        expect(sumTenths(viaCecs)).toBe(list.reduce((a, b) => a + b, 0));
        expect(formatCecs(sumTenths(list))).toMatch(/^\d+\.\d$/);
      }),
    );
  });
});

describe('course numbers (S1)', () => {
  it('normalises spaces, hyphens and case', () => {
    expect(normalizeCourseNumber(' cep-123456 ')).toBe('CEP123456');
    expect(checkCourseNumber(' cep-123456 ')).toEqual({
      valid: true,
      normalized: 'CEP123456',
      error: null,
    });
    expect(checkCourseNumber('ca 23 456').valid).toBe(true);
  });
  it.each([
    ['', /Enter a course number/],
    ['CX12345', /"CX" is not an ACE course prefix/],
    ['12345', /has no prefix/],
    ['CA1234', /has 4 digits after CA; a course number has five or six/],
    ['CA1', /has 1 digit after CA/],
    ['CA1234567', /has 7 digits/],
    ['CA12345X', /letters after the digits \("X"\)/],
    ['CA12_345', /contains "_"/],
    ['CA12.345', /contains "\."/],
  ])('%s is refused with a specific reason', (input, reason) => {
    const result = checkCourseNumber(input);
    expect(result.valid).toBe(false);
    expect(result.error).toMatch(reason);
    expect(result.error).not.toBe('invalid');
  });
  it('finds a course number inside a sentence', () => {
    expect(findCourseNumber('what is CA23456 worth')).toBe('CA23456');
    expect(findCourseNumber('nothing here')).toBeNull();
  });
  it('never throws, and a valid result is always a prefix with 5–6 digits', () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        cases++;
        const result = checkCourseNumber(text);
        if (result.valid) expect(result.normalized).toMatch(/^(CEP|CP|CA|CS|CL)\d{5,6}$/);
        else expect(result.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 5000 },
    );
    console.info(`course-number fuzz: ${cases} cases`);
  });
});
