/**
 * Site-wide facts for the layout: its name, the navigation, every page's
 * address (for the sitemap and the offline cache), and the dates of the ACE
 * texts the rules come from (for the footer), read from the rules package so
 * they never go stale.
 */
import { formatUsDate, OPPORTUNITIES, SOURCES } from '@cec/rules';

export const SITE_NAME = 'CEC Toolkit';

export const NAV = [
  { href: '/', label: 'Calculator' },
  { href: '/ask/', label: 'Ask' },
  { href: '/renewal/', label: 'Renewal' },
  { href: '/submit/', label: 'Submit CECs' },
  { href: '/sources/', label: 'Sources' },
] as const;

/** The ids of the sources the rules cite, for linking "(S1)" to /sources/. */
export const SOURCE_IDS: ReadonlySet<string> = new Set(Object.keys(SOURCES));

/** Every page a visitor can open, in the order the sitemap lists them. */
export const PAGE_PATHS: readonly string[] = [
  ...NAV.map((item) => item.href),
  ...OPPORTUNITIES.map((o) => `/opportunities/${o.id}/`),
];

/** "06/22/2009 to 02/06/2023": the span of the dated ACE texts behind the rules. */
export function sourceDates(): string {
  const dates = Object.values(SOURCES)
    .map((s) => s.date)
    .filter((d): d is string => d !== null)
    .sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return '';
  return first === last ? formatUsDate(first) : `${formatUsDate(first)} to ${formatUsDate(last)}`;
}
