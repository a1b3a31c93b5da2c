/** The link (?plan=) and localStorage: round trips, and nothing lost on bad input. */
import { decodePlan, encodePlan, parsePlan } from '@cec/rules';
import { describe, expect, it } from 'vitest';
import {
  deserialize,
  load,
  PLAN_PARAM,
  searchFor,
  serialize,
} from '../../src/scripts/calculator/saved';
import { type Action, initialState, update, view } from '../../src/scripts/calculator/state';
import { storedCertifications } from '../../src/scripts/stored';

const TODAY = '2026-11-27';

const filled = [
  { type: 'set-certification', index: 0, patch: { date: '03/31/2027' } },
  { type: 'add-certification' },
  { type: 'set-certification', index: 1, patch: { dateKind: 'certified', date: '2025-06-01' } },
  { type: 'choose-kind', kind: 'college' },
  { type: 'set-field', field: 'creditHours', value: '1.25' },
  { type: 'set-field', field: 'grade', value: 'A-' },
  { type: 'set-field', field: 'title', value: 'Anatomy & "physiology" <I>' },
  { type: 'set-field', field: 'completed', value: '12/10/2025' },
  { type: 'submit-activity' },
  { type: 'choose-kind', kind: 'approved-course' },
  { type: 'set-field', field: 'courseNumber', value: 'CEP123456' },
  { type: 'set-field', field: 'cecs', value: '0.1' },
  { type: 'set-field', field: 'ethics', value: 'true' },
  { type: 'set-field', field: 'completed', value: '01/05/2027' },
  { type: 'submit-activity' },
] satisfies Action[];

const state = filled.reduce<ReturnType<typeof initialState>>(
  (s, a) => update(s, a as Action),
  initialState(),
);

describe('the link', () => {
  it('round-trips the plan through ?plan= exactly as the bot builds it', async () => {
    const plan = view(state, TODAY).plan;
    const search = await searchFor(plan, '');
    const encoded = new URLSearchParams(search).get(PLAN_PARAM) ?? '';
    expect(encoded).toBe(await encodePlan(plan));
    const loaded = await load(search, null);
    expect(loaded.fromLink).toBe(true);
    expect(loaded.notices).toEqual([]);
    expect(loaded.state.activities).toEqual(state.activities);
    expect(loaded.state.certifications).toEqual([
      { credential: 'personal-trainer', dateKind: 'expires', date: '03/31/2027' },
      { credential: 'group-fitness-instructor', dateKind: 'certified', date: '06/01/2025' },
    ]);
    expect(view(loaded.state, TODAY).results.map((r) => r.earned)).toEqual(
      view(state, TODAY).results.map((r) => r.earned),
    );
  });

  it('opens a link the bot made from a plan', async () => {
    const parsed = parsePlan({
      certifications: [{ credential: 'health-coach', expires: '2027-03-31' }],
      activities: [{ kind: 'cpr-aed', term: '2yr', completed: '2026-01-15' }],
    });
    if (!parsed.ok) throw new Error('fixture');
    const loaded = await load(`?${PLAN_PARAM}=${await encodePlan(parsed.plan)}`, null);
    expect(view(loaded.state, TODAY).results[0]?.earned).toBe('0.4');
  });

  it('keeps other query parameters and drops ?plan= when there is nothing to keep', async () => {
    expect(await searchFor(view(initialState(), TODAY).plan, '?utm=x&plan=abc')).toBe('?utm=x');
    expect(await searchFor(view(state, TODAY).plan, '?utm=x')).toMatch(/^\?utm=x&plan=/);
  });

  it('a link replacing a different saved plan hands the saved one back, for an undo', async () => {
    const link = await searchFor(view(state, TODAY).plan, '');
    const other = update(state, { type: 'remove-activity', index: 0 });
    expect((await load(link, serialize(other))).replaced?.activities).toEqual(other.activities);
    // The same plan saved, or nothing saved: nothing to bring back.
    expect((await load(link, serialize(state))).replaced).toBeNull();
    expect((await load(link, serialize(initialState()))).replaced).toBeNull();
    expect((await load(link, null)).replaced).toBeNull();
  });

  it('a damaged link shows the rules package message and keeps the saved state', async () => {
    const good =
      new URLSearchParams(await searchFor(view(state, TODAY).plan, '')).get(PLAN_PARAM) ?? '';
    const damaged = `?${PLAN_PARAM}=${good.slice(0, 20)}`;
    const loaded = await load(damaged, serialize(state));
    expect(loaded.fromLink).toBe(false);
    expect(loaded.notices).toEqual(
      ((await decodePlan(good.slice(0, 20))) as { problems: { message: string }[] }).problems.map(
        (p) => p.message,
      ),
    );
    expect(loaded.notices[0]).toMatch(/damaged or incomplete/);
    expect(loaded.state.activities).toEqual(state.activities);
  });
});

describe('localStorage', () => {
  it('keeps everything as typed, half-typed dates and the open form included', async () => {
    const typing = update(
      update(state, { type: 'set-certification', index: 0, patch: { date: '03/3' } }),
      {
        type: 'set-field',
        field: 'courseNumber',
        value: 'CA12',
      },
    );
    const restored = deserialize(serialize(typing));
    expect(restored?.lost).toBe(0);
    expect(restored?.state.certifications[0]?.date).toBe('03/3');
    expect(restored?.state.draft.values.courseNumber).toBe('CA12');
    expect(restored?.state.activities).toEqual(typing.activities);
  });

  it('without a link the saved state is used', async () => {
    const loaded = await load('', serialize(state));
    expect(loaded.fromLink).toBe(false);
    expect(loaded.state.activities).toEqual(state.activities);
  });

  it('unreadable storage starts fresh; entries that no longer validate are counted, not hidden', async () => {
    expect(deserialize('{not json')).toBeNull();
    expect(deserialize(JSON.stringify({ version: 99 }))).toBeNull();
    const text = JSON.stringify({
      version: 1,
      certifications: [
        { credential: 'nobody' },
        { credential: 'health-coach', dateKind: 'expires', date: 'x' },
      ],
      activities: [
        { kind: 'mentoring', completed: '2026-01-01' },
        { kind: 'mentoring', completed: 'soon' },
      ],
      draft: { kind: 'nope' },
    });
    const loaded = await load('', text);
    expect(loaded.state.certifications).toEqual([
      { credential: 'health-coach', dateKind: 'expires', date: 'x' },
    ]);
    expect(loaded.state.activities).toHaveLength(1);
    expect(loaded.notices).toEqual(['2 saved entries could not be read and were left out.']);
  });
});

describe('the certifications other pages read', () => {
  it('are the calculator’s, as typed; anything unreadable gives none', async () => {
    expect(storedCertifications(serialize(state))).toEqual(state.certifications);
    for (const text of [null, '', '{', 'null', '[]', '{"version":2}', '{"version":1}']) {
      expect(storedCertifications(text), String(text)).toEqual([]);
    }
    expect(
      storedCertifications(
        JSON.stringify({ version: 1, certifications: [{ credential: 'nobody' }, 7] }),
      ),
    ).toEqual([]);
  });
});
