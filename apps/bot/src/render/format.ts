/** Small formatting pieces shared by the renderers. */
import { encodePlan, formatCecs, type IsoDate, type Plan, toNoonUnixSeconds } from '@cec/rules';
import { LIMITS } from './payload.js';

export const DISCLAIMER =
  'Unofficial helper, not affiliated with ACE. Check your ACE account for the rules that apply to you.';

/** "March 31, 2027" in the reader's locale. */
export function discordDate(date: IsoDate): string {
  return `<t:${toNoonUnixSeconds(date)}:D>`;
}

/** "in 4 months" / "2 days ago", kept current by Discord. */
export function discordRelative(date: IsoDate): string {
  return `<t:${toNoonUnixSeconds(date)}:R>`;
}

export function cecs(tenths: number): string {
  return `${formatCecs(tenths)} CEC${tenths === 10 ? '' : 's'}`;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Joins lines until `max` characters, then says how many were left out. */
export function fitLines(lines: readonly string[], max: number = LIMITS.fieldValue): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `\n…and ${rest} more` : '';
    if (length + line.length + 1 + tail.length > max) {
      const left = lines.length - i;
      out.push(`…and ${left} more`);
      return out.join('\n');
    }
    out.push(line);
    length += line.length + 1;
  }
  return out.join('\n');
}

/**
 * Text a member typed, shown literally: no markdown, no masked links, no
 * mention syntax (a zero-width space after @ keeps "@everyone" inert even as text).
 */
export function plain(text: string): string {
  return text.replace(/([\\*_`~|<[\]])/g, '\\$1').replace(/@/g, '@\u200b');
}

/**
 * The link goes in the message content as a markdown link: content holds at most 2,000
 * characters (an embed description 4,096, a link button's URL only 512), and the reply's
 * first line and a warning need the rest.
 */
const MAX_LINK = 1800;

/** The calculator link of a plan: its address, or why there is none. */
export type CalculatorLink =
  | { url: string }
  /** The plan is too large for a link. */
  | { tooLarge: true }
  /** SITE_URL is unset: no calculator to link to. */
  | null;

/** The site's calculator with this plan filled in (computed before rendering: encoding is async). */
export async function calculatorUrl(siteUrl: string | null, plan: Plan): Promise<CalculatorLink> {
  if (siteUrl === null) return null;
  // Without "today", the calculator counts from the day the link is opened, not the day it was made.
  const encoded = await encodePlan({
    certifications: plan.certifications,
    activities: plan.activities,
  });
  const url = `${siteUrl}/?plan=${encoded}`;
  return url.length <= MAX_LINK ? { url } : { tooLarge: true };
}
