import { OPPORTUNITIES } from '@cec/rules';
import type { APIRoute } from 'astro';

/** Every page a search engine should know, as absolute URLs under SITE_URL. */
export const GET: APIRoute = ({ site }) => {
  const paths = [
    '/',
    '/renewal/',
    '/submit/',
    ...OPPORTUNITIES.map((o) => `/opportunities/${o.id}/`),
  ];
  const urls = paths
    .map((path) => `  <url><loc>${new URL(path, site).href}</loc></url>`)
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
};
