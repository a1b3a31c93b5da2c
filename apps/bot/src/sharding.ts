/**
 * Running the bot sharded (SHARDS=<n>): this process becomes discord.js's
 * ShardingManager and starts n copies of main.js, each one Discord gateway
 * shard (Discord sends a server's events to shard (server id >> 22) % n). The
 * shard processes inherit the environment (DISCORD_API, DATABASE_URL, …) and
 * Node's flags, and share the database; the reminder lease picks the one that
 * sends reminders.
 *
 * The shard count is always explicit: discord.js's 'auto' asks discord.com for
 * the recommended count even when DISCORD_API points elsewhere.
 */
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type Shard, ShardingManager } from 'discord.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';

/** Discord's answer for this process when a ShardingManager started it, else null. */
export function shardOfThisProcess(
  env: Readonly<Record<string, string | undefined>>,
): { ids: number[]; count: number } | null {
  if (env.SHARDING_MANAGER !== 'true' || typeof process.send !== 'function') return null;
  // The manager sets SHARDS to this shard's id (a JSON number or list) and SHARD_COUNT.
  let ids: number[] = [];
  try {
    const parsed: unknown = JSON.parse(env.SHARDS ?? '');
    ids = (Array.isArray(parsed) ? parsed : [parsed]).filter(
      (id): id is number => typeof id === 'number',
    );
  } catch {
    ids = [];
  }
  return { ids, count: Number(env.SHARD_COUNT ?? 1) };
}

/** Every line says which shard wrote it: the shards share the manager's stderr. */
export function shardLogger(log: Logger, label: string): Logger {
  return {
    debug: (message, detail) => log.debug(`[${label}] ${message}`, detail),
    info: (message, detail) => log.info(`[${label}] ${message}`, detail),
    warn: (message, detail) => log.warn(`[${label}] ${message}`, detail),
    error: (message, detail) => log.error(`[${label}] ${message}`, detail),
  };
}

/** A shard that keeps dying is restarted after 1, 2, 4 … up to 60 s. */
const MAX_RESPAWN_DELAY_MS = 60_000;
/** A shard that stayed up this long starts over at the shortest delay. */
const HEALTHY_AFTER_MS = 10 * 60_000;
/** How long a shard may take from start to READY (it also opens the database). */
const SPAWN_TIMEOUT_MS = 60_000;
/** How long a shard gets to close Discord and the database after SIGTERM. */
const STOP_TIMEOUT_MS = 15_000;

export interface ShardingOptions {
  config: Config & { shards: number };
  log: Logger;
}

/** Starts the shards and keeps them running until SIGINT/SIGTERM. Resolves once all are ready. */
export async function runShardingManager({ config, log }: ShardingOptions): Promise<void> {
  const mainFile = fileURLToPath(new URL('./main.js', import.meta.url));
  const manager = new ShardingManager(mainFile, {
    totalShards: config.shards,
    token: config.discordToken ?? undefined,
    mode: 'process',
    // Restarts are ours (below), with a growing delay: discord.js would restart at once, forever.
    respawn: false,
    execArgv: process.execArgv,
  });

  let stopping = false;
  const startedAt = new Map<number, number>();
  const failures = new Map<number, number>();

  const watch = (shard: Shard) => {
    shard.on('spawn', (child) => {
      startedAt.set(shard.id, Date.now());
      log.info(`shard ${shard.id} started (pid ${'pid' in child ? child.pid : '?'})`);
    });
    shard.on('error', (error) => log.error(`shard ${shard.id} failed`, error));
    shard.on('death', () => {
      if (stopping) return;
      const upFor = Date.now() - (startedAt.get(shard.id) ?? 0);
      const failed = upFor > HEALTHY_AFTER_MS ? 1 : (failures.get(shard.id) ?? 0) + 1;
      failures.set(shard.id, failed);
      const delay = Math.min(MAX_RESPAWN_DELAY_MS, 1000 * 2 ** (failed - 1));
      log.warn(`shard ${shard.id} exited; restarting it in ${Math.round(delay / 1000)} s`);
      setTimeout(() => {
        if (stopping || shard.process) return;
        shard
          .spawn(SPAWN_TIMEOUT_MS)
          .catch((error: unknown) => log.error(`shard ${shard.id} did not come back`, error));
      }, delay).unref();
    });
  };
  manager.on('shardCreate', watch);

  const stopAll = async () => {
    stopping = true;
    await Promise.all(
      manager.shards.map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }),
    );
  };

  const shutdown = async (signal: string) => {
    if (stopping) return;
    log.info(`${signal}: stopping ${manager.shards.size} shard(s)`);
    await stopAll();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  log.info(`starting ${config.shards} shard(s), ${config.shardSpawnDelayMs} ms apart`);
  try {
    await manager.spawn({
      amount: config.shards,
      delay: config.shardSpawnDelayMs,
      timeout: SPAWN_TIMEOUT_MS,
    });
  } catch (error) {
    // A shard that cannot start (bad token, database gone) would fail the same way again.
    log.error('a shard did not start; stopping the others', describeSpawnError(error));
    await stopAll();
    process.exit(1);
  }
  log.info(`all ${config.shards} shard(s) ready`);
}

function describeSpawnError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
