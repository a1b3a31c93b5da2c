/**
 * The CLI, as scripts and people call it: every case runs against the real
 * built binary (dist/cli.js, spawned) and in-process through `run` (so the
 * coverage report sees it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli-run.js';
import { STUCK_PLAN } from './fixtures/stuck-plan.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const PLAN = fileURLToPath(new URL('./fixtures/example-plan.json', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'cec-cli-'));

type Cec = (args: string[], input?: string) => { out: string; err: string; code: number | null };

const spawned: Cec = (args, input) => {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input });
  return { out: result.stdout, err: result.stderr, code: result.status };
};

const inProcess: Cec = (args, input) => {
  if (input === undefined) return run(args);
  // stdin ("-") stands for a file holding the input.
  const file = join(TMP, 'stdin.json');
  writeFileSync(file, input);
  return run(args.map((a) => (a === '-' ? file : a)));
};

describe.each([
  ['the spawned binary', spawned],
  ['run() in-process', inProcess],
] as const)('%s', (_mode, cec) => {
  describe('cec <question>', () => {
    it('answers in a sentence, exit 0', () => {
      const r = cec(['cpr', '2yr']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(
        /^CPR\/AED renewal: A 2-year CPR\/AED certification is worth 0\.4 CECs \(S1\)\./,
      );
      expect(r.out).toMatch(/Source: S1/);
    });
    it('says what the activity is worth, 0 included', () => {
      expect(cec(['college 3 credits grade D']).out).toMatch(/^Worth: 0\.0 CECs\.$/m);
      expect(cec(['cpr']).out).not.toMatch(/^Worth:/m);
    });
    it('--json prints the JSON alone, amounts as JSON numbers', () => {
      const r = cec(['--json', 'cpr', '2yr']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/"cecs": 0\.4,/);
      const body = JSON.parse(r.out);
      expect(Object.keys(body)).toEqual(
        expect.arrayContaining([
          'query',
          'opportunity',
          'cecs',
          'explanation',
          'limitPerCycle',
          'source',
        ]),
      );
      expect(body).toMatchObject({
        query: 'cpr 2yr',
        opportunity: 'cpr-aed',
        cecs: 0.4,
        limitPerCycle: null,
        source: { id: 'S1' },
      });
    });
    it('an incomplete question gives cecs null and the options', () => {
      const body = JSON.parse(cec(['--json', 'cpr']).out);
      expect(body).toMatchObject({
        cecs: null,
        options: [
          { label: '1-year certificate', cecs: 0.2 },
          { label: '2-year certificate', cecs: 0.4 },
        ],
      });
    });
    it('whole amounts are plain JSON numbers (2, not "2.0")', () => {
      expect(cec(['--json', 'another', 'ACE', 'cert']).out).toMatch(/"cecs": 2,/);
      // 2 credit hours at 1.0 each (S1): a whole number of CECs, written 2.
      expect(cec(['--json', 'college 2 credits grade B']).out).toMatch(/"cecs": 2,/);
      expect(cec(['--json', 'presenting']).out).toMatch(/"limitPerCycle": 0\.5,/);
    });
    it('not understood: exit 2, suggestions on stderr', () => {
      const r = cec(['prsntng']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/did not understand "prsntng"[\s\S]*Presenting: try "cec presenting"/);
      const json = cec(['--json', 'prsntng']);
      expect(json.code).toBe(2);
      expect(JSON.parse(json.out)).toMatchObject({
        opportunity: null,
        cecs: null,
        suggestions: [{ opportunity: 'presentation' }],
      });
    });
    it('no arguments or an unknown option: usage, exit 2', () => {
      expect(cec([]).code).toBe(2);
      expect(cec([]).err).toMatch(/^Ask a question or give a command\.\n\nUsage: cec/);
      expect(cec(['--frobnicate'])).toMatchObject({
        code: 2,
        out: '',
        err: expect.stringMatching(
          /^Unknown option --frobnicate: cec knows --json, --today YYYY-MM-DD \(with plan or next\) and --help\.\n\nUsage: cec/,
        ),
      });
      expect(cec(['cpr', '-x']).err).toMatch(/^Unknown option -x: cec knows --json/);
      expect(cec(['--help']).out).toMatch(/Unofficial/);
      expect(cec(['-h']).out).toMatch(/^Usage: cec/);
    });
    it('a negative number in a question is part of the question, not an option', () => {
      const answer = cec(['college', '-3', 'credits']);
      expect(answer.code).toBe(0);
      expect(answer.out).toMatch(/^College course: "-3" is below zero\./);
      const json = JSON.parse(cec(['--json', 'college', '-1.5', 'credits', 'grade', 'A']).out);
      expect(json).toMatchObject({ query: 'college -1.5 credits grade A', cecs: null });
      expect(cec(['plan', 'p.json', '--today', '-3']).err).toMatch(/-3/);
    });
    it('an option given a value it does not take, or missing the one it needs, is named', () => {
      expect(cec(['--json=yes', 'cpr'])).toMatchObject({
        code: 2,
        err: expect.stringMatching(/^--json takes no value: write --json alone\./),
      });
      for (const args of [
        ['plan', PLAN, '--today'],
        ['plan', PLAN, '--today', '--json'],
      ]) {
        expect(cec(args)).toMatchObject({
          code: 2,
          err: expect.stringMatching(/^--today needs a date after it, e\.g\. --today 2026-11-27\./),
        });
      }
      // After "--" an option-like word is part of the question.
      expect(JSON.parse(cec(['--json', '--', '--presenting']).out)).toMatchObject({
        opportunity: 'presentation',
      });
    });
    it('with --json, every argument error is JSON on stdout as well as a sentence on stderr', () => {
      const cases: [string[], RegExp][] = [
        [['--json'], /^Ask a question or give a command\.$/],
        [['--json', '--frobnicate'], /^Unknown option --frobnicate: /],
        [['--json=1'], /^--json takes no value/],
        [['plan', PLAN, '--today', '--json'], /^--today needs a date/],
        [['--json', 'check'], /^cec check needs a course number, e\.g\. cec check CA23456\.$/],
        [['--json', 'plan'], /^cec plan needs exactly one plan file/],
        [['--json', 'plan', PLAN, PLAN], /^cec plan needs exactly one plan file/],
        [
          ['--json', 'plan', PLAN, '--today', '2026-02-30'],
          /^--today: .*February 2026 has 28 days/,
        ],
        [['--json', '--today', '2026-01-01', 'cpr'], /^--today works only with cec plan/],
      ];
      for (const [args, error] of cases) {
        const r = cec(args);
        expect(r.code, args.join(' ')).toBe(2);
        const body = JSON.parse(r.out);
        expect(Object.keys(body), args.join(' ')).toEqual(['error']);
        expect(body.error, args.join(' ')).toMatch(error);
        expect(r.err.startsWith(body.error), args.join(' ')).toBe(true);
      }
    });
    it('--today is refused, not ignored, by anything but plan', () => {
      for (const args of [
        ['--today', '2026-01-01', 'cpr', '2yr'],
        ['check', 'CA23456', '--today', '2026-01-01'],
        ['rules', '--today=2026-01-01'],
      ]) {
        expect(cec(args)).toMatchObject({
          code: 2,
          out: '',
          err: '--today works only with cec plan and cec next, where it sets the day the plan is evaluated on.\n',
        });
      }
    });
  });

  describe('every example question of rules.md, through the CLI', () => {
    it.each([
      ['cpr 2yr', 'cpr-aed', 0.4],
      ['CPR/AED 1 year', 'cpr-aed', 0.2],
      ['two-year CPR', 'cpr-aed', 0.4],
      // 3 and 4 credit hours are worth 3.0 and 4.0 at S1's rate; one college course gives at most 2.0 (S4).
      ['college 3 credits grade B', 'college', 2],
      ['4 credit anatomy course with a C', 'college', 2],
      ['presenting', 'presentation', 0.5],
      ['published a book', 'publication', 0.5],
      ['NASM certification', 'ncca-certification', 0.5],
      ['another ACE cert', 'ace-certification', 2],
      ['community outreach', 'mentoring', 0.1],
      ['CA23456', 'approved-course', null],
      ['cpr', 'cpr-aed', null],
    ])('%s → %s %s', (question, opportunity, cecs) => {
      const r = cec(['--json', ...question.split(' ')]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ opportunity, cecs });
    });
  });

  describe('cec check', () => {
    it('valid → exit 0, invalid → exit 1 with the specific reason', () => {
      expect(cec(['check', 'CA23456'])).toMatchObject({
        code: 0,
        out: 'CA23456 is a valid ACE course number format.\n',
      });
      const bad = cec(['check', 'CA1234']);
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/has 4 digits after CA/);
      expect(JSON.parse(cec(['--json', 'check', ' cep-123456 ']).out)).toEqual({
        valid: true,
        normalized: 'CEP123456',
        error: null,
      });
      expect(JSON.parse(cec(['check', '--json', 'CX12345']).out)).toMatchObject({
        valid: false,
        error: expect.stringMatching(/"CX"/),
      });
      expect(cec(['check']).code).toBe(2);
    });
  });

  describe('cec plan', () => {
    it('prints aligned columns, one decimal, MM/DD/YYYY', () => {
      const r = cec(['plan', PLAN]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(
        /ACE Certified Personal Trainer\n {2}Cycle {5}04\/01\/2025 – 03\/31\/2027/,
      );
      // 3 credit hours are worth 3.0 at S1's rate, but one college course gives at most 2.0 (S4).
      expect(r.out).toMatch(/12\/10\/2025 {2}College course \(3 credit hours, B\) +2\.0 +2\.0/);
      expect(r.out).toMatch(/\[Missing\] Professional conduct and ethics/);
      const rows = r.out.split('\n').filter((l) => /^ {2}\d\d\/\d\d\/\d{4} /.test(l));
      const creditColumns = new Set(rows.map((l) => l.search(/\d+\.\d +\d+\.\d/)));
      expect(creditColumns.size).toBeLessThanOrEqual(2); // aligned per certification table
    });
    it('--json has the documented shape', () => {
      const r = cec(['--json', 'plan', PLAN]);
      expect(r.code).toBe(0);
      const body = JSON.parse(r.out);
      const pt = body.certifications[0];
      expect(Object.keys(pt)).toEqual(
        expect.arrayContaining([
          'credential',
          'cycle',
          'required',
          'earned',
          'planned',
          'remaining',
          'met',
          'status',
          'checklist',
          'items',
          'warnings',
          'next',
        ]),
      );
      expect(pt).toMatchObject({
        credential: 'personal-trainer',
        cycle: { start: '2025-04-01', end: '2027-03-31', estimated: false },
        required: 2,
        earned: 4.7,
        planned: 0,
        remaining: 0,
        met: true,
        status: 'active',
      });
      expect(r.out).toMatch(/"required": 2,/);
      expect(r.out).toMatch(/"earned": 4\.7,/);
      expect(body.certifications[1].cycle.estimated).toBe(true);
      expect(pt.items.find((i: { kind: string }) => i.kind === 'petition')).toMatchObject({
        credit: 0,
        reason: expect.stringMatching(/pending/),
      });
    });
    it('reads stdin with -, and --today overrides the plan', () => {
      const plan = JSON.stringify({
        certifications: [{ credential: 'health-coach', expires: '2027-03-31' }],
        activities: [{ kind: 'mentoring', completed: '2027-01-01' }],
      });
      const body = JSON.parse(cec(['--json', 'plan', '-', '--today', '2026-12-01'], plan).out);
      expect(body.certifications[0]).toMatchObject({ earned: 0, planned: 0.1, status: 'active' });
      expect(cec(['plan', '-', '--today', '2026-13-01'], plan)).toMatchObject({
        code: 2,
        err: expect.stringMatching(/--today: .*no month 13/),
      });
    });
    it('a bad plan: exit 2, every problem with its JSON path, never a stack trace', () => {
      const r = cec(
        ['plan', '-'],
        JSON.stringify({
          certifications: [{ credential: 'x', expires: '1/1/24' }],
          activities: [{ kind: 'cpr-aed' }],
        }),
      );
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/\$\.certifications\[0\]\.credential: Credential must be one of/);
      expect(r.err).toMatch(
        /\$\.activities\[0\]\.term: Certificate length is missing: expected "1yr" or "2yr"\./,
      );
      expect(r.err).not.toMatch(/at .*\.js:\d+/);
      const json = cec(['--json', 'plan', '-'], '{nope');
      expect(json.code).toBe(2);
      expect(JSON.parse(json.out).problems[0].message).toMatch(/not valid JSON/);
      expect(cec(['plan', '/no/such/plan.json'])).toMatchObject({
        code: 2,
        err: expect.stringMatching(
          /Cannot read the plan file "\/no\/such\/plan.json": no such file/,
        ),
      });
      expect(cec(['plan'])).toMatchObject({ code: 2 });
    });
    it('reads a plan file that starts with a UTF-8 byte-order mark', () => {
      const file = join(TMP, 'bom.json');
      writeFileSync(file, `\uFEFF${readFileSync(PLAN, 'utf8')}`);
      const r = cec(['--json', 'plan', file]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).certifications[0]).toMatchObject({ earned: 4.7 });
    });
    it('an empty plan says so in a sentence, exit 2', () => {
      for (const input of ['', '  \n']) {
        const r = cec(['plan', '-'], input);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/^The plan is empty: /);
        const json = cec(['--json', 'plan', '-'], input);
        expect(JSON.parse(json.out).problems).toEqual([
          { path: '$', message: expect.stringMatching(/^The plan is empty: /) },
        ]);
      }
    });
  });

  describe('cec rules', () => {
    it('lists every opportunity with credit, limit, source quote and interpretation', () => {
      const r = cec(['rules']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/unofficial, not affiliated with ACE/);
      const body = JSON.parse(cec(['rules', '--json']).out);
      expect(body.ruleset).toBe('ace-2013');
      expect(body.opportunities).toHaveLength(10);
      expect(body.opportunities.find((o: { id: string }) => o.id === 'presentation')).toMatchObject(
        {
          limitPerCycle: 0.5,
          source: { id: 'S1', quote: expect.stringMatching(/^Presenting\./) },
          interpretation: expect.stringMatching(/never more than 0.5/),
        },
      );
    });
  });
});

describe('fuzzing the CLI arguments and plan files', () => {
  it('any arguments: a known exit code and never a stack trace', () => {
    const token = fc.oneof(
      fc.constantFrom(
        '--json',
        '--today',
        '--help',
        'check',
        'plan',
        'rules',
        'cpr',
        '2yr',
        'CA23456',
        '02/30/2024',
        '--x',
      ),
      fc.string({ maxLength: 30 }),
    );
    let cases = 0;
    fc.assert(
      // No "-": it would read the test runner's stdin.
      fc.property(
        fc.array(
          token.filter((t) => t !== '-'),
          { maxLength: 6 },
        ),
        (argv) => {
          cases++;
          const result = run(argv);
          expect([0, 1, 2]).toContain(result.code);
          expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
          // After "--", "--json" is a word of the question, not the option.
          const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
          if (options.includes('--json') && result.out) JSON.parse(result.out);
        },
      ),
      { numRuns: 3000 },
    );
    console.info(`CLI argument fuzz: ${cases} cases`);
  });

  it('any plan file content: exit 0 or 2, with JSON on --json', () => {
    const file = join(TMP, 'plan.json');
    let cases = 0;
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 200 })), (content) => {
        cases++;
        writeFileSync(file, content);
        const result = run(['--json', 'plan', file]);
        expect([0, 2]).toContain(result.code);
        JSON.parse(result.out);
      }),
      { numRuns: 500 },
    );
    console.info(`plan file fuzz: ${cases} cases`);
  });
});

describe('human output details', () => {
  /** What `cec plan` prints for a plan, written to a file first. */
  const printed = (name: string, plan: object) => {
    const file = join(TMP, `${name}.json`);
    writeFileSync(file, JSON.stringify(plan));
    return run(['plan', file]).out;
  };
  it('a question with a limit states it', () => {
    expect(run(['presenting']).out).toMatch(/Limit: 0\.5 CECs per renewal cycle\./);
  });
  it('a plan table marks planned items, explains cuts and zero credits, and shortens long labels', () => {
    const out = printed('details', {
      today: '2026-06-01',
      certifications: [{ credential: 'health-coach', expires: '2027-03-31' }],
      activities: [
        {
          kind: 'presentation',
          title: 'A very long presentation title that goes on and on and on',
          completed: '2026-01-01',
        },
        { kind: 'presentation', completed: '2026-02-01' },
        { kind: 'college', creditHours: 3, grade: 'D', completed: '2026-03-01' },
        { kind: 'mentoring', completed: '2026-09-01' },
      ],
    });
    expect(out).toMatch(/ Presentation: A very long presentation title th… +0\.5 +0\.5\n/);
    expect(out).toMatch(/↳ Limit reached: Presenting counts at most 0\.5 CECs per cycle/);
    expect(out).toMatch(/↳ A grade of D is below/);
    expect(out).toMatch(/Community outreach +0\.1 +0\.1 \(planned\)/);
  });
  it('a folder or a missing --today value is a clear error', () => {
    expect(run(['plan', TMP])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/it is a folder/),
    });
    expect(run(['plan', PLAN, '--today', ''])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--today: A date is required/),
    });
    expect(run(['--json', '--help']).out).toMatch(/"usage": "Usage: cec/);
  });
  it('the status row never repeats the status word, and a planned row outside the cycle says planned', () => {
    const on = (today: string) =>
      printed('expired', {
        today,
        certifications: [{ credential: 'health-coach', expires: '2027-03-31' }],
        activities: [{ kind: 'mentoring', completed: '2030-01-01' }],
      });
    const expired = on('2029-01-01');
    expect(expired).toMatch(
      / {2}Status {4}Expired\. The expiration date 03\/31\/2027 passed 642 days ago\.\n/,
    );
    expect(expired).toMatch(
      /↳ Planned for 01\/01\/2030, outside this cycle \(04\/01\/2025–03\/31\/2027\)/,
    );
    expect(expired).not.toMatch(/Completed 01\/01\/2030/);
    expect(on('2027-04-10')).toMatch(
      / {2}Status {4}In grace period\. The expiration date 03\/31\/2027 passed 10 days ago\.\n/,
    );
  });
  it('a certification with no activities yet: no table, the checklist still shows', () => {
    const out = printed('no-activities', {
      today: '2026-06-01',
      certifications: [{ credential: 'health-coach', expires: '2027-03-31' }],
    });
    expect(out).toMatch(/Progress {2}0\.0 of 2\.0 CECs earned, 2\.0 to go\.\n\n {2}Checklist\n/);
    expect(out).not.toMatch(/Activity/);
  });
  it('the question parser tolerates a missing question from JavaScript callers', async () => {
    const { answerQuestion } = await import('../src/index.js');
    expect(answerQuestion(undefined as never).understood).toBe(false);
  });
});

