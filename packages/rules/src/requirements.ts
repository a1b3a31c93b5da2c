/**
 * What renewal asks for, beside the activities: the CEC total (S2, S3), a
 * current CPR/AED certificate (S2, S6) and the ethics hour (S7). One place for
 * the numbers and for the sentence the site and the bot show.
 */
import { formatUsDate, type IsoDate } from './dates.js';
import { formatCecs, REQUIRED_TENTHS, type Tenths } from './units.js';

/** S7: the ethics hour is required for certifications expiring on or after this date. */
export const ETHICS_REQUIRED_FROM: IsoDate = '2023-09-13';
/** The ethics requirement: at least 0.1 CEC (one hour), inside the 2.0 (S7). */
export const ETHICS_TENTHS: Tenths = 1;

/** "ACE certifications renew every two years with 2.0 CECs …": the whole requirement in one sentence. */
export const RENEWAL_REQUIREMENT = `ACE certifications renew every two years with ${formatCecs(REQUIRED_TENTHS)} CECs earned in the cycle, plus a current adult CPR/AED certificate and, for expirations from ${formatUsDate(ETHICS_REQUIRED_FROM)}, at least ${formatCecs(ETHICS_TENTHS)} CEC of professional conduct and ethics.`;
