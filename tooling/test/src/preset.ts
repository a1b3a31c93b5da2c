import { fileURLToPath } from 'node:url';
import type { TestUserConfig, ViteUserConfig } from 'vitest/config';

/**
 * Every package's vitest config: tests under test/, behind the network guard.
 * A package passes only what differs; its options replace the shared ones.
 */
export function vitestConfig(own: TestUserConfig = {}): ViteUserConfig {
  return {
    test: {
      include: ['test/**/*.test.ts'],
      // The same path from src/ and from dist/.
      setupFiles: [fileURLToPath(new URL('../network-guard.mjs', import.meta.url))],
      ...own,
    },
  };
}
