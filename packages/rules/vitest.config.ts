import { vitestConfig } from '@cec/vitest-config';

export default vitestConfig({
  // Fuzz and spawned-CLI tests share two cores with the other packages' tests under turbo.
  testTimeout: 30_000,
  coverage: {
    provider: 'v8',
    include: ['src/**/*.ts'],
    exclude: ['src/cli.ts'],
    reporter: ['text-summary', 'json-summary'],
    thresholds: { lines: 95, branches: 95 },
  },
});
