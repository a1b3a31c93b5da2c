/**
 * What the `cec` command prints and its exit code, for given arguments:
 *
 *   cec <question…>          cec check <course-number>
 *   cec plan <file|->        cec rules              (each with --json)
 *
 * Pure apart from reading a plan file; cli.ts writes the result out.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkCourseNumber } from './course-number.js';
import { formatUsDate, type IsoDate, parseDate } from './dates.js';
import { type CertificationEvaluation, type EvaluatedItem, evaluatePlan } from './evaluate.js';
import type { NextSteps } from './next.js';
import { OPPORTUNITIES, RULESET } from './opportunities/index.js';
import { formatProblems, type Plan, parsePlanText } from './plan.js';
import { answerQuestion } from './question.js';
import { SOURCES } from './sources.js';
import { CHECKLIST_LABELS, deadlineSentence, progressSentence, STATUS_LABELS } from './summary.js';
import { formatCecs, type Tenths, toCecs } from './units.js';

const USAGE = `Usage: cec [--json] <question…>       how many CECs for an activity, e.g. cec cpr 2yr
       cec [--json] check <course-number>  check an ACE course number, e.g. cec check CA23456
       cec [--json] plan <file|->         evaluate a plan file (JSON; - reads stdin)
                [--today YYYY-MM-DD]
       cec [--json] next <file|->         what to do next for each certification of a plan
                [--today YYYY-MM-DD]
       cec [--json] rules                 list every opportunity with its value, limit and source

Unofficial: not affiliated with the American Council on Exercise (ACE).`;

export interface CliOutput {
  out: string;
  err: string;
  code: number;
}

/** The options cec knows; anything else is refused with a sentence. */
const OPTIONS = {
  json: { type: 'boolean' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const KNOWN_OPTIONS = 'cec knows --json, --today YYYY-MM-DD (with plan or next) and --help.';

/** The commands that evaluate on a day, so `--today` means something to them. */
const DATED_COMMANDS: readonly string[] = ['plan', 'next'];

/** Amounts go out as plain JSON numbers of CECs (0.4, 2). */
function cecs(tenths: Tenths | null): number | null {
  return tenths === null ? null : toCecs(tenths);
}

function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function done(out: string, code = 0, err = ''): CliOutput {
  return { out: out ? `${out}\n` : '', err: err ? `${err}\n` : '', code };
}

/** Bad arguments: the sentence on stderr and, with --json, `{"error"}` on stdout; exit 2. */
function refuse(sentence: string, json: boolean, usage = false): CliOutput {
  return done(
    json ? toJson({ error: sentence }) : '',
    2,
    usage ? `${sentence}\n\n${USAGE}` : sentence,
  );
}

interface Arguments {
  json: boolean;
  help: boolean;
  today: string | undefined;
  positionals: string[];
}

type ParsedArguments = { ok: true; args: Arguments } | { ok: false; json: boolean; error: string };

/** "-3" or "-1.5" in a question is a number the trainer typed, not an option. */
const NEGATIVE_NUMBER = /^-[\d.,]/;

function parseArguments(argv: string[]): ParsedArguments {
  // parseArgs would read "-3" as the short option "3": each such word is held aside as
  // "\0<index>" (no argument can contain NUL) and put back after parsing.
  const args = argv.map((arg, i) => (NEGATIVE_NUMBER.test(arg) ? `\0${i}` : arg));
  const restore = (word: string) =>
    word.startsWith('\0') ? (argv[Number(word.slice(1))] ?? word) : word;
  try {
    const { values, positionals } = parseArgs({
      args,
      options: OPTIONS,
      strict: true,
      allowPositionals: true,
    });
    return {
      ok: true,
      args: {
        json: values.json === true,
        help: values.help === true,
        today: values.today === undefined ? undefined : restore(values.today),
        positionals: positionals.map(restore),
      },
    };
  } catch (error) {
    return { ok: false, ...explainRefusal(args, error as Error) };
  }
}

/**
 * Why strict parsing refused the arguments, in our words: the first option
 * at fault, read from the lenient parse's tokens (node's own message tells a
 * programmer, not a trainer, what went wrong).
 */
function explainRefusal(argv: string[], error: Error): { json: boolean; error: string } {
  const { tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let json = false;
  let problem: string | null = null;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    // --json asks for JSON even where --today swallowed it as its value (--today --json).
    if (token.name === 'json' || token.value === '--json') json = true;
    problem ??= optionProblem(token.name, token.rawName, token.value, token.inlineValue);
  }
  return { json, error: problem ?? error.message };
}

function optionProblem(
  name: string,
  rawName: string,
  value: string | undefined,
  inline: boolean | undefined,
): string | null {
  if (!Object.hasOwn(OPTIONS, name)) return `Unknown option ${rawName}: ${KNOWN_OPTIONS}`;
  if (name === 'today') {
    // Without "=", a value that looks like an option (--today --json) was not meant as the date.
    const missing = value === undefined || (!inline && value.startsWith('-'));
    return missing ? '--today needs a date after it, e.g. --today 2026-11-27.' : null;
  }
  return value === undefined ? null : `${rawName} takes no value: write ${rawName} alone.`;
}

function question(words: string[], json: boolean): CliOutput {
  const result = answerQuestion(words.join(' '));
  if (!result.understood) {
    const hint = result.suggestions.map((s) => `  ${s.name}: try "cec ${s.example}"`).join('\n');
    const err = `${result.message}\n${hint}`;
    if (!json) return done('', 2, err);
    const body = {
      query: result.query,
      opportunity: null,
      cecs: null,
      error: result.message,
      suggestions: result.suggestions,
    };
    return done(toJson(body), 2, err);
  }
  if (json) {
    const body: Record<string, unknown> = {
      query: result.query,
      opportunity: result.opportunity,
      cecs: cecs(result.tenths),
      explanation: result.explanation,
      limitPerCycle: cecs(result.limitPerCycle),
      source: result.source,
      interpretation: result.interpretation,
    };
    if (result.tenths === null) {
      body.options = result.options.map((o) => ({ label: o.label, cecs: toCecs(o.tenths) }));
    }
    return done(toJson(body));
  }
  const lines = [`${result.name}: ${result.explanation}`];
  // Said outright, as the bot and the site do: "a grade of D is below C" alone leaves 0 to infer.
  if (result.tenths !== null) lines.push(`Worth: ${formatCecs(result.tenths)} CECs.`);
  for (const option of result.options)
    lines.push(`  ${option.label}: ${formatCecs(option.tenths)} CECs`);
  if (result.limitPerCycle !== null) {
    lines.push(`Limit: ${formatCecs(result.limitPerCycle)} CECs per renewal cycle.`);
  }
  lines.push(`Our reading (not ACE's words): ${result.interpretation}`);
  lines.push(`Source: ${result.source.id}, ${result.source.title}.`);
  return done(lines.join('\n'));
}

function check(args: string[], json: boolean): CliOutput {
  if (args.length === 0)
    return refuse('cec check needs a course number, e.g. cec check CA23456.', json);
  const result = checkCourseNumber(args.join(' '));
  if (json) return done(toJson(result), result.valid ? 0 : 1);
  return result.valid
    ? done(`${result.normalized} is a valid ACE course number format.`)
    : done(result.error, 1);
}

/** Date order, then plan order. */
function byDate(a: EvaluatedItem, b: EvaluatedItem): number {
  if (a.completed !== b.completed) return a.completed < b.completed ? -1 : 1;
  return a.index - b.index;
}

function certificationText(c: CertificationEvaluation): string {
  const lines = [
    c.name,
    `  Cycle     ${formatUsDate(c.cycle.start)} – ${formatUsDate(c.cycle.end)}${c.cycle.estimated ? ' (estimated)' : ''}`,
    `  Status    ${STATUS_LABELS[c.status]}. ${deadlineSentence(c)}`,
    `  Progress  ${progressSentence(c)}`,
  ];
  if (c.items.length > 0) {
    const longest = c.items.reduce((width, item) => Math.max(width, item.label.length), 8);
    const labelWidth = Math.min(48, longest);
    lines.push('');
    lines.push(`  ${'Date'.padEnd(11)} ${'Activity'.padEnd(labelWidth)}  Credit  Counted`);
    for (const item of [...c.items].sort(byDate)) {
      const label =
        item.label.length > labelWidth ? `${item.label.slice(0, labelWidth - 1)}…` : item.label;
      const when = item.planned ? ' (planned)' : '';
      lines.push(
        `  ${formatUsDate(item.completed)}  ${label.padEnd(labelWidth)}  ${formatCecs(item.credit).padStart(6)}  ${formatCecs(item.counted).padStart(7)}${when}`,
      );
      if (item.cut) lines.push(`  ${' '.repeat(11)} ↳ ${item.cut}`);
      else if (item.credit === 0) lines.push(`  ${' '.repeat(11)} ↳ ${item.reason}`);
    }
  }
  lines.push('', '  Checklist');
  for (const entry of c.checklist) {
    lines.push(`  [${CHECKLIST_LABELS[entry.state]}] ${entry.label}: ${entry.detail}`);
  }
  for (const warning of c.warnings) lines.push(`  Note: ${warning}`);
  return lines.join('\n');
}

function readPlan(source: string): { text: string } | { error: string } {
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    return { error: `Cannot read the plan file "${source}": ${why}.` };
  }
  // Some editors start a UTF-8 file with a byte-order mark; it is not part of the JSON.
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return {
      error:
        source === '-'
          ? 'The plan is empty: nothing came in on stdin. Pipe a plan in, e.g. cec plan - < plan.json.'
          : `The plan is empty: the file "${source}" has nothing in it.`,
    };
  }
  return { text };
}

