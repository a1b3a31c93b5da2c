/**
 * Fuzzing the `/cec` answer buttons and the "Log this" modal (seeded: FAULT_SEED replays a
 * run). Custom ids a crafted interaction could carry, and anything a member could type into
 * the modal's inputs (or a crafted submission could send), must never crash, never log for
 * anyone but the member who submitted, and always answer privately; every modal the bot
 * opens is one Discord accepts, and "Try again" gives back exactly what was typed.
 */
import { checkModal } from '@cec/discord-fake';
import { COMPLETED_FIELD, type FieldDescriptor, OPPORTUNITIES, optionName } from '@cec/rules';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerId } from '../../src/commands/answer-ids.js';
import { cec } from '../../src/commands/cec.js';
import { buttonModal, runButton, runCommand, runModal } from '../../src/commands/run.js';
import { modalDataOf } from '../../src/discord/adapter.js';
import type { Modal, Reply } from '../../src/render/payload.js';
import { ALICE, BOB, GUILD, input, memoryContext } from '../helpers/context.js';
import { type FakeWorld, startFakeWorld } from '../helpers/fake-discord.js';
import { faultSeed, seededRandom } from './support.js';

const seed = faultSeed();
const random = seededRandom(seed);
console.log(`fuzz-answers seed ${seed} (FAULT_SEED=${seed} replays it)`);

const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const PIECES = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  '0.05',
  '2.0',
  '3',
  '1,5',
  'yes',
  'NO',
  'true',
  'B+',
  'p',
  '2yr',
  'approved',
  'CA23456',
  '05/20/2026',
  '2026-02-30',
  '13/45/2026',
  '12/31/9999',
  '@everyone',
  '<@123456789012345678>',
  '**bold** `code` [x](https://evil.example)',
  '|',
  ':',
  '%',
  '%E0%A4%A',
  '~',
  'constructor',
  '__proto__',
  '\u0000',
  '👩‍⚕️',
  'ß'.repeat(150),
  'x'.repeat(250),
];
const text = (max = 4): string =>
  Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(PIECES)).join(pick(['', ' ']));

const context = await memoryContext();
/** Presses crafted ids; ALICE never presses anything, so she must end with no entries. */
const MALLORY = { id: '200000000000000666', name: 'Mallory' };
const press = (customId: string, user = MALLORY, shown?: { name: string; value: string }[]) => ({
  user,
  guildId: GUILD,
  customId,
  ...(shown ? { shown } : {}),
});

/** Discord's own checks of a modal the bot opens (the fake implements them). */
function expectValidModal(modal: Modal): void {
  expect(checkModal(modalDataOf(modal) as unknown as Record<string, unknown>)).toBeUndefined();
}

function expectPrivate(reply: Reply): void {
  expect(reply.ephemeral).toBe(true);
  expect(reply.content ?? '').not.toMatch(/@everyone|<@\d/);
}

describe('custom ids', () => {
  const CODES = ['d', 'q', 'l', 'm', 'r', 'x', ''];
  const KINDS = [...OPPORTUNITIES.map((o) => o.command.name), 'ask', 'nope', ''];

  test('500 crafted ids: a modal Discord accepts, a private answer, or "not one the bot knows"', async () => {
    for (let i = 0; i < 500; i++) {
      const parts = ['cec', pick(CODES), pick(KINDS), ...(random() < 0.7 ? [text(3)] : [])];
      const customId = parts.join(pick([':', ':', '::'])).slice(0, random() < 0.9 ? 100 : 300);
      const modal = buttonModal(press(customId));
      if (modal) {
        expectValidModal(modal);
        continue;
      }
      const pressed = await runButton(press(customId), context);
      expect(pressed.replace).toBe(false);
      expectPrivate(pressed.reply);
      const submitted = await runModal(
        { ...press(customId), values: { date: '01/01/2026' } },
        context,
      );
      expectPrivate(submitted);
    }
    expect(await context.store.activities.count(ALICE.id)).toBe(0);
  });

  test('every answer’s buttons fit in 100 characters, for any question or course number', async () => {
    for (let i = 0; i < 200; i++) {
      const reply =
        random() < 0.5
          ? await runCommand(cec, input('cec ask', { question: text(6).slice(0, 300) }), context)
          : await runCommand(cec, input('cec course', { number: text(2).slice(0, 40) }), context);
      for (const button of reply.buttons ?? []) {
        expect(button.customId?.length ?? 0).toBeLessThanOrEqual(100);
        const modal = buttonModal(press(button.customId ?? ''));
        if (modal) expectValidModal(modal);
      }
    }
  });
});