describe('a plan of 200,000 activities', () => {
  // Each fourth activity: a distinct 0.1 course, a presentation (0.5 per cycle),
  // outreach (0.1 per cycle), or the same 0.2 course again (counted once).
  const COUNT = 200_000;
  const file = join(TMP, 'large.json');
  const day = (i: number) =>
    `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  beforeAll(() => {
    writeFileSync(
      file,
      JSON.stringify({
        today: '2027-01-01',
        certifications: [{ credential: 'personal-trainer', expires: '2027-03-31' }],
        activities: Array.from({ length: COUNT }, (_, i) => {
          const completed = day(i);
          if (i % 4 === 0)
            return {
              kind: 'approved-course',
              courseNumber: `CA${100_000 + i}`,
              cecs: 0.1,
              completed,
            };
          if (i % 4 === 1) return { kind: 'presentation', completed };
          if (i % 4 === 2) return { kind: 'mentoring', completed };
          return { kind: 'approved-course', courseNumber: 'CA99999', cecs: 0.2, completed };
        }),
      }),
    );
  });
  // 50,000 × 0.1 + 0.5 + 0.1 + 0.2
  const EARNED = '5000.8';

  it('evaluates and prints for people and as JSON, in-process', () => {
    const human = run(['plan', file]);
    expect(human.err).toBe('');
    expect(human.code).toBe(0);
    expect(human.out).toContain(`Progress  ${EARNED} of 2.0 CECs earned`);
    expect(human.out.match(/^ {2}\d\d\/\d\d\/2026 {2}/gm)).toHaveLength(COUNT);
    expect(human.out.match(/↳ Limit reached/g)).toHaveLength(COUNT / 2 - 2);

    const json = run(['--json', 'plan', file]);
    expect(json.code).toBe(0);
    const [trainer] = JSON.parse(json.out).certifications;
    expect(trainer.earned).toBe(Number(EARNED));
    expect(trainer.items).toHaveLength(COUNT);
    expect(trainer.items.filter((i: { cut: string | null }) => i.cut !== null)).toHaveLength(
      COUNT / 2 - 2 + COUNT / 4 - 1,
    );
  }, 120_000);

  it('evaluates and prints through the spawned binary', () => {
    const result = spawnSync(process.execPath, [CLI, 'plan', file], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Progress  ${EARNED} of 2.0 CECs earned`);
  }, 120_000);
});

