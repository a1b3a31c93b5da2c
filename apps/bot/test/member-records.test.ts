/** `/cert`, `/log` and `/progress` on plain data: a member's own records, and nobody else's. */
import { CREDENTIAL_IDS, decodePlan } from '@cec/rules';
import { beforeEach, describe, expect, test } from 'vitest';
import { log, MAX_ENTRIES_PER_MEMBER } from '../src/commands/log.js';
import { runAutocomplete } from '../src/commands/run.js';
import type { CommandInput, OptionValue } from '../src/commands/types.js';
import { ALICE, BOB, GUILD, input, memoryContext, runLine, shown } from './helpers/context.js';

let context: Awaited<ReturnType<typeof memoryContext>>;
beforeEach(async () => {
  context = await memoryContext();
});

function run(
  line: string,
  options: Record<string, OptionValue> = {},
  extra: Partial<CommandInput> = {},
) {
  return runLine(context, line, options, extra);
}

/** The entry id from a `/log` reply ("Entry `abcd2345` · …"). */
function entryId(reply: Awaited<ReturnType<typeof run>>): string {
  const id = /Entry `([a-z0-9]+)`/.exec(reply.embeds?.[0]?.description ?? '')?.[1];
  if (!id) throw new Error(`no entry id in ${JSON.stringify(reply)}`);
  return id;
}

