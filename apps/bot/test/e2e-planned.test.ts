/**
 * End to end, through the fake Discord with the bot's clock moved by the test:
 * a planned entry past its date counts only once its owner answers "Did you
 * complete it?" (Yes counts it, No offers to remove or move it, nobody else can
 * answer, the buttons work after a restart); the second-certification hint of
 * `/cert add`; and the reason an extra certification counts nothing toward itself.
 */
import { decodePlan } from '@cec/rules';
import { Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { messageOf } from '../src/discord/adapter.js';
import { renderConfirmPrompt } from '../src/render/confirm.js';
import { type FakeWorld, startFakeWorld } from './helpers/fake-discord.js';

let world: FakeWorld;
beforeAll(async () => {
  world = await startFakeWorld({ now: '2026-12-01T12:00:00Z' });
});
afterAll(async () => {
  await world?.close();
});

const NEW_MESSAGE = 4;
const UPDATE_MESSAGE = 7;

function entryIdOf(description: unknown): string {
  const id = /Entry `([a-z0-9]+)`/.exec(String(description ?? ''))?.[1];
  if (!id) throw new Error(`no entry id in ${String(description)}`);
  return id;
}

async function run(user: string, name: string, options: Record<string, string | number> = {}) {
  return world.fake.command({ name, options, user });
}

/** The calculator link's plan, decoded as the site would. */
async function linkedActivities(text: string): Promise<unknown[]> {
  const encoded = /\?plan=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!encoded) throw new Error(`no calculator link in ${text}`);
  const decoded = await decodePlan(encoded);
  if (!decoded.ok) throw new Error('the link does not decode');
  return decoded.plan.activities;
}

/**
 * A Personal Trainer member who logged a course on 12/01/2026 planned for `date`,
 * with the clock then moved to `later`: the entry's id.
 */
