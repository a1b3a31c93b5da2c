/** The calculator's pure state: what a person types, what the rules package answers. */
import { describe, expect, it } from 'vitest';
import { initialValues } from '../../src/scripts/calculator/fields';
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
    expect(vm.activities.map((a) => a.worth)).toEqual([
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
    expect(vm.results[0]?.earned).toBe('7.2');
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

  it('checks a field when it is left, never while it is typed', () => {
    let state = run({ type: 'choose-kind', kind: 'approved-course' });
    // Every keystroke of "CA2345" on the way to "CA23456" is a wrong course number: no message.
    for (const typed of ['C', 'CA', 'CA2', 'CA23', 'CA234', 'CA2345']) {
      state = update(state, { type: 'set-field', field: 'courseNumber', value: typed });
      expect(state.draftErrors).toEqual({});
    }
    state = update(state, { type: 'leave-field', field: 'courseNumber' });
    expect(state.draftErrors.courseNumber).toMatch(/4 digits after CA/);
    // Once showing, the message follows what is typed and goes when the number is right.
    state = update(state, { type: 'set-field', field: 'courseNumber', value: 'CA23456' });
    expect(state.draftErrors.courseNumber).toBeUndefined();
    // Another field typed wrong stays quiet until it is left too.
    state = update(state, { type: 'set-field', field: 'completed', value: '02/30' });
    expect(state.draftErrors.completed).toBeUndefined();
    // Leaving an empty field says nothing: the person may only be passing through.
    state = update(state, { type: 'leave-field', field: 'cecs' });
    expect(state.draftErrors.cecs).toBeUndefined();
  });

  it('checks a certification date when it is left, never while it is typed', () => {
    let state = initialState();
    for (const typed of ['0', '03', '03/3', '03/31/', '03/31/20']) {
      state = update(state, expires(typed));
      expect(view(state, TODAY).certifications[0]?.errors).toEqual({});
    }
    state = update(state, { type: 'leave-certification', index: 0 });
    expect(view(state, TODAY).certifications[0]?.errors.date).toMatch(/year/i);
    state = update(state, expires('03/31/2027'));
    expect(view(state, TODAY).certifications[0]?.errors).toEqual({});
  });

  it('an expiration date in the past is said next to the field, with the end of grace', () => {
    const state = run(expires('08/31/2026'), { type: 'leave-certification', index: 0 });
    const vm = view(state, TODAY);
    expect(vm.certifications[0]?.errors).toEqual({});
    expect(vm.certifications[0]?.notes.join(' ')).toMatch(
      /Expired on 08\/31\/2026\. You can still renew late until 02\/28\/2027/,
    );
    // In the grace period the countdown is to the end of grace, never a negative number.
    expect(vm.results[0]?.days).toEqual({ label: 'Grace days left', value: '93' });
  });

  it('after adding, the form starts empty for the next activity, the date included', () => {
    const state = run(
      ...add('approved-course', { courseNumber: 'CA23456', cecs: '0.7', completed: '07/01/2026' }),
    );
    expect(state.activities).toHaveLength(1);
    expect(state.draft.kind).toBe('approved-course');
    expect(state.draft.values).toEqual(initialValues());
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
    expect(vm.results[0]?.earned).toBe('0.5');
    // The second card counts 0.0 and says why; it is still worth 0.5 on its own.
    expect(vm.activities[1]).toMatchObject({ worth: '0.5', counted: '0.0' });
    expect(vm.activities[1]?.toward[0]?.cut).toMatch(/Limit reached/);
    expect(vm.activities[0]).toMatchObject({ worth: '0.5', counted: '0.5' });
    expect(vm.activities[0]?.toward[0]?.cut).toBeNull();
  });

  it('the cards add up to what is earned plus what is planned', () => {
    const state = run(
      expires('03/31/2027'),
      ...add('presentation', { completed: '02/10/2026' }),
      ...add('presentation', { completed: '03/10/2026' }),
      ...add('cpr-aed', { term: '2yr', completed: '01/15/2026' }),
      ...add('approved-course', { courseNumber: 'CA23456', cecs: '0.7', completed: '01/10/2027' }),
    );
    const vm = view(state, TODAY);
    const sum = (planned: boolean) =>
      vm.activities
        .filter((a) => a.planned === planned)
        .reduce((total, a) => total + Number(a.counted), 0)
        .toFixed(1);
    expect(sum(false)).toBe(vm.results[0]?.earned);
    expect(sum(true)).toBe(vm.results[0]?.planned);
  });

  it('with two certifications a card says what it counts toward each when that differs', () => {
    const state = run(
      expires('03/31/2027'),
      { type: 'add-certification' },
      {
        type: 'set-certification',
        index: 1,
        patch: { credential: 'health-coach', date: '06/30/2027' },
      },
      ...add('ace-certification', { credential: 'health-coach', completed: '03/15/2026' }),
    );
    const card = view(state, TODAY).activities[0];
    expect(card?.counted).toBeNull();
    expect(card?.toward.map((t) => t.counted)).toEqual(['2.0', '0.0']);
  });

  it('an activity dated after today is planned, not earned', () => {
    const state = run(
      expires('03/31/2027'),
      ...add('approved-course', { courseNumber: 'CA23456', cecs: '1.0', completed: '10/01/2026' }),
      ...add('approved-course', { courseNumber: 'CA65432', cecs: '0.5', completed: '01/15/2027' }),
    );
    const result = view(state, TODAY).results[0];
    expect(result?.earned).toBe('1.0');
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
    const vm = view(run(expires('31/03/2027'), { type: 'leave-certification', index: 0 }), TODAY);
    expect(vm.results).toEqual([]);
    expect(vm.certifications[0]?.errors.date).toMatch(/no month 31/);
    expect(vm.warnings[0]).toMatch(/Add a certification/);
  });

  it('removing the only certification leaves the activities, and one can be added again', () => {
    let state = run(expires('03/31/2027'), ...add('mentoring', { completed: '02/01/2026' }));
    state = update(state, { type: 'remove-certification', index: 0 });
    expect(state.certifications).toEqual([]);
    expect(view(state, TODAY).activities[0]?.worth).toBe('0.1');
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

  it('starting over clears everything', () => {
    const state = run(expires('03/31/2027'), ...add('mentoring', { completed: '02/01/2026' }), {
      type: 'start-over',
    });
    expect(state).toEqual(initialState());
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