/** The plan named by `args` (a file or -), read and validated; or the output that says why not. */
function loadPlan(
  command: 'plan' | 'next',
  args: string[],
  json: boolean,
): { plan: Plan } | { output: CliOutput } {
  const source = args[0];
  if (source === undefined || args.length > 1) {
    return {
      output: refuse(
        `cec ${command} needs exactly one plan file (or - to read stdin), e.g. cec ${command} plan.json.`,
        json,
      ),
    };
  }
  const read = readPlan(source);
  if ('error' in read) {
    const body = json ? toJson({ problems: [{ path: '$', message: read.error }] }) : '';
    return { output: done(body, 2, read.error) };
  }
  const parsed = parsePlanText(read.text);
  if (!parsed.ok) {
    const err = `The plan has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}:\n${formatProblems(parsed.problems)}`;
    return { output: done(json ? toJson({ problems: parsed.problems }) : '', 2, err) };
  }
  return { plan: parsed.plan };
}

/** The planner's answer with amounts as JSON numbers of CECs. */
function nextJson(next: NextSteps) {
  return {
    remaining: toCecs(next.remaining),
    deadline: next.deadline,
    steps: next.steps.map((s) => ({ ...s, adds: toCecs(s.adds) })),
    fastest: {
      text: next.fastest.text,
      steps: next.fastest.steps.map((s) => ({ id: s.id, adds: toCecs(s.adds) })),
    },
  };
}

