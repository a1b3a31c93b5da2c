/** A member's ACE certifications, keyed by Discord user id and credential. */
import type { Certification } from '@cec/rules';
import type { Kysely } from 'kysely';
import { compileNamed, type Param } from './compiled.js';
import type { CertificationRow, Database } from './schema.js';

export interface StoredCertification {
  credential: string;
  expires: string | null;
  certified: string | null;
  updatedAt: string;
}

function toStored(row: Omit<CertificationRow, 'user_id'>): StoredCertification {
  return {
    credential: row.credential,
    expires: row.expires,
    certified: row.certified,
    updatedAt: row.updated_at,
  };
}

export function certificationsRepository(db: Kysely<Database>, now: () => Date) {
  // Read on every /log and /progress: compiled once (see compiled.ts).
  const listQuery = compileNamed((param: Param<{ userId: string }>) =>
    db
      .selectFrom('certifications')
      .select(['credential', 'expires', 'certified', 'updated_at'])
      .where('user_id', '=', param('userId'))
      .orderBy('credential')
      .compile(),
  );
  return {
    async list(userId: string): Promise<StoredCertification[]> {
      const { rows } = await db.executeQuery(listQuery.bind({ userId }));
      return rows.map(toStored);
    },

    /** Adds the certification or replaces its dates. Returns true when it was new. */
    async save(userId: string, certification: Certification): Promise<boolean> {
      const row = {
        user_id: userId,
        credential: certification.credential,
        expires: certification.expires ?? null,
        certified: certification.certified ?? null,
        updated_at: now().toISOString(),
      };
      const existing = await db
        .selectFrom('certifications')
        .select('credential')
        .where('user_id', '=', userId)
        .where('credential', '=', certification.credential)
        .executeTakeFirst();
      await db
        .insertInto('certifications')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['user_id', 'credential']).doUpdateSet({
            expires: row.expires,
            certified: row.certified,
            updated_at: row.updated_at,
          }),
        )
        .execute();
      return existing === undefined;
    },

    /** True when something was removed. */
    async remove(userId: string, credential: string): Promise<boolean> {
      const result = await db
        .deleteFrom('certifications')
        .where('user_id', '=', userId)
        .where('credential', '=', credential)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async removeAll(userId: string): Promise<number> {
      const result = await db
        .deleteFrom('certifications')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type CertificationsRepository = ReturnType<typeof certificationsRepository>;
