#!/usr/bin/env node
// `pnpm start`: build everything, then serve the site on 127.0.0.1:4321 and,
// when DISCORD_TOKEN is set, run the bot beside it (embedded SQLite database,
// no other server needed). Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' };

const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

function hasScript(dir, name) {
  try {
    return Boolean(JSON.parse(readFileSync(`${root}/${dir}/package.json`, 'utf8')).scripts?.[name]);
  } catch {
    return false;
  }
}

console.log(`
CEC Toolkit — unofficial, not affiliated with the American Council on Exercise.

The command line (from this folder):
  pnpm cec cpr 2yr                  how many CECs for an activity
  pnpm cec check CA23456            check an ACE course number
  pnpm cec plan packages/rules/test/fixtures/example-plan.json
  pnpm cec rules                    every opportunity, its value, limit and source
`);

const children = [];
function run(label, args) {
  const child = spawn('pnpm', args, { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    if (!stopping) console.log(`${label} stopped (${signal ?? `exit ${code}`}).`);
  });
  children.push(child);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
  });
}

if (hasScript('apps/site', 'serve')) {
  console.log('The site: http://127.0.0.1:4321/');
  run('The site', ['--silent', '--filter', '@cec/site', 'serve']);
}
if (process.env.DISCORD_TOKEN && hasScript('apps/bot', 'start')) {
  console.log('The Discord bot is starting (DISCORD_TOKEN is set).');
  // Not the local address: members would open 127.0.0.1 on their own machines.
  console.log(
    process.env.SITE_URL
      ? `Its calculator links open ${process.env.SITE_URL}.`
      : 'It posts no calculator links: set SITE_URL to the site’s public address for them.',
  );
  run('The bot', ['--silent', '--filter', '@cec/bot', 'start']);
} else {
  console.log(
    'The Discord bot: set DISCORD_TOKEN and DISCORD_APPLICATION_ID to run it, or try it locally: pnpm bot:console',
  );
}
