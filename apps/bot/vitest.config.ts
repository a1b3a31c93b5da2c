import { vitestConfig } from '@cec/vitest-config';

// End-to-end files each start a fake Discord and a bot: give them room on a 2-core machine.
export default vitestConfig({ testTimeout: 20_000, hookTimeout: 20_000 });
