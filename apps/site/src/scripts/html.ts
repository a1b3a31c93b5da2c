/**
 * Text from the rules package as HTML, for the server render and the page
 * scripts alike: escaped (titles are typed by the person), and each source
 * id it cites — "(S1)", "(S2, S6)" — linked to that source on /sources/.
 */
import { SOURCES } from '@cec/rules';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Never let typed text become markup. */
export const esc = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

/** Where a source is listed. */
export const sourceHref = (id: string) => `/sources/#${id}`;

/** Escaped text with every known source id linked; an id the rules do not list stays text. */
export function cited(text: string): string {
  return esc(text).replace(/\bS\d+\b/g, (id) =>
    id in SOURCES ? `<a href="${sourceHref(id)}">${id}</a>` : id,
  );
}

/** A fact with the sources it rests on, cited: "… not an extension of the certification. (S5)". */
export function citedFact(fact: { text: string; sources: readonly string[] }): string {
  return cited(`${fact.text} (${fact.sources.join(', ')})`);
}
