// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Canonical links, Open Graph URLs and the sitemap need the public address.
 * Set SITE_URL when building for a real host; the default matches `pnpm serve`.
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: { build: { sourcemap: false } },
});
