/** The library runs in the browser: no Node-only import, and a small bundle. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the benchmark
import { BUNDLES, browserBundle } from '../bench/browser-bundle.mjs';

describe('browser bundle', () => {
  it('no library module imports node:* or process (only the CLI files may)', () => {
    const dir = new URL('../src/', import.meta.url);
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !f.startsWith('cli'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|\bprocess\./);
    }
  });

  it.each(Object.entries(BUNDLES) as [string, { imports: string[]; budgetKb: number }][])(
    'the %s bundle stays within its budget',
    async (name, { imports, budgetKb }) => {
      const bundle = await browserBundle(imports);
      console.info(
        `rules ${name} bundle: ${bundle.bytes} B minified, ${bundle.gzipBytes} B gzipped`,
      );
      expect(bundle.modules.some((m: string) => m.includes('cli'))).toBe(false);
      expect(bundle.gzipBytes / 1024).toBeLessThanOrEqual(budgetKb);
    },
  );

  it('evaluating a plan does not ship the question parser', async () => {
    const bundle = await browserBundle(['evaluatePlan', 'parsePlan']);
    expect(bundle.modules.some((m: string) => m.includes('question'))).toBe(false);
    // Each opportunity is described once, so its guide text (the source quote,
    // the interpretation a page shows next to a credit) comes with its rule.
    expect(bundle.text).toContain('Renewing CPR/AED.');
  });
});

describe('a deadline page bundle', () => {
  it('does not ship the opportunities or zod', async () => {
    const bundle = await browserBundle([
      'cycleOf',
      'statusOn',
      'cycleWarnings',
      'deadlineSentence',
      'parseDate',
    ]);
    console.info(`rules deadline bundle: ${bundle.gzipBytes} B gzipped`);
    expect(
      bundle.modules.some((m: string) => m.includes('opportunities') || m.includes('zod')),
    ).toBe(false);
    expect(bundle.gzipBytes).toBeLessThan(3000);
  });
});
