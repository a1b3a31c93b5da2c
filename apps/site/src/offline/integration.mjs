// @ts-check
// Writes dist/sw.js after the build: the list of every file the build wrote
// (pages by their address, /opportunities/cpr-aed/ for its index.html) and a
// version made from their contents, above the worker's own code
// (service-worker.js beside this file).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKER_FILE = 'sw.js';

/**
 * The address a file of the build is served at.
 * @param {string} file
 */
function address(file) {
  const path = `/${file.split('\\').join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** @returns {import('astro').AstroIntegration} */
export function offline() {
  return {
    name: 'cec-offline',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name).slice(root.length))
          .filter((file) => file !== WORKER_FILE)
          .sort();
        const hash = createHash('sha256');
        for (const file of files) hash.update(file).update(readFileSync(join(root, file)));
        const worker = readFileSync(new URL('service-worker.js', import.meta.url), 'utf8');
        hash.update(worker);
        const head = `const PRECACHE = ${JSON.stringify(files.map(address))};\nconst VERSION = '${hash.digest('hex').slice(0, 16)}';\n`;
        writeFileSync(join(root, WORKER_FILE), head + worker);
      },
    },
  };
}
