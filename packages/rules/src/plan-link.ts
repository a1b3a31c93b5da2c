/**
 * A plan as a calculator link (`?plan=…`): compact, URL-safe, versioned, the
 * same in Node and in the browser. An activity is its kind's position in the
 * ruleset, its completion date, then its field values in the order of the
 * kind's field descriptors. New kinds go last in the ruleset and new fields
 * last in a kind's descriptors, so older links keep their meaning.
 *
 * Version 3 (written today): "3", then base64url of those arrays as JSON with
 * each date as days since the date before it, compressed with deflate-raw
 * (the platform's CompressionStream, so the browser bundle carries no
 * compressor). Versions 1 and 2 (still read) are base64url of plain JSON
 * `[version, today, certifications, activities]`; version 1 had the
 * completion date after the fields.
 */
import { CREDENTIAL_IDS } from './credentials.js';
import { addDays, daysBetween, isIsoDate } from './dates.js';
import { COMPLETED_FIELD } from './fields.js';
import { RULESET, type Ruleset } from './opportunities/index.js';
import type { AnyOpportunity } from './opportunities/opportunity.js';
import { type Plan, type PlanInput, type PlanResult, parsePlan } from './plan.js';

const VERSION = '3';
/** Dates are counted from the ruleset's first day; any fixed day would do. */
const DAY_ZERO = '2013-05-01';
/**
 * The most a link may unpack to. A 200-entry plan with long titles is about
 * 60 KB; deflate can expand a thousandfold, so a crafted link could otherwise
 * ask for gigabytes.
 */
const MAX_UNPACKED_BYTES = 1 << 20;

/** The field names of an activity in link order. */
export function linkFields(opportunity: AnyOpportunity): string[] {
  return [COMPLETED_FIELD.name, ...opportunity.fields.map((f) => f.name)];
}

/** Positions in an activity's link array (after the kind) that hold dates. */
function datePositions(opportunity: AnyOpportunity): number[] {
  return [COMPLETED_FIELD, ...opportunity.fields].flatMap((f, i) =>
    f.type === 'date' ? [i + 1] : [],
  );
}

type LinkArrays = [today: unknown, certifications: unknown[], activities: unknown[]];

/** Replaces every date of a link's arrays, in link order, by what `each` makes of it. */
function mapDates(
  [today, certifications, activities]: LinkArrays,
  opportunities: readonly AnyOpportunity[],
  each: (value: unknown) => unknown,
): LinkArrays {
  const first = each(today);
  const certs = certifications.map((c) => (Array.isArray(c) ? [c[0], c[1], each(c[2])] : c));
  const acts = activities.map((a) => {
    if (!Array.isArray(a)) return a;
    const opportunity = Number.isInteger(a[0]) ? opportunities[a[0] as number] : undefined;
    const copy = [...a];
    for (const i of opportunity ? datePositions(opportunity) : []) {
      if (i < copy.length) copy[i] = each(copy[i]);
    }
    return copy;
  });
  return [first, certs, acts];
}

/** Dates as days since the previous one: a plan's dates are close together, so mostly small numbers. */
function datesToDays(): (value: unknown) => unknown {
  let previous = 0;
  return (value) => {
    if (typeof value !== 'string' || !isIsoDate(value)) return value;
    const day = daysBetween(DAY_ZERO, value);
    const step = day - previous;
    previous = day;
    return step;
  };
}

function daysToDates(): (value: unknown) => unknown {
  let previous = 0;
  return (value) => {
    if (!Number.isSafeInteger(value)) return value;
    previous += value as number;
    return addDays(DAY_ZERO, previous);
  };
}

function trimNulls(values: unknown[]): unknown[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === null) end--;
  return values.slice(0, end);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) =>
    c.charCodeAt(0),
  );
}

