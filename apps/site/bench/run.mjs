// The site's benchmark: page weight from dist/ and Lighthouse scores (mobile
// settings) for the calculator and one opportunity page, served on a free
// loopback port and loaded in Debian's Chromium. Prints only the metrics JSON
// on stdout (the root `pnpm bench` merges it); everything else goes to stderr.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_FLAGS as FLAGS } from '../test/support/chromium.mjs';
import { CSS_BUDGET_KB, JS_BUDGET_KB, pageWeights } from '../test/support/page-weight.mjs';
import { DIST, startStaticServer } from '../test/support/static-server.mjs';

const PAGES = ['/', '/opportunities/presentation/'];
const SCORE_BUDGET = 0.95;
const CATEGORIES = {
  performance: 'site.lighthouse_performance',
  accessibility: 'site.lighthouse_accessibility',
  'best-practices': 'site.lighthouse_best_practices',
  seo: 'site.lighthouse_seo',
};

const log = (...args) => console.error('[site bench]', ...args);

/** Starts Chromium with a DevTools port and resolves once it listens. */
function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'cec-site-bench-'));
  const child = spawn(
    CHROMIUM,
    [...FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      const match = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          port: Number(match[1]),
          /** Stops Chromium and removes its profile once it has exited (it writes to it until then). */
          async close() {
            if (child.exitCode === null && child.signalCode === null) {
              const exited = new Promise((done) => child.once('exit', done));
              child.kill('SIGTERM');
              await exited;
            }
            rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
          },
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${output}`)));
  });
}

function weightMetrics() {
  const weights = pageWeights(DIST);
  const kb = (bytes) => Math.round((bytes / 1024) * 100) / 100;
  const js = Math.max(...weights.map((w) => w.jsBytes));
  const css = Math.max(...weights.map((w) => w.cssBytes));
  for (const w of weights)
    log(`${w.page}: JS ${kb(w.jsBytes)} KB, CSS ${kb(w.cssBytes)} KB gzipped`);
  return {
    'site.js_gzip_kb': {
      value: kb(js),
      unit: 'KB',
      budget: JS_BUDGET_KB,
      ok: kb(js) <= JS_BUDGET_KB,
    },
    'site.css_gzip_kb': {
      value: kb(css),
      unit: 'KB',
      budget: CSS_BUDGET_KB,
      ok: kb(css) <= CSS_BUDGET_KB,
    },
  };
}

async function lighthouseMetrics() {
  const server = await startStaticServer();
  const chromium = await launchChromium();
  const lowest = {};
  try {
    for (const path of PAGES) {
      const result = await lighthouse(
        server.url + path,
        { port: chromium.port, output: 'json', logLevel: 'silent' },
        {
          extends: 'lighthouse:default',
          settings: { onlyCategories: Object.keys(CATEGORIES) },
        },
      );
      for (const [id, category] of Object.entries(result.lhr.categories)) {
        log(`${path} ${id}: ${category.score}`);
        for (const audit of Object.values(result.lhr.audits)) {
          if (
            audit.score !== null &&
            audit.score < 1 &&
            category.auditRefs.some((r) => r.id === audit.id && r.weight > 0)
          ) {
            log(`  ${audit.id}: ${audit.score} ${audit.displayValue ?? ''}`);
          }
        }
        lowest[id] = Math.min(lowest[id] ?? 1, category.score ?? 0);
      }
    }
  } finally {
    await chromium.close();
    await server.close();
  }
  return Object.fromEntries(
    Object.entries(CATEGORIES).map(([id, name]) => {
      const value = lowest[id] ?? 0;
      return [name, { value, unit: 'score', budget: SCORE_BUDGET, ok: value >= SCORE_BUDGET }];
    }),
  );
}

if (!existsSync(join(DIST, 'index.html'))) {
  log('dist/ is missing: build the site first (pnpm --filter @cec/site build).');
  process.exit(1);
}
const metrics = { ...weightMetrics(), ...(await lighthouseMetrics()) };
process.stdout.write(`${JSON.stringify({ metrics })}\n`);
