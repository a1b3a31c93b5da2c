import { vitestConfig } from '@cec/vitest-config';

export default vitestConfig({
  // The browser tests start Chromium; two cores run two files at a time at most.
  maxWorkers: 2,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Load @cec/rules through Vite so a test can swap its zod for the browser subset.
  server: { deps: { inline: ['@cec/rules'] } },
});