const utf8 = () => new TextDecoder('utf-8', { fatal: true });

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The text a compressed link holds, or null when it would unpack to more than a plan can be. */
async function inflate(bytes: Uint8Array): Promise<string | null> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const decoder = utf8();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.length;
    if (size > MAX_UNPACKED_BYTES) {
      await reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** A plan as a short URL-safe string (for `?plan=` links from the bot to the site's calculator). */
export async function encodePlan(
  plan: Plan | PlanInput,
  ruleset: Ruleset = RULESET,
): Promise<string> {
  const opportunities = ruleset.opportunities.map((e) => e.opportunity);
  const certifications = plan.certifications.map((c) => [
    CREDENTIAL_IDS.indexOf(c.credential),
    c.expires ? 'e' : 'c',
    c.expires ?? c.certified,
  ]);
  const activities = (plan.activities ?? []).map((activity) => {
    const record = activity as unknown as Record<string, unknown>;
    const index = opportunities.findIndex((o) => o.id === record.kind);
    const fields = index < 0 ? [] : linkFields(opportunities[index] as AnyOpportunity);
    return trimNulls([index, ...fields.map((f) => record[f] ?? null)]);
  });
  const arrays = mapDates(
    [plan.today ?? null, certifications, activities],
    opportunities,
    datesToDays(),
  );
  return VERSION + toBase64Url(await deflate(JSON.stringify(arrays)));
}

function problem(message: string): PlanResult {
  return { ok: false, problems: [{ path: '$', message }] };
}

const DAMAGED = problem(
  'This calculator link is damaged or incomplete: copy the whole link and try again.',
);
const NEWER = problem('This calculator link was made by a newer version of the calculator.');
const TOO_LARGE = problem(
  'This calculator link unpacks to far more than any plan, so it was not opened: ask for a new link.',
);

/** A link's arrays, in today's order, or the problem that stops reading it. */
async function readArrays(
  encoded: string,
  opportunities: readonly AnyOpportunity[],
): Promise<LinkArrays | PlanResult> {
  const version = encoded.charAt(0);
  if (version === VERSION) {
    const text = await inflate(fromBase64Url(encoded.slice(1)));
    if (text === null) return TOO_LARGE;
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data) || data.length < 3) return DAMAGED;
    const [today, certifications, activities] = data as unknown[];
    if (!Array.isArray(certifications) || !Array.isArray(activities)) return DAMAGED;
    return mapDates([today, certifications, activities], opportunities, daysToDates());
  }
  // A later version would start with its own digit; versions 1 and 2 start with "W" ("[").
  if (/^[4-9]/.test(version)) return NEWER;
  const data: unknown = JSON.parse(utf8().decode(fromBase64Url(encoded)));
  if (!Array.isArray(data) || data.length < 4) return DAMAGED;
  const [old, today, certifications, activities] = data as unknown[];
  if (old !== 1 && old !== 2) return NEWER;
  if (!Array.isArray(certifications) || !Array.isArray(activities)) return DAMAGED;
  // Version 1 had the completion date last: move it to where today's order has it.
  const moved =
    old === 1
      ? activities.map((a) =>
          Array.isArray(a) && a.length > 1 ? [a[0], a[a.length - 1], ...a.slice(1, -1)] : a,
        )
      : activities;
  return [today, certifications, moved];
}

/** Reads a string made by `encodePlan` (any version) and validates it like any plan. */
export async function decodePlan(encoded: string, ruleset: Ruleset = RULESET): Promise<PlanResult> {
  const opportunities = ruleset.opportunities.map((e) => e.opportunity);
  let arrays: LinkArrays | PlanResult;
  try {
    arrays = await readArrays(String(encoded).trim(), opportunities);
  } catch {
    return DAMAGED;
  }
  if (!Array.isArray(arrays)) return arrays;
  const [today, certifications, activities] = arrays;
  const input: Record<string, unknown> = {
    certifications: certifications.map((c: unknown) => {
      const [credential, which, date] = Array.isArray(c) ? c : [];
      return {
        credential: Number.isInteger(credential)
          ? CREDENTIAL_IDS[credential as number]
          : credential,
        [which === 'c' ? 'certified' : 'expires']: date,
      };
    }),
    activities: activities.map((a: unknown) => {
      const [kindIndex, ...values] = Array.isArray(a) ? a : [];
      // Only a whole number picks a kind: "toString" would find Array.prototype's method.
      const opportunity = Number.isInteger(kindIndex)
        ? opportunities[kindIndex as number]
        : undefined;
      if (!opportunity) return { kind: kindIndex };
      const activity: Record<string, unknown> = { kind: opportunity.id };
      linkFields(opportunity).forEach((field, i) => {
        if (values[i] !== null && values[i] !== undefined) activity[field] = values[i];
      });
      return activity;
    }),
  };
  if (today !== null) input.today = today;
  const result = parsePlan(input, ruleset);
  return result.ok ? result : { ...result, input };
}
