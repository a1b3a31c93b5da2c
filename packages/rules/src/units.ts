/**
 * Amounts of credit are integer tenths of a CEC: 0.1 CEC = one contact hour
 * (S2, S3), so tenths are the natural unit and sums never drift
 * (0.1 + 0.2 is 1 + 2 = 3 tenths, shown as "0.3").
 */
export type Tenths = number;

/** The renewal requirement: 2.0 CECs per two-year cycle (S2, S3). */
export const REQUIRED_TENTHS: Tenths = 20;

/** Tenths from a CEC amount that must be an exact multiple of 0.1 (e.g. 0.7 → 7); null otherwise. */
export function exactTenths(cecs: number): Tenths | null {
  if (!Number.isFinite(cecs)) return null;
  const tenths = Math.round(cecs * 10);
  return Math.abs(cecs * 10 - tenths) < 1e-6 ? tenths : null;
}

/** Tenths from a CEC amount, rounded down to the tenth (1.25 → 12): fractions are never rounded up. */
export function floorTenths(cecs: number): Tenths {
  return Math.floor(cecs * 10 + 1e-6);
}

/** "0.4", "2.0", "13.5": one decimal, as ACE shows CECs. */
export function formatCecs(tenths: Tenths): string {
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/** "1 contact hour", "20 contact hours": a tenth of a CEC is one contact hour (S2, S3). */
export function contactHours(tenths: Tenths): string {
  return `${tenths} contact hour${tenths === 1 ? '' : 's'}`;
}

/** A JSON-friendly number with one decimal (7 → 0.7). */
export function toCecs(tenths: Tenths): number {
  return tenths / 10;
}

/** Sum of tenths; exact because every term is an integer. */
export function sumTenths(values: readonly Tenths[]): Tenths {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
