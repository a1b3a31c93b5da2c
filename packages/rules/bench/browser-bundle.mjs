// Bundles what a browser page takes from @cec/rules with esbuild, as a site
// would, and reports the gzipped size. Used by the test and the benchmark.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What each kind of page imports, and the most it may weigh, gzipped (KB). */
export const BUNDLES = {
  // The calculator: validate, evaluate, plan what to do next, keep state in the
  // URL. Measured 22.5 KB: real zod/mini about 7.7, date-fns' arithmetic about
  // 0.4, each opportunity described once (guide and planner text included) and
  // the planner (next.ts) about 1.5.
  calculator: {
    imports: ['parsePlan', 'evaluatePlan', 'encodePlan', 'decodePlan'],
    budgetKb: 23,
  },
  // The same plus the free-text question parser, its intents and example
  // questions (measured 34.9 KB). No page ships this yet: an /ask/ page would
  // load the parser on its own, after the page is shown.
  'calculator+question': {
    imports: ['parsePlan', 'evaluatePlan', 'encodePlan', 'decodePlan', 'answerQuestion'],
    budgetKb: 35.5,
  },
};

export async function browserBundle(imports) {
  const result = await build({
    stdin: {
      contents: `import { ${imports.join(', ')} } from './dist/index.js'; globalThis.cec = { ${imports.join(', ')} };`,
      resolveDir: new URL('..', import.meta.url).pathname,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const [output] = Object.values(result.metafile.outputs);
  return {
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    text: new TextDecoder().decode(code),
    // Modules that kept at least one byte after tree-shaking.
    modules: Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  };
}
