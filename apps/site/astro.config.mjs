// @ts-check
import { defineConfig } from 'astro/config';
import { z } from 'astro/zod';
import { pageScripts } from './page-scripts.mjs';
import { offline } from './src/offline/integration.mjs';

/**
 * The public address, for canonical links, Open Graph URLs and the sitemap.
 * Without SITE_URL the build writes no absolute address of its own at all:
 * a guessed host (localhost) in a deployed page is worse than none.
 */
const siteUrl = z
  .string()
  .url()
  .refine((url) => /^https?:\/\//.test(url), 'SITE_URL must start with http:// or https://.')
  .optional()
  .safeParse(process.env.SITE_URL || undefined);
if (!siteUrl.success) {
  throw new Error(
    `SITE_URL is not a usable address (${JSON.stringify(process.env.SITE_URL)}): give the site's public URL, like https://cec.example.org, or leave it unset.`,
  );
}

export default defineConfig({
  ...(siteUrl.data ? { site: siteUrl.data } : {}),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [offline()],
  vite: {
    plugins: [pageScripts()],
    // Terser (three passes) makes the calculator's script about 0.95 KB gzipped smaller than esbuild's minifier.
    build: { sourcemap: false, minify: 'terser', terserOptions: { compress: { passes: 3 } } },
  },
});
