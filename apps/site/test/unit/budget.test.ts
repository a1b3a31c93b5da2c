/**
 * The page-weight budgets, read from the built site: at most JS_BUDGET_KB (29 KB, see page-weight.mjs) of gzipped
 * JavaScript per page (the rules package included) and 10 KB of CSS. Pages
 * that need no script of their own ship only the line that installs the
 * offline cache. Runs after the build (turbo's test task depends on it).
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REGISTER_WORKER } from '../../src/offline/register';
import { CSS_BUDGET_KB, JS_BUDGET_KB, pageWeights } from '../support/page-weight.mjs';
import { DIST } from '../support/static-server.mjs';

interface Weight {
  page: string;
  jsBytes: number;
  initialJsBytes: number;
  cssBytes: number;
  jsFiles: string[];
  lazyJsFiles: string[];
}

/** The pages allowed to ship a script: the calculator, /ask/, and the small helpers of two guide pages. */
const SCRIPTED = new Set(['/', '/ask/', '/submit/', '/renewal/']);

/** /ask/ shows and takes a question at once; the parser comes after, in its own file. */
const ASK_INITIAL_KB = 1;

describe.skipIf(!existsSync(`${DIST}index.html`))('page weight (dist/)', () => {
  const weights: Weight[] = existsSync(`${DIST}index.html`) ? pageWeights(DIST) : [];
  const kb = (bytes: number) => (bytes / 1024).toFixed(2);

  it('builds every page', () => {
    expect(weights.map((w) => w.page)).toEqual(
      expect.arrayContaining([
        '/',
        '/submit/',
        '/renewal/',
        '/404.html',
        '/opportunities/presentation/',
      ]),
    );
  });

  it.each(weights.map((w) => [w.page, w] as const))(
    `%s: JavaScript ≤ ${JS_BUDGET_KB} KB and CSS ≤ ${CSS_BUDGET_KB} KB gzipped`,
    (_page, weight) => {
      console.info(`${weight.page}: JS ${kb(weight.jsBytes)} KB, CSS ${kb(weight.cssBytes)} KB`);
      expect(weight.jsBytes / 1024).toBeLessThanOrEqual(JS_BUDGET_KB);
      expect(weight.cssBytes / 1024).toBeLessThanOrEqual(CSS_BUDGET_KB);
      // One file per page (page-scripts.mjs): split chunks gzip worse than the same code in one.
      // A part loaded later with import() is a second file, loaded once the page shows.
      const first = weight.jsFiles.filter((file) => !weight.lazyJsFiles.includes(file));
      expect(first.length, weight.jsFiles.join(', ')).toBeLessThanOrEqual(1);
      expect(weight.lazyJsFiles.length, weight.lazyJsFiles.join(', ')).toBeLessThanOrEqual(1);
      if (!SCRIPTED.has(weight.page)) {
        expect(weight.jsFiles, 'a guide page loads no script file').toEqual([]);
        expect(weight.jsBytes, 'a guide page ships only the offline cache’s line').toBe(
          gzipSync(REGISTER_WORKER, { level: 9 }).length,
        );
      }
    },
  );
});

describe.skipIf(!existsSync(`${DIST}ask/index.html`))('/ask/ (dist/)', () => {
  it(`runs at most ${ASK_INITIAL_KB} KB before the parser, which it loads with import()`, () => {
    const ask = pageWeights(DIST).find((w: Weight) => w.page === '/ask/');
    console.info(
      `/ask/: initial JS ${((ask?.initialJsBytes ?? 0) / 1024).toFixed(2)} KB, in all ${((ask?.jsBytes ?? 0) / 1024).toFixed(2)} KB`,
    );
    expect(ask?.lazyJsFiles).toHaveLength(1);
    expect((ask?.initialJsBytes ?? Number.POSITIVE_INFINITY) / 1024).toBeLessThanOrEqual(
      ASK_INITIAL_KB,
    );
    expect(ask?.jsBytes).toBeGreaterThan((ask?.initialJsBytes ?? 0) + 20 * 1024);
  });
});

it('dist/ exists (the build ran before the tests)', () => {
  expect(existsSync(`${DIST}index.html`)).toBe(true);
});
