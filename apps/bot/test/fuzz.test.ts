/**
 * Fuzzing the entry points a member controls: any option values on any
 * subcommand, and any console line. Nothing may throw, and every answer is a
 * reply a member can read (never a stack trace).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { runAutocomplete, runCommand } from '../src/commands/run.js';
import type { Command, CommandInput, OptionValue } from '../src/commands/types.js';
import { parseLine } from '../src/console/parse-line.js';
import { CONSOLE_IDENTITY } from '../src/console/session.js';
import { ALICE, GUILD, memoryContext, shown } from './helpers/context.js';

interface Option {
  name: string;
  type: number;
  options?: Option[];
}

interface Target {
  command: Command;
  sub: string | null;
  options: string[];
}

/** Every (command, subcommand, option names) a member can invoke. */
const TARGETS = COMMANDS.flatMap((command): Target[] => {
  const json = command.data.toJSON() as { name: string; options?: Option[] };
  const top = json.options ?? [];
  const subs = top.filter((o) => o.type === 1);
  if (subs.length === 0) return [{ command, sub: null, options: top.map((o) => o.name) }];
  return subs.map((s) => ({ command, sub: s.name, options: (s.options ?? []).map((o) => o.name) }));
});

const value: fc.Arbitrary<OptionValue> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '2yr',
    'B',
    '01/15/2026',
    '2026-02-30',
    'CA23456',
    'personal-trainer',
    '=1+1',
    '@everyone',
  ),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 50 }),
  fc.boolean(),
);

describe('fuzzing command options', () => {
  test('3,000 random invocations: always a readable reply, never an exception', async () => {
    const context = await memoryContext();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TARGETS),
        fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 2 }),
        fc.array(value, { maxLength: 6 }),
        fc.boolean(),
        async (target, extra, values, inGuild) => {
          const options: Record<string, OptionValue> = {};
          target.options.forEach((name, i) => {
            const v = values[i];
            if (v !== undefined) options[name] = v;
          });
          const input: CommandInput = {
            command: target.command.data.name,
            subcommand: target.sub,
            user: ALICE,
            guildId: inGuild ? GUILD : null,
            canManageServer: inGuild,
            options: { ...extra, ...options },
            people: {},
          };
          const reply = await runCommand(target.command, input, context);
          const text = shown(reply);
          expect(text.length + (reply.files?.length ?? 0)).toBeGreaterThan(0);
          expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
          expect(text).not.toContain('undefined');
          if (target.command.autocomplete) {
            const choices = await runAutocomplete(
              target.command,
              {
                ...input,
                focused: { name: target.options[0] ?? 'x', value: String(values[0] ?? '') },
              },
              context,
            );
            expect(choices.length).toBeLessThanOrEqual(25);
          }
        },
      ),
      { numRuns: 3000 },
    );
    await context.store.close();
  });
});

describe('fuzzing console lines', () => {
  test('5,000 random lines: parsed or refused with a message, never an exception', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc
        .tuple(
          fc.constantFrom('/cec', '/log', '/cert', '/group', '/help', '/progress'),
          fc.string({ maxLength: 60 }),
        )
        .map(([a, b]) => `${a} ${b}`),
    );
    fc.assert(
      fc.property(line, (text) => {
        const parsed = parseLine(text, CONSOLE_IDENTITY);
        if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });
});
