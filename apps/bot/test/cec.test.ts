/** `/cec`: public answers straight from the rules (options in, reply out). */
import { describe, expect, test } from 'vitest';
import { cec } from '../src/commands/cec.js';
import { runAutocomplete, runCommand } from '../src/commands/run.js';
import { input, memoryContext, shown } from './helpers/context.js';

const context = await memoryContext();
const run = (sub: string, options: Record<string, string | number | boolean> = {}) =>
  runCommand(cec, input(`cec ${sub}`, options), context);

describe('/cec cpr', () => {
  test('a 2-year certificate is worth 0.4, answered publicly with the source', async () => {
    const reply = await run('cpr', { term: '2yr' });
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds?.[0]?.title).toBe('2-year CPR/AED certificate: 0.4 CECs');
    expect(shown(reply)).toContain('while a two-year certification is worth 0.4 CECs');
    expect(shown(reply)).toContain('not affiliated with ACE');
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
  ])('/cec %s shows its value, limit, our reading and the source', async (sub, name, limit) => {
    const reply = await run(sub);
    expect(reply.ephemeral).toBe(false);
    const text = shown(reply);
    expect(reply.embeds?.[0]?.title).toContain(name);
    expect(text).toContain(limit);
    expect(text).toContain('Our reading (not ACE’s wording)');
    expect(text).toContain('Source (S1)');
    expect(text).toContain('acefitness.org');
  });
});

describe('/cec course', () => {
  test('a well-formed number says the CECs are on the certificate', async () => {
    const reply = await run('course', { number: ' ca-23456 ' });
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds?.[0]?.title).toBe('CA23456 is a well-formed ACE course number');
    expect(reply.embeds?.[0]?.description).toContain('printed on your certificate of completion');
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
    const reply = await run('ask', { question: 'cpr @everyone [x](https://evil.example)' });
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
