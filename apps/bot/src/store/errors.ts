/**
 * What went wrong with the database, as one sentence a person can act on.
 * DATABASE_URL may carry a password: it never appears in these messages, and
 * the URL is shown with the password replaced by ***.
 */
import type { DatabaseLocation } from './database.js';

const MASK = '***';

/** The URL with its password (in the user-info part or a `password=` parameter) replaced. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = MASK;
    for (const key of [...parsed.searchParams.keys()]) {
      if (/^(password|sslpassword)$/i.test(key)) parsed.searchParams.set(key, MASK);
    }
    return parsed.toString().replace(encodeURIComponent(MASK), MASK);
  } catch {
    // Not a WHATWG URL (pg also reads some forms URL() rejects): mask by shape.
    return url
      .replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, `$1${MASK}@`)
      .replace(/([?&](?:ssl)?password=)[^&]*/gi, `$1${MASK}`);
  }
}

/** Every spelling of the password a driver message could contain. */
function passwordsIn(url: string): string[] {
  const found = new Set<string>();
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      found.add(parsed.password);
      found.add(decodeURIComponent(parsed.password));
    }
    for (const [key, value] of parsed.searchParams) {
      if (/password$/i.test(key) && value) found.add(value);
    }
  } catch {
    const match = /^[a-z]+:\/\/[^:/@]*:([^@]*)@/i.exec(url);
    if (match?.[1]) found.add(match[1]);
  }
  // A very short password would mask ordinary letters; drivers never echo passwords anyway.
  return [...found].filter((p) => p.length >= 4);
}

function mask(text: string, location: DatabaseLocation): string {
  if (location.dialect !== 'postgres') return text;
  let out = text.split(location.url).join(location.display);
  for (const secret of passwordsIn(location.url)) out = out.split(secret).join(MASK);
  return out;
}

interface ErrorFacts {
  code: string | undefined;
  message: string;
}

/** The innermost error that says what happened (drivers wrap, Node aggregates IPv4 and IPv6 tries). */
function facts(error: unknown): ErrorFacts {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    if (current instanceof AggregateError && current.errors.length > 0) {
      current = current.errors[0];
      continue;
    }
    if (current instanceof Error) {
      const code = (current as Error & { code?: unknown }).code;
      if (typeof code === 'string') return { code, message: current.message };
      if (current.cause !== undefined) {
        current = current.cause;
        continue;
      }
      return { code: undefined, message: current.message };
    }
    break;
  }
  return { code: undefined, message: String(current) };
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    return '(unknown)';
  }
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return '(unknown)';
  }
}

function describePostgres(
  { code, message }: ErrorFacts,
  location: Extract<DatabaseLocation, { dialect: 'postgres' }>,
): string {
  const where = location.display;
  switch (code) {
    case 'ECONNREFUSED':
      return `Cannot reach PostgreSQL at ${where}: the connection was refused (is the server running and listening on that host and port?).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot reach PostgreSQL at ${where}: the host name "${hostName(location.url)}" does not resolve.`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `Cannot reach PostgreSQL at ${where}: the host does not answer (wrong address, or a firewall?).`;
    case 'ECONNRESET':
      return `PostgreSQL at ${where} closed the connection while connecting (is it a PostgreSQL server, and does it require sslmode=require?).`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the login: check the user name and password in DATABASE_URL (and the server's pg_hba.conf).`;
    case '3D000':
      return `PostgreSQL at ${where} has no database "${databaseName(location.url)}": create it (createdb) or fix the database name in DATABASE_URL.`;
    case '3F000':
      return `PostgreSQL at ${where} has no schema to create the tables in: the search_path of DATABASE_URL names no existing schema.`;
    case '42501':
      return `The PostgreSQL user in DATABASE_URL may not create or change the bot's tables at ${where}: grant it CREATE on the schema, or connect as the database owner.`;
    case '53300':
      return `PostgreSQL at ${where} has no connection slot left: raise its max_connections or run fewer bot processes.`;
    case '57P03':
      return `PostgreSQL at ${where} is starting up or shutting down: try again in a moment.`;
  }
  if (/timeout/i.test(message)) {
    return `Cannot reach PostgreSQL at ${where}: no answer within 10 s (wrong address, or a firewall?).`;
  }
  if (/does not support SSL/i.test(message)) {
    return `PostgreSQL at ${where} does not accept SSL: remove sslmode (or ssl) from DATABASE_URL.`;
  }
  return `PostgreSQL at ${where} failed: ${mask(message, location)}`;
}

/** One sentence for a failure to open, migrate or use the database. */
export function describeDatabaseError(error: unknown, location: DatabaseLocation): string {
  const found = facts(error);
  if (location.dialect === 'postgres') return describePostgres(found, location);
  if (found.code === 'SQLITE_CANTOPEN' || found.code === 'EACCES' || found.code === 'EISDIR') {
    return `Cannot open the SQLite file ${location.filename}: ${found.message} (check the path in DATABASE_URL and that the folder is writable).`;
  }
  if (found.code === 'SQLITE_NOTADB' || found.code === 'SQLITE_CORRUPT') {
    return `${location.filename} is not a readable SQLite database (${found.message}): restore it from a backup (see docs/scaling.md).`;
  }
  return `The SQLite file ${location.filename} failed: ${found.message}`;
}
