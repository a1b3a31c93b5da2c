/**
 * A small leveled logger that writes to stderr (stdout belongs to the console
 * and the benchmark's JSON). Secrets handed to it are masked in every line,
 * including error messages and stacks from libraries.
 */
import type { LogLevel } from './config.js';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface LoggerOptions {
  level: LogLevel;
  /** Values that must never be printed (the Discord token). */
  secrets?: readonly (string | null | undefined)[];
  write?: (line: string) => void;
  now?: () => Date;
}

function describe(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return ` ${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  if (typeof detail === 'string') return ` ${detail}`;
  try {
    return ` ${JSON.stringify(detail)}`;
  } catch {
    return ` ${String(detail)}`;
  }
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = RANK[options.level];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  // Short strings are not masked: they would blank out ordinary words.
  const secrets = (options.secrets ?? []).filter((s): s is string => !!s && s.length >= 8);
  const mask = (text: string) =>
    secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);

  const log = (level: Exclude<LogLevel, 'silent'>) => (message: string, detail?: unknown) => {
    if (RANK[level] < threshold) return;
    write(mask(`${now().toISOString()} ${level.toUpperCase()} ${message}${describe(detail)}`));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** For tests and tools that want no output. */
export const silentLogger: Logger = createLogger({ level: 'silent', write: () => {} });
