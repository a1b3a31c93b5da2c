/**
 * The browser bundle runs @cec/rules on src/zod-mini-subset instead of zod
 * (to fit the 15 KB budget). Here the same rules package is loaded twice,
 * once on each, and must answer every plan identically: same problems (path
 * and message, in order) or the same parsed plan.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as real from '@cec/rules';
import { beforeAll, describe, expect, it, vi } from 'vitest';

/** zod/mini as the rules package resolves it (the site itself does not depend on zod). */
const rulesZodMini = `${realpathSync(
  fileURLToPath(new URL('../../../../packages/rules/node_modules/zod', import.meta.url)),
)}/mini/index.js`;

let subset: typeof real;

beforeAll(async () => {
  vi.resetModules();
  vi.doMock(rulesZodMini, () => import('../../src/zod-mini-subset/index'));
  subset = await import('@cec/rules');
  vi.doUnmock(rulesZodMini);
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID_ACTIVITIES: Record<string, unknown>[] = [
  { kind: 'cpr-aed', term: '2yr', completed: '2026-01-15' },
  { kind: 'college', creditHours: 3, grade: 'B', related: true, completed: '12/10/2025' },
  { kind: 'college', creditHours: 1.25, grade: 'C-', completed: '2025-05-01', title: 'Anatomy' },
  { kind: 'ace-certification', credential: 'health-coach', completed: '2025-03-15' },
  { kind: 'presentation', title: 'Cueing for older adults', completed: '2026-04-02' },
  { kind: 'presentation', completed: '2026-04-02' },
  { kind: 'ncca-certification', name: 'NSCA-CPT', completed: '2026-05-01' },
  { kind: 'publication', title: 'Strength after 60', completed: '2026-06-01' },
  { kind: 'mentoring', completed: '2026-06-20' },
  {
    kind: 'approved-course',
    courseNumber: 'CA23456',
    cecs: 0.7,
    ethics: false,
    completed: '2026-07-01',
  },
  { kind: 'approved-course', courseNumber: ' cep-123456 ', cecs: 0.1, completed: '7/1/2026' },
  {
    kind: 'petition',
    title: 'Pilates mat course',
    status: 'pending',
    cecs: 0.5,
    completed: '2026-08-01',
  },
];

const VALUES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'abc',
  0,
  -1,
  0.75,
  0.7,
  1.25,
  3,
  31,
  1e9,
  true,
  false,
  [],
  {},
  '02/30/2024',
  '2024-02-29',
  '13/01/2024',
  '1/2/24',
  '2027-03-31',
  '03/31/2027',
  'CA2345',
  'CA23456',
  'CEP1234567',
  'XX12345',
  'CA-234-56',
  'CA23456Z',
  'C@12345',
  '1yr',
  '2yr',
  '3yr',
  'A+',
  'C',
  'D',
  'P',
  'pending',
  'approved',
  'denied',
  'maybe',
  'personal-trainer',
  'health-coach',
  'nobody',
  'x'.repeat(201),
  'cpr-aed',
  'college',
];

function mutate(next: () => number, value: unknown, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  if (depth > 3 || typeof value !== 'object' || value === null) {
    return next() < 0.5 ? value : pick(VALUES);
  }
  if (Array.isArray(value)) {
    const copy = value.map((item) => (next() < 0.3 ? mutate(next, item, depth + 1) : item));
    if (next() < 0.15) copy.push(pick(VALUES));
    if (next() < 0.1) copy.splice(0, 1);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of Object.keys(copy)) {
    const roll = next();
    if (roll < 0.12) delete copy[key];
    else if (roll < 0.35) copy[key] = mutate(next, copy[key], depth + 1);
  }
  if (next() < 0.08)
    copy[pick(['note', 'extra', 'kind', 'title', 'expires', 'certified'])] = pick(VALUES);
  return copy;
}

function plans(count: number, seed: number): unknown[] {
  const next = random(seed);
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const activities = VALID_ACTIVITIES.filter(() => next() < 0.4);
    const plan = {
      certifications: [
        { credential: 'personal-trainer', expires: '2027-03-31' },
        ...(next() < 0.5 ? [{ credential: 'health-coach', certified: '03/15/2025' }] : []),
      ],
      activities,
      ...(next() < 0.2 ? { today: '2026-11-27' } : {}),
    };
    out.push(next() < 0.97 ? mutate(next, plan) : mutate(next, 'not a plan'));
  }
  return out;
}

describe('zod-mini-subset runs the rules package exactly like zod', () => {
  it('every valid example plan parses to the same plan', () => {
    for (const activity of VALID_ACTIVITIES) {
      const plan = {
        certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
        activities: [activity],
      };
      expect(subset.parsePlan(plan)).toEqual(real.parsePlan(plan));
      expect(subset.parsePlan(plan).ok).toBe(true);
    }
  });

  it('3,000 mutated plans give identical results (problems in order, or the same plan)', () => {
    let failures = 0;
    for (const plan of plans(3000, 20261127)) {
      const expected = real.parsePlan(plan);
      if (!expected.ok) failures++;
      expect(subset.parsePlan(plan), JSON.stringify(plan)).toEqual(expected);
    }
    // The corpus exercises the error paths, not just valid plans.
    expect(failures).toBeGreaterThan(1000);
  });

  it('links decode identically, damaged ones included', () => {
    const next = random(7);
    for (const plan of plans(300, 99)) {
      const parsed = real.parsePlan(plan);
      if (!parsed.ok) continue;
      const link = real.encodePlan(parsed.plan);
      const cut = link.slice(0, Math.floor(next() * link.length));
      for (const text of [link, cut, `${link}x`]) {
        expect(subset.decodePlan(text)).toEqual(real.decodePlan(text));
      }
    }
  });

  it('the second copy really runs on the subset', () => {
    // zod marks every schema with its traits; the subset has none.
    const traits = (schema: unknown) => (schema as { _zod: { traits?: Set<string> } })._zod.traits;
    expect(traits(real.planSchema)?.has('$ZodObject')).toBe(true);
    expect(traits(subset.planSchema)).toBeUndefined();
  });
});
