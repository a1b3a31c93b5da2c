// What each built page makes the browser download, gzipped: its scripts
// (external, inline, and every module they import, statically or not) and
// its stylesheets. Shared by the budget test and the benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// The largest page is the calculator: the real zod/mini (about 7.7 KB), the
// rules with each opportunity described once and the renewal planner, date-fns'
// arithmetic and the page's own code (one file per page, page-scripts.mjs, with
// terser). 20 KB could only be met with a copy of zod (21.1 KB even with every
// guide text stripped, before the planner): the budget is what the real
// libraries cost, measured when the planner and issue 12's features came in.
// 29 since compressed calculator links (issue 13): 27.65 KB became 28.71, of
// which 0.62 is the rules' link encoding (deflate itself is the browser's) and
// about 0.15 the inline script that hides the calculator until a link's plan
// is decompressed (test/e2e/link.test.ts fails without it).
export const JS_BUDGET_KB = 29;
export const CSS_BUDGET_KB = 10;

const gzip = (text) => gzipSync(text, { level: 9 }).length;

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .sort();
}

/**
 * A module and every module it imports, each once; those it imports only
 * with import() (loaded later, as /ask/ loads its parser) also go in `lazy`.
 */
function moduleGraph(dist, file, seen, lazy = new Set(), later = false) {
  if (later) lazy.add(file);
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  const specifiers =
    /(?:import|export)\s*(?:[^'"();]*?from\s*)?["']([^"']+\.js)["']|import\(\s*["']([^"']+\.js)["']\s*\)/g;
  for (const match of code.matchAll(specifiers)) {
    const spec = match[1] ?? match[2];
    const target = spec.startsWith('/') ? join(dist, spec) : resolve(dirname(file), spec);
    moduleGraph(dist, target, seen, lazy, later || match[2] !== undefined);
  }
}

export function pageWeights(dist) {
  return htmlFiles(dist).map((page) => {
    const html = readFileSync(join(dist, page), 'utf8');
    const jsFiles = new Set();
    const lazyFiles = new Set();
    let inlineJs = 0;
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const src = /\bsrc="([^"]+)"/.exec(match[1])?.[1];
      if (src) moduleGraph(dist, join(dist, src), jsFiles, lazyFiles);
      else if (!/type="application\/(ld\+)?json"/.test(match[1]) && match[2].trim()) {
        inlineJs += gzip(match[2]);
        for (const m of match[2].matchAll(/["'](\/_astro\/[^"']+\.js)["']/g)) {
          moduleGraph(dist, join(dist, m[1]), jsFiles, lazyFiles);
        }
      }
    }
    const cssFiles = new Set();
    let inlineCss = 0;
    for (const match of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)) {
      const href = /\bhref="([^"]+)"/.exec(match[0])?.[1];
      if (href) cssFiles.add(join(dist, href));
    }
    for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
      inlineCss += gzip(match[1]);
    const sum = (files) => [...files].reduce((total, file) => total + gzip(readFileSync(file)), 0);
    return {
      page: `/${page.replace(/index\.html$/, '')}`,
      jsBytes: inlineJs + sum(jsFiles),
      /** What the page runs before it is used: all of it but what import() loads later. */
      initialJsBytes: inlineJs + sum([...jsFiles].filter((file) => !lazyFiles.has(file))),
      cssBytes: inlineCss + sum(cssFiles),
      jsFiles: [...jsFiles].map((f) => relative(dist, f)),
      lazyJsFiles: [...lazyFiles].map((f) => relative(dist, f)),
      cssFiles: [...cssFiles].map((f) => relative(dist, f)),
    };
  });
}
