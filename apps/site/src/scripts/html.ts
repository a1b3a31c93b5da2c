/**
 * Text from the rules package as HTML, for the server render and the page
 * scripts alike: escaped (titles are typed by the person), and each source
 * id it cites — "(S1)", "(S2, S6)" — linked to that source on /sources/ when
 * the rules list that source. The server passes the rules' ids; a page
 * script reads them from the page (Base writes them on <body>), so it need
 * not ship the sources' titles and addresses.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Never let typed text become markup. */
export const esc = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

/** Where a source is listed. */
export const sourceHref = (id: string) => `/sources/#${id}`;

/** Escaped text with every known source id linked; an id not in `sources` stays text. */
export function cited(text: string, sources: ReadonlySet<string>): string {
  return esc(text).replace(/\bS\d+\b/g, (id) =>
    sources.has(id) ? `<a href="${sourceHref(id)}">${id}</a>` : id,
  );
}

/** A fact with the sources it rests on, cited: "… not an extension of the certification. (S5)". */
export function citedFact(
  fact: { text: string; sources: readonly string[] },
  sources: ReadonlySet<string>,
): string {
  return cited(`${fact.text} (${fact.sources.join(', ')})`, sources);
}

/** In a page script: the source ids the page was built with. */
export function pageSources(): ReadonlySet<string> {
  return new Set((document.body.dataset.sources ?? '').split(' '));
}