function plan(args: string[], json: boolean, today: IsoDate | undefined): CliOutput {
  const loaded = loadPlan('plan', args, json);
  if ('output' in loaded) return loaded.output;
  const evaluation = evaluatePlan(loaded.plan, today ?? loaded.plan.today);
  if (!json) {
    const parts = evaluation.certifications.map(certificationText).concat(evaluation.warnings);
    return done(parts.join('\n\n'));
  }
  const body = {
    today: evaluation.today,
    certifications: evaluation.certifications.map((c) => ({
      credential: c.credential,
      name: c.name,
      cycle: c.cycle,
      required: toCecs(c.required),
      earned: toCecs(c.earned),
      planned: toCecs(c.planned),
      remaining: toCecs(c.remaining),
      remainingAfterPlanned: toCecs(c.remainingAfterPlanned),
      met: c.met,
      ready: c.ready,
      status: c.status,
      daysLeft: c.daysLeft,
      graceEnds: c.graceEnds,
      checklist: c.checklist,
      items: c.items.map((i) => ({ ...i, credit: toCecs(i.credit), counted: toCecs(i.counted) })),
      warnings: c.warnings,
      next: nextJson(c.next),
    })),
    warnings: evaluation.warnings,
  };
  return done(toJson(body));
}

function nextText(c: CertificationEvaluation): string {
  const lines = [
    c.name,
    `  ${c.next.remaining > 0 ? `${formatCecs(c.next.remaining)} CECs to go by ${formatUsDate(c.next.deadline)}.` : `The CECs are complete; the deadline is ${formatUsDate(c.next.deadline)}.`} ${c.next.fastest.text}`,
  ];
  for (const step of c.next.steps) {
    const adds = step.adds > 0 ? ` (+${formatCecs(step.adds)})` : '';
    lines.push(
      '',
      `  ${step.required ? '[Required] ' : ''}${step.text}${adds}`,
      `    How: ${step.how}`,
    );
  }
  return lines.join('\n');
}

