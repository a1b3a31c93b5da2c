/**
 * The one script every page ships, guide pages included: it installs the
 * offline cache (src/offline/service-worker.js). Inline, so it costs no
 * request; the budget test allows exactly this text on a page without a
 * script of its own.
 */
export const REGISTER_WORKER =
  "if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js');";
