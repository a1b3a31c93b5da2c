import type { APIRoute, GetStaticPaths } from 'astro';
import { PAGE_PATHS } from '../lib/site';

/**
 * A sitemap lists absolute addresses, so it exists only when SITE_URL gives
 * the public one (a dynamic route, because a plain endpoint is always written).
 */
export const getStaticPaths = (() =>
  import.meta.env.SITE ? [{ params: { sitemap: 'sitemap' } }] : []) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => {
  const urls = PAGE_PATHS.map((path) => `  <url><loc>${new URL(path, site).href}</loc></url>`).join(
    '\n',
  );
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
};
