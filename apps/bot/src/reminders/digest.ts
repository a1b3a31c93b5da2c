/**
 * The weekly digest's figures for one server: what each member logged in the
 * week before the post, and whose deadline is near. Pure: the scheduler
 * passes the plans it has already evaluated.
 */
import {
  addDays,
  type CertificationEvaluation,
  type IsoDate,
  mondayOf,
  type PlanEvaluation,
  todayIn,
} from '@cec/rules';
import type { MemberPlan } from '../members/plan.js';
import type { Digest, DueSoon, LoggedThisWeek } from '../render/digest.js';

/** "Due soon" in the digest: a deadline within this many days. */
export const DIGEST_DUE_DAYS = 90;

export interface DigestMember {
  userId: string;
  plan: MemberPlan;
  evaluation: PlanEvaluation;
}

/** Not ready yet, with the expiration or the end of the grace period within DIGEST_DUE_DAYS. */
function isDueSoon(certification: CertificationEvaluation): boolean {
  if (certification.ready) return false;
  if (certification.status === 'grace') return true;
  return certification.daysLeft >= 0 && certification.daysLeft <= DIGEST_DUE_DAYS;
}

export function weeklyDigest(
  members: readonly DigestMember[],
  today: IsoDate,
  timeZone: string,
): Digest {
  const to = addDays(mondayOf(today), -1);
  const from = addDays(to, -6);
  const logged: LoggedThisWeek[] = [];
  const dueSoon: DueSoon[] = [];
  for (const { userId, plan, evaluation } of members) {
    let entries = 0;
    let earnedTenths = 0;
    // plan.entries[i] is the stored entry behind plan activity i, and evaluation.activities keeps plan order.
    plan.entries.forEach((entry, index) => {
      const day = todayIn(timeZone, new Date(entry.createdAt));
      if (day < from || day > to) return;
      entries++;
      const credit = evaluation.activities[index];
      if (credit && !credit.planned) earnedTenths += credit.tenths;
    });
    if (entries > 0) logged.push({ userId, entries, earnedTenths });
    for (const certification of evaluation.certifications) {
      if (isDueSoon(certification)) dueSoon.push({ userId, certification });
    }
  }
  logged.sort((a, b) => b.earnedTenths - a.earnedTenths || b.entries - a.entries);
  dueSoon.sort((a, b) => a.certification.daysLeft - b.certification.daysLeft);
  return { from, to, logged, dueSoon };
}
