/**
 * Absolute addresses come from SITE_URL only. A build made with
 * SITE_URL=https://example.org names that host in canonical, og:url, the
 * sitemap and robots.txt and never localhost; a build without it writes no
 * absolute address of its own anywhere (only the ACE sources' links, and the
 * XML namespaces a format requires).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SOURCES } from '@cec/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../support/static-server.mjs';

const SITE = fileURLToPath(new URL('../..', import.meta.url));
const NAMESPACES = ['http://www.w3.org/2000/svg', 'http://www.sitemaps.org/schemas/sitemap/0.9'];
const SOURCE_URLS = Object.values(SOURCES).map((s) => s.url);

async function build(siteUrl: string | undefined): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'cec-site-build-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  if (siteUrl === undefined) delete env.SITE_URL;
  else env.SITE_URL = siteUrl;
  await promisify(execFile)('pnpm', ['exec', 'astro', 'build', '--outDir', outDir], {
    cwd: SITE,
    env,
  });
  return outDir;
}

/** Every text file of a build, by path. */
function texts(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(html|xml|txt|js|css|json|webmanifest|svg)$/.test(f));
  return new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** An address as written in prose or code, without the closing bracket or dot after it. */
function unwrap(url: string): string {
  let out = url.replace(/[.,;]+$/, '');
  const open = (s: string) => s.split('(').length - s.split(')').length;
  while (out.endsWith(')') && open(out) < 0) out = out.slice(0, -1);
  return out;
}

function absoluteAddresses(dir: string): { file: string; url: string }[] {
  return [...texts(dir)].flatMap(([file, text]) =>
    [...text.replace(/&amp;/g, '&').matchAll(/\bhttps?:\/\/[^\s"'<>`]+/g)].map((m) => ({
      file,
      url: unwrap(m[0]),
    })),
  );
}

const dirs: string[] = [];
let withSite = '';
let withoutSite = '';

beforeAll(async () => {
  // Two builds side by side would share Astro's cache folder: one after the other.
  withSite = await build('https://example.org');
  dirs.push(withSite);
  if (process.env.SITE_URL) {
    withoutSite = await build(undefined);
    dirs.push(withoutSite);
  } else {
    withoutSite = DIST; // what turbo built, without SITE_URL
  }
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('SITE_URL=https://example.org', () => {
  it('canonical and og:url name the page under that host', () => {
    const html = readFileSync(join(withSite, 'submit/index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://example.org/submit/">');
    expect(html).toContain('<meta property="og:url" content="https://example.org/submit/">');
  });

  it('the sitemap lists every page under that host, and robots.txt points to it', () => {
    const sitemap = readFileSync(join(withSite, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain('https://example.org/');
    expect(locs).toContain('https://example.org/sources/');
    expect(locs).toContain('https://example.org/ask/');
    for (const loc of locs) {
      const path = String(loc).replace('https://example.org/', '');
      expect(existsSync(join(withSite, path, 'index.html')), String(loc)).toBe(true);
    }
    expect(readFileSync(join(withSite, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.org/sitemap.xml',
    );
  });

  it('says localhost nowhere', () => {
    for (const [file, text] of texts(withSite)) {
      expect(text, file).not.toMatch(/localhost|127\.0\.0\.1/);
    }
  });

  it('every absolute address is the site, an ACE source, or an XML namespace', () => {
    const own = absoluteAddresses(withSite).filter(({ url }) =>
      url.startsWith('https://example.org/'),
    );
    expect(own.length).toBeGreaterThan(0);
    const others = absoluteAddresses(withSite).filter(
      ({ url }) =>
        !url.startsWith('https://example.org/') &&
        !SOURCE_URLS.includes(url) &&
        !NAMESPACES.includes(url),
    );
    expect(others).toEqual([]);
  });
});

describe('without SITE_URL', () => {
  it('writes no absolute address of its own anywhere', () => {
    const own = absoluteAddresses(withoutSite).filter(
      ({ url }) => !SOURCE_URLS.includes(url) && !NAMESPACES.includes(url),
    );
    expect(own).toEqual([]);
  });

  it('has no canonical, no og:url and no sitemap, and robots.txt names none', () => {
    const html = readFileSync(join(withoutSite, 'index.html'), 'utf8');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:url');
    expect(html).not.toContain('rel="sitemap"');
    expect(existsSync(join(withoutSite, 'sitemap.xml'))).toBe(false);
    const robots = readFileSync(join(withoutSite, 'robots.txt'), 'utf8');
    expect(robots).toBe('User-agent: *\nAllow: /\n');
  });
});
