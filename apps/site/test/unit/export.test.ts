/** The plan as files: JSON the rules package reads back, CSV safe to open in a spreadsheet. */
import { parsePlan } from '@cec/rules';
import { describe, expect, it } from 'vitest';
import { planCsv, planJson } from '../../src/scripts/calculator/export';
import { type Action, initialState, update, view } from '../../src/scripts/calculator/state';

const TODAY = '2026-11-27';

function run(...actions: Action[]) {
  return actions.reduce(update, initialState());
}

const add = (kind: string, values: Record<string, string>): Action[] => [
  { type: 'choose-kind', kind: kind as never },
  ...Object.entries(values).map(
    ([field, value]) => ({ type: 'set-field', field, value }) as Action,
  ),
  { type: 'submit-activity' },
];

const state = run(
  { type: 'set-certification', index: 0, patch: { date: '03/31/2027' } },
  ...add('presentation', { title: '=HYPERLINK("http://x")', completed: '02/10/2026' }),
  ...add('presentation', { title: 'Balance, "core" and more', completed: '03/10/2026' }),
  ...add('approved-course', { courseNumber: 'CA23456', cecs: '0.7', completed: '01/10/2027' }),
);
const vm = view(state, TODAY);

describe('planJson', () => {
  it('is the plan file the rules package reads, dates as YYYY-MM-DD', () => {
    const parsed = parsePlan(JSON.parse(planJson(vm.plan)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.plan.certifications).toEqual([
      { credential: 'personal-trainer', expires: '2027-03-31' },
    ]);
    expect(parsed.plan.activities).toEqual(state.activities);
  });
});

describe('planCsv', () => {
  const rows = planCsv(vm).split('\r\n');

  it('has a header, a row per activity with what it counts and why, then the totals', () => {
    expect(rows[0]).toBe(
      'Date,Activity,Earned or planned,Worth,Counts toward ACE Certified Personal Trainer,Why',
    );
    expect(rows[2]).toMatch(
      /^03\/10\/2026,"Presentation: Balance, ""core"" and more",Earned,0\.5,0\.0,"A professional.*Limit reached/,
    );
    expect(rows[3]).toMatch(/^01\/10\/2027,Course CA23456,Planned,0\.7,0\.7,/);
    expect(rows.slice(4, 7)).toEqual([',Earned,,,0.5,', ',Planned,,,0.7,', ',Remaining,,,1.5,']);
    expect(rows.at(-1)).toBe('');
  });

  it('keeps a cell that would run as a formula as text, behind an apostrophe', () => {
    const first = vm.activities[0];
    if (!first) throw new Error('fixture');
    for (const label of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) {
      const csv = planCsv({ ...vm, activities: [{ ...first, label }] });
      expect(csv.split('\r\n')[1]?.split(',')[1], label).toBe(`'${label}`);
    }
    // Inside a cell, an "=" is harmless and kept as typed.
    expect(rows[1]).toContain('"Presentation: =HYPERLINK(""http://x"")"');
  });
});
