/**
 * What the calculator keeps in localStorage, as far as pages other than the
 * calculator read it: the certifications as typed. Kept apart from the
 * calculator's own storage code so the renewal page can reuse the dates
 * without loading the plan schema.
 */
import { type CredentialId, isCredentialId } from '@cec/rules';

export const STORAGE_KEY = 'cec-calculator';
export const STORAGE_VERSION = 1;

/** Which date of a certification the person knows: the expiration, or the certification date (estimate). */
export type DateKind = 'expires' | 'certified';

/** A certification as typed: kept as text so nothing is lost while it is not yet a valid date. */
export interface CertificationDraft {
  credential: CredentialId;
  dateKind: DateKind;
  date: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readCertification(value: unknown): CertificationDraft | null {
  if (!isRecord(value) || !isCredentialId(value.credential)) return null;
  const dateKind = value.dateKind === 'certified' ? 'certified' : 'expires';
  return {
    credential: value.credential as CredentialId,
    dateKind,
    date: typeof value.date === 'string' ? value.date : '',
  };
}

/** The certifications the calculator saved, as typed; none when storage holds nothing readable. */
export function storedCertifications(text: string | null): CertificationDraft[] {
  let data: unknown;
  try {
    data = JSON.parse(text ?? 'null');
  } catch {
    return [];
  }
  if (!isRecord(data) || data.version !== STORAGE_VERSION || !Array.isArray(data.certifications))
    return [];
  return data.certifications
    .map(readCertification)
    .filter((c): c is CertificationDraft => c !== null);
}

/** localStorage's text under `key`, or null when the browser blocks storage (private mode). */
export function readStorage(key: string = STORAGE_KEY): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
