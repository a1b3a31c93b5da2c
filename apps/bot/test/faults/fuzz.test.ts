/**
 * Fuzzing what a member controls: every option of every command and
 * subcommand (values as Discord sends them, and values Discord would never
 * send), every autocomplete, button ids, and console lines; then a sample of
 * Discord-valid invocations through the real router and the fake Discord.
 * Nothing may throw, no reply may show a stack trace, a bug's apology or a
 * half-rendered value, and every reply fits Discord's limits. Each test
 * prints how many cases it tried.
 */
import { type CommandInvocation, Permission, upload } from '@cec/discord-fake';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { runAutocomplete, runButton, runCommand } from '../../src/commands/run.js';
import type {
  Command,
  CommandContext,
  CommandInput,
  OptionValue,
} from '../../src/commands/types.js';
import { parseLine } from '../../src/console/parse-line.js';
import { CONSOLE_IDENTITY } from '../../src/console/session.js';
import type { Person } from '../../src/members/person.js';
import { LIMITS, type Reply } from '../../src/render/payload.js';
import type { Store } from '../../src/store/index.js';
import { ALICE, BOB, GUILD, memoryContext, shown } from '../helpers/context.js';
import { type FakeWorld, startFakeWorld } from '../helpers/fake-discord.js';

/** Discord's option types (ApplicationCommandOptionType). */
const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const USER = 6;
const CHANNEL = 7;
const NUMBER = 10;
const ATTACHMENT = 11;

interface OptionJson {
  name: string;
  type: number;
  required?: boolean;
  choices?: { name: string; value: string | number }[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  autocomplete?: boolean;
  options?: OptionJson[];
}

interface Target {
  command: Command;
  /** "/log college", "/help" */
  label: string;
  sub: string | null;
  options: OptionJson[];
}

/** Every (command, subcommand) a member can invoke, with its option definitions. */
const TARGETS: Target[] = COMMANDS.flatMap((command): Target[] => {
  const json = command.data.toJSON() as { name: string; options?: OptionJson[] };
  const top = json.options ?? [];
  const subs = top.filter((o) => o.type === 1);
  if (subs.length === 0) return [{ command, label: `/${json.name}`, sub: null, options: top }];
  return subs.map((s) => ({
    command,
    label: `/${json.name} ${s.name}`,
    sub: s.name,
    options: s.options ?? [],
  }));
});

const AUTOCOMPLETED = TARGETS.flatMap((target) =>
  target.options.filter((o) => o.autocomplete).map((option) => ({ target, option })),
);

const STACK_TRACE = /\n\s+at .+:\d+:\d+|Error: |TypeError|ReferenceError/;
const HALF_RENDERED = /undefined|NaN|\[object Object\]|Infinity|null/;
const HALF_RENDERED_GLOBAL = new RegExp(HALF_RENDERED.source, 'g');

/** Text a member might type, awkward on purpose. */
const awkward = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\n\n',
  '01/15/2026',
  '2026-02-30',
  '13/45/2026',
  '0000-00-00',
  '9999-12-31',
  '02/29/2027',
  'tomorrow',
  'CA23456',
  'ca-23456',
  'CEP123456',
  'personal-trainer',
  '=1+1',
  '+cmd',
  '@everyone',
  '<@200000000000000001>',
  '`code`',
  '**bold** _it_ ||spoiler||',
  '(k3f9x2qa)',
  'k3f9x2qa',
  '../../etc/passwd',
  "'; DROP TABLE activities; --",
  '{"kind":"mentoring"}',
  '1e309',
  '🏋️‍♀️💪',
  'é'.repeat(300),
);

/**
 * Any text up to `maxLength`. It never spells the words a broken template prints
 * ("undefined", "NaN"…): members may type them, but then replies that quote
 * earlier entries could not be told apart from a rendering bug.
 */
function text(maxLength: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      awkward,
      fc.string({ maxLength: Math.min(maxLength, 80) }),
      fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 40) }),
      fc.string({ minLength: maxLength - 5, maxLength }),
    )
    .map((s) => s.slice(0, maxLength).replace(HALF_RENDERED_GLOBAL, '?'));
}

