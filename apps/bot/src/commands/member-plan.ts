/**
 * A member's stored records as a rules plan. Entries were validated when
 * recorded; if a later version of the rules refuses one, it is left out of
 * the plan and reported instead of breaking the member's whole progress.
 */
import type { Activity, Certification, IsoDate, Plan } from '@cec/rules';
import type { Store, StoredActivity, StoredCertification } from '../store/index.js';
import { type Checked, checkActivity, checkCertification } from './validate.js';

export interface SkippedEntry {
  entry: StoredActivity;
  problems: string[];
}

export interface MemberPlan {
  plan: Plan;
  /** `entries[i]` is the stored entry behind `plan.activities[i]`. */
  entries: StoredActivity[];
  skipped: SkippedEntry[];
}

function certificationInput(c: StoredCertification): Record<string, unknown> {
  return c.expires !== null
    ? { credential: c.credential, expires: c.expires }
    : { credential: c.credential, certified: c.certified };
}

/**
 * An entry never changes once recorded, so its validation is kept (bounded)
 * instead of re-parsing every entry of a member on every command.
 */
const VALIDATED_LIMIT = 20_000;
const validated = new Map<string, { createdAt: string; result: Checked<Activity> }>();

function validatedEntry(entry: StoredActivity): Checked<Activity> {
  const known = validated.get(entry.id);
  // An id freed by a removal and drawn again is a different entry: its creation time tells.
  if (known && known.createdAt === entry.createdAt) return known.result;
  const result = checkActivity(entry.activity);
  if (validated.size >= VALIDATED_LIMIT) validated.clear();
  validated.set(entry.id, { createdAt: entry.createdAt, result });
  return result;
}

export function buildMemberPlan(
  certifications: readonly StoredCertification[],
  entries: readonly StoredActivity[],
  today: IsoDate,
): MemberPlan {
  const kept: StoredActivity[] = [];
  const activities: Activity[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of entries) {
    const result = validatedEntry(entry);
    if (result.ok) {
      kept.push(entry);
      activities.push(result.value);
    } else {
      skipped.push({ entry, problems: result.problems });
    }
  }
  const valid: Certification[] = [];
  for (const certification of certifications) {
    const result = checkCertification(certificationInput(certification));
    if (result.ok) valid.push(result.value);
  }
  // The same shape parsePlan returns; each part was validated by the rules above.
  const plan: Plan = { today, certifications: valid, activities };
  return { plan, entries: kept, skipped };
}

export async function loadMemberPlan(
  store: Store,
  userId: string,
  today: IsoDate,
): Promise<MemberPlan> {
  const [certifications, entries] = await Promise.all([
    store.certifications.list(userId),
    store.activities.list(userId),
  ]);
  return buildMemberPlan(certifications, entries, today);
}
