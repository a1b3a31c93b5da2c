import type { APIRoute } from 'astro';
import { SITE_NAME } from '../lib/site';

/**
 * The web app manifest: the site installs on a phone's home screen and opens
 * like an app (offline too, see src/offline/). Addresses are relative to the
 * site, so no SITE_URL is needed. The PNG icons are public/favicon.svg (and
 * src/offline/icon-maskable.svg, full-bleed) rendered at 192 and 512 px.
 */
export const GET: APIRoute = () =>
  new Response(
    `${JSON.stringify(
      {
        name: `${SITE_NAME}: unofficial ACE CEC calculator`,
        short_name: SITE_NAME,
        description:
          'Count your ACE continuing education credits, see your renewal date, and how to submit them. Unofficial; works offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f8f6',
        theme_color: '#0b6e69',
        icons: [
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      null,
      2,
    )}\n`,
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
