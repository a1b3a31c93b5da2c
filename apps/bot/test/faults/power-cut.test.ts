/**
 * An acknowledged entry survives a power cut: it is on disk before its reply leaves.
 * The built bot runs under `strace -f` through a burst of /log commands from the fake
 * Discord, and for every entry whose reply came back the trace must show, in this order:
 * the first write of the entry into the WAL file (its id is in the page SQLite writes), an
 * fsync or fdatasync of the WAL that starts after it and succeeds, and only then the
 * reply's write to the network (the id is in the HTTP request to Discord). A killed process
 * is covered by crash.test.ts; this is the part only the disk can keep.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { IN_CI } from '../helpers/databases.js';
import { DIST, kill } from '../helpers/processes.js';
import { type DiscordForProcess, discordForProcess, entryIdOf, pool } from './support.js';
import { isSync, parseTrace, type SystemCall } from './trace.js';

const hasStrace = spawnSync('strace', ['-V']).status === 0;
if (!hasStrace && IN_CI) throw new Error('strace is missing: .ci/run installs it.');
if (!hasStrace) console.log('power-cut: strace is not installed, skipped (apt-get install strace)');

const BURST = 120;
const IN_FLIGHT = 12;

let discord: DiscordForProcess | undefined;
afterAll(async () => {
  await discord?.close();
});

/** The built bot under strace, writing the trace to `traceFile`. */
function tracedBot(env: Record<string, string>, traceFile: string) {
  const child = spawn(
    'strace',
    [
      '-f',
      '-qq',
      '-tt',
      '-yy',
      '-s',
      '8192',
      '--seccomp-bpf',
      '-e',
      'trace=fsync,fdatasync,write,pwrite64,writev,sendto,sendmsg',
      '-o',
      traceFile,
      process.execPath,
      join(DIST, 'main.js'),
    ],
    { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const finished = new Promise<number | null>((resolve) => child.on('close', resolve));
  const loggedIn = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no login in 30 s:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('logged in as')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr.on('data', check);
    child.on('close', () => reject(new Error(`the traced bot exited:\n${output}`)));
  });
  /** SIGTERM to the bot itself: strace would only detach and leave it running. */
  const stop = () => {
    const strace = child.pid;
    const bot = readFileSync(`/proc/${strace}/task/${strace}/children`, 'utf8').trim();
    if (bot) process.kill(Number(bot.split(' ')[0]), 'SIGTERM');
  };
  return { child, finished, loggedIn, stop, output: () => output };
}

/** Why `id`'s reply is not known to follow its fsync, or null when it does. */
function checkEntry(id: string, calls: readonly SystemCall[], walFile: string): string | null {
  const intoWal = calls.find(
    (c) => c.target === walFile && c.name === 'pwrite64' && c.text.includes(id),
  );
  if (!intoWal) return 'never written to the WAL';
  const reply = calls.find(
    (c) =>
      c.target.startsWith('TCP') && c.start > intoWal.end && c.text.includes(`Entry \`${id}\``),
  );
  if (!reply) return 'no reply written to the network after its WAL write';
  const synced = calls.some(
    (c) =>
      isSync(c) &&
      c.target === walFile &&
      c.result === '0' &&
      c.start > intoWal.end &&
      c.end < reply.start,
  );
  return synced ? null : 'replied before any fsync of the WAL that followed its write';
}

describe.skipIf(!hasStrace)('power cut: every acknowledged entry is fsynced first', () => {
  test('for each /log reply, the WAL fsync comes between the entry and the reply', async () => {
    discord = await discordForProcess();
    const world = discord;
    const traceFile = join(world.databaseFile, '..', 'bot.strace');
    const bot = tracedBot({ ...world.env, LOG_LEVEL: 'info' }, traceFile);
    try {
      await bot.loggedIn;
    } catch (error) {
      kill(bot.child, 'SIGKILL');
      throw error;
    }

    const acknowledged: string[] = [];
    await pool(BURST, IN_FLIGHT, async (i) => {
      const reply = await world.fake.command({
        name: i % 2 ? 'log mentor' : 'log present',
        options: { date: '2026-01-01', title: `traced-${i}` },
        user: `tracer${i % 6}`,
        timeoutMs: 15_000,
      });
      const id = entryIdOf(reply);
      if (id) acknowledged.push(id);
    });
    bot.stop();
    expect(await bot.finished, bot.output()).toBe(0);

    const calls = parseTrace(readFileSync(traceFile, 'utf8'));
    const walFile = `${world.databaseFile}-wal`;
    const problems = acknowledged
      .map((id) => ({ id, problem: checkEntry(id, calls, walFile) }))
      .filter((e) => e.problem !== null);
    const syncs = calls.filter((c) => isSync(c) && c.target === walFile).length;
    console.log(
      `power-cut: ${acknowledged.length} of ${BURST} /log acknowledged, ${problems.length} of them ` +
        `before their WAL fsync; ${syncs} fsyncs of the WAL in all (commits share them)`,
    );
    expect(acknowledged.length).toBe(BURST);
    expect(problems).toEqual([]);
  }, 120_000);
});
