import { vitestConfig } from '@cec/vitest-config';

export default vitestConfig({
  // The browser tests start Chromium; two cores run two files at a time at most.
  maxWorkers: 2,
  testTimeout: 30_000,
  hookTimeout: 60_000,
});
