/**
 * Reading `strace -f -yy -s N -o FILE` output: one system call per line, prefixed by the
 * thread id and a time, the file descriptor shown with what it is (`5</path/file>`,
 * `21<TCP:[127.0.0.1:40000->127.0.0.1:37523]>`). A call interrupted by another thread's is
 * split into `… <unfinished ...>` and `<... name resumed>…`; strace writes every line in
 * the order the events happened, so a call's position in the file is its place in time.
 */

export interface SystemCall {
  thread: string;
  name: string;
  /** What the first argument's descriptor is: a path, or `TCP:[…]`. */
  target: string;
  /** The call as written at entry (arguments, buffers shown as strings). */
  text: string;
  /** Line numbers of the entry and of the return. */
  start: number;
  end: number;
  /** The return value, e.g. "0" or "4096"; null if the trace ended first. */
  result: string | null;
}

const ENTRY = /^(\d+)\s+[\d:.]+\s+(\w+)\((\d+)<([^>]*)>(.*)$/;
const RESUMED = /^(\d+)\s+[\d:.]+\s+<\.\.\. (\w+) resumed>(.*)$/;
/** The return value at the end of a line: `) = 4096`, or `) = -1 EIO (Input/output error)`. */
const RESULT = /\)\s+=\s+(-?\d+|\?)(?: [A-Z]+ \([^)]*\))?$/;

export function parseTrace(trace: string): SystemCall[] {
  const calls: SystemCall[] = [];
  const pending = new Map<string, SystemCall>();
  trace.split('\n').forEach((line, index) => {
    const resumed = RESUMED.exec(line);
    if (resumed) {
      const [, thread = '', name = '', rest = ''] = resumed;
      const call = pending.get(thread);
      if (call && call.name === name) {
        call.end = index;
        call.result = RESULT.exec(rest)?.[1] ?? null;
        pending.delete(thread);
      }
      return;
    }
    const entry = ENTRY.exec(line);
    if (!entry) return;
    const [, thread = '', name = '', , target = '', rest = ''] = entry;
    const unfinished = rest.endsWith('<unfinished ...>');
    const call: SystemCall = {
      thread,
      name,
      target,
      text: rest,
      start: index,
      end: index,
      result: unfinished ? null : (RESULT.exec(rest)?.[1] ?? null),
    };
    if (unfinished) pending.set(thread, call);
    calls.push(call);
  });
  return calls;
}

export const isSync = (call: SystemCall) => call.name === 'fsync' || call.name === 'fdatasync';
