/**
 * Queries compiled once. Kysely builds and compiles a query tree on every
 * call; for the few queries every /log runs, the compiled form is kept and
 * only its parameters change. The SQL text is the same each time, so SQLite's
 * statement cache and PostgreSQL see exactly the queries they saw before.
 */
import type { CompiledQuery } from 'kysely';

/** `compiled` with other parameters, in the order they had when it was compiled. */
export function withParameters<R>(
  compiled: CompiledQuery<R>,
  parameters: unknown[],
): CompiledQuery<R> {
  return { query: compiled.query, queryId: compiled.queryId, sql: compiled.sql, parameters };
}
