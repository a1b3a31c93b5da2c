/**
 * Markup the calculator writes, shared with the server render of the page so
 * the first certification row is there before the script runs (no layout
 * shift) and is the same row the script would write.
 */
import { CREDENTIAL_IDS, CREDENTIALS } from '@cec/rules';
import { esc } from '../html';

export function certificationRow(index: number): string {
  const id = `cert-${index}`;
  const options = CREDENTIAL_IDS.map(
    (c) => `<option value="${c}">${esc(CREDENTIALS[c].name)}</option>`,
  ).join('');
  return `<div class="cert" data-index="${index}">
<div class="field"><label for="${id}-credential">ACE certification</label>
<select id="${id}-credential" data-prop="credential" aria-describedby="${id}-credential-error">${options}</select>
<p class="error" id="${id}-credential-error" hidden></p></div>
<div class="field"><label for="${id}-kind">Date you know</label>
<select id="${id}-kind" data-prop="dateKind"><option value="expires">Expiration date</option><option value="certified">Certification date (estimate)</option></select></div>
<div class="field"><label for="${id}-date" id="${id}-date-label">Expiration date</label>
<input id="${id}-date" data-prop="date" autocomplete="off" aria-describedby="${id}-date-hint ${id}-date-error ${id}-date-note">
<p class="hint" id="${id}-date-hint">MM/DD/YYYY, as in your ACE account</p>
<p class="error" id="${id}-date-error" hidden></p>
<div class="note" id="${id}-date-note" hidden></div></div>
<button type="button" class="link" data-action="remove-certification" data-index="${index}">Remove this certification<span class="visually-hidden"> (number ${index + 1})</span></button>
</div>`;
}
