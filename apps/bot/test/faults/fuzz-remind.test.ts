/**
 * Fuzzing `/remind`: any `where:` and `days:` a member (or a stale client)
 * could send, in a server or a DM, in sequences. Each reply is private, fits
 * Discord's limits and shows no half-rendered value; a choice is saved
 * exactly when the options are valid, and then the store holds exactly it;
 * a mistake changes nothing. Prints how many cases it tried.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { remind } from '../../src/commands/remind.js';
import { runCommand } from '../../src/commands/run.js';
import type { OptionValue } from '../../src/commands/types.js';
import { LIMITS } from '../../src/render/payload.js';
import type { ReminderChoice } from '../../src/store/index.js';
import { GUILD, input, memoryContext, shown } from '../helpers/context.js';

const WHERE = ['both', 'channel', 'dm', 'none'] as const;
const HALF_RENDERED = /undefined|NaN|\[object Object\]|Infinity|\bnull\b/;

const where = fc.oneof(
  fc.constantFrom<string>(...WHERE),
  fc.constantFrom('DM', ' both ', 'sms', '', 'channel,dm', '🏋️'),
  fc.string({ maxLength: 30 }),
);

const days = fc.oneof(
  fc
    .array(fc.integer({ min: -5, max: 400 }), { minLength: 0, maxLength: 12 })
    .map((d) => d.join(',')),
  fc
    .array(fc.integer({ min: 1, max: 365 }), { minLength: 1, maxLength: 10 })
    .map((d) => d.join(', ')),
  fc.constantFrom('default', 'DEFAULT', ' default ', '90;30 7', '1e2', '0x10', '+5', '٣٠', '', ' '),
  fc.string({ maxLength: 60 }),
);

const step = fc.record({ where, days, inDm: fc.boolean() }, { requiredKeys: ['inDm'] });

/** The documented rules, written independently of the parser: what a valid `days:` holds. */
function expectedDays(text: string): number[] | null | 'invalid' {
  if (text.trim().toLowerCase() === 'default') return null;
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return 'invalid';
  const values = [...new Set(parts.map(Number))];
  if (values.some((v) => v < 1 || v > 365) || values.length > 10) return 'invalid';
  return values.sort((a, b) => b - a);
}

describe('fuzzing /remind', () => {
  test('random sequences: saved exactly when valid, private, within limits', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const context = await memoryContext();
        let model: ReminderChoice = { channel: true, dm: true, days: null };
        for (const s of steps) {
          cases++;
          const options: Record<string, OptionValue> = {};
          if (s.where !== undefined) options.where = s.where;
          if (s.days !== undefined) options.days = s.days;
          const reply = await runCommand(
            remind,
            input('/remind', options, s.inDm ? { guildId: null } : { guildId: GUILD }),
            context,
          );
          const text = shown(reply).trim();
          expect(reply.ephemeral).toBe(true);
          expect(reply.pings).toBeUndefined();
          expect(text.length).toBeGreaterThan(0);
          expect(reply.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
          expect(reply.embeds?.[0]?.description?.length ?? 0).toBeLessThanOrEqual(
            LIMITS.embedDescription,
          );
          const typedWhere = s.where === undefined ? undefined : s.where.trim().toLowerCase();
          const whereValid =
            typedWhere === undefined || (WHERE as readonly string[]).includes(typedWhere);
          const parsedDays = s.days === undefined ? undefined : expectedDays(s.days);
          const valid = whereValid && parsedDays !== 'invalid';
          if (!valid) {
            expect(text).toMatch(/^⚠️ `(where|days):`/);
          } else if (s.where !== undefined || s.days !== undefined) {
            expect(text).toMatch(/^Saved: your reminders/);
            const w = typedWhere as (typeof WHERE)[number] | undefined;
            model = {
              channel: w === undefined ? model.channel : w === 'both' || w === 'channel',
              dm: w === undefined ? model.dm : w === 'both' || w === 'dm',
              days: parsedDays === undefined ? model.days : (parsedDays as number[] | null),
            };
          } else {
            expect(text).toMatch(/^Your reminders/);
          }
          // What the member typed is quoted, so only the bot's own text is checked for leaks.
          if (valid) expect(text).not.toMatch(HALF_RENDERED);
          const stored = await context.store.memberReminders.of(input('/remind').user.id);
          expect({ channel: stored.channel, dm: stored.dm, days: stored.days }).toEqual(model);
        }
        await context.store.close();
      }),
      { numRuns: 150 },
    );
    console.log(`fuzz /remind: ${cases} invocations`);
  });
});
