/** Running the built entry points (dist/) as child processes, as a user would. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_DIR } from '../../src/store/database.js';

export const DIST = join(PACKAGE_DIR, 'dist');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A child with only the environment given (plus PATH), so the developer's own env cannot leak in. */
export function launch(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [join(DIST, script), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const finished = new Promise<Finished>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    finished,
    output: () => ({ stdout, stderr }),
    /** Resolves once stderr or stdout contains `text`. */
    waitFor(text: string, timeoutMs = 10_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (stdout.includes(text) || stderr.includes(text)) return resolve();
          if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            return reject(
              new Error(`"${text}" never appeared. stdout:\n${stdout}\nstderr:\n${stderr}`),
            );
          }
          setTimeout(check, 20);
        };
        check();
      });
    },
  };
}

export function run(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<Finished> {
  return launch(script, args, env).finished;
}

export function kill(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

export type HttpInstance = ReturnType<typeof launch> & {
  /** The endpoint's base URL, as it logged it (`${url}/interactions` takes the interactions). */
  url: string;
};

/**
 * The built bot as an HTTP interactions instance (INTERACTIONS_PORT=0, so any free port, on
 * 127.0.0.1), resolved once it listens.
 */
export async function launchHttpInstance(env: Record<string, string>): Promise<HttpInstance> {
  const instance = launch('main.js', [], {
    ...env,
    INTERACTIONS_PORT: '0',
    INTERACTIONS_HOST: '127.0.0.1',
  });
  try {
    await instance.waitFor('interactions endpoint listening on', 30_000);
  } catch (error) {
    kill(instance.child, 'SIGKILL');
    throw error;
  }
  const url = /listening on (http:\/\/\S+)\/interactions/.exec(instance.output().stderr)?.[1] ?? '';
  return { ...instance, url };
}
