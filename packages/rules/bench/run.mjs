// Benchmarks of @cec/rules. Prints {"metrics": {...}} on stdout (format in
// the root README); progress goes to stderr. Medians over many rounds, since
// the machines are noisy.
import { answerQuestion, evaluatePlan, parsePlan } from '../dist/index.js';
import { BUNDLES, browserBundle } from './browser-bundle.mjs';
import { readCorpus } from './question-corpus.mjs';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeRounds(rounds, fn) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** A plan of `count` activities of every kind over 800 days, two certifications. */
function planOf(count) {
  const kinds = [
    (d) => ({ kind: 'cpr-aed', term: '2yr', completed: d }),
    (d) => ({ kind: 'college', creditHours: 3, grade: 'B', completed: d }),
    (d) => ({ kind: 'presentation', title: 'Talk', completed: d }),
    (d) => ({ kind: 'mentoring', completed: d }),
    (d) => ({ kind: 'publication', title: 'Article', completed: d }),
    (d, i) => ({
      kind: 'approved-course',
      courseNumber: `CA${String(10000 + (i % 400))}`,
      cecs: 0.5,
      completed: d,
    }),
    (d) => ({ kind: 'petition', title: 'Course', status: 'approved', cecs: 0.3, completed: d }),
  ];
  const activities = Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2025, 0, 1 + (i % 800))).toISOString().slice(0, 10);
    return kinds[i % kinds.length](day, i);
  });
  const parsed = parsePlan({
    today: '2026-06-01',
    certifications: [
      { credential: 'personal-trainer', expires: '2027-03-31' },
      { credential: 'health-coach', expires: '2026-12-31' },
    ],
    activities,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.plan;
}

const metrics = {};
function metric(name, value, unit, budget, lowerIsBetter = true) {
  metrics[name] = {
    value: Math.round(value * 1000) / 1000,
    unit,
    budget,
    ok: lowerIsBetter ? value <= budget : value >= budget,
  };
  process.stderr.write(
    `${name}: ${metrics[name].value} ${unit} (budget ${lowerIsBetter ? '≤' : '≥'} ${budget})\n`,
  );
}

const plan = planOf(1000);
timeRounds(50, () => evaluatePlan(plan)); // warm-up
metric(
  'rules.evaluate_1000_activities_ms',
  timeRounds(200, () => evaluatePlan(plan)),
  'ms',
  2,
);

// Growth: ten times the activities should cost about ten times as much. Each
// round times both sizes back to back, each after a full garbage collection
// (run with --expose-gc), and the metric is the median of the rounds' ratios:
// load on the machine and the collector's timing hit both sizes of a round alike.
const small = planOf(10_000);
const large = planOf(100_000);
const collect = globalThis.gc ?? (() => {});
const ratios = [];
evaluatePlan(large); // warm-up
for (let round = 0; round < 11; round++) {
  collect();
  const smallMs = timeRounds(3, () => evaluatePlan(small));
  collect();
  ratios.push(timeRounds(1, () => evaluatePlan(large)) / smallMs);
}
metric('rules.evaluate_growth_ratio', median(ratios), '×', 13);

// Median time to answer one question of the labelled corpus, each timed on
// its own, over several rounds of the whole corpus.
const questions = readCorpus().map((c) => c.question);
for (let i = 0; i < 5; i++) for (const question of questions) answerQuestion(question); // warm-up
const perQuestion = [];
for (let round = 0; round < 20; round++) {
  for (const question of questions) {
    const start = process.hrtime.bigint();
    answerQuestion(question);
    perQuestion.push(Number(process.hrtime.bigint() - start) / 1e3);
  }
}
metric('rules.question_us', median(perQuestion), 'µs', 50);

const calculator = await browserBundle(BUNDLES.calculator.imports);
metric(
  'rules.calculator_bundle_gzip_kb',
  calculator.gzipBytes / 1024,
  'KB',
  BUNDLES.calculator.budgetKb,
);

process.stdout.write(`${JSON.stringify({ metrics })}\n`);
