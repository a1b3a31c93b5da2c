/** The built bot (dist/main.js) on a database it cannot open: a clear sentence, never a stack or a password. */
import { describe, expect, test } from 'vitest';
import { TOKEN } from './helpers/fake-discord.js';
import { run } from './helpers/processes.js';

describe('starting the built bot on a database it cannot open', () => {
  test.each([
    ['one process', {}],
    ['sharded', { SHARDS: '2' }],
  ])('%s: exit 1, one line naming the server, no password, no stack', async (_, extra) => {
    const result = await run('main.js', [], {
      DISCORD_TOKEN: TOKEN,
      DATABASE_URL: 'postgres://cec:Sup3r-Secret-pw@127.0.0.1:1/cec',
      DISCORD_API: 'http://127.0.0.1:1/api',
      ...extra,
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /ERROR cannot start: Cannot reach PostgreSQL at postgres:\/\/cec:\*\*\*@127\.0\.0\.1:1\/cec: the connection was refused/,
      ),
    ]);
    expect(result.stderr + result.stdout).not.toContain('Sup3r');
  });
});
