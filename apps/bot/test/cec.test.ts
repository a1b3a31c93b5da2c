/**
 * `/cec`: short public answers straight from the rules, their private Details, and the
 * "Log this" modal (options in, reply out; end to end in e2e-answers.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { cec } from '../src/commands/cec.js';
import { buttonModal, runAutocomplete, runButton, runCommand } from '../src/commands/run.js';
import { SHORT_ANSWER_MAX } from '../src/render/answers.js';
import type { Reply } from '../src/render/payload.js';
import { ALICE, GUILD, input, memoryContext, shown } from './helpers/context.js';

const context = await memoryContext();
const run = (sub: string, options: Record<string, string | number | boolean> = {}) =>
  runCommand(cec, input(`cec ${sub}`, options), context);

function customIdOf(reply: Reply, label: string): string {
  const id = reply.buttons?.find((b) => b.label === label)?.customId;
  if (!id) throw new Error(`no "${label}" button in ${JSON.stringify(reply)}`);
  return id;
}

/** What pressing "Details" on an answer shows. */
async function details(reply: Reply): Promise<Reply> {
  const customId = customIdOf(reply, 'Details');
  const outcome = await runButton({ user: ALICE, guildId: GUILD, customId }, context);
  expect(outcome.replace).toBe(false);
  return outcome.reply;
}