async function pastPlannedCourse(
  user: string,
  course: { number: string; cecs: number; date: string },
  later: string,
): Promise<string> {
  world.setNow('2026-12-01T12:00:00Z');
  await run(user, 'cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
  const logged = await run(user, 'log course', course);
  world.setNow(later);
  return entryIdOf(logged.embeds[0]?.description);
}

describe('a planned entry is confirmed before it counts', () => {
  test('past its date it is awaiting, not counted; Yes (after a restart) counts it on its date', async () => {
    world.setNow('2026-12-01T12:00:00Z');
    await run('pia', 'cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
    await run('pia', 'log cpr', { term: '2yr', date: '11/20/2026' });
    const planned = await run('pia', 'log course', {
      number: 'CA55555',
      cecs: 2,
      date: '12/15/2026',
    });
    expect(planned.text()).toContain('(planned)');
    expect(planned.text()).toContain('once 12/15/2026 has passed and you confirm you did it');
    const entry = entryIdOf(planned.embeds[0]?.description);

    // Before its date: planned, nothing to ask.
    const before = await run('pia', 'progress');
    expect(before.text()).not.toContain('Did you complete it?');
    expect(before.message?.customIds()).toEqual([]);

    // A day after its date, not confirmed: not earned, not "met", asked about.
    world.setNow('2026-12-16T12:00:00Z');
    const after = await run('pia', 'progress');
    expect(after.ephemeral).toBe(true);
    const text = after.text();
    expect(text).toContain('0.4 of 2.0 CECs earned, 1.6 to go (2.0 planned).');
    expect(text).not.toContain('the CEC requirement is met');
    expect(text).toContain('12/15/2026 (awaiting confirmation, not counted) · Course CA55555');
    expect(text).toContain('2.0 CECs (2.0 awaiting confirmation)');
    expect(text).toContain('**Did you complete it?** Course CA55555');
    // The calculator would count it from its date alone: the link leaves it out.
    expect(await linkedActivities(after.content ?? '')).toHaveLength(1);
    const ids = after.message?.customIds() ?? [];
    expect(ids).toHaveLength(2);
    const mona = world.fake.user('pia').id;
    expect(ids[0]).toBe(`planned:yes:${mona}:${entry}`);

    const list = await run('pia', 'log list');
    expect(list.text()).toContain(
      `\`${entry}\` 12/15/2026 (awaiting your confirmation: \`/progress\` asks) · Course CA55555`,
    );

    // The button carries everything: it works on a bot restarted on the same database.
    await world.restart();
    const yes = await world.fake.clickButton({
      message: after,
      customId: ids[0] ?? '',
      user: 'pia',
    });
    expect(yes.type).toBe(NEW_MESSAGE);
    expect(yes.ephemeral).toBe(true);
    expect(yes.text()).toContain('✅ Counted: Course CA55555, earned on 12/15/2026.');
    expect(yes.text()).toContain('2.4 of 2.0 CECs earned: the CEC requirement is met.');

    const counted = await run('pia', 'progress');
    expect(counted.text()).toContain('the CEC requirement is met');
    expect(counted.text()).not.toContain('Did you complete it?');
    expect(await linkedActivities(counted.content ?? '')).toHaveLength(2);

    // Pressing Yes again changes nothing.
    const again = await world.fake.clickButton({
      message: after,
      customId: ids[0] ?? '',
      user: 'pia',
    });
    expect(again.text()).toContain('2.4 of 2.0 CECs earned');
  });

  test('No keeps it out and offers Remove it / Move the date; No after Yes takes the credit back', async () => {
    const entry = await pastPlannedCourse(
      'rui',
      { number: 'CA77777', cecs: 1, date: '12/10/2026' },
      '2026-12-12T12:00:00Z',
    );
    const progress = await run('rui', 'progress');
    const [yesId = '', noId = ''] = progress.message?.customIds() ?? [];

    await world.fake.clickButton({ message: progress, customId: yesId, user: 'rui' });
    expect((await run('rui', 'progress')).text()).toContain('1.0 of 2.0 CECs earned');

    const no = await world.fake.clickButton({ message: progress, customId: noId, user: 'rui' });
    expect(no.type).toBe(NEW_MESSAGE);
    expect(no.ephemeral).toBe(true);
    expect(no.text()).toContain('Course CA77777, planned for 12/10/2026, stays out of your total.');
    expect(no.text()).toContain('Remove it');
    expect(no.text()).toContain('Move the date');
    expect((await run('rui', 'progress')).text()).toContain('0.0 of 2.0 CECs earned');

    const [removeId = '', moveId = ''] = no.message?.customIds() ?? [];
    const move = await world.fake.clickButton({ message: no, customId: moveId, user: 'rui' });
    expect(move.type).toBe(UPDATE_MESSAGE);
    expect(move.text()).toContain('`/log course number:CA77777 cecs:1 date:<new date>`');
    expect(move.text()).toContain(`\`/log remove entry:${entry}\``);
    expect(no.message?.customIds()).toEqual([]);
    // Moving tells how; it removes nothing.
    expect(await world.store.activities.find(world.fake.user('rui').id, entry)).not.toBeNull();

    const noAgain = await world.fake.clickButton({
      message: progress,
      customId: noId,
      user: 'rui',
    });
    const removed = await world.fake.clickButton({
      message: noAgain,
      customId: noAgain.message?.customIds()[0] ?? removeId,
      user: 'rui',
    });
    expect(removed.type).toBe(UPDATE_MESSAGE);
    expect(removed.text()).toContain(`Removed entry \`${entry}\`: Course CA77777.`);
    expect(await world.store.activities.find(world.fake.user('rui').id, entry)).toBeNull();
    const gone = await world.fake.clickButton({ message: progress, customId: yesId, user: 'rui' });
    expect(gone.ephemeral).toBe(true);
    expect(gone.text()).toContain(`You have no entry \`${entry}\` any more`);
    expect((await run('rui', 'progress')).text()).not.toContain('Did you complete it?');
  });

  test('in a channel (as a reminder will post it) only the owner can answer', async () => {
    const entry = await pastPlannedCourse(
      'sol',
      { number: 'CA88888', cecs: 0.5, date: '12/05/2026' },
      '2026-12-06T12:00:00Z',
    );
    const sol = world.fake.user('sol').id;
    const prompt = renderConfirmPrompt(sol, [
      { id: entry, label: 'Course CA88888', completed: '2026-12-05', tenths: 5 },
    ]);
    if (!prompt) throw new Error('no prompt');
    const body = messageOf(prompt);
    await world.bot.client.rest.post(Routes.channelMessages(world.fake.channel('general').id), {
      body: { content: body.content, components: body.components, allowed_mentions: { parse: [] } },
    });
    const posted = world.fake.messages('general').at(-1);
    if (!posted) throw new Error('nothing posted');
    const [yesId = ''] = posted.customIds();

    const otto = await world.fake.clickButton({ message: posted, customId: yesId, user: 'otto' });
    expect(otto.type).toBe(NEW_MESSAGE);
    expect(otto.ephemeral).toBe(true);
    expect(otto.text()).toContain('only they can answer it');
    expect((await run('sol', 'progress')).text()).toContain('0.0 of 2.0 CECs earned');
    // The public message is left as it was.
    expect(posted.customIds()).toHaveLength(2);

    // On the board, another member sees it as not counted, and is asked nothing.
    await run('sol', 'group join');
    const seen = await world.fake.command({
      name: 'progress',
      options: { member: sol },
      user: 'otto',
    });
    expect(seen.text()).toContain('(awaiting confirmation, not counted) · Course CA88888');
    expect(seen.text()).not.toContain('Did you complete it?');
    expect(seen.message?.customIds()).toEqual([]);

    const own = await world.fake.clickButton({ message: posted, customId: yesId, user: 'sol' });
    expect(own.ephemeral).toBe(true);
    expect(own.text()).toContain('0.5 of 2.0 CECs earned');
  });
});

describe('a second ACE certification', () => {
  test('/cert add inside another cycle says what it can mean and how to log it; /progress shows the step', async () => {
    world.setNow('2026-12-01T12:00:00Z');
    await run('tia', 'cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
    const added = await run('tia', 'cert add', {
      credential: 'health-coach',
      certified: '06/15/2026',
    });
    const text = added.text();
    expect(text).toContain(
      'If you first earned the ACE Certified Health Coach on 06/15/2026, that meets this requirement (S1)',
    );
    expect(text).toContain(
      'If you first earned it then, log it with `/log extra-cert credential:health-coach date:06/15/2026` to count it toward the ACE Certified Personal Trainer.',
    );
    // Never credited silently.
    const progress = await run('tia', 'progress');
    expect(progress.text()).toContain('0.0 of 2.0 CECs earned');
    expect(progress.text()).toContain(
      'If you first earned the ACE Certified Health Coach on 06/15/2026',
    );

    const logged = await run('tia', 'log extra-cert', {
      credential: 'health-coach',
      date: '06/15/2026',
    });
    expect(logged.text()).toContain('**ACE Certified Personal Trainer**: counts 2.0.');
    expect(logged.text()).toContain(
      '**ACE Certified Health Coach**: counts 0.0. This is the ACE Certified Health Coach itself: earning it starts its own first cycle.',
    );
    const after = await run('tia', 'progress');
    expect(after.text()).toContain('2.0 of 2.0 CECs earned: the CEC requirement is met.');
  });

  test('the certification being renewed, logged as an extra one, is refused with the reason', async () => {
    await run('uma', 'cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
    const refused = await run('uma', 'log extra-cert', {
      credential: 'personal-trainer',
      date: '11/01/2026',
    });
    expect(refused.ephemeral).toBe(true);
    expect(refused.text()).toContain(
      'Not recorded: the ACE Certified Personal Trainer is the certification you are renewing',
    );
    expect(refused.text()).not.toContain('worth');
    expect(await world.store.activities.count(world.fake.user('uma').id)).toBe(0);
  });

  test('with a second certification held, it counts toward that one and says why not toward itself', async () => {
    await run('vik', 'cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
    await run('vik', 'cert add', { credential: 'health-coach', expires: '01/31/2028' });
    const logged = await run('vik', 'log extra-cert', {
      credential: 'personal-trainer',
      date: '11/01/2026',
    });
    const text = logged.text();
    expect(text).toContain(
      '**ACE Certified Personal Trainer**: counts 0.0. This is the ACE Certified Personal Trainer itself: earning it starts its own first cycle.',
    );
    expect(text).toContain('**ACE Certified Health Coach**: counts 2.0.');
    const progress = await run('vik', 'progress');
    expect(progress.text()).toContain(
      'Earned the ACE Certified Personal Trainer · **0.0** · This is the ACE Certified Personal Trainer itself',
    );
  });
});
