/**
 * End to end through the fake Discord: the calculator link of `/progress`
 * holds a 100-entry plan whole, and a bot without SITE_URL posts no
 * calculator link at all (no guessed local address either).
 */
import { type Activity, type Certification, decodePlan, parsePlan } from '@cec/rules';
import { afterAll, describe, expect, test } from 'vitest';
import { largePlan } from '../../../packages/rules/test/fixtures/large-plan.js';
import { type FakeWorld, SITE_URL, startFakeWorld } from './helpers/fake-discord.js';

const LINK = /\[Open this plan in the calculator\]\((\S+)\)/;
const worlds: FakeWorld[] = [];
afterAll(async () => {
  for (const world of worlds) await world.close();
});

async function world(siteUrl?: string | null): Promise<FakeWorld> {
  const started = await startFakeWorld(siteUrl === undefined ? {} : { siteUrl });
  worlds.push(started);
  return started;
}

/** A member whose records are the 100-entry plan, stored as `/log` and `/cert add` would. */
async function memberWithHundredEntries(w: FakeWorld, name: string) {
  const parsed = parsePlan(largePlan(100));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const user = w.fake.user(name);
  for (const c of parsed.plan.certifications) await w.store.certifications.save(user.id, c);
  for (const a of parsed.plan.activities) await w.store.activities.add(user.id, a);
  return parsed.plan;
}

const sorted = <T>(list: readonly T[]) => list.map((x) => JSON.stringify(x)).sort();
const byCredential = (list: readonly Certification[]) =>
  [...list].sort((a, b) => a.credential.localeCompare(b.credential));

describe('the calculator link of /progress', () => {
  test('a member with 100 entries gets a link that opens the same plan', async () => {
    const w = await world();
    const plan = await memberWithHundredEntries(w, 'rosa');
    const reply = await w.fake.command({ name: 'progress', user: 'rosa' });
    const link = LINK.exec(reply.content ?? '')?.[1] ?? '';
    expect(link.startsWith(`${SITE_URL}/?plan=3`)).toBe(true);
    expect(link.length).toBeLessThanOrEqual(1800);
    expect(reply.content ?? '').not.toContain('too many entries');
    const decoded = await decodePlan(new URL(link).searchParams.get('plan') ?? '');
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.problems));
    expect(decoded.plan.activities).toHaveLength(100);
    expect(sorted(decoded.plan.activities)).toEqual(sorted(plan.activities as Activity[]));
    expect(byCredential(decoded.plan.certifications)).toEqual(byCredential(plan.certifications));
  });
});

describe('a bot without SITE_URL', () => {
  // Sources link to ACE's pages; nothing may point at a calculator or a local address.
  // "a calculator plan" (a file /privacy import takes) is fine; a link to the calculator is not.
  const NO_ADDRESS = /\?plan=|127\.0\.0\.1|localhost|in the calculator|calculator:/i;

  test('posts no calculator link in any reply, and /help still reads well', async () => {
    const w = await world(null);
    await memberWithHundredEntries(w, 'omar');
    const replies = [
      await w.fake.command({
        name: 'cert add',
        options: { credential: 'medical-exercise-specialist', expires: '03/31/2027' },
        user: 'omar',
      }),
      await w.fake.command({
        name: 'log cpr',
        options: { term: '2yr', date: '2026-01-15' },
        user: 'omar',
      }),
      await w.fake.command({ name: 'log list', user: 'omar' }),
      await w.fake.command({ name: 'cert list', user: 'omar' }),
      await w.fake.command({ name: 'progress', user: 'omar' }),
      await w.fake.command({ name: 'cec cpr', options: { term: '2yr' }, user: 'omar' }),
      await w.fake.command({ name: 'help', user: 'omar' }),
    ];
    for (const reply of replies) expect(reply.text()).not.toMatch(NO_ADDRESS);

    const progress = replies[4];
    expect(progress?.content).toMatch(/^\*\*Your progress\*\* toward renewal/);
    expect(progress?.content).not.toContain('\n\n');

    const help = replies[6];
    const fields = help?.embeds[0]?.fields as { name: string }[] | undefined;
    expect(fields?.map((f) => f.name)).toEqual([
      'Ask what something is worth (answers are public)',
      'Track your own cycle (only you see these)',
      'Study group in this server',
      'Your data',
    ]);
    expect(help?.text()).toContain('`/progress`');
  });

  test('with SITE_URL, /help names the calculator', async () => {
    const w = await world();
    const help = await w.fake.command({ name: 'help', user: 'omar' });
    const fields = help.embeds[0]?.fields as { name: string; value: string }[] | undefined;
    expect(fields?.at(-1)).toEqual({ name: 'Calculator', value: `${SITE_URL}/` });
  });
});
