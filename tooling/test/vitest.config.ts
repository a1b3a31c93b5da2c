import { vitestConfig } from './src/preset.js';

// Each test here runs turbo's dry run a few times over the whole repository.
export default vitestConfig({ include: ['*.test.ts'], testTimeout: 60_000 });
