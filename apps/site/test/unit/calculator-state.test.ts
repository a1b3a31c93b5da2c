/** The calculator's pure state: what a person types, what the rules package answers. */
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type CalculatorState,
  initialState,
  update,
  view,
} from '../../src/scripts/calculator/state';

const TODAY = '2026-11-27';

function run(...actions: Action[]): CalculatorState {
  return actions.reduce(update, initialState());
}

function fill(values: Record<string, string>): Action[] {
  return Object.entries(values).map(([field, value]) => ({
    type: 'set-field',
    field: field as never,
    value,
  }));
}

function add(kind: string, values: Record<string, string>): Action[] {
  return [
    { type: 'choose-kind', kind: kind as never },
    ...fill(values),
    { type: 'submit-activity' },
  ];
}

const expires = (date: string): Action => ({
  type: 'set-certification',
  index: 0,
  patch: { date },
});

describe('adding activities', () => {
  it('adds one activity of every kind with the fields it needs, and credits each', () => {
    const state = run(
      expires('03/31/2027'),
      ...add('cpr-aed', { term: '2yr', completed: '01/15/2026' }),
      ...add('college', { creditHours: '3', grade: 'B', completed: '12/10/2025' }),
      ...add('ace-certification', { credential: 'health-coach', completed: '03/15/2026' }),
      ...add('presentation', { title: 'Cueing', completed: '04/02/2026' }),
      ...add('ncca-certification', { name: 'NSCA-CPT', completed: '05/01/2026' }),
      ...add('publication', { title: 'Strength after 60', completed: '06/01/2026' }),
      ...add('mentoring', { title: '', completed: '06/20/2026' }),
      ...add('approved-course', { courseNumber: 'ca 23456', cecs: '0.7', completed: '2026-07-01' }),
      ...add('petition', {
        title: 'Pilates mat',
        status: 'approved',
        cecs: '0.5',
        completed: '08/01/2026',
      }),
    );
    expect(state.activities.map((a) => a.kind)).toEqual([
      'cpr-aed',
      'college',
      'ace-certification',
      'presentation',
      'ncca-certification',
      'publication',
      'mentoring',
      'approved-course',
      'petition',
    ]);
    const vm = view(state, TODAY);
    expect(vm.activities.map((a) => a.credit)).toEqual([
      '0.4',
      '2.0', // 3 credit hours; one college course gives at most 2.0 (S4)
      '2.0',
      '0.5',
      '0.5',
      '0.5',
      '0.1',
      '0.7',
      '0.5',
    ]);
    // The course number is stored as the rules package normalised it.
    expect(vm.activities[7]?.label).toContain('CA23456');
    expect(vm.results[0]?.total).toBe('7.2');
  });

  it('keeps what was typed and shows the rules package messages next to each field', () => {
    const state = run(...add('college', { creditHours: '0', completed: '02/30/2024' }));
    expect(state.activities).toHaveLength(0);
    expect(state.draftErrors.creditHours).toMatch(/^Credit hours must be at least 0.1/);
    expect(state.draftErrors.completed).toMatch(/February 2024 has 29 days/);
    expect(state.draft.values.creditHours).toBe('0');
    // Fixing a field clears its message as it is typed.
    const fixed = update(state, { type: 'set-field', field: 'creditHours', value: '3' });
    expect(fixed.draftErrors.creditHours).toBeUndefined();
    expect(fixed.draftErrors.completed).toBeDefined();
  });

  it('names a course number typo specifically', () => {
    const state = run(
      ...add('approved-course', { courseNumber: 'CA2345', cecs: '0.5', completed: '01/02/2026' }),
    );
    expect(state.draftErrors.courseNumber).toMatch(
      /4 digits after CA; a course number has five or six/,
    );
  });

  it('text where a number belongs is named, not turned into 0', () => {
    const state = run(
      ...add('approved-course', { courseNumber: 'CA23456', cecs: 'half', completed: '01/02/2026' }),
    );
    expect(state.draftErrors.cecs).toMatch(/^CECs on certificate must be/);
  });

  it('an empty required field says it is required', () => {
    const state = run(...add('publication', { title: '', completed: '' }));
    expect(state.draftErrors.title).toMatch(/Title/);
    expect(state.draftErrors.completed).toMatch(/Completion date/);
  });
});