describe('modal values', () => {
  test('anything typed: logged for the submitter only, or refused with Try again giving it back', async () => {
    let logged = 0;
    for (let i = 0; i < 300; i++) {
      const opportunity = pick(OPPORTUNITIES);
      const logId = answerId({ action: 'log', opportunity, fixed: null }) ?? '';
      const modal = buttonModal(press(logId, BOB));
      if (!modal) throw new Error(`no modal for ${logId}`);
      expectValidModal(modal);
      // What Discord's client lets through: each value within its input's max length.
      const values = Object.fromEntries(
        modal.inputs.map((input) => {
          // Mostly the field's own example, so that some forms are valid and get logged.
          const fields: readonly FieldDescriptor[] = [...opportunity.fields, COMPLETED_FIELD];
          const example = fields.find((f) => optionName(f) === input.customId)?.example ?? '';
          const value = random() < 0.75 ? example : random() < 0.5 ? pick(PIECES) : text();
          return [input.customId, value.slice(0, input.maxLength)];
        }),
      );
      const before = await context.store.activities.count(BOB.id);
      const reply = await runModal({ ...press(modal.customId, BOB), values }, context);
      expectPrivate(reply);
      const after = await context.store.activities.count(BOB.id);
      if (after === before + 1) {
        logged++;
        continue;
      }
      expect(after).toBe(before);
      expect(reply.content).toContain('That entry was not recorded');
      const retry = reply.buttons?.[0]?.customId ?? '';
      const shown = reply.embeds?.[0]?.fields ?? [];
      const again = buttonModal(press(retry, BOB, shown));
      if (!again) throw new Error(`Try again (${retry}) opened nothing`);
      expectValidModal(again);
      for (const input of again.inputs) {
        const typed = values[input.customId] ?? '';
        if (typed.trim() !== '') expect(input.value).toBe(typed);
      }
    }
    expect(await context.store.activities.count(ALICE.id)).toBe(0);
    console.log(`fuzz-answers: ${logged} of 300 random forms were valid and logged`);
  });

  test('a crafted submission (inputs the form lacks, huge values) is refused or logged, never a crash', async () => {
    const logId = answerId({ action: 'form', opportunity: pick(OPPORTUNITIES), fixed: null }) ?? '';
    for (let i = 0; i < 100; i++) {
      const values: Record<string, string> = {};
      for (const name of ['date', 'title', 'cecs', 'kind', '__proto__', 'constructor', text(1)]) {
        if (random() < 0.6) values[name] = random() < 0.1 ? 'x'.repeat(5000) : text();
      }
      expectPrivate(await runModal({ ...press(logId, BOB), values }, context));
    }
    expect(await context.store.activities.count(ALICE.id)).toBe(0);
  });
});

describe('through the gateway (discord.js reads the submission)', () => {
  let world: FakeWorld;
  beforeAll(async () => {
    world = await startFakeWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  test('crafted submissions of a real modal: always a private answer, logged only for the submitter', async () => {
    const answer = await world.fake.command({
      name: 'cec course',
      options: { number: 'CA23456' },
      user: 'asker',
    });
    const message = await answer.final();
    const logId = message.customIds()[1] ?? '';
    for (let i = 0; i < 30; i++) {
      const opened = await world.fake.clickButton({ message, customId: logId, user: 'presser' });
      const values: Record<string, string> = {};
      for (const name of ['cecs', 'date', 'ethics', 'title', 'extra', text(1)]) {
        if (random() < 0.7) values[name] = random() < 0.1 ? 'x'.repeat(4500) : text();
      }
      const reply = await world.fake.submitModal({ reply: opened, values, validate: false });
      expect(reply.ephemeral).toBe(true);
      expect(reply.data.allowed_mentions).toEqual({ parse: [] });
    }
    expect(await world.store.activities.list(world.fake.user('asker').id)).toEqual([]);
    expect(world.logs.filter((line) => /failed/.test(line))).toEqual([]);
  });
});
