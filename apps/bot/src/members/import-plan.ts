/**
 * A file brought back with `/privacy import`: the bot's own JSON export (its
 * `plan`) or a plan file (the calculator's JSON export, `pnpm cec plan`),
 * validated by the rules and compared with what the member already holds, so
 * importing the same file twice adds nothing the second time.
 */
import {
  type Activity,
  type Certification,
  type IsoDate,
  OPPORTUNITIES,
  type Plan,
  type PlanProblem,
  parsePlan,
} from '@cec/rules';

/** Where the plan was found in the file: the bot's export wraps it, a plan file is one. */
export type ImportSource = 'export' | 'plan';

export type ImportRead =
  | { ok: true; plan: Plan; source: ImportSource }
  | { ok: false; problems: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "Entry 3 (College course, dated 2026-02-01)": the entry as the member can find it in the file. */
function entryName(raw: unknown, index: number): string {
  const entry = isRecord(raw) ? raw : {};
  const kind = OPPORTUNITIES.find((o) => o.id === entry.kind)?.name;
  const when = typeof entry.completed === 'string' ? `, dated ${entry.completed}` : '';
  const what = kind ?? (typeof entry.kind === 'string' ? `kind "${entry.kind}"` : 'no kind');
  return `Entry ${index + 1} (${what}${when})`;
}

function certificationName(raw: unknown, index: number): string {
  const credential = isRecord(raw) && typeof raw.credential === 'string' ? raw.credential : null;
  return `Certification ${index + 1}${credential ? ` (${credential})` : ''}`;
}

/** One problem per line, naming the entry or certification it is about. */
function describe(problem: PlanProblem, input: Record<string, unknown>): string {
  const at = /^\$\.(activities|certifications)\[(\d+)\]/.exec(problem.path);
  if (!at) return problem.message;
  const index = Number(at[2]);
  const list = input[at[1] ?? ''];
  const raw = Array.isArray(list) ? list[index] : undefined;
  const name = at[1] === 'activities' ? entryName(raw, index) : certificationName(raw, index);
  return `${name}: ${problem.message}`;
}

/**
 * Reads the file's text as a plan, as of `today`. `maxEntries` bounds the work
 * before validating: a file with more entries than a member may hold is refused whole.
 */
export function readImportFile(text: string, today: IsoDate, maxEntries: number): ImportRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`This file is not valid JSON (${detail}).`] };
  }
  const source: ImportSource = isRecord(value) && isRecord(value.plan) ? 'export' : 'plan';
  const candidate = source === 'export' && isRecord(value) ? value.plan : value;
  if (!isRecord(candidate) || !('certifications' in candidate || 'activities' in candidate)) {
    return {
      ok: false,
      problems: [
        'This file is neither a `/privacy export` (cec-data.json) nor a calculator plan: it has no "certifications" or "activities".',
      ],
    };
  }
  const { activities } = candidate;
  if (Array.isArray(activities) && activities.length > maxEntries) {
    return {
      ok: false,
      problems: [
        `This file has ${activities.length} entries; the bot keeps at most ${maxEntries} for one member.`,
      ],
    };
  }
  // The bot's clock decides what is planned, not a "today" written in the file.
  const input = { ...candidate, today };
  const result = parsePlan(input);
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => describe(p, input)) };
  return { ok: true, plan: result.plan, source };
}

/** The validated plan as the preview carries it: what Import will read back. */
export function pendingFileText(plan: Plan): string {
  return `${JSON.stringify({ certifications: plan.certifications, activities: plan.activities }, null, 2)}\n`;
}

export interface ImportDiff {
  certifications: Certification[];
  /** Certifications the member already holds with other dates: theirs are kept. */
  kept: { imported: Certification; yours: Certification }[];
  activities: Activity[];
  duplicates: { certifications: number; activities: number };
}

/** A flat record with its keys in order, so equal entries give equal keys. */
function keyOf(value: object): string {
  return JSON.stringify(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * What the import would add to `yours` (the member's validated plan). Each of
 * their entries matches at most one equal entry of the file, so two real
 * identical entries in a file stay two, and a second import adds nothing.
 */
export function compareWithRecords(imported: Plan, yours: Plan): ImportDiff {
  const held = new Map<string, number>();
  for (const activity of yours.activities) {
    const key = keyOf(activity);
    held.set(key, (held.get(key) ?? 0) + 1);
  }
  const activities: Activity[] = [];
  let duplicateActivities = 0;
  for (const activity of imported.activities) {
    const key = keyOf(activity);
    const left = held.get(key) ?? 0;
    if (left > 0) {
      held.set(key, left - 1);
      duplicateActivities++;
    } else {
      activities.push(activity);
    }
  }
  const certifications: Certification[] = [];
  const kept: ImportDiff['kept'] = [];
  let duplicateCertifications = 0;
  for (const certification of imported.certifications) {
    const mine =
      yours.certifications.find((c) => c.credential === certification.credential) ??
      // A file naming one certification twice: the first is the one imported.
      certifications.find((c) => c.credential === certification.credential);
    if (!mine) certifications.push(certification);
    else if (keyOf(mine) === keyOf(certification)) duplicateCertifications++;
    else kept.push({ imported: certification, yours: mine });
  }
  return {
    certifications,
    kept,
    activities,
    duplicates: { certifications: duplicateCertifications, activities: duplicateActivities },
  };
}
