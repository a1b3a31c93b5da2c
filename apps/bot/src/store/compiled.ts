/**
 * Queries compiled once. Kysely builds and compiles a query tree on every
 * call; for the few queries every /log runs, the compiled form is kept and
 * only its parameters change. The SQL text is the same each time, so SQLite's
 * statement cache and PostgreSQL see exactly the queries they saw before.
 *
 * Parameters are named: the query is compiled with a marker where each value
 * goes, and each run fills the markers' positions from an object by name, so
 * reordering a query cannot silently swap two of its values.
 */
import type { CompiledQuery } from 'kysely';

/** Where a named parameter goes; Kysely carries it into the compiled parameters untouched. */
class Marker {
  constructor(readonly name: string) {}
}

/** Names a parameter while the query is built; typed as its value, so the builder accepts it. */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

export interface NamedQuery<P, R> {
  /** The compiled query with these values in place of its named parameters. */
  bind(values: P): CompiledQuery<R>;
}

/**
 * Compiles `build`'s query once. Every parameter must come from `param`: a
 * literal value left in the query would be fixed forever, so it is refused.
 */
export function compileNamed<P, R>(build: (param: Param<P>) => CompiledQuery<R>): NamedQuery<P, R> {
  // A marker stands in for the value only until the positions are read below.
  const param: Param<P> = (name) => new Marker(name) as P[typeof name];
  const compiled = build(param);
  const positions = compiled.parameters.map((value, index) => {
    if (!(value instanceof Marker)) {
      throw new Error(`Parameter ${index + 1} of a named query has no name: ${compiled.sql}`);
    }
    return value.name as keyof P;
  });
  return {
    bind: (values) => ({
      query: compiled.query,
      queryId: compiled.queryId,
      sql: compiled.sql,
      parameters: positions.map((name) => values[name]),
    }),
  };
}