const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -10, max: 100, noNaN: true }),
  fc.integer({ min: -5, max: 50 }),
  fc.constantFrom(0, -0, 0.05, 0.15, 0.25, 1e-320, 1e308, 2 ** 53 + 1),
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const OWN_ENTRY = '<own entry id>';
const OWN_ENTRY_LABEL = '<own entry as autocomplete shows it>';
const OTHERS_ENTRY = "<another member's entry id>";

/** Puts real entry ids where the generator asked for them. */
async function withRealEntries(input: CommandInput, store: Store): Promise<CommandInput> {
  const asked = input.options.entry;
  if (asked !== OWN_ENTRY && asked !== OWN_ENTRY_LABEL && asked !== OTHERS_ENTRY) return input;
  const owner = asked === OTHERS_ENTRY ? (input.user.id === ALICE.id ? BOB : ALICE) : input.user;
  const entry = (await store.activities.list(owner.id))[0];
  const id = entry?.id ?? 'nothing1';
  const entryText = asked === OWN_ENTRY_LABEL ? `01/15/2026 · something · 0.4 (${id})` : id;
  return { ...input, options: { ...input.options, entry: entryText } };
}

/** Dates as members type them (both formats, around now), and impossible ones. */
const dateText = fc
  .record({
    y: fc.integer({ min: 2015, max: 2032 }),
    m: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    us: fc.boolean(),
  })
  .map(({ y, m, d, us }) => (us ? `${pad(m)}/${pad(d)}/${y}` : `${y}-${pad(m)}-${pad(d)}`));

/** Values that look like what the option asks for, so the success paths are fuzzed too. */
const PLAUSIBLE: Record<string, fc.Arbitrary<string>> = {
  date: dateText,
  expires: dateText,
  certified: dateText,
  number: fc
    .tuple(
      fc.constantFrom('CA', 'CEP', 'CP', 'CS', 'CL', 'ca', 'XX', ''),
      fc.stringMatching(/^[0-9]{3,8}$/),
      fc.constantFrom('', ' ', '-'),
    )
    .map(([prefix, digits, gap]) => `${prefix}${gap}${digits}`),
  // Replaced when the case runs by an entry of the member's own (or someone else's).
  entry: fc.constantFrom(OWN_ENTRY, OWN_ENTRY_LABEL, OTHERS_ENTRY),
  'reminder-days': fc
    .array(fc.integer({ min: -5, max: 400 }), { maxLength: 6 })
    .map((days) => days.join(',')),
};

/** Amounts as members type them: tenths of a CEC, whole and half credit hours. */
const PLAUSIBLE_NUMBER: Record<string, fc.Arbitrary<number>> = {
  cecs: fc.integer({ min: 1, max: 40 }).map((n) => n / 10),
  credits: fc.integer({ min: 1, max: 12 }).map((n) => n / 2),
};

/** A value of the option's type, within its choices and limits: what Discord would send. */
function discordValue(option: OptionJson): fc.Arbitrary<OptionValue> {
  if (option.choices?.length) return fc.constantFrom(...option.choices.map((c) => c.value));
  const plausible = PLAUSIBLE[option.name];
  switch (option.type) {
    case STRING:
      return (
        plausible
          ? fc.oneof({ arbitrary: plausible, weight: 3 }, text(option.max_length ?? 6000))
          : text(option.max_length ?? 6000)
      )
        .map((s) => s.slice(0, option.max_length ?? 6000))
        .filter((s) => s.length >= (option.min_length ?? 0));
    case INTEGER:
      return fc.integer({ min: option.min_value ?? -(2 ** 31), max: option.max_value ?? 2 ** 31 });
    case NUMBER:
      return fc
        .oneof(anyNumber, PLAUSIBLE_NUMBER[option.name] ?? anyNumber)
        .filter(
          (n) =>
            (option.min_value === undefined || n >= option.min_value) &&
            (option.max_value === undefined || n <= option.max_value),
        );
    case BOOLEAN:
      return fc.boolean();
    case USER:
      return fc.constantFrom(ALICE.id, BOB.id, '200000000000000099');
    case CHANNEL:
      return fc.constantFrom('400000000000000001', '400000000000000002');
    default:
      return fc.string();
  }
}

