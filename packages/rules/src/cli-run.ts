/**
 * What the `cec` command prints and its exit code, for given arguments:
 *
 *   cec <question…>          cec check <course-number>
 *   cec plan <file|->        cec rules              (each with --json)
 *
 * Pure apart from reading a plan file; cli.ts writes the result out.
 */
import { readFileSync } from 'node:fs';
import { checkCourseNumber } from './course-number.js';
import { formatUsDate, parseDate } from './dates.js';
import { type CertificationEvaluation, evaluatePlan } from './evaluate.js';
import { OPPORTUNITIES, RULESET } from './opportunities/index.js';
import { formatProblems, parsePlanText } from './plan.js';
import { answerQuestion } from './question.js';
import { SOURCES } from './sources.js';
import { CHECKLIST_LABELS, deadlineSentence, progressSentence, STATUS_LABELS } from './summary.js';
import { formatCecs, type Tenths } from './units.js';

const USAGE = `Usage: cec [--json] <question…>       how many CECs for an activity, e.g. cec cpr 2yr
       cec [--json] check <course-number>  check an ACE course number, e.g. cec check CA23456
       cec [--json] plan <file|->         evaluate a plan file (JSON; - reads stdin)
                [--today YYYY-MM-DD]
       cec [--json] rules                 list every opportunity with its value, limit and source

Unofficial: not affiliated with the American Council on Exercise (ACE).`;

export interface CliOutput {
  out: string;
  err: string;
  code: number;
}

// Amounts go out as JSON numbers with exactly one decimal (2.0, not 2).
const MARK = '\u0001cec:';
function cecs(tenths: Tenths | null): unknown {
  return tenths === null ? null : `${MARK}${formatCecs(tenths)}`;
}
function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"\\u0001cec:(-?[0-9]+\.[0-9])"/g, '$1');
}

function done(out: string, code = 0, err = ''): CliOutput {
  return { out: out ? `${out}\n` : '', err: err ? `${err}\n` : '', code };
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
      body.options = result.options.map((o) => ({ label: o.label, cecs: cecs(o.tenths) }));
    }
    return done(toJson(body));
  }
  const lines = [`${result.name}: ${result.explanation}`];
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
    return done('', 2, 'cec check needs a course number, e.g. cec check CA23456');
  const result = checkCourseNumber(args.join(' '));
  if (json) return done(toJson(result), result.valid ? 0 : 1);
  return result.valid
    ? done(`${result.normalized} is a valid ACE course number format.`)
    : done(result.error, 1);
}

function certificationText(c: CertificationEvaluation): string {
  const lines = [
    c.name,
    `  Cycle     ${formatUsDate(c.cycle.start)} – ${formatUsDate(c.cycle.end)}${c.cycle.estimated ? ' (estimated)' : ''}`,
    `  Status    ${STATUS_LABELS[c.status]}. ${deadlineSentence(c)}`,
    `  Progress  ${progressSentence(c)}`,
  ];
  if (c.items.length > 0) {
    const labelWidth = Math.min(48, Math.max(8, ...c.items.map((i) => i.label.length)));
    lines.push('');
    lines.push(`  ${'Date'.padEnd(11)} ${'Activity'.padEnd(labelWidth)}  Credit  Counted`);
    const byDate = [...c.items].sort(
      (a, b) => a.completed.localeCompare(b.completed) || a.index - b.index,
    );
    for (const item of byDate) {
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
  try {
    return { text: readFileSync(source === '-' ? 0 : source, 'utf8') };
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
}

function plan(args: string[], json: boolean, today: string | undefined): CliOutput {
  const source = args[0];
  if (source === undefined || args.length > 1) {
    return done(
      '',
      2,
      'cec plan needs exactly one plan file (or - to read stdin), e.g. cec plan plan.json',
    );
  }
  const read = readPlan(source);
  if ('error' in read)
    return done(
      json ? toJson({ problems: [{ path: '$', message: read.error }] }) : '',
      2,
      read.error,
    );
  const parsed = parsePlanText(read.text);
  if (!parsed.ok) {
    const err = `The plan has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}:\n${formatProblems(parsed.problems)}`;
    return done(json ? toJson({ problems: parsed.problems }) : '', 2, err);
  }
  const evaluation = evaluatePlan(parsed.plan, today ?? parsed.plan.today);
  if (!json) {
    const parts = evaluation.certifications.map(certificationText);
    parts.push(...evaluation.warnings);
    return done(parts.join('\n\n'));
  }
  const body = {
    today: evaluation.today,
    certifications: evaluation.certifications.map((c) => ({
      credential: c.credential,
      name: c.name,
      cycle: c.cycle,
      required: cecs(c.required),
      earned: cecs(c.earned),
      planned: cecs(c.planned),
      remaining: cecs(c.remaining),
      remainingAfterPlanned: cecs(c.remainingAfterPlanned),
      met: c.met,
      ready: c.ready,
      status: c.status,
      daysLeft: c.daysLeft,
      graceEnds: c.graceEnds,
      checklist: c.checklist,
      items: c.items.map((i) => ({ ...i, credit: cecs(i.credit), counted: cecs(i.counted) })),
      warnings: c.warnings,
    })),
    warnings: evaluation.warnings,
  };
  return done(toJson(body));
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
    ].join('\n'),
  );
  return done(
    `Ruleset ${RULESET.id} — unofficial, not affiliated with ACE.\n\n${blocks.join('\n\n')}`,
  );
}

/** Runs the CLI on arguments; pure apart from reading a plan file. */
export function run(argv: readonly string[]): CliOutput {
  let today: string | undefined;
  const rest: string[] = [];
  const json = argv.includes('--json');
  const queue = argv.filter((arg) => arg !== '--json');
  while (queue.length > 0) {
    const arg = queue.shift() as string;
    if (arg === '--help' || arg === '-h') return done(json ? toJson({ usage: USAGE }) : USAGE);
    if (arg === '--today') {
      const parsed = parseDate(queue.shift() ?? '');
      if (!parsed.ok) return done('', 2, `--today: ${parsed.error}`);
      today = parsed.date;
    } else if (arg.startsWith('--') && rest.length === 0) {
      return done('', 2, `Unknown option ${arg}.\n\n${USAGE}`);
    } else rest.push(arg);
  }
  const [command, ...args] = rest;
  if (command === undefined) return done('', 2, USAGE);
  if (command === 'check') return check(args, json);
  if (command === 'plan') return plan(args, json, today);
  if (command === 'rules' && args.length === 0) return rules(json);
  return question(rest, json);
}
