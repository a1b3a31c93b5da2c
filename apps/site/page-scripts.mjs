// @ts-check
/**
 * Each page's script is bundled alone, into one file with everything it
 * imports. By default Rollup moves the modules that two pages share (the
 * rules' dates, cycles, summaries) into shared chunks: the calculator then
 * loaded four files, and four gzipped files weigh 1.4 KB more than the same
 * code in one (measured: 26.3 KB against 24.95 KB), while the renewal and
 * submit pages loaded parts of the calculator's graph they did not need.
 *
 * How: every module a page's script imports, directly or not, is resolved
 * under an id that names the page (`…/dates.js?page=renewal`), so no module
 * is shared between two pages and Rollup has nothing to split out. The files
 * are read as they are; nothing is copied in the source.
 */

const PAGE = /[?&]page=([\w-]+)/;
/** Vite's helper that wraps every import(): it preloads the loaded chunk's own imports and CSS. */
const PRELOAD_HELPER = '\0vite/preload-helper.js';
/** Astro's id for a page's script: src/pages/renewal.astro?astro&type=script&index=0&lang.ts */
const SCRIPT = /\/src\/pages\/(.+?)\.astro\?astro&type=script/;

/** @returns {NonNullable<import('astro').ViteUserConfig['plugins']>[number]} */
export function pageScripts() {
  return {
    name: 'cec-page-scripts',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const page = SCRIPT.exec(importer)?.[1]?.replace(/\W/g, '-') ?? PAGE.exec(importer)?.[1];
      if (!page) return null;
      const resolved = await this.resolve(source, importer.replace(PAGE, ''), {
        ...options,
        skipSelf: true,
      });
      // Virtual modules and externals stay as they are.
      if (!resolved || resolved.external || resolved.id.startsWith('\0')) return resolved;
      const join = resolved.id.includes('?') ? '&' : '?';
      return { ...resolved, id: `${resolved.id}${join}page=${page}` };
    },
    // A page's lazily loaded part (the parser of /ask/) is one file with no imports and no
    // CSS, so Vite's preload helper (0.5 KB gzipped on the page's first script) would preload
    // nothing: import() alone does the same. generateBundle checks that this stays true.
    load(id) {
      return id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : null;
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isDynamicEntry) continue;
        const css = chunk.viteMetadata?.importedCss.size ?? 0;
        if (chunk.imports.length > 0 || css > 0) {
          this.error(
            `${chunk.fileName} imports other files: Vite's preload helper is needed again (page-scripts.mjs).`,
          );
        }
      }
    },
  };
}