/** Anything at all, of any type: what a broken or hostile client could send. */
const wildValue: fc.Arbitrary<OptionValue> = fc.oneof(
  text(300),
  anyNumber,
  fc.double(), // NaN and infinities too
  fc.boolean(),
);

const PEOPLE: Record<string, Person> = {
  [ALICE.id]: ALICE,
  [BOB.id]: BOB,
};

/** A whole invocation of `target`: Discord-valid options, or anything (`wild`). */
function invocation(target: Target, wild: boolean): fc.Arbitrary<CommandInput> {
  const optionArbitraries = Object.fromEntries(
    target.options.map((o) => {
      const value = wild ? wildValue : discordValue(o);
      // Discord always sends required options; a wild client may leave anything out.
      return [o.name, o.required && !wild ? value : fc.option(value, { nil: undefined })];
    }),
  ) as Record<string, fc.Arbitrary<OptionValue | undefined>>;
  return fc
    .record({
      options: fc.record(optionArbitraries),
      extra: wild
        ? fc.dictionary(fc.string({ maxLength: 12 }), wildValue, { maxKeys: 2 })
        : fc.constant({}),
      user: fc.constantFrom(ALICE, BOB, { id: '200000000000000003', name: 'Carol <@&1>' }),
      inGuild: fc.boolean(),
      canManageServer: fc.boolean(),
      withPeople: fc.boolean(),
    })
    .map(({ options, extra, user, inGuild, canManageServer, withPeople }) => {
      const present = Object.fromEntries(
        Object.entries(options).filter(([, v]) => v !== undefined),
      ) as Record<string, OptionValue>;
      return {
        command: target.command.data.name,
        subcommand: target.sub,
        user,
        guildId: inGuild ? GUILD : null,
        canManageServer: inGuild && canManageServer,
        options: { ...extra, ...present },
        people: withPeople ? PEOPLE : {},
      };
    });
}

/** What every reply must satisfy; returns the problems found (empty when fine). */
function replyProblems(reply: Reply, input: CommandInput): string[] {
  const problems: string[] = [];
  const all = shown(reply);
  // A number the member typed is shown as typed ("1e+308"): only our own text is checked.
  const typed = Object.values(input.options).map(String);
  const ours = typed.reduce((t, v) => (v.length > 2 ? t.split(v).join('') : t), all);
  if (all.trim() === '' && !reply.files?.length) problems.push('empty reply');
  if (STACK_TRACE.test(ours)) problems.push('a stack trace or error name');
  if (HALF_RENDERED.test(ours)) problems.push('a half-rendered value');
  if (all.includes('Sorry, something went wrong')) problems.push('the apology for a bug');
  if (reply.content?.startsWith('⚠️') && reply.content.replace('⚠️', '').trim().length < 15) {
    problems.push('a problem without an explanation');
  }
  if ((reply.content?.length ?? 0) > LIMITS.content) problems.push('content too long');
  const embeds = reply.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push('too many embeds');
  let total = 0;
  for (const e of embeds) {
    if ((e.title?.length ?? 0) > LIMITS.embedTitle) problems.push('embed title too long');
    if ((e.description?.length ?? 0) > LIMITS.embedDescription)
      problems.push('description too long');
    if ((e.fields?.length ?? 0) > LIMITS.fields) problems.push('too many fields');
    for (const f of e.fields ?? []) {
      if (f.name.length > LIMITS.fieldName || f.value.length > LIMITS.fieldValue)
        problems.push('field too long');
      if (f.name.trim() === '' || f.value.trim() === '') problems.push('empty field');
    }
    total +=
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > LIMITS.embedTotal) problems.push('embeds over 6000 characters');
  for (const b of reply.buttons ?? []) {
    if (b.label.length === 0 || b.label.length > LIMITS.buttonLabel) problems.push('bad button');
  }
  return problems;
}

