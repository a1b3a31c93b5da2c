/**
 * The `cec` command: the only module of the package that touches `process`.
 * What it prints is decided by `run` in cli-run.ts.
 */
import { type CliOutput, run } from './cli-run.js';

function main(): void {
  let result: CliOutput;
  try {
    result = run(process.argv.slice(2));
  } catch (error) {
    // A bug of ours, not the user's input: one line, no stack trace.
    result = {
      out: '',
      err: `cec: internal error (${(error as Error).message}). Please report it.\n`,
      code: 70,
    };
  }
  process.stdout.on('error', () => {}); // a closed pipe (cec rules | head) is not an error
  process.stdout.write(result.out);
  process.stderr.write(result.err);
  process.exitCode = result.code;
}

main();
