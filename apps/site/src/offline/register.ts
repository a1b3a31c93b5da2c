/**
 * The one script every page ships, guide pages included: it installs the
 * offline cache (src/offline/service-worker.js) once the page has loaded, so
 * the cache's downloads do not compete with the page's own. Inline, so it
 * costs no request; the budget test allows exactly this text on a page
 * without a script of its own.
 */
export const REGISTER_WORKER =
  "if ('serviceWorker' in navigator) addEventListener('load', () => navigator.serviceWorker.register('/sw.js'));";
