// A tiny static server for the built site (dist/), on 127.0.0.1 and a free
// port: what the browser tests and the Lighthouse benchmark load pages from.
// It serves /x/ as x/index.html, answers 404 with dist/404.html, and gzips
// text like any real host would.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

async function fileFor(root, pathname) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const path = join(root, clean);
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep) && path !== root) return null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileFor(root, join(clean, 'index.html'));
    return path;
  } catch {
    return null;
  }
}

/** Starts the server; resolves to { url, close() }. */
export async function startStaticServer(root = DIST) {
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
      let path = await fileFor(root, pathname);
      let status = 200;
      if (path === null) {
        status = 404;
        path = join(root, '404.html');
      }
      let body = await readFile(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
      if (
        /^(text|application\/(xml|json|manifest))|svg/.test(type) &&
        /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
      ) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      }
      response.writeHead(status, headers);
      response.end(body);
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
