/** Modals: the MODAL callback checked as Discord checks it, and what a submission carries. */
import { describe, expect, test } from 'vitest';
import { FakeDiscordError, type JsonObject } from '../src/index.js';
import { checkModal, modalInputs, modalSubmitData } from '../src/modals.js';

function input(extra: JsonObject = {}): JsonObject {
  return { type: 4, custom_id: 'date', label: 'Completion date', style: 1, ...extra };
}

function modal(extra: JsonObject = {}, rows: JsonObject[] = [input()]): JsonObject {
  return {
    custom_id: 'cec:m:cpr:2yr|',
    title: 'Log: CPR/AED renewal',
    components: rows.map((i) => ({ type: 1, components: [i] })),
    ...extra,
  };
}

describe('checkModal', () => {
  test('a well-formed modal passes', () => {
    expect(checkModal(modal())).toBeUndefined();
  });

  test.each([
    ['a title over 45', modal({ title: 'x'.repeat(46) }), 'data.title'],
    ['no title', modal({ title: undefined }), 'data.title'],
    ['a custom id over 100', modal({ custom_id: 'x'.repeat(101) }), 'data.custom_id'],
    ['no rows', modal({}, []), 'data.components'],
    [
      'six rows',
      modal(
        {},
        [1, 2, 3, 4, 5, 6].map((n) => input({ custom_id: `f${n}` })),
      ),
      'data.components',
    ],
    ['a label over 45', modal({}, [input({ label: 'x'.repeat(46) })]), 'label'],
    [
      'an input custom id over 100',
      modal({}, [input({ custom_id: 'x'.repeat(101) })]),
      'custom_id',
    ],
    ['a button in a modal', modal({}, [{ type: 2, custom_id: 'b', label: 'B', style: 1 }]), 'type'],
    ['a style that is not 1 or 2', modal({}, [input({ style: 3 })]), 'style'],
    ['max_length over 4000', modal({}, [input({ max_length: 4001 })]), 'max_length'],
    ['min over max', modal({}, [input({ min_length: 5, max_length: 4 })]), 'min_length'],
    ['a value over max_length', modal({}, [input({ max_length: 3, value: 'abcd' })]), 'value'],
    ['a placeholder over 100', modal({}, [input({ placeholder: 'x'.repeat(101) })]), 'placeholder'],
    ['required not a boolean', modal({}, [input({ required: 'yes' })]), 'required'],
    ['two inputs with one id', modal({}, [input(), input()]), 'duplicated'],
  ])('%s is refused', (_what, body, where) => {
    expect(checkModal(body)).toContain(where);
  });

  test('two inputs in one action row are refused', () => {
    const body = modal();
    body.components = [{ type: 1, components: [input(), input({ custom_id: 'other' })] }];
    expect(checkModal(body)).toContain('exactly one text input');
  });
});

describe('modalSubmitData', () => {
  const form = modal({}, [
    input({ required: true, max_length: 10 }),
    input({ custom_id: 'title', label: 'Title', required: false, value: 'Prefilled' }),
  ]);

  test('carries every input, typed or prefilled, in MODAL_SUBMIT shape', () => {
    expect(modalInputs(form).map((i) => [i.customId, i.required, i.maxLength])).toEqual([
      ['date', true, 10],
      ['title', false, 4000],
    ]);
    expect(modalSubmitData(form, { date: '05/20/2026' })).toEqual({
      custom_id: 'cec:m:cpr:2yr|',
      components: [
        { type: 1, components: [{ type: 4, custom_id: 'date', value: '05/20/2026' }] },
        { type: 1, components: [{ type: 4, custom_id: 'title', value: 'Prefilled' }] },
      ],
    });
  });

  test.each([
    ['a required input left empty', { date: '' }, 'is required'],
    ['a value over max_length', { date: '12345678901' }, 'takes 0–10 characters'],
    ['an input the modal does not have', { date: '1', other: 'x' }, 'no text input "other"'],
  ])('%s is not submitted, as Discord’s client would not', (_what, values, message) => {
    expect(() => modalSubmitData(form, values)).toThrow(FakeDiscordError);
    expect(() => modalSubmitData(form, values)).toThrow(message);
  });

  test('validate: false sends what a crafted request could', () => {
    const data = modalSubmitData(form, { date: '', other: 'x'.repeat(5000) }, false);
    expect(data.components).toHaveLength(3);
  });
});