describe('/cert', () => {
  test('add with the expiration date shows the cycle and deadline, privately', async () => {
    const reply = await run('cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds?.[0]?.title).toBe('Added: ACE Certified Personal Trainer');
    expect(reply.embeds?.[0]?.description).toContain('Current cycle: 04/01/2025 – 03/31/2027.');
    expect(reply.embeds?.[0]?.description).toMatch(/Expires <t:\d+:D> \(<t:\d+:R>\)/);
  });

  test('add again updates the date', async () => {
    await run('cert add', { credential: 'health-coach', expires: '2027-01-01' });
    const reply = await run('cert add', { credential: 'health-coach', expires: '2028-01-01' });
    expect(reply.embeds?.[0]?.title).toBe('Updated: ACE Certified Health Coach');
  });

  test('only a certification date gives an estimated expiration, said so', async () => {
    const reply = await run('cert add', { credential: 'health-coach', certified: '03/15/2025' });
    expect(shown(reply)).toContain('(estimated)');
    expect(shown(reply)).toContain('Expiration estimated');
  });

  test('neither date, both dates and a bad date are each explained', async () => {
    expect((await run('cert add', { credential: 'health-coach' })).content).toContain(
      'needs `expires:`',
    );
    const both = await run('cert add', {
      credential: 'health-coach',
      expires: '2027-01-01',
      certified: '2025-01-01',
    });
    expect(both.ephemeral).toBe(true);
    expect(both.content).toContain('not both');
    const bad = await run('cert add', { credential: 'health-coach', expires: '13/01/2027' });
    expect(bad.content).toContain('"13/01/2027" has no month 13');
    expect(await context.store.certifications.list(ALICE.id)).toEqual([]);
  });

  test('an unknown credential (typed in the console) is answered with those the rules know', async () => {
    const reply = await run('cert add', { credential: 'yoga-teacher', expires: '2027-01-01' });
    expect(reply.content).toContain(
      `"yoga-teacher" is not an ACE certification this bot knows: choose one of ${CREDENTIAL_IDS.join(', ')}.`,
    );
  });

  test('list and remove; removing one you do not have says so', async () => {
    await run('cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
    expect(shown(await run('cert list'))).toContain('ACE Certified Personal Trainer');
    expect((await run('cert remove', { credential: 'health-coach' })).content).toContain(
      'You have no ACE Certified Health Coach registered',
    );
    expect((await run('cert remove', { credential: 'personal-trainer' })).content).toContain(
      'Removed your ACE Certified Personal Trainer',
    );
    expect((await run('cert list')).content).toContain('You have no certification registered');
  });
});

describe('/log records each kind with its credit and the new total', () => {
  beforeEach(async () => {
    await run('cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
  });

  test.each<[string, Record<string, OptionValue>, string, string]>([
    ['cpr', { term: '2yr' }, '2-year CPR/AED certificate', '0.4'],
    [
      'college',
      { credits: 2, grade: 'B', title: 'Anatomy I' },
      'Anatomy I (2 credit hours, B)',
      '2.0',
    ],
    ['course', { number: 'ca 23456', cecs: 0.7, ethics: true }, 'Course CA23456', '0.7'],
    [
      'present',
      { title: 'Cueing for older adults' },
      'Presentation: Cueing for older adults',
      '0.5',
    ],
    ['publish', { title: 'Strength after 60' }, 'Publication: Strength after 60', '0.5'],
    ['broaden', { name: 'NSCA-CPT' }, 'Certification: NSCA-CPT', '0.5'],
    ['mentor', {}, 'Community outreach', '0.1'],
    ['extra-cert', { credential: 'health-coach' }, 'Earned the ACE Certified Health Coach', '2.0'],
    [
      'petition',
      { title: 'Pilates mat', status: 'approved', cecs: 0.5 },
      'Petition: Pilates mat (approved)',
      '0.5',
    ],
  ])('/log %s', async (kind, options, label, amount) => {
    const reply = await run(`log ${kind}`, { ...options, date: '01/15/2026' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds?.[0]?.title).toBe(`Recorded: ${label}`);
    expect(reply.embeds?.[0]?.description).toContain(`worth **${amount} CEC`);
    expect(reply.embeds?.[0]?.description).toContain('ACE Certified Personal Trainer**: counts');
    expect(await context.store.activities.count(ALICE.id)).toBe(1);
  });

  test('a pending petition counts nothing yet, with the reason', async () => {
    const reply = await run('log petition', {
      title: 'Pilates mat',
      status: 'pending',
      cecs: 0.5,
      date: '2026-02-01',
    });
    expect(reply.embeds?.[0]?.description).toContain('Petition pending (0.5 CECs requested)');
  });

  test('a date after today is planned', async () => {
    const reply = await run('log cpr', { term: '1yr', date: '2026-09-01' });
    expect(reply.embeds?.[0]?.description).toContain('(planned)');
    expect(reply.embeds?.[0]?.description).toContain('planned, counts 0.2 once 09/01/2026');
  });

  test('a limit cut is shown with why', async () => {
    await run('log present', { date: '2026-01-01' });
    const reply = await run('log present', { date: '2026-02-01' });
    expect(reply.embeds?.[0]?.description).toContain(
      'counts 0.0. Limit reached: Presenting counts at most 0.5 CECs per cycle (S1).',
    );
  });

  test('the new total is the rules’ progress sentence', async () => {
    await run('log college', { credits: 1, grade: 'A', date: '2026-01-01' });
    const reply = await run('log cpr', { term: '2yr', date: '2026-01-02' });
    expect(reply.embeds?.[0]?.description).toContain('1.4 of 2.0 CECs earned, 0.6 to go.');
  });

  test('without a certification, the reply says how to add one', async () => {
    await run('cert remove', { credential: 'personal-trainer' });
    const reply = await run('log cpr', { term: '2yr', date: '2026-01-02' });
    expect(reply.embeds?.[0]?.description).toContain('Add your certification with `/cert add`');
  });
});

describe('/log mistakes get a short, specific, private explanation and record nothing', () => {
  test.each<[string, Record<string, OptionValue>, string]>([
    ['log cpr', { term: '2yr' }, '`/log cpr` needs `date:`'],
    ['log cpr', { term: '2yr', date: '02/30/2026' }, 'February 2026 has 28 days'],
    ['log cpr', { term: '2yr', date: '1/15/26' }, 'needs a four-digit year'],
    [
      'log course',
      { number: 'XY12345', cecs: 1, date: '2026-01-01' },
      '"XY" is not an ACE course prefix',
    ],
    ['log course', { number: 'CA23456', cecs: 0.75, date: '2026-01-01' }, 'multiple of 0.1'],
    ['log college', { credits: -1, grade: 'A', date: '2026-01-01' }, 'Credit hours'],
    ['log publish', { date: '2026-01-01' }, '`/log publish` needs `title:`'],
    [
      'log petition',
      { title: 'x', status: 'maybe', cecs: 1, date: '2026-01-01' },
      'Petition status must be',
    ],
  ])('%s %j', async (line, options, message) => {
    const reply = await run(line, options);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain(message);
    expect(reply.content?.length ?? 0).toBeLessThan(400);
    expect(await context.store.activities.count(ALICE.id)).toBe(0);
  });

  test(`a member can keep at most ${MAX_ENTRIES_PER_MEMBER} entries`, async () => {
    for (let i = 0; i < MAX_ENTRIES_PER_MEMBER; i++) {
      await context.store.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });
    }
    const reply = await run('log mentor', { date: '2026-01-02' });
    expect(reply.content).toContain(`You have ${MAX_ENTRIES_PER_MEMBER} entries`);
  });

  test('two /logs of one member at the same moment cannot overshoot the cap', async () => {
    for (let i = 0; i < MAX_ENTRIES_PER_MEMBER - 1; i++) {
      await context.store.activities.add(ALICE.id, { kind: 'mentoring', completed: '2026-01-01' });
    }
    // Both read 999 entries before either inserts; only the insert's own check can refuse one.
    const replies = await Promise.all([
      run('log mentor', { date: '2026-01-02' }),
      run('log mentor', { date: '2026-01-03' }),
    ]);
    expect(replies.filter((r) => r.content?.includes('entries, the most'))).toHaveLength(1);
    expect(await context.store.activities.count(ALICE.id)).toBe(MAX_ENTRIES_PER_MEMBER);
  });
});

describe('/log list and /log remove: a member’s own entries only', () => {
  test('list shows ids, dates and each entry’s value', async () => {
    const id = entryId(await run('log cpr', { term: '2yr', date: '2026-01-15' }));
    const reply = await run('log list');
    expect(reply.embeds?.[0]?.title).toBe('Your entries (1)');
    expect(reply.embeds?.[0]?.description).toBe(
      `\`${id}\` 01/15/2026 · 2-year CPR/AED certificate · **0.4**`,
    );
  });

  test('another member’s entry id answers exactly like an id that does not exist', async () => {
    const bobs = entryId(await run('log cpr', { term: '2yr', date: '2026-01-15' }, { user: BOB }));
    const guessed = await run('log remove', { entry: bobs });
    const unknown = await run('log remove', { entry: 'zzzzzzzz' });
    expect(guessed.ephemeral).toBe(true);
    expect(guessed.content?.replace(bobs, 'ID')).toBe(unknown.content?.replace('zzzzzzzz', 'ID'));
    expect(await context.store.activities.count(BOB.id)).toBe(1);
    expect((await run('log list')).content).toContain('You have no entries yet');
  });

  test('remove takes the member’s own entry, picked from autocomplete', async () => {
    const id = entryId(await run('log mentor', { date: '2026-03-01', title: 'Run club' }));
    await run('log cpr', { term: '1yr', date: '2026-01-15' }, { user: BOB });
    const choices = await runAutocomplete(
      log,
      { ...input('log remove'), focused: { name: 'entry', value: 'run' } },
      context,
    );
    expect(choices).toEqual([{ name: `03/01/2026 · Outreach: Run club · 0.1 (${id})`, value: id }]);
    const reply = await run('log remove', { entry: choices[0]?.value ?? '' });
    expect(reply.content).toBe(
      `Removed entry \`${id}\`: Outreach: Run club. \`/progress\` shows your new total.`,
    );
    expect(await context.store.activities.count(ALICE.id)).toBe(0);
  });

  test('autocomplete never offers another member’s entries', async () => {
    await run('log cpr', { term: '1yr', date: '2026-01-15' }, { user: BOB });
    const choices = await runAutocomplete(
      log,
      { ...input('log remove'), focused: { name: 'entry', value: '' } },
      context,
    );
    expect(choices).toEqual([]);
  });
});

describe('/progress', () => {
  beforeEach(async () => {
    await run('cert add', { credential: 'personal-trainer', expires: '2026-08-01' });
    await run('log cpr', { term: '2yr', date: '2026-01-15' });
    await run('log present', { date: '2026-02-01', title: 'One' });
    await run('log present', { date: '2026-03-01', title: 'Two' });
    await run('log course', { number: 'CA23456', cecs: 0.5, date: '2026-07-01' });
  });

  test('bar, earned/planned/remaining, cut, checklist, deadline timestamps and calculator link', async () => {
    const reply = await run('progress');
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds?.[0];
    expect(embed?.title).toBe('ACE Certified Personal Trainer');
    expect(embed?.description).toContain('`████▓▓▓░░░` **0.9 / 2.0** CECs');
    expect(embed?.description).toContain('0.9 of 2.0 CECs earned, 1.1 to go (0.5 planned).');
    expect(embed?.description).toMatch(/Expires <t:\d+:D> \(<t:\d+:R>\) · Due soon/);
    const field = (name: string) => embed?.fields?.find((f) => f.name === name)?.value ?? '';
    expect(field('Earned')).toBe('0.9 CECs');
    expect(field('Planned')).toBe('0.5 CECs');
    expect(field('Remaining')).toBe('1.1 CECs (0.6 after planned)');
    expect(field('Cut by a limit or a repeat')).toContain(
      'Presentation: Two (03/01/2026): 0.0 of 0.5 counted. Limit reached',
    );
    expect(field('Renewal checklist')).toContain('✅ **Done**: Current adult CPR/AED');
    expect(field('Renewal checklist')).toContain('❌ **Missing**: Professional conduct and ethics');

    const link =
      /\[Open this plan in the calculator\]\((\S+)\)/.exec(reply.content ?? '')?.[1] ?? '';
    expect(link.startsWith('https://cec.example.org/?plan=')).toBe(true);
    const decoded = await decodePlan(new URL(link).searchParams.get('plan') ?? '');
    expect(decoded.ok && decoded.plan.activities.length).toBe(4);
    expect(decoded.ok && decoded.plan.certifications).toEqual([
      { credential: 'personal-trainer', expires: '2026-08-01' },
    ]);
  });

  test('the deadline is pinned to noon UTC so it shows the same date in the Americas', async () => {
    const reply = await run('progress');
    const seconds = Number(/<t:(\d+):D>/.exec(reply.embeds?.[0]?.description ?? '')?.[1]);
    expect(new Date(seconds * 1000).toISOString()).toBe('2026-08-01T12:00:00.000Z');
  });

  test('another member’s progress is private unless they joined the board here', async () => {
    const asBob = { user: BOB, people: { [ALICE.id]: ALICE } };
    const refused = await run('progress', { member: ALICE.id }, asBob);
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toContain('has not joined the group board in this server');

    await context.store.groups.join(GUILD, ALICE.id, 'Alice');
    const shared = await run('progress', { member: ALICE.id }, asBob);
    expect(shared.ephemeral).toBe(true);
    expect(shared.content).toContain("**Alice's progress**");
    expect(shared.embeds?.[0]?.title).toBe('ACE Certified Personal Trainer');

    const elsewhere = await run(
      'progress',
      { member: ALICE.id },
      { ...asBob, guildId: '999999999999999999' },
    );
    expect(elsewhere.content).toContain('has not joined');
    const inDm = await run('progress', { member: ALICE.id }, { ...asBob, guildId: null });
    expect(inDm.content).toContain('only be seen in a server');
  });

  test('a member with no records gets told how to start', async () => {
    const reply = await run('progress', {}, { user: BOB });
    expect(reply.embeds?.[0]?.title).toBe('No certification yet');
    expect(reply.embeds?.[0]?.description).toContain('/cert add');
  });
});
