#!/usr/bin/env node
// `pnpm bench [--json]`: builds, then runs every workspace package's `bench`
// script and merges their metrics. Each package prints {"metrics": {...}} on
// stdout; with --json this prints the merged object alone on stdout, otherwise
// a table. Exit 1 when a metric misses its budget or a benchmark fails.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const json = process.argv.includes('--json');

const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], {
  cwd: root,
  stdio: ['ignore', 2, 2],
});
if (build.status !== 0) {
  process.stderr.write('bench: the build failed; fix it first.\n');
  process.exit(1);
}

const packages = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, dir, entry.name)),
);

const metrics = {};
const failures = [];
for (const dir of packages) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    continue;
  }
  if (!manifest.scripts?.bench) continue;
  process.stderr.write(`bench: ${manifest.name}\n`);
  const run = spawnSync('pnpm', ['--silent', 'run', 'bench'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 2],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout.trim().split('\n').filter(Boolean).at(-1) ?? '';
  try {
    Object.assign(metrics, JSON.parse(line).metrics);
    if (run.status !== 0) failures.push(`${manifest.name} exited with ${run.status}`);
  } catch {
    failures.push(`${manifest.name} printed no metrics (exit ${run.status})`);
  }
}

const missed = Object.entries(metrics).filter(([, m]) => !m.ok);
if (json) {
  process.stdout.write(`${JSON.stringify({ metrics }, null, 2)}\n`);
} else {
  const width = Math.max(...Object.keys(metrics).map((name) => name.length), 10);
  process.stdout.write(`${'metric'.padEnd(width)}  ${'value'.padStart(10)}  unit   budget  ok\n`);
  for (const [name, m] of Object.entries(metrics)) {
    process.stdout.write(
      `${name.padEnd(width)}  ${String(m.value).padStart(10)}  ${m.unit.padEnd(5)}  ${String(m.budget).padStart(6)}  ${m.ok ? 'yes' : 'NO'}\n`,
    );
  }
}
for (const failure of failures) process.stderr.write(`bench: ${failure}\n`);
if (missed.length)
  process.stderr.write(`bench: over budget: ${missed.map(([n]) => n).join(', ')}\n`);
process.exitCode = failures.length || missed.length ? 1 : 0;
