/** `/privacy export`: the CSV read back as a spreadsheet would read it. */
import { beforeEach, describe, expect, test } from 'vitest';
import type { CommandInput, OptionValue } from '../../src/commands/types.js';
import { memoryContext, runLine } from '../helpers/context.js';
import { csvRecords, parseCsv } from '../helpers/csv.js';

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

async function exportedCsv(): Promise<string> {
  const reply = await run('privacy export');
  const csv = reply.files?.find((f) => f.name === 'cec-data.csv');
  if (!csv) throw new Error('no CSV in the export');
  return csv.content;
}

describe('/privacy export CSV', () => {
  beforeEach(async () => {
    await run('cert add', { credential: 'personal-trainer', expires: '03/31/2027' });
    await run('log cpr', { term: '2yr', date: '2026-01-05' });
    await run('log college', { credits: 3, grade: 'F', date: '2026-02-01', title: 'Anatomía' });
    await run('log course', { number: 'CA12345', cecs: 0.8, date: '2026-03-01' });
    await run('log course', { number: 'CA12345', cecs: 0.8, date: '2026-04-01' });
    await run('log course', { number: 'CA55555', cecs: 1.0, date: '12/15/2026' });
  });

  test('headers are the rules’ labels; each entry shows what it counts and why not', async () => {
    const text = await exportedCsv();
    const header = parseCsv(text)[0] ?? [];
    expect(header.slice(0, 4)).toEqual(['Record', 'Entry', 'Activity', 'Completion date']);
    expect(header).toEqual(
      expect.arrayContaining(['Certificate length', 'Credit hours', 'Grade', 'Course number']),
    );
    expect(header).toEqual(expect.arrayContaining(['CECs on certificate', 'CECs counted']));
    expect(header.some((h) => /^[a-z]+[A-Z]/.test(h))).toBe(false);

    const rows = csvRecords(text);
    const entries = rows.filter((r) => r.Record === 'Entry');
    expect(entries.map((r) => [r['Completion date'], r.Activity, r['CECs counted']])).toEqual([
      ['2026-01-05', 'CPR/AED renewal', '0.4'],
      ['2026-02-01', 'College course', '0.0'],
      ['2026-03-01', 'ACE-approved course', '0.8'],
      ['2026-04-01', 'ACE-approved course', '0.0'],
      ['2026-12-15', 'ACE-approved course', '1.0'],
    ]);
    const [cpr, college, , repeat, planned] = entries;
    expect(cpr?.['Certificate length']).toBe('2-year certificate');
    expect(cpr?.['Worth (CECs)']).toBe('');
    expect(college?.['Course title']).toBe('Anatomía');
    expect(college?.['Why not counted in full']).toMatch(/grade of F/);
    expect(repeat?.['Worth (CECs)']).toBe('0.8');
    expect(repeat?.['Why not counted in full']).toMatch(/CA12345 is counted once this cycle/);
    expect(planned?.Planned).toBe('yes');
  });

  test('totals per certification sit under its column', async () => {
    const totals = csvRecords(await exportedCsv()).filter((r) => r.Record?.startsWith('Total'));
    expect(totals.map((r) => [r.Record, r['CECs counted']])).toEqual([
      ['Total earned', '1.2'],
      ['Total planned', '1.0'],
      ['Total required', '2.0'],
      ['Total remaining', '0.8'],
    ]);
  });

  test('two certifications: a counted column each, named', async () => {
    await run('cert add', { credential: 'health-coach', expires: '12/31/2027' });
    const rows = csvRecords(await exportedCsv());
    const cpr = rows.find((r) => r.Activity === 'CPR/AED renewal');
    expect(cpr?.['CECs counted: ACE Certified Personal Trainer']).toBe('0.4');
    expect(cpr?.['CECs counted: ACE Certified Health Coach']).toBe('0.4');
    expect(rows.filter((r) => r.Record === 'Certification')).toHaveLength(2);
  });

  test('a cell a spreadsheet would run as a formula reads back as text', async () => {
    await run('log mentor', { date: '2026-05-01', title: '=HYPERLINK("http://evil.example","x")' });
    await run('log present', { date: '2026-05-02', title: '\t+1, "quoted"' });
    const rows = csvRecords(await exportedCsv());
    expect(rows.find((r) => r.Activity === 'Mentoring and community outreach')?.Description).toBe(
      `'=HYPERLINK("http://evil.example","x")`,
    );
    expect(rows.find((r) => r.Activity === 'Presenting')?.Title).toBe(`'\t+1, "quoted"`);
  });

  test('UTF-8 with a byte-order mark, so Excel shows accents', async () => {
    const bytes = Buffer.from(await exportedCsv(), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Anatomía');
  });
});
