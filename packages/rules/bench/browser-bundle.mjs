// Bundles what a browser page takes from @cec/rules with esbuild, as a site
// would, and reports the gzipped size. Used by the test and the benchmark.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What each kind of page imports, and the most it may weigh, gzipped (KB). */
export const BUNDLES = {
  // The calculator: validate, evaluate, plan what to do next, keep state in the
  // URL. Measured 23.6 KB: real zod/mini about 7.7, date-fns' arithmetic about
  // 0.4, each opportunity described once (guide and planner text included,
  // about 4.5) and the planner (next.ts) about 1.5.
  calculator: {
    imports: ['parsePlan', 'evaluatePlan', 'encodePlan', 'decodePlan'],
    budgetKb: 24,
  },
  // The same plus the free-text question parser (measured 24.7 KB).
  'calculator+question': {
    imports: ['parsePlan', 'evaluatePlan', 'encodePlan', 'decodePlan', 'answerQuestion'],
    budgetKb: 25,
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
