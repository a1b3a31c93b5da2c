/**
 * Fuzzing how the calculator reads its state back: any address (`?plan=`
 * damaged, truncated, crafted or absent) and anything in localStorage go
 * through `load` and `deserialize`. Nothing throws; every notice is a
 * specific sentence (the rules package's words for a link); and nothing is
 * lost: a good link opens exactly its plan, a bad one keeps the saved state,
 * and every saved entry is either restored as it was or counted as left out.
 */
import { deflateRawSync } from 'node:zlib';
import { CREDENTIAL_IDS, decodePlan, OPPORTUNITY_IDS, type OpportunityId } from '@cec/rules';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type FieldName, kindFields } from '../../src/scripts/calculator/fields';
import {
  deserialize,
  load,
  PLAN_PARAM,
  searchFor,
  serialize,
  stateFromPlan,
} from '../../src/scripts/calculator/saved';
import {
  type Action,
  type CalculatorState,
  initialState,
  update,
  view,
} from '../../src/scripts/calculator/state';

const TODAY = '2026-11-27';
const counts: string[] = [];
afterAll(() => {
  console.log(`fuzz (calculator state): cases tried\n  ${counts.join('\n  ')}`);
});

// ---------------------------------------------------------------------------
// Generators

const pad = (n: number) => String(n).padStart(2, '0');
const usDate = fc
  .record({
    y: fc.integer({ min: 2023, max: 2028 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${pad(m)}/${pad(d)}/${y}`);

/** What a person types in a field: mostly sensible for it, sometimes anything. */
const FIELD_VALUES: Record<FieldName, fc.Arbitrary<string>> = {
  term: fc.constantFrom('1yr', '2yr'),
  creditHours: fc.constantFrom('1', '2', '3', '1.25', '0', '-1', '40'),
  grade: fc.constantFrom('A', 'A-', 'B', 'C+', 'D', 'F', 'P'),
  related: fc.constantFrom('true', 'false'),
  credential: fc.constantFrom(...CREDENTIAL_IDS),
  name: fc.constantFrom('NSCA-CPT', 'NASM-CPT', ''),
  courseNumber: fc.constantFrom('CA23456', 'CEP123456', 'ca 12345', 'XX1'),
  cecs: fc.constantFrom('0.1', '0.5', '1.2', '2.0', '0.75', 'abc'),
  ethics: fc.constantFrom('true', 'false'),
  status: fc.constantFrom('pending', 'approved', 'denied'),
  title: fc.string({ maxLength: 40 }),
  completed: fc.oneof(usDate, fc.string({ maxLength: 12 })),
};
const FIELDS = Object.keys(FIELD_VALUES) as FieldName[];

const action: fc.Arbitrary<Action> = fc.oneof(
  fc
    .record({
      index: fc.integer({ min: 0, max: 3 }),
      date: fc.oneof(usDate, fc.string({ maxLength: 12 })),
      dateKind: fc.constantFrom('expires' as const, 'certified' as const),
    })
    .map(({ index, date, dateKind }) => ({
      type: 'set-certification' as const,
      index,
      patch: { date, dateKind },
    })),
  fc.constant({ type: 'add-certification' as const }),
  fc.integer({ min: 0, max: 3 }).map((index) => ({ type: 'remove-certification' as const, index })),
  fc.constantFrom(...OPPORTUNITY_IDS).map((kind) => ({ type: 'choose-kind' as const, kind })),
  fc.constantFrom(...FIELDS).chain((field) =>
    (FIELD_VALUES[field] ?? fc.constant('')).map((value) => ({
      type: 'set-field' as const,
      field,
      value,
    })),
  ),
  // Submitting often, so states carry recorded activities.
  fc.constant({ type: 'submit-activity' as const }),
  fc.constant({ type: 'submit-activity' as const }),
  fc.integer({ min: 0, max: 4 }).map((index) => ({ type: 'edit-activity' as const, index })),
  fc.constant({ type: 'cancel-edit' as const }),
  fc.integer({ min: 0, max: 4 }).map((index) => ({ type: 'remove-activity' as const, index })),
);

/** Values each field accepts, to fill in whole valid activities. */
const VALID_VALUES: Record<FieldName, fc.Arbitrary<string>> = {
  ...FIELD_VALUES,
  creditHours: fc.constantFrom('1', '2', '3', '4'),
  name: fc.constant('NSCA-CPT'),
  courseNumber: fc.constantFrom('CA23456', 'CEP123456', 'CL12345'),
  cecs: fc.constantFrom('0.1', '0.5', '1.2', '2.0'),
  title: fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== ''),
  completed: usDate,
};

/** Choosing a kind, filling each of its fields with something valid, and adding it. */
const addActivity: fc.Arbitrary<Action[]> = fc
  .constantFrom(...OPPORTUNITY_IDS)
  .chain((kind) =>
    fc
      .tuple(
        ...kindFields(kind).map(({ name: field }) =>
          (VALID_VALUES[field] ?? fc.constant('')).map((value) => ({ field, value })),
        ),
      )
      .map((values): Action[] => [
        { type: 'choose-kind', kind },
        ...values.map(({ field, value }): Action => ({ type: 'set-field', field, value })),
        { type: 'submit-activity' },
      ]),
  );

/** A calculator state a person could reach by typing and clicking. */
const reachable: fc.Arbitrary<CalculatorState> = fc
  .array(
    fc.oneof(
      action.map((a) => [a]),
      addActivity,
    ),
    { maxLength: 25 },
  )
  .map((steps) => steps.flat().reduce(update, initialState()));

/** Bytes as a link carries them, for crafted `?plan=` values. */
const base64Url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** JSON that is not a plan (or almost one), base64url-encoded like a link. */
const craftedLink = fc
  .oneof(
    fc.jsonValue(),
    fc.tuple(
      fc.oneof(fc.constant(1), fc.integer()),
      fc.oneof(fc.constant(TODAY), fc.string()),
      fc.array(fc.array(fc.oneof(fc.integer({ min: -1, max: 5 }), fc.string(), usDate))),
      fc.array(fc.array(fc.oneof(fc.integer({ min: -1, max: 10 }), fc.string(), fc.double()))),
    ),
  )
  .chain((value) =>
    fc.constantFrom(
      base64Url(JSON.stringify(value)),
      // …and as a compressed (version 3) link would carry it.
      `3${deflateRawSync(JSON.stringify(value)).toString('base64url')}`,
    ),
  );

/** A good link (made from a reachable state in the test: encoding is async), damaged in one of the ways links get damaged. */
const damage = fc.record({
  state: reachable,
  at: fc.nat(),
  how: fc.constantFrom('truncate', 'flip', 'insert', 'spaces', 'percent'),
  junk: fc.string({ minLength: 1, maxLength: 4 }),
});

function damaged(good: string, { at, how, junk }: { at: number; how: string; junk: string }) {
  const i = good.length ? at % good.length : 0;
  switch (how) {
    case 'truncate':
      return good.slice(0, i);
    case 'flip':
      return `${good.slice(0, i)}${good[i] === 'A' ? 'B' : 'A'}${good.slice(i + 1)}`;
    case 'insert':
      return `${good.slice(0, i)}${junk}${good.slice(i)}`;
    case 'spaces':
      return `${good.slice(0, i)} ${good.slice(i)}`;
    default:
      return encodeURIComponent(encodeURIComponent(good));
  }
}

async function encodedOf(state: CalculatorState): Promise<string> {
  return new URLSearchParams(await searchFor(view(state, TODAY).plan, '')).get(PLAN_PARAM) ?? '';
}

/** Anything localStorage could hold: text, JSON, or a saved state with foreign items mixed in. */
const junkItem = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(null, 0, 'x', [], {}, { kind: 'nope' }, { credential: 'nobody' }),
  fc.record({ kind: fc.constantFrom(...OPPORTUNITY_IDS), completed: fc.constant('not a date') }),
);

// ---------------------------------------------------------------------------
// Checks

const HALF_RENDERED = /undefined|NaN|\[object|null/;

function expectSentences(notices: readonly string[]): void {
  for (const notice of notices) {
    expect(notice).toMatch(/^[A-Z0-9].{9,}/);
    expect(notice).toMatch(/[.!]$/);
    expect(notice).not.toMatch(HALF_RENDERED);
    expect(notice).not.toMatch(/Error|at .+:\d+:\d+/);
  }
}

/** What a person sees of a state: their certifications as typed, activities, the open form. */
function kept(state: CalculatorState) {
  return {
    certifications: state.certifications,
    activities: state.activities,
    draft: state.draft,
  };
}

// ---------------------------------------------------------------------------

describe('load(), fuzzed', () => {
  it('any address and any stored text: never throws, notices are sentences', async () => {
    let tried = 0;
    const search = fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true }).map((u) => new URL(u).search),
      fc.string().map((s) => `?${PLAN_PARAM}=${s}`),
      craftedLink.map((s) => `?utm=x&${PLAN_PARAM}=${s}`),
    );
    const stored = fc.oneof(fc.constant(null), fc.string(), fc.json());
    await fc.assert(
      fc.asyncProperty(search, stored, async (address, text) => {
        tried++;
        const loaded = await load(address, text);
        expectSentences(loaded.notices);
        expect(loaded.state.certifications.length).toBeGreaterThan(0);
        // The state can be viewed and saved again.
        expect(() => view(loaded.state, TODAY)).not.toThrow();
        expect(deserialize(serialize(loaded.state))?.lost).toBe(0);
      }),
      // Each case now decompresses (async streams): 1000 keep it within the timeout on a busy machine.
      { numRuns: 1000 },
    );
    counts.push(`load(any address, any storage): ${tried}`);
  });

  it('a good link opens exactly its plan; the same state keeps through localStorage', async () => {
    let tried = 0;
    let withActivities = 0;
    await fc.assert(
      fc.asyncProperty(reachable, async (state) => {
        tried++;
        const plan = view(state, TODAY).plan;
        if (plan.activities.length > 0) withActivities++;
        const search = await searchFor(plan, '?utm=x');
        const fromLink = await load(search, null);
        const hasPlan = plan.certifications.length > 0 || plan.activities.length > 0;
        expect(fromLink.fromLink).toBe(hasPlan);
        expect(fromLink.notices).toEqual([]);
        if (hasPlan) {
          expect(view(fromLink.state, TODAY).plan).toEqual(plan);
          expect(fromLink.state.activities).toEqual(state.activities);
        }
        const restored = await load('', serialize(state));
        expect(restored.notices).toEqual([]);
        expect(kept(restored.state)).toEqual(kept(state));
      }),
      { numRuns: 500 },
    );
    counts.push(
      `good links and saved states round-trip: ${tried} (${withActivities} with recorded activities)`,
    );
    expect(withActivities).toBeGreaterThan(tried / 10);
  });

  it('a damaged or crafted link is explained in the rules package’s words; the saved state stays', async () => {
    let tried = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(damage, craftedLink), reachable, async (link, saved) => {
        tried++;
        const encoded =
          typeof link === 'string' ? link : damaged(await encodedOf(link.state), link);
        const loaded = await load(
          `?${PLAN_PARAM}=${encodeURIComponent(encoded)}`,
          serialize(saved),
        );
        const decoded = await decodePlan(encoded);
        if (decoded.ok) {
          // Some damage still decodes (a flipped letter inside a date, say): then it is that plan.
          expect(loaded.fromLink).toBe(true);
          expect(kept(loaded.state)).toEqual(kept(stateFromPlan(decoded.plan)));
          return;
        }
        refused++;
        expect(loaded.fromLink).toBe(false);
        expect(loaded.notices).toEqual(decoded.problems.map((p) => p.message));
        expectSentences(loaded.notices);
        expect(kept(loaded.state)).toEqual(kept(saved));
      }),
      { numRuns: 1000 },
    );
    counts.push(`damaged or crafted links: ${tried} (${refused} refused with the rules' message)`);
    expect(refused).toBeGreaterThan(tried / 2);
  });
});

describe('deserialize(), fuzzed', () => {
  it('saved entries mixed with foreign ones: each restored as it was, or counted as left out', async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        reachable,
        fc.array(fc.tuple(fc.nat(), junkItem), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), junkItem), { maxLength: 6 }),
        async (state, certJunk, activityJunk) => {
          tried++;
          const insert = <T>(items: readonly T[], junk: [number, unknown][]) => {
            const out: unknown[] = [...items];
            for (const [at, item] of junk) out.splice(at % (out.length + 1), 0, item);
            return out;
          };
          const saved = JSON.parse(serialize(state)) as Record<string, unknown>;
          const text = JSON.stringify({
            ...saved,
            certifications: insert(state.certifications, certJunk),
            activities: insert(state.activities, activityJunk),
          });
          const restored = deserialize(text);
          expect(restored).not.toBeNull();
          if (!restored) return;
          // Junk that happens to be a valid entry is restored too; everything else is counted.
          const extraCertifications =
            restored.state.certifications.length - state.certifications.length;
          const extraActivities = restored.state.activities.length - state.activities.length;
          expect(extraCertifications + extraActivities + restored.lost).toBe(
            certJunk.length + activityJunk.length,
          );
          for (const certification of state.certifications) {
            expect(restored.state.certifications).toContainEqual(certification);
          }
          for (const activity of state.activities) {
            expect(restored.state.activities).toContainEqual(activity);
          }
          const loaded = await load('', text);
          if (restored.lost > 0) {
            expect(loaded.notices).toEqual([
              `${restored.lost} saved ${restored.lost === 1 ? 'entry' : 'entries'} could not be read and ${restored.lost === 1 ? 'was' : 'were'} left out.`,
            ]);
          } else expect(loaded.notices).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
    counts.push(`saved states with foreign entries mixed in: ${tried}`);
  });

  it('any JSON at all: null (start fresh) or a usable state, never an exception', () => {
    let tried = 0;
    let leftOut = 0;
    const stored = fc.oneof(
      fc.json(),
      fc
        .record(
          {
            version: fc.oneof(fc.constant(1), fc.jsonValue()),
            certifications: fc.jsonValue(),
            activities: fc.jsonValue(),
            draft: fc.oneof(
              fc.jsonValue(),
              fc.record({
                kind: fc.constantFrom<OpportunityId | 'nope'>(...OPPORTUNITY_IDS, 'nope'),
                values: fc.dictionary(fc.constantFrom(...FIELDS, 'other'), fc.jsonValue()),
              }),
            ),
          },
          { requiredKeys: [] },
        )
        .map((data) => JSON.stringify(data)),
    );
    fc.assert(
      fc.property(stored, (text) => {
        tried++;
        const restored = deserialize(text);
        if (restored === null) return;
        // Nothing typed is lost silently: every saved entry is restored or counted as left out.
        const data = JSON.parse(text) as Record<string, unknown>;
        const given = (list: unknown) => (Array.isArray(list) ? list.length : 0);
        const restoredCertifications = Array.isArray(data.certifications)
          ? restored.state.certifications.length
          : 0;
        expect(restored.lost).toBe(
          given(data.certifications) -
            restoredCertifications +
            given(data.activities) -
            restored.state.activities.length,
        );
        if (restored.lost > 0) leftOut++;
        expect(() => view(restored.state, TODAY)).not.toThrow();
        for (const value of Object.values(restored.state.draft.values)) {
          expect(typeof value).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
    counts.push(`deserialize(any JSON): ${tried} (${leftOut} with entries left out)`);
    expect(leftOut).toBeGreaterThan(0);
  });
});
