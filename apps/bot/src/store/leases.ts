/**
 * Leases: a named job that only one process may run at a time (the reminder
 * scheduler), held by an owner until it expires. Taking or renewing a lease is
 * one upsert, atomic on SQLite and PostgreSQL alike: the row is inserted, or
 * updated only if this owner already holds it or it has expired. Two takers
 * can never both see "updated", so two bot processes never both hold it.
 *
 * Expiry uses the caller's clock (ISO text compares in time order). Machines
 * sharing a database must keep their clocks within a small fraction of the
 * lease's length (NTP does), or a lease would expire early for some of them.
 */
import type { Kysely } from 'kysely';
import type { Database, LeaseRow } from './schema.js';

export function leasesRepository(db: Kysely<Database>) {
  return {
    /**
     * Takes the lease, or renews it for its current owner, until `now + ttlMs`.
     * True when `owner` holds it afterwards.
     */
    async acquire(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
      const at = now.toISOString();
      const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
      const result = await db
        .insertInto('leases')
        .values({ name, owner, acquired_at: at, expires_at: expiresAt })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet((eb) => ({
              owner: eb.ref('excluded.owner'),
              expires_at: eb.ref('excluded.expires_at'),
              // A renewal keeps the time the owner first took it; a takeover starts anew.
              acquired_at: eb
                .case()
                .when('leases.owner', '=', eb.ref('excluded.owner'))
                .then(eb.ref('leases.acquired_at'))
                .else(eb.ref('excluded.acquired_at'))
                .end(),
            }))
            .where((eb) =>
              eb.or([
                eb('leases.owner', '=', eb.ref('excluded.owner')),
                eb('leases.expires_at', '<=', at),
              ]),
            ),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    /** Gives the lease up (a clean shutdown), so another process can take it at once. */
    async release(name: string, owner: string): Promise<boolean> {
      const result = await db
        .deleteFrom('leases')
        .where('name', '=', name)
        .where('owner', '=', owner)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /** The current row, expired or not (for logs and tests). */
    async find(name: string): Promise<LeaseRow | null> {
      const row = await db
        .selectFrom('leases')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
      return row ?? null;
    },
  };
}

export type LeasesRepository = ReturnType<typeof leasesRepository>;
