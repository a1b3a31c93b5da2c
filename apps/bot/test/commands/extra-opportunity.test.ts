/** A tenth opportunity in a test ruleset becomes `/cec` and `/log` subcommands, and its options are read back. */
import { describe, expect, test } from 'vitest';
// The rules package's test-only tenth opportunity.
import {
  EXTENDED,
  yogaRetreat,
} from '../../../../packages/rules/test/fixtures/extra-opportunity.js';
import { readActivity } from '../../src/commands/activity-options.js';
import { cecCommand } from '../../src/commands/cec.js';
import { logCommand } from '../../src/commands/log.js';
import { input } from '../helpers/context.js';

interface OptionJson {
  name: string;
  required?: boolean;
  type: number;
  choices?: { name: string; value: string }[];
}
const subcommand = (json: { options?: unknown[] }, name: string) =>
  (json.options as { name: string; options?: OptionJson[] }[]).find((o) => o.name === name);

describe('an opportunity added in a test ruleset', () => {
  test('/log retreat asks every field, required first, then the date, then the optional ones', () => {
    const sub = subcommand(logCommand(EXTENDED).toJSON(), 'retreat');
    expect(sub?.options?.map((o) => [o.name, o.required === true])).toEqual([
      ['days', true],
      ['style', true],
      ['date', true],
      ['venue', false],
    ]);
    expect(sub?.options?.[1]?.choices).toEqual([
      { name: 'Hatha', value: 'hatha' },
      { name: 'Vinyasa', value: 'vinyasa' },
    ]);
  });

  test('/cec retreat asks only what tells the value', () => {
    const sub = subcommand(cecCommand(EXTENDED).toJSON(), 'retreat');
    expect(sub?.options?.map((o) => o.name)).toEqual(['days']);
  });

  test('the options read back into the plan’s fields', () => {
    const options = { days: 2, style: 'hatha', date: '05/01/2026', venue: 'Lake house' };
    expect(readActivity(input('log retreat', options), yogaRetreat, 'record')).toEqual({
      kind: 'yoga-retreat',
      days: 2,
      style: 'hatha',
      completed: '05/01/2026',
      venue: 'Lake house',
    });
  });
});
