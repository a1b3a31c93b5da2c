/** `/progress` ends with the planner's steps, reminders carry the first two, the board marks what blocks a member (issue 11). */
import { evaluatePlan, parsePlan } from '@cec/rules';
import { describe, expect, test } from 'vitest';
// The plan of issue 11, shared with the rules' and the site's tests.
import { STUCK_PLAN } from '../../../../packages/rules/test/fixtures/stuck-plan.js';
import { renderBoard } from '../../src/render/board.js';
import { certificationEmbed } from '../../src/render/progress.js';
import { renderReminder } from '../../src/render/reminder.js';

function evaluated() {
  const parsed = parsePlan(STUCK_PLAN);
  if (!parsed.ok) throw new Error('bad fixture');
  const evaluation = evaluatePlan(parsed.plan);
  const first = evaluation.certifications[0];
  if (!first) throw new Error('no certification');
  return { evaluation, first };
}

describe('the planner in the bot', () => {
  test('/progress ends with the same steps as the rules, required first, and the fastest way', () => {
    const { first } = evaluated();
    const last = certificationEmbed(first).fields?.at(-1);
    expect(last?.name).toBe('What to do next');
    const lines = last?.value.split('\n') ?? [];
    expect(lines[0]).toBe(`**${first.next.fastest.text}**`);
    expect(lines[1]).toMatch(/^❗ Renew your adult CPR\/AED/);
    expect(lines[2]).toMatch(/^❗ Take an ACE-approved course in professional conduct/);
    first.next.steps.slice(0, 4).forEach((step, i) => {
      expect(lines[i + 1]).toContain(step.text.slice(0, 40));
    });
    expect(last?.value).not.toMatch(/presentation/i);
  });

  test('a reminder carries the first two steps', () => {
    const { first } = evaluated();
    const reply = renderReminder('1', first, { days: 90 }, 'dm');
    const next = reply.content?.split('\nNext: ')[1] ?? '';
    expect(next).toMatch(/^❗ Renew your adult CPR\/AED[\s\S]*\n❗ Take an ACE-approved course/);
  });

  test('the board marks a member blocked by a required item', () => {
    const { evaluation } = evaluated();
    const board = renderBoard([{ member: { id: '1', name: 'Ana' }, evaluation }], false);
    expect(board.embeds?.[0]?.description).toContain('CPR/AED ⛔ · ethics ⛔');
  });
});