function next(args: string[], json: boolean, today: IsoDate | undefined): CliOutput {
  const loaded = loadPlan('next', args, json);
  if ('output' in loaded) return loaded.output;
  const evaluation = evaluatePlan(loaded.plan, today ?? loaded.plan.today);
  if (json) {
    return done(
      toJson({
        today: evaluation.today,
        certifications: evaluation.certifications.map((c) => ({
          credential: c.credential,
          name: c.name,
          next: nextJson(c.next),
        })),
        warnings: evaluation.warnings,
      }),
    );
  }
  return done(evaluation.certifications.map(nextText).concat(evaluation.warnings).join('\n\n'));
}

function rules(json: boolean): CliOutput {
  if (json) {
    return done(
      toJson({
        ruleset: RULESET.id,
        opportunities: OPPORTUNITIES.map((o) => ({
          id: o.id,
          name: o.name,
          credit: o.value,
          limitPerCycle: cecs(o.limitPerCycle),
          source: { ...SOURCES[o.source.id as keyof typeof SOURCES], quote: o.source.quote },
          interpretation: o.interpretation,
          notes: (o.notes ?? []).map((n) => ({ ...n, source: SOURCES[n.source] })),
        })),
      }),
    );
  }
  const blocks = OPPORTUNITIES.map((o) =>
    [
      `${o.name} (${o.id})`,
      `  Credit: ${o.value}`,
      `  Limit per cycle: ${o.limitPerCycle === null ? 'none stated' : `${formatCecs(o.limitPerCycle)} CECs`}`,
      `  Source ${o.source.id}: "${o.source.quote}"`,
      `  Our reading (not ACE's words): ${o.interpretation}`,
      ...(o.notes ?? []).map((n) => `  Another source, ${n.source}: "${n.quote}" ${n.text}`),
    ].join('\n'),
  );
  return done(
    `Ruleset ${RULESET.id} — unofficial, not affiliated with ACE.\n\n${blocks.join('\n\n')}`,
  );
}

/** Runs the CLI on arguments; pure apart from reading a plan file. */
export function run(argv: readonly string[]): CliOutput {
  const parsed = parseArguments([...argv]);
  if (!parsed.ok) return refuse(parsed.error, parsed.json, true);
  const { json, help, today, positionals } = parsed.args;
  if (help) return done(json ? toJson({ usage: USAGE }) : USAGE);
  const [command, ...args] = positionals;
  if (command === undefined) return refuse('Ask a question or give a command.', json, true);
  let day: IsoDate | undefined;
  if (today !== undefined) {
    if (!DATED_COMMANDS.includes(command)) {
      return refuse(
        '--today works only with cec plan and cec next, where it sets the day the plan is evaluated on.',
        json,
      );
    }
    const date = parseDate(today);
    if (!date.ok) return refuse(`--today: ${date.error}`, json);
    day = date.date;
  }
  if (command === 'check') return check(args, json);
  if (command === 'plan') return plan(args, json, day);
  if (command === 'next') return next(args, json, day);
  if (command === 'rules' && args.length === 0) return rules(json);
  return question(positionals, json);
}
