/**
 * turbo replays a cached build or test only when its hash matches, so every
 * environment variable that changes a result must be in that task's hash, and
 * nothing else. Dry runs only: nothing is built or tested here.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface DryRun {
  tasks: { taskId: string; hash: string; dependencies: string[] }[];
}

async function dryRun(task: 'build' | 'test', env: Record<string, string> = {}): Promise<DryRun> {
  const { stdout } = await promisify(execFile)('turbo', ['run', task, '--dry=json'], {
    cwd: root,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as DryRun;
}

async function hashes(task: 'build' | 'test', env: Record<string, string> = {}) {
  const run = await dryRun(task, env);
  return new Map(run.tasks.map((t) => [t.taskId, t.hash]));
}

describe('turbo cache keys', () => {
  it.each([
    { task: 'build', variable: 'SITE_URL', changes: '@cec/site#build', keeps: '@cec/rules#build' },
    { task: 'test', variable: 'TEST_PG_URL', changes: '@cec/bot#test', keeps: '@cec/site#test' },
    { task: 'test', variable: 'CHROMIUM_PATH', changes: '@cec/site#test', keeps: '@cec/bot#test' },
    // The same-answer test drives Chromium too.
    {
      task: 'test',
      variable: 'CHROMIUM_PATH',
      changes: '@cec/vitest-config#test',
      keeps: '@cec/bot#test',
    },
  ] as const)('$variable is in the hash of $changes, not of $keeps', async (row) => {
    const [one, other] = await Promise.all([
      hashes(row.task, { [row.variable]: 'one' }),
      hashes(row.task, { [row.variable]: 'other' }),
    ]);
    expect(one.get(row.changes)).toMatch(/^[0-9a-f]{16}$/);
    expect(other.get(row.changes)).not.toBe(one.get(row.changes));
    expect(other.get(row.keeps)).toBe(one.get(row.keeps));
  });

  it('a variable no task reads changes no hash', async () => {
    const [without, withIt] = await Promise.all([
      hashes('test'),
      hashes('test', { CEC_UNRELATED: 'anything' }),
    ]);
    expect(withIt).toEqual(without);
  });

  it("every package's tests are keyed by the shared vitest preset", async () => {
    const run = await dryRun('test');
    const tests = run.tasks.filter((t) => t.taskId.endsWith('#test'));
    expect(tests.map((t) => t.taskId)).toContain('@cec/bot#test');
    for (const test of tests.filter((t) => t.taskId !== '@cec/vitest-config#test')) {
      expect(test.dependencies, test.taskId).toContain('@cec/vitest-config#build');
    }
  });
});