function shortLength(reply: Reply): number {
  const embed = reply.embeds?.[0];
  return (
    (embed?.title?.length ?? 0) +
    (embed?.description?.length ?? 0) +
    (embed?.footer?.text.length ?? 0) +
    (embed?.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

describe('answers are short in the channel, the rest is behind Details', () => {
  test.each([
    ['cpr', { term: '2yr' }],
    ['college', { credits: 3, grade: 'B' }],
    ['present', {}],
    ['broaden', {}],
    ['course', { number: 'CA23456' }],
    ['petition', {}],
    ['ask', { question: 'cpr' }],
    ['ask', { question: 'when is my deadline' }],
  ])('/cec %s %j: under 300 characters, Details and Log this', async (sub, options) => {
    const reply = await run(sub, options);
    expect(reply.ephemeral).toBe(false);
    expect(shortLength(reply)).toBeLessThanOrEqual(SHORT_ANSWER_MAX);
    expect(reply.embeds?.[0]?.fields ?? []).toEqual([]);
    const labels = reply.buttons?.map((b) => b.label);
    expect(labels?.[0]).toBe('Details');
    for (const b of reply.buttons ?? []) expect(b.customId?.length).toBeLessThanOrEqual(100);
    const more = await details(reply);
    expect(more.ephemeral).toBe(true);
    expect(shown(more)).toContain('Source (S');
    expect(shown(more)).toContain('not affiliated with ACE');
  });

  test('a renewal question has nothing to log: Details only', async () => {
    const reply = await run('ask', { question: 'when is my deadline' });
    expect(reply.buttons?.map((b) => b.label)).toEqual(['Details']);
  });

  test('Details of /cec cpr: our reading labelled as ours, the quote, how to submit', async () => {
    const more = await details(await run('cpr', { term: '2yr' }));
    const fields = more.embeds?.[0]?.fields?.map((f) => f.name);
    expect(fields).toEqual([
      'Limit per cycle',
      'Keep as evidence',
      'Our reading (not ACE’s wording)',
      'Source (S1)',
      'How to submit',
    ]);
    expect(shown(more)).toContain('while a two-year certification is worth 0.4 CECs');
  });

  test('Details of /cec ask re-asks the question: the same answer, privately', async () => {
    const more = await details(await run('ask', { question: '2 credit anatomy course with a C' }));
    expect(more.embeds?.[0]?.fields?.[0]).toEqual({
      name: 'You asked',
      value: '2 credit anatomy course with a C',
    });
    expect(more.embeds?.[0]?.description).toContain('**2.0 CECs**');
  });

  test('a question too long for a button id gets the whole answer at once, and Log this', async () => {
    const question = `${'I renewed my CPR card at the community center last week, '.repeat(2)}2yr`;
    const reply = await run('ask', { question });
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds?.[0]?.title).toBe('CPR/AED renewal');
    expect(shown(reply)).toContain('A 2-year CPR/AED certification is worth 0.4 CECs (S1).');
    expect(shown(reply)).toContain('Source (S1)');
    expect(reply.buttons?.map((b) => b.label)).toEqual(['Log this']);
  });
});

describe('Log this opens a modal for what the answer did not fix', () => {
  const modalOf = (reply: Reply) =>
    buttonModal({ user: ALICE, guildId: GUILD, customId: customIdOf(reply, 'Log this') });

  test('/cec cpr term:2yr: only the date is left to ask', async () => {
    const modal = modalOf(await run('cpr', { term: '2yr' }));
    expect(modal?.title).toBe('Log: CPR/AED renewal');
    expect(modal?.inputs.map((i) => [i.customId, i.label, i.required])).toEqual([
      ['date', 'Completion date', true],
    ]);
  });

  test('/cec course: the number is fixed; CECs, ethics (default shown), title and the date', async () => {
    const modal = modalOf(await run('course', { number: 'ca-23456' }));
    expect(modal?.customId).toBe('cec:m:course:CA23456');
    expect(modal?.inputs.map((i) => [i.customId, i.value])).toEqual([
      ['cecs', undefined],
      ['date', undefined],
      ['ethics', 'no'],
      ['title', undefined],
    ]);
  });

  test('/cec ask: nothing is fixed, at most 5 inputs with the required ones first', async () => {
    const modal = modalOf(await run('ask', { question: 'college course' }));
    expect(modal?.inputs.map((i) => i.customId)).toEqual([
      'credits',
      'grade',
      'date',
      'related',
      'title',
    ]);
    expect(modal?.inputs.find((i) => i.customId === 'grade')?.placeholder).toContain('A+, A, A-');
  });
});

describe('/cec cpr', () => {
  test('a 2-year certificate is worth 0.4, answered publicly with the why', async () => {
    const reply = await run('cpr', { term: '2yr' });
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds?.[0]?.title).toBe('2-year CPR/AED certificate: 0.4 CECs');
    expect(reply.embeds?.[0]?.description).toBe(
      'A 2-year CPR/AED certification is worth 0.4 CECs (S1).',
    );
    expect(reply.embeds?.[0]?.footer?.text).toContain('Unofficial');
  });

  test('a 1-year certificate is worth 0.2', async () => {
    expect((await run('cpr', { term: '1yr' })).embeds?.[0]?.title).toContain('0.2 CECs');
  });

  test('a missing term is explained privately', async () => {
    const reply = await run('cpr');
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('`/cec cpr` needs `term:`');
  });
});

describe('/cec college', () => {
  test('2 credit hours with a B are worth 2.0', async () => {
    const reply = await run('college', { credits: 2, grade: 'B' });
    expect(reply.embeds?.[0]?.title).toBe('College course (2 credit hours, B): 2.0 CECs');
  });

  test('one course gives at most 2.0, and a certification-prep course at most 0.5 (S4)', async () => {
    const reply = await run('college', { credits: 3, grade: 'B' });
    expect(reply.embeds?.[0]?.title).toBe('College course (3 credit hours, B): 2.0 CECs');
    const prep = await run('college', { credits: 3, grade: 'B', 'cert-prep': true });
    expect(prep.embeds?.[0]?.title).toBe('College course (3 credit hours, B): 0.5 CECs');
  });

  test('a C- is worth nothing, with the reason', async () => {
    const reply = await run('college', { credits: 3, grade: 'C-' });
    expect(reply.embeds?.[0]?.title).toContain('0.0 CECs');
    expect(reply.embeds?.[0]?.description).toContain('below the "C" or higher');
  });

  test('an unrelated course is worth nothing, with the reason', async () => {
    const reply = await run('college', { credits: 3, grade: 'A', related: false });
    expect(reply.embeds?.[0]?.title).toContain('0.0 CECs');
    expect(reply.embeds?.[0]?.description).toContain('exercise science, anatomy');
  });

  test('fractional hours are credited down to the tenth by the rules', async () => {
    const reply = await run('college', { credits: 1.25, grade: 'A' });
    expect(reply.embeds?.[0]?.title).toContain('1.2 CECs');
  });

  test('zero credit hours get the rules’ own message, privately', async () => {
    const reply = await run('college', { credits: 0, grade: 'A' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Credit hours');
  });
});

describe('/cec fixed-value opportunities', () => {
  test.each([
    ['present', 'Presenting', '0.5 CECs per cycle'],
    ['publish', 'Publishing', 'None stated by the source'],
    ['broaden', 'NCCA-accredited', 'None stated by the source'],
    ['mentor', 'Mentoring', '0.1 CECs per cycle'],
    ['extra-cert', 'extra ACE certification', 'None stated by the source'],
  ])(
    '/cec %s shows its value; Details its limit, our reading and the source',
    async (sub, name, limit) => {
      const reply = await run(sub);
      expect(reply.ephemeral).toBe(false);
      expect(reply.embeds?.[0]?.title).toContain(name);
      const text = shown(await details(reply));
      expect(text).toContain(limit);
      expect(text).toContain('Our reading (not ACE’s wording)');
      expect(text).toContain('Source (S1)');
      expect(text).toContain('acefitness.org');
    },
  );
});

describe('/cec course', () => {
  test('a well-formed number says the CECs are on the certificate', async () => {
    const reply = await run('course', { number: ' ca-23456 ' });
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds?.[0]?.title).toBe('CA23456 is a well-formed ACE course number');
    expect(reply.embeds?.[0]?.description).toContain('printed on your certificate of completion');
    expect(shown(await details(reply))).toContain('My CECs');
  });

  test('an unknown prefix is named, privately', async () => {
    const reply = await run('course', { number: 'XY12345' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('"XY" is not an ACE course prefix');
  });

  test('too few digits are counted', async () => {
    expect((await run('course', { number: 'CA123' })).content).toContain('has 3 digits');
  });
});

describe('/cec ask', () => {
  test('an incomplete question lists every option', async () => {
    const reply = await run('ask', { question: 'cpr' });
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds?.[0]?.description).toContain('1-year certificate: **0.2**');
    expect(reply.embeds?.[0]?.description).toContain('2-year certificate: **0.4**');
    expect(reply.buttons?.map((b) => b.label)).toEqual(['Details', 'Log this']);
  });

  test('a question in words is answered with its value', async () => {
    const reply = await run('ask', { question: '2 credit anatomy course with a C' });
    expect(reply.embeds?.[0]?.description).toContain('**2.0 CECs**');
  });

  test('a question it does not understand gets suggestions, privately', async () => {
    const reply = await run('ask', { question: 'zzzz qqqq' });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('I did not understand');
    expect(reply.content).toContain('try `');
  });

  test('what a member typed cannot format or mention', async () => {
    const reply = await details(
      await run('ask', { question: 'cpr @everyone [x](https://evil.example)' }),
    );
    const asked = reply.embeds?.[0]?.fields?.find((f) => f.name === 'You asked')?.value ?? '';
    expect(asked).not.toContain('@everyone');
    expect(asked).toContain('\\[x\\]');
  });

  test('autocomplete suggests example questions from the rules', async () => {
    const choices = await runAutocomplete(
      cec,
      { ...input('cec ask'), focused: { name: 'question', value: 'cpr' } },
      context,
    );
    expect(choices.map((c) => c.value)).toContain('cpr 2yr');
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