let context: CommandContext & { store: Store };
beforeAll(async () => {
  context = await memoryContext();
});
afterAll(async () => {
  await context?.store.close();
});

const counts: string[] = [];
afterAll(() => {
  console.log(`fuzz: cases tried per entry point\n  ${counts.join('\n  ')}`);
});

const VALID_RUNS = 120;
const WILD_RUNS = 80;

describe('every command and subcommand, any options', () => {
  test.each(TARGETS.map((t) => [t.label, t] as const))(
    '%s: a readable, specific reply, never an exception',
    async (_label, target) => {
      let tried = 0;
      let refused = 0;
      const failures: string[] = [];
      for (const wild of [false, true]) {
        await fc.assert(
          fc.asyncProperty(invocation(target, wild), async (generated) => {
            tried++;
            const input = await withRealEntries(generated, context.store);
            const reply = await runCommand(target.command, input, context);
            if (reply.content?.startsWith('⚠️')) refused++;
            const problems = replyProblems(reply, input);
            if (problems.length > 0) {
              failures.push(`${problems.join(', ')}: ${JSON.stringify(input.options)}`);
            }
            expect(problems, JSON.stringify({ options: input.options, reply })).toEqual([]);
          }),
          { numRuns: wild ? WILD_RUNS : VALID_RUNS },
        );
      }
      counts.push(
        `${target.label}: ${tried} (${VALID_RUNS} as Discord sends, ${WILD_RUNS} wild; ` +
          `${tried - refused} answered, ${refused} refused with a message)`,
      );
      expect(failures).toEqual([]);
    },
  );

  test('the targets cover every command and subcommand', () => {
    expect(new Set(TARGETS.map((t) => t.command.data.name))).toEqual(
      new Set(COMMANDS.map((c) => c.data.name)),
    );
    expect(TARGETS.length).toBeGreaterThanOrEqual(31);
    expect(AUTOCOMPLETED.map((a) => `${a.target.label} ${a.option.name}`)).toEqual([
      '/cec ask question',
      '/log remove entry',
    ]);
  });
});

describe('autocomplete', () => {
  test.each(AUTOCOMPLETED.map((a) => [`${a.target.label} ${a.option.name}:`, a] as const))(
    '%s any half-typed value gets at most 25 valid choices',
    async (_label, { target, option }) => {
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(
          invocation(target, false),
          fc.oneof(text(option.max_length ?? 100), fc.constant('')),
          async (input, typed) => {
            tried++;
            const choices = await runAutocomplete(
              target.command,
              { ...input, focused: { name: option.name, value: typed } },
              context,
            );
            expect(choices.length).toBeLessThanOrEqual(LIMITS.choices);
            for (const choice of choices) {
              expect(choice.name.length).toBeGreaterThan(0);
              expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
              expect(choice.value.length).toBeGreaterThan(0);
              expect(choice.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
              // The question autocomplete offers what was typed; only our own words are checked.
              expect(choice.name.split(typed.trim()).join('')).not.toMatch(HALF_RENDERED);
            }
          },
        ),
        { numRuns: 300 },
      );
      counts.push(`autocomplete ${target.label} ${option.name}: ${tried}`);
    },
  );
});

describe('buttons', () => {
  test('any custom id: answered, never an exception', async () => {
    let tried = 0;
    const id = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc
        .tuple(
          fc.constantFrom('privacy', 'x', ''),
          fc.constantFrom('confirm', 'cancel', 'other', ''),
          fc.constantFrom(ALICE.id, BOB.id, 'abc', ''),
          fc.oneof(fc.integer().map(String), fc.string({ maxLength: 12 })),
        )
        .map((parts) => parts.join(':')),
    );
    await fc.assert(
      fc.asyncProperty(id, fc.constantFrom(ALICE, BOB), async (customId, user) => {
        tried++;
        const outcome = await runButton({ user, guildId: GUILD, customId }, context);
        const input: CommandInput = {
          command: 'button',
          subcommand: null,
          user,
          guildId: GUILD,
          canManageServer: false,
          options: { customId },
          people: {},
        };
        expect(replyProblems(outcome.reply, input)).toEqual([]);
      }),
      { numRuns: 500 },
    );
    counts.push(`buttons: ${tried}`);
  });
});

