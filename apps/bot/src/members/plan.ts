/**
 * A member's stored records as a rules plan. Entries were validated when
 * recorded; if a later version of the rules refuses one, it is left out of
 * the plan and reported instead of breaking the member's whole progress.
 */
import {
  type Activity,
  type Certification,
  evaluatePlan,
  type IsoDate,
  type Plan,
  type PlanEvaluation,
} from '@cec/rules';
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
  /** Positions in `plan.activities` of planned entries not yet confirmed: never earned. */
  unconfirmed: ReadonlySet<number>;
}

/** The member's plan evaluated, each unconfirmed planned entry kept planned. */
export function evaluateMember(member: MemberPlan): PlanEvaluation {
  return evaluatePlan(member.plan, member.plan.today, { unconfirmed: member.unconfirmed });
}

/** Planned entries whose date has passed and that the member has not confirmed, oldest first. */
export function awaitingConfirmation(member: MemberPlan): StoredActivity[] {
  const today = member.plan.today ?? '';
  return member.entries.filter(
    (_entry, index) =>
      member.unconfirmed.has(index) && (member.plan.activities[index]?.completed ?? '') <= today,
  );
}

/**
 * The plan as the calculator should see it: without the entries awaiting
 * confirmation, which the site would count as earned from their date alone.
 */
export function confirmedPlan(member: MemberPlan): Plan {
  const waiting = new Set(awaitingConfirmation(member));
  const activities = member.plan.activities.filter((_, i) => {
    const entry = member.entries[i];
    return entry !== undefined && !waiting.has(entry);
  });
  return { ...member.plan, activities };
}

/** Members' plans over one store, with the validations of its entries kept. */
export interface MemberPlans {
  /** Reads the member's certifications and entries and builds their plan for `today`. */
  load(userId: string, today: IsoDate): Promise<MemberPlan>;
  /** The plan of records already read (say, with an entry just added): no second read. */
  build(
    certifications: readonly StoredCertification[],
    entries: readonly StoredActivity[],
    today: IsoDate,
  ): MemberPlan;
}

function certificationInput(c: StoredCertification): Record<string, unknown> {
  return c.expires !== null
    ? { credential: c.credential, expires: c.expires }
    : { credential: c.credential, certified: c.certified };
}

/** Bound on the kept validations: past it they are dropped and made again as needed. */
const VALIDATED_LIMIT = 20_000;

/**
 * One per store (the bot creates it with its command context): entry ids are
 * unique within a database, not across two, so the kept validations must not
 * be shared by bots on different databases.
 */
export function createMemberPlans(store: Store): MemberPlans {
  // An entry never changes once recorded, so its validation is kept instead of
  // re-parsing every entry of a member on every command.
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

  function build(
    certifications: readonly StoredCertification[],
    entries: readonly StoredActivity[],
    today: IsoDate,
  ): MemberPlan {
    const kept: StoredActivity[] = [];
    const activities: Activity[] = [];
    const skipped: SkippedEntry[] = [];
    const unconfirmed = new Set<number>();
    for (const entry of entries) {
      const result = validatedEntry(entry);
      if (result.ok) {
        if (!entry.confirmed) unconfirmed.add(kept.length);
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
    return { plan, entries: kept, skipped, unconfirmed };
  }

  return {
    build,
    async load(userId, today) {
      const [certifications, entries] = await Promise.all([
        store.certifications.list(userId),
        store.activities.list(userId),
      ]);
      return build(certifications, entries, today);
    },
  };
}
