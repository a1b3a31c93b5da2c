/** The README's examples are real: each ```js block runs against the built package. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('README examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(5));

  it.each(blocks.map((code, i) => [i + 1, code] as const))(
    'example %i runs and its asserts hold',
    (_n, code) => {
      // Run from the package folder so `import … from '@cec/rules'` resolves to this package (self-reference).
      const run = spawnSync(process.execPath, ['--input-type=module'], {
        cwd: PACKAGE,
        input: code,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
  );
});