describe('totals, limits and planned activities', () => {
  it('two presentations in one cycle count 0.5, and the cut is explained', () => {
    const state = run(
      expires('03/31/2027'),
      ...add('presentation', { completed: '02/10/2026' }),
      ...add('presentation', { completed: '03/10/2026' }),
    );
    const vm = view(state, TODAY);
    expect(vm.results[0]?.total).toBe('0.5');
    expect(vm.activities[1]?.cuts[0]?.counted).toBe('0.0');
    expect(vm.activities[1]?.cuts[0]?.cut).toMatch(/Limit reached/);
    expect(vm.activities[0]?.cuts).toEqual([]);
  });

  it('an activity dated after today is planned, not earned', () => {
    const state = run(
      expires('03/31/2027'),
      ...add('approved-course', { courseNumber: 'CA23456', cecs: '1.0', completed: '10/01/2026' }),
      ...add('approved-course', { courseNumber: 'CA65432', cecs: '0.5', completed: '01/15/2027' }),
    );
    const result = view(state, TODAY).results[0];
    expect(result?.total).toBe('1.0');
    expect(result?.planned).toBe('0.5');
    expect(result?.remaining).toBe('1.0');
    expect(result?.remainingAfterPlanned).toBe('0.5');
    expect(view(state, TODAY).activities.map((a) => a.planned)).toEqual([false, true]);
  });

  it('an estimated expiration is marked and explained', () => {
    const state = run({
      type: 'set-certification',
      index: 0,
      patch: { dateKind: 'certified', date: '04/01/2025' },
    });
    const result = view(state, TODAY).results[0];
    expect(result?.estimated).toBe(true);
    expect(result?.deadline).toContain('(estimated)');
    expect(result?.warnings.join(' ')).toMatch(/estimated/i);
  });

  it('without a valid certification the rules package says what to add', () => {
    const vm = view(run(expires('31/03/2027')), TODAY);
    expect(vm.results).toEqual([]);
    expect(vm.certifications[0]?.errors.date).toMatch(/no month 31/);
    expect(vm.warnings[0]).toMatch(/Add a certification/);
  });

  it('removing the only certification leaves the activities, and one can be added again', () => {
    let state = run(expires('03/31/2027'), ...add('mentoring', { completed: '02/01/2026' }));
    state = update(state, { type: 'remove-certification', index: 0 });
    expect(state.certifications).toEqual([]);
    expect(view(state, TODAY).activities[0]?.credit).toBe('0.1');
    expect(view(state, TODAY).warnings[0]).toMatch(/Add a certification/);
    state = update(state, { type: 'add-certification' });
    expect(state.certifications[0]?.credential).toBe('personal-trainer');
  });

  it('a second certification gets its own result; the same credential twice is refused', () => {
    let state = run(expires('03/31/2027'), { type: 'add-certification' });
    expect(state.certifications[1]?.credential).toBe('group-fitness-instructor');
    state = update(state, { type: 'set-certification', index: 1, patch: { date: '06/30/2027' } });
    expect(view(state, TODAY).results.map((r) => r.credential)).toEqual([
      'personal-trainer',
      'group-fitness-instructor',
    ]);
    state = update(state, {
      type: 'set-certification',
      index: 1,
      patch: { credential: 'personal-trainer' },
    });
    const vm = view(state, TODAY);
    expect(vm.results).toHaveLength(1);
    expect(vm.certificationsError).toMatch(/only once/);
  });
});

describe('editing and removing', () => {
  it('edits an activity in the form and saves it in place', () => {
    let state = run(
      ...add('cpr-aed', { term: '1yr', completed: '01/15/2026' }),
      ...add('mentoring', { completed: '02/01/2026' }),
    );
    state = update(state, { type: 'edit-activity', index: 0 });
    expect(state.editing).toBe(0);
    expect(state.draft.kind).toBe('cpr-aed');
    expect(state.draft.values.completed).toBe('01/15/2026');
    state = [...fill({ term: '2yr' }), { type: 'submit-activity' } as Action].reduce(update, state);
    expect(state.editing).toBeNull();
    expect(state.activities[0]).toMatchObject({ kind: 'cpr-aed', term: '2yr' });
    expect(state.activities).toHaveLength(2);
  });

  it('removes an activity, and stops editing it', () => {
    let state = run(
      ...add('mentoring', { completed: '02/01/2026' }),
      ...add('presentation', { completed: '03/01/2026' }),
    );
    state = update(state, { type: 'edit-activity', index: 1 });
    state = update(state, { type: 'remove-activity', index: 1 });
    expect(state.activities.map((a) => a.kind)).toEqual(['mentoring']);
    expect(state.editing).toBeNull();
  });

  it('cancelling an edit leaves the activity as it was', () => {
    let state = run(...add('mentoring', { completed: '02/01/2026' }));
    const before = state.activities;
    state = update(state, { type: 'edit-activity', index: 0 });
    state = update(state, { type: 'set-field', field: 'completed', value: 'garbage' });
    state = update(state, { type: 'cancel-edit' });
    expect(state.activities).toBe(before);
    expect(state.editing).toBeNull();
  });
});
