// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

/**
 * Canonical links, Open Graph URLs and the sitemap need the public address.
 * Set SITE_URL when building for a real host; the default matches `pnpm serve`.
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

const zodSubset = fileURLToPath(new URL('./src/zod-mini-subset/index.ts', import.meta.url));

/**
 * In the browser bundle only, @cec/rules's `zod/mini` is the subset in
 * src/zod-mini-subset (see why there); pages rendered at build time keep zod.
 */
function browserZodSubset() {
  return {
    name: 'cec-browser-zod-subset',
    enforce: /** @type {const} */ ('pre'),
    /**
     * @param {string} source
     * @param {string | undefined} _importer
     * @param {{ ssr?: boolean } | undefined} options
     */
    resolveId(source, _importer, options) {
      return source === 'zod/mini' && !options?.ssr ? zodSubset : null;
    },
  };
}

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: { plugins: [browserZodSubset()], build: { sourcemap: false } },
});