describe.each([
  ['the spawned binary', spawned],
  ['run() in-process', inProcess],
] as const)('cec next, %s', (_mode, run) => {
  const STUCK = JSON.stringify(STUCK_PLAN);

  it('prints the required items first, what each adds and how to report it', () => {
    const r = run(['next', '-'], STUCK);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /0\.9 CECs to go by 03\/31\/2027\. Fastest way: CPR\/AED renewal \(0\.4\), then an ethics course \(0\.1\), then ACE-approved course \(0\.4\)\./,
    );
    const steps = r.out.split('\n').filter((l) => /^ {2}\S/.test(l) && !l.includes('to go'));
    expect(steps[0]).toMatch(/^ {2}\[Required\] Renew your adult CPR\/AED/);
    expect(steps[1]).toMatch(
      /^ {2}\[Required\] Take an ACE-approved course in professional conduct/,
    );
    expect(r.out).not.toMatch(/presentation/i);
    expect(r.out).toMatch(/How: In your ACE account, open “My CECs”/);
  });

  it('--json gives the same steps with amounts as numbers, and cec plan --json includes them', () => {
    const next = JSON.parse(run(['--json', 'next', '-'], STUCK).out).certifications[0].next;
    expect(next.remaining).toBe(0.9);
    expect(next.steps.slice(0, 2).map((s: { id: string; adds: number }) => [s.id, s.adds])).toEqual(
      [
        ['cpr-aed', 0.4],
        ['ethics', 0.1],
      ],
    );
    const planned = JSON.parse(run(['--json', 'plan', '-'], STUCK).out).certifications[0].next;
    expect(planned).toEqual(next);
  });

  it('refuses a bad plan like cec plan does, and takes --today', () => {
    expect(run(['next', '-'], '{}').code).toBe(2);
    const later = JSON.parse(run(['--json', '--today', '2027-05-01', 'next', '-'], STUCK).out);
    expect(later.certifications[0].next.steps[0].id).toBe('grace');
  });
});
