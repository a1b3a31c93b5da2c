import { afterEach, describe, expect, test } from 'vitest';
import { createMemberPlans } from '../../src/members/plan.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ALICE, NOW } from '../helpers/context.js';

const TODAY = '2026-06-01';
const VALID = { kind: 'cpr-aed', term: '2yr', completed: '2025-11-01' };
/** What a later version of the rules might refuse: a term it no longer knows. */
const REFUSED = { kind: 'cpr-aed', term: '5yr', completed: '2025-11-02' };

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function memoryStore(): Promise<Store> {
  const store = await openStore(':memory:', { now: () => NOW });
  opened.push(store);
  return store;
}

/** A row written as the store would, with the id and creation time chosen by the test. */
async function writeEntry(
  store: Store,
  id: string,
  activity: { kind: string; completed: string },
  createdAt: string,
) {
  await store.db
    .insertInto('activities')
    .values({
      id,
      user_id: ALICE.id,
      kind: activity.kind,
      completed: activity.completed,
      data: JSON.stringify(activity),
      created_at: createdAt,
    })
    .execute();
}

describe("a member's plan", () => {
  test('an entry the rules refuse is left out and reported; the others still count', async () => {
    const store = await memoryStore();
    await store.certifications.save(ALICE.id, {
      credential: 'personal-trainer',
      expires: '2027-03-31',
    });
    await writeEntry(store, 'aaaaaaaa', VALID, '2026-01-01T00:00:00.000Z');
    await writeEntry(store, 'bbbbbbbb', REFUSED, '2026-01-02T00:00:00.000Z');

    const member = await createMemberPlans(store).load(ALICE.id, TODAY);

    expect(member.plan).toEqual({
      today: TODAY,
      certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
      activities: [VALID],
    });
    expect(member.entries.map((e) => e.id)).toEqual(['aaaaaaaa']);
    expect(member.skipped).toEqual([
      {
        entry: expect.objectContaining({ id: 'bbbbbbbb' }),
        problems: ['Certificate length must be "1yr" or "2yr".'],
      },
    ]);
  });

  test('records already read build the same plan as a load, without reading again', async () => {
    const store = await memoryStore();
    await store.certifications.save(ALICE.id, {
      credential: 'personal-trainer',
      expires: '2027-03-31',
    });
    const stored = await store.activities.add(ALICE.id, {
      kind: 'cpr-aed',
      term: '2yr',
      completed: '2025-11-01',
    });
    const plans = createMemberPlans(store);
    const certifications = await store.certifications.list(ALICE.id);

    expect(plans.build(certifications, [stored], TODAY)).toEqual(await plans.load(ALICE.id, TODAY));
  });

  test('each store keeps its own validations: the same entry id on another database is read as it is there', async () => {
    const [first, second] = [await memoryStore(), await memoryStore()];
    // Same id and creation time in two databases: only the kept validations could confuse them.
    await writeEntry(first, 'k3f9x2qa', VALID, '2026-01-01T00:00:00.000Z');
    await writeEntry(second, 'k3f9x2qa', REFUSED, '2026-01-01T00:00:00.000Z');

    expect((await createMemberPlans(first).load(ALICE.id, TODAY)).plan.activities).toEqual([VALID]);
    const there = await createMemberPlans(second).load(ALICE.id, TODAY);
    expect(there.plan.activities).toEqual([]);
    expect(there.skipped.map((s) => s.entry.activity)).toEqual([REFUSED]);
  });

  test('an id drawn again after a removal is a new entry, validated afresh', async () => {
    const store = await memoryStore();
    const plans = createMemberPlans(store);
    await writeEntry(store, 'k3f9x2qa', VALID, '2026-01-01T00:00:00.000Z');
    expect((await plans.load(ALICE.id, TODAY)).skipped).toEqual([]);

    expect(await store.activities.remove(ALICE.id, 'k3f9x2qa')).toBe(true);
    await writeEntry(store, 'k3f9x2qa', REFUSED, '2026-02-01T00:00:00.000Z');

    const member = await plans.load(ALICE.id, TODAY);
    expect(member.plan.activities).toEqual([]);
    expect(member.skipped.map((s) => s.entry.activity)).toEqual([REFUSED]);
  });
});