describe('console lines', () => {
  test('random lines: parsed or refused with a message, never an exception', () => {
    let tried = 0;
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc
        .tuple(
          fc.constantFrom(...TARGETS.map((t) => t.label), '/nope'),
          fc.array(
            fc
              .tuple(fc.string({ maxLength: 12 }), fc.oneof(awkward, fc.string({ maxLength: 30 })))
              .map(([k, v]) => `${k}:${v.includes(' ') ? `"${v}"` : v}`),
            { maxLength: 4 },
          ),
        )
        .map(([command, options]) => [command, ...options].join(' ')),
    );
    fc.assert(
      fc.property(line, (typed) => {
        tried++;
        const parsed = parseLine(typed, CONSOLE_IDENTITY);
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(10);
          expect(parsed.error).not.toMatch(STACK_TRACE);
        }
      }),
      { numRuns: 5000 },
    );
    counts.push(`console lines: ${tried}`);
  });
});

describe('through Discord: the adapter and router with Discord-valid options', () => {
  let world: FakeWorld;
  beforeAll(async () => {
    world = await startFakeWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Options as the fake takes them: USER and CHANNEL by name, ATTACHMENT a file, the rest as values. */
  function fakeOptions(target: Target): fc.Arbitrary<Record<string, unknown>> {
    const entries = target.options.map((o) => {
      let value: fc.Arbitrary<unknown>;
      if (o.type === USER) value = fc.constantFrom('alice', 'bob', 'zed');
      else if (o.type === CHANNEL) value = fc.constant('general');
      // Files of their own are fuzzed in fuzz-privacy-import.test.ts.
      else if (o.type === ATTACHMENT) {
        value = fc.constantFrom(
          upload('plan.json', '{"certifications":[],"activities":[]}', 'application/json'),
          upload('photo.png', 'not json', 'image/png'),
        );
      } else if (o.type === STRING && !o.choices) {
        // Discord refuses empty strings for options.
        value = discordValue(o).filter((s) => String(s).trim().length > 0);
      } else value = discordValue(o);
      return [o.name, o.required ? value : fc.option(value, { nil: undefined })] as const;
    });
    return fc
      .record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>)
      .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
  }

  test('a sample of invocations: every one answered in the window, never with the apology', async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TARGETS).chain((target) =>
          fc.record({
            target: fc.constant(target),
            options: fakeOptions(target),
            user: fc.constantFrom('alice', 'bob', 'carol'),
            manager: fc.boolean(),
          }),
        ),
        async ({ target, options, user, manager }) => {
          tried++;
          if (typeof options.entry === 'string' && options.entry.startsWith('<')) {
            const owner =
              options.entry === OTHERS_ENTRY ? (user === 'alice' ? 'bob' : 'alice') : user;
            const own = await world.store.activities.list(world.fake.user(owner).id);
            options.entry = own[0]?.id ?? 'nothing1';
          }
          const logged = world.logs.length;
          const reply = await world.fake.command({
            name: target.label.slice(1),
            options: options as CommandInvocation['options'],
            user,
            ...(manager ? { memberPermissions: Permission.ManageGuild } : {}),
          });
          expect([4, 5]).toContain(reply.type);
          const seen = reply.type === 5 ? await reply.final() : reply;
          const textShown = seen.text();
          expect(textShown.length + seen.files.length).toBeGreaterThan(0);
          expect(textShown).not.toContain('Sorry, something went wrong');
          expect(world.logs.slice(logged).filter((l) => l.includes(' ERROR '))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
    world.fake.assertNoUnknownRoutes();
    counts.push(`through the fake Discord (all commands): ${tried}`);
  });
});
