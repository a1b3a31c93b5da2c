/**
 * Fuzzing the "Did you complete it?" buttons: any custom id under their
 * prefix (any action, owner, entry, extra parts), pressed by the owner or by
 * someone else. Never an exception; always a private, readable answer that
 * fits Discord's limits; a press never touches another member's entries; and
 * someone else's press is refused. The seed is printed (FAULT_SEED replays).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runButton } from '../../src/commands/run.js';
import type { CommandContext } from '../../src/commands/types.js';
import type { Person } from '../../src/members/person.js';
import { CONFIRM_PREFIX } from '../../src/render/confirm.js';
import { LIMITS, type Reply } from '../../src/render/payload.js';
import type { Store } from '../../src/store/index.js';
import { ALICE, BOB, GUILD, memoryContext, shown } from '../helpers/context.js';
import { faultSeed } from './support.js';

let context: CommandContext & { store: Store };
beforeAll(async () => {
  context = await memoryContext();
  for (const person of [ALICE, BOB]) {
    await context.store.certifications.save(person.id, {
      credential: 'personal-trainer',
      expires: '2027-03-31',
    });
  }
});
afterAll(async () => {
  await context?.store.close();
});

/** Each member holds a planned entry past its date (the clock is 06/01/2026) and one to come. */
async function ensurePlanned(person: Person): Promise<string[]> {
  let entries = await context.store.activities.list(person.id);
  if (entries.length < 2) {
    for (const completed of ['2026-05-20', '2026-07-01'] as const) {
      await context.store.activities.add(
        person.id,
        { kind: 'approved-course', courseNumber: 'CA12345', cecs: 1, ethics: false, completed },
        false,
      );
    }
    entries = await context.store.activities.list(person.id);
  }
  return entries.map((e) => e.id);
}

/** What a member's records look like, to see that a press left them alone. */
async function recordsOf(person: Person): Promise<string> {
  const entries = await context.store.activities.list(person.id);
  return JSON.stringify(entries.map((e) => [e.id, e.confirmed, e.activity]));
}

function problems(reply: Reply): string[] {
  const found: string[] = [];
  const text = shown(reply);
  if (!reply.ephemeral) found.push('not private');
  if (text.trim().length < 15) found.push('no explanation');
  if (/undefined|NaN|\[object Object\]|null|Error: |Sorry, something went wrong/.test(text)) {
    found.push('a half-rendered value or a bug');
  }
  if ((reply.content?.length ?? 0) > LIMITS.content) found.push('content too long');
  for (const b of reply.buttons ?? []) {
    if ((b.customId?.length ?? 0) > 100 || b.label.length > LIMITS.buttonLabel) {
      found.push('bad button');
    }
  }
  return found;
}

const part = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.constantFrom('', ':', ' ', '0', '-1', 'yes ', 'YES', '../', '\u0000'),
);

describe('the planned-entry buttons', () => {
  test('any id under the prefix, pressed by anyone: answered privately, never an exception', async () => {
    const seed = faultSeed();
    console.log(`fuzz-planned: seed ${seed} (FAULT_SEED=${seed} replays)`);
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('yes', 'no', 'remove', 'move', 'maybe', ''),
        fc.constantFrom(ALICE, BOB, null),
        fc.oneof(fc.nat({ max: 3 }), part),
        fc.array(part, { maxLength: 2 }),
        fc.constantFrom(ALICE, BOB),
        async (action, owner, entry, extra, presser) => {
          tried++;
          const own = await ensurePlanned(owner ?? ALICE);
          const entryId = typeof entry === 'number' ? (own[entry] ?? 'zzzz9999') : entry;
          const ownerId = owner?.id ?? 'someone';
          const customId = [CONFIRM_PREFIX, action, ownerId, entryId, ...extra].join(':');
          const bystander = presser.id === ALICE.id ? BOB : ALICE;
          const before = await recordsOf(bystander);

          const outcome = await runButton({ user: presser, guildId: GUILD, customId }, context);

          expect(problems(outcome.reply)).toEqual([]);
          // Whatever the id says (even the other member's id and entry), their records are untouched.
          expect(await recordsOf(bystander)).toBe(before);
          if (owner && owner.id !== presser.id && extra.length === 0 && action === 'yes') {
            expect(shown(outcome.reply)).toMatch(/only they can answer it|not one the bot knows/);
          }
        },
      ),
      { numRuns: 400, seed },
    );
    console.log(`fuzz-planned: ${tried} presses`);
  });
});
