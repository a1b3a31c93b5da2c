/**
 * A member's stored records as a rules plan. Entries were validated when
 * recorded; if a later version of the rules refuses one, it is left out of
 * the plan and reported instead of breaking the member's whole progress.
 */
import { type IsoDate, type Plan, type PlanInput, parsePlan } from '@cec/rules';
import type { Store, StoredActivity, StoredCertification } from '../store/index.js';

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

export function buildMemberPlan(
  certifications: readonly StoredCertification[],
  entries: readonly StoredActivity[],
  today: IsoDate,
): MemberPlan {
  const input = {
    today,
    certifications: certifications.map(certificationInput),
    activities: entries.map((e) => e.activity),
  } as unknown as PlanInput;
  const whole = parsePlan(input);
  if (whole.ok) return { plan: whole.plan, entries: [...entries], skipped: [] };

  // Something no longer validates: check each record on its own and keep the good ones.
  const kept: StoredActivity[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of entries) {
    const single = parsePlan({ certifications: [], activities: [entry.activity] });
    if (single.ok) kept.push(entry);
    else skipped.push({ entry, problems: single.problems.map((p) => p.message) });
  }
  const goodCertifications = certifications.filter(
    (c) => parsePlan({ certifications: [certificationInput(c)], activities: [] }).ok,
  );
  const retry = parsePlan({
    today,
    certifications: goodCertifications.map(certificationInput),
    activities: kept.map((e) => e.activity),
  });
  if (retry.ok) return { plan: retry.plan, entries: kept, skipped };
  return { plan: { today, certifications: [], activities: [] }, entries: [], skipped };
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
