import { vitestConfig } from '@cec/vitest-config';

export default vitestConfig({ testTimeout: 15_000, hookTimeout: 15_000 });
