/**
 * The calculator's DOM layer: reads events into actions, runs them through
 * the pure state module, writes the view into the page, and keeps the link
 * and localStorage up to date. The form's fields are rendered by the server
 * (src/components/ActivityForm.astro); this only shows the ones the chosen
 * kind needs and writes values, labels and messages.
 */
import { CREDENTIAL_IDS, type OpportunityId, todayIso } from '@cec/rules';
import { cited as citedIn, esc, pageSources } from '../html';
import { readStorage } from '../stored';
import { planCsv, planJson } from './export';
import { type FieldName, FORM, kindFields } from './fields';
import { certificationRow } from './markup';
import { load, STORAGE_KEY, searchFor, serialize } from './saved';
import { type Action, type CalculatorState, type DateKind, update, view } from './state';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const sources = pageSources();
const cited = (text: string) => citedIn(text, sources);

const today = todayIso();
const form = $<HTMLFormElement>('activity-form');
const certList = $('cert-list');
// A link's plan is decompressed before the first render; the calculator is hidden meanwhile (index.astro).
const loaded = await load(location.search, readStorage());
let state = loaded.state;
let vm = view(state, today);
/** A damaged link stays in the address bar until the person changes something. */
let keepLink = loaded.notices.length > 0 && !loaded.fromLink;
/** Rows on screen; the server renders the first one so the page does not shift when this runs. */
let certCount = certList.querySelectorAll('.cert').length;
/** What "Undo" brings back after Start over (or after a link replaced the saved plan). */
let undo: CalculatorState | null = null;
const written = new Map<string, string>();
/** Counts link writes, so a slow encoding cannot overwrite a newer link. */
let linkWrites = 0;

/** Writes HTML into an element only when it changed, so focus and screen readers are not disturbed. */
function write(id: string, html: string) {
  if (written.get(id) === html) return;
  written.set(id, html);
  $(id).innerHTML = html;
}

function input(field: FieldName | 'kind') {
  return form.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement;
}

function showError(control: HTMLElement, error: HTMLElement, message: string | undefined) {
  error.textContent = message ?? '';
  error.hidden = !message;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

function renderForm() {
  const { kind, values } = state.draft;
  const own = kindFields(kind);
  input('kind').value = kind;
  for (const el of form.querySelectorAll<HTMLElement>('[data-kinds]')) {
    el.hidden = !(el.dataset.kinds ?? '').split(' ').includes(kind);
  }
  for (const { name } of FORM.fields) {
    const control = input(name);
    const value = values[name] ?? '';
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      control.checked = value === 'true';
    } else if (control.value !== value) {
      control.value = value;
    }
    const position = own.findIndex((f) => f.name === name);
    const field = own[position];
    if (field) {
      // The kind's own order and words (a petition's amount is "CECs requested or approved").
      $(`f-${name}-field`).style.order = String(position);
      $(`f-${name}-label`).textContent = field.label + (field.optional ? ' (optional)' : '');
      const hint = document.getElementById(`f-${name}-hint`);
      if (hint) {
        hint.textContent = field.hint ?? '';
        hint.hidden = !field.hint;
      }
    }
    showError(control, $(`f-${name}-error`), state.draftErrors[name]);
  }
  const formError = $('f-form-error');
  formError.textContent = state.draftErrors.form ?? '';
  formError.hidden = !state.draftErrors.form;
  const editing = state.editing !== null;
  $('activity-legend').textContent = editing ? 'Edit an activity' : 'Add an activity';
  $('add-activity').textContent = editing ? 'Save changes' : 'Add activity';
  $('cancel-edit').hidden = !editing;
}

function renderCertifications() {
  if (certCount !== state.certifications.length) {
    certCount = state.certifications.length;
    certList.innerHTML = state.certifications.map((_, i) => certificationRow(i)).join('');
    for (const key of [...written.keys()]) if (key.startsWith('cert-')) written.delete(key);
  }
  state.certifications.forEach((draft, i) => {
    const get = (prop: string) => $<HTMLInputElement>(`cert-${i}-${prop}`);
    if (get('credential').value !== draft.credential) get('credential').value = draft.credential;
    get('kind').value = draft.dateKind;
    const date = get('date');
    if (date.value !== draft.date) date.value = draft.date;
    $(`cert-${i}-date-label`).textContent =
      draft.dateKind === 'expires' ? 'Expiration date' : 'Certification date';
    $(`cert-${i}-date-hint`).textContent =
      draft.dateKind === 'expires'
        ? 'MM/DD/YYYY, as in your ACE account'
        : 'MM/DD/YYYY; the expiration is estimated as two years later';
    const own = vm.certifications[i];
    showError(date, $(`cert-${i}-date-error`), own?.errors.date);
    showError(get('credential'), $(`cert-${i}-credential-error`), own?.errors.credential);
    // An expiration in the past, or an estimate, is said next to the date too.
    const notes = own?.notes ?? [];
    write(`cert-${i}-date-note`, notes.map((n) => `<p>${cited(n)}</p>`).join(''));
    $(`cert-${i}-date-note`).hidden = notes.length === 0;
  });
  const error = $('cert-list-error');
  error.textContent = vm.certificationsError ?? '';
  error.hidden = !vm.certificationsError;
  const add = $('add-certification');
  add.hidden = state.certifications.length >= CREDENTIAL_IDS.length;
  add.textContent = state.certifications.length
    ? 'Add another certification'
    : 'Add a certification';
}

/** The answer first: each certification's standing in a few figures, kept in view on a phone. */
function renderSummary() {
  // Named "Earned CECs" and so on for assistive technology; the short word is what shows.
  const figure = (id: string, label: string, value: string, extra = '') =>
    `<div class="figure" role="group" aria-labelledby="${id}"><span class="figure-label" id="${id}">${label}</span> <span class="figure-value"><strong>${value}</strong>${extra}</span></div>`;
  const cecs = '<span class="visually-hidden"> CECs</span>';
  const html = vm.results.length
    ? vm.results
        .map((r, i) => {
          const checks = r.checklist
            .map(
              (c) =>
                `<li class="chip ${c.state}"><span class="visually-hidden">${esc(c.label)}: </span><span aria-hidden="true">${esc(c.short)}: </span>${c.stateLabel}</li>`,
            )
            .join('');
          return `<div class="standing">
<p class="standing-name"><strong>${esc(r.name)}</strong> <span class="badge ${r.status}">${r.statusLabel}</span></p>
<div class="figures">${figure(`earned-${i}`, `Earned${cecs}`, r.earned, ` <small>of ${r.required}</small>`)}${figure(`planned-${i}`, `Planned${cecs}`, r.planned)}${figure(`remaining-${i}`, `Remaining${cecs}`, r.remaining)}${figure(`days-${i}`, r.days.label, r.days.value)}</div>
<progress max="${r.bar.required}" value="${Math.min(r.bar.earned, r.bar.required)}" aria-label="Progress toward ${r.required} CECs"></progress>
<ul class="chips" aria-label="Renewal checklist">${checks}</ul>
</div>`;
        })
        .join('')
    : vm.warnings.map((w) => `<p class="standing-empty">${cited(w)}</p>`).join('');
  write('summary-body', html);
}

/** The planner right under the summary: the fastest way, then each step, required ones first. */
function renderNext() {
  const html = vm.results
    .map((r, i) => {
      const steps = r.next.steps
        .map((step, j) => {
          const add = step.activity
            ? ` <button type="button" class="link no-print" data-action="prefill" data-index="${i}" data-step="${j}">Add this<span class="visually-hidden"> to the form</span></button>`
            : '';
          return `<li class="step${step.required ? ' required' : ''}">${step.required ? '<span class="badge missing">Required</span> ' : ''}${cited(step.text)}${step.adds ? ` <strong>${step.adds}</strong>` : ''}${add}<br><small>${cited(step.how)}</small></li>`;
        })
        .join('');
      const name = vm.results.length > 1 ? `<h4>${esc(r.name)}</h4>` : '';
      return `${name}<p><strong>${cited(r.next.fastest)}</strong></p><ol class="steps">${steps}</ol>`;
    })
    .join('');
  write('next-body', html);
  $('next').hidden = vm.results.length === 0;
}

function renderActivities() {
  $('no-activities').hidden = vm.activities.length > 0;
  const html = vm.activities
    .map((a, i) => {
      const headline = a.counted === null ? ['Worth', a.worth] : ['Counts', a.counted];
      const worth =
        a.counted !== null && a.counted !== a.worth ? ` · Worth ${a.worth} on its own` : '';
      // One certification, or the same count for all: the reasons once; otherwise a line each.
      const lines =
        a.counted === null
          ? a.toward.map(
              (t) =>
                `Counts ${t.counted} toward the ${esc(t.name)}${t.cut ? `: ${cited(t.cut)}` : '.'}`,
            )
          : [...new Set(a.toward.flatMap((t) => (t.cut ? [t.cut] : [])))].map(cited);
      return `<li class="activity${state.editing === i ? ' editing' : ''}">
<p class="activity-head"><span class="activity-label">${esc(a.label)}</span> <span class="credit">${headline[0]} <strong>${headline[1]}</strong></span></p>
<p class="meta">${a.date}${a.planned ? ' · <span class="badge planned">Planned</span>' : ''}${worth}</p>
<p class="reason">${cited(a.reason)}</p>${lines.map((l) => `<p class="cut">${l}</p>`).join('')}
<p class="actions no-print"><button type="button" class="link" id="activity-list-${i}-edit" data-action="edit-activity" data-index="${i}" aria-label="Edit ${esc(a.label)}">Edit</button>
<button type="button" class="link" id="activity-list-${i}-remove" data-action="remove-activity" data-index="${i}" aria-label="Remove ${esc(a.label)}">Remove</button></p></li>`;
    })
    .join('');
  write('activity-list', html);
}

function renderResults() {
  const html = vm.results
    .map((r, i) => {
      const checklist = r.checklist
        .map(
          (c) =>
            `<li class="check ${c.state}"><span class="badge ${c.state}">${c.stateLabel}</span> <strong>${esc(c.label)}</strong><br>${cited(c.detail)}</li>`,
        )
        .join('');
      const warnings = r.warnings.map((w) => `<p class="note">${cited(w)}</p>`).join('');
      return `<article class="result" aria-labelledby="result-${i}">
<h4 id="result-${i}">${esc(r.name)}</h4>
<p class="meta">${esc(r.deadline)} <span class="badge ${r.status}">${r.statusLabel}</span><br>Cycle ${r.cycle}${r.estimated ? ' (estimated)' : ''}</p>
<p>${esc(r.progress)} Remaining after what is planned: ${r.remainingAfterPlanned}.</p>${warnings}
<h5>Renewal checklist</h5><ul class="checklist">${checklist}</ul></article>`;
    })
    .join('');
  write('results', html);
  $('results-heading').hidden = vm.results.length === 0;
}

function save() {
  try {
    localStorage.setItem(STORAGE_KEY, serialize(state));
  } catch {
    // Storage full or blocked: the link still carries the plan.
  }
  if (keepLink) return;
  const mine = ++linkWrites;
  void searchFor(vm.plan, location.search).then((search) => {
    // Encoding is async: only the newest change's link is written, never an older one after it.
    if (mine === linkWrites && !keepLink) {
      history.replaceState(null, '', location.pathname + search + location.hash);
    }
  });
}

function render() {
  vm = view(state, today);
  renderForm();
  renderCertifications();
  renderSummary();
  renderNext();
  renderActivities();
  renderResults();
  // Focused fields scroll clear of the summary that stays at the top of a phone's screen.
  document.documentElement.style.setProperty('--summary-height', `${$('summary').offsetHeight}px`);
  save();
}

/** A short confirmation next to the plan's buttons; Undo shows only when there is something to bring back. */
function feedback(message: string) {
  $('plan-feedback').textContent = message;
  $('undo').hidden = undo === null;
}

function dispatch(action: Action) {
  keepLink = false;
  if (undo !== null) {
    undo = null;
    $('replaced').hidden = true;
    feedback('');
  }
  state = update(state, action);
  render();
}

function restore(previous: CalculatorState, message: string) {
  undo = null;
  keepLink = false;
  state = previous;
  $('replaced').hidden = true;
  render();
  feedback(message);
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once it started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

async function copyLink() {
  const fallback = $<HTMLInputElement>('copy-fallback-link');
  try {
    await navigator.clipboard.writeText(location.href);
    $('copy-fallback').hidden = true;
    feedback('Link copied: paste it anywhere to open this plan.');
  } catch {
    // No clipboard (an old browser, or permission refused): the link, selected, to copy by hand.
    fallback.value = location.href;
    $('copy-fallback').hidden = false;
    fallback.select();
    feedback('Copy the selected link below.');
  }
}

async function share() {
  try {
    await navigator.share({ title: document.title, url: location.href });
    feedback('Shared.');
  } catch (error) {
    // Closing the share sheet is not a failure.
    if ((error as Error).name !== 'AbortError')
      feedback('Sharing did not work here: use Copy link.');
  }
}

// ---------------------------------------------------------------------------
// events

certList.addEventListener('input', (event) => {
  const target = event.target as HTMLInputElement;
  const row = target.closest<HTMLElement>('[data-index]');
  const prop = target.dataset.prop;
  if (!row || !prop) return;
  const index = Number(row.dataset.index);
  const patch =
    prop === 'dateKind' ? { dateKind: target.value as DateKind } : { [prop]: target.value };
  dispatch({ type: 'set-certification', index, patch });
  if (target instanceof HTMLSelectElement) dispatch({ type: 'leave-certification', index });
});

// Typed values are checked when the person leaves the field, not on every keystroke.
certList.addEventListener('change', (event) => {
  const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
  if (row) dispatch({ type: 'leave-certification', index: Number(row.dataset.index) });
});

form.addEventListener('input', (event) => {
  const target = event.target as HTMLInputElement | HTMLSelectElement;
  if (target.name === 'kind') {
    dispatch({ type: 'choose-kind', kind: target.value as OpportunityId });
    return;
  }
  const field = target.name as FieldName;
  const box = target instanceof HTMLInputElement && target.type === 'checkbox';
  dispatch({ type: 'set-field', field, value: box ? String(target.checked) : target.value });
  // A choice or a box is never half-typed: it is checked at once.
  if (box || target instanceof HTMLSelectElement) dispatch({ type: 'leave-field', field });
});

form.addEventListener('change', (event) => {
  const target = event.target as HTMLInputElement;
  if (target.name && target.name !== 'kind') {
    dispatch({ type: 'leave-field', field: target.name as FieldName });
  }
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const before = state.activities.length;
  const editing = state.editing;
  dispatch({ type: 'submit-activity' });
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) {
    invalid.focus();
    return;
  }
  const index = editing ?? before;
  $('status').textContent =
    `${editing === null ? 'Added' : 'Saved'}: ${vm.activities[index]?.label ?? ''}.`;
});

// Leaving a field shows its message, which moves what is below it: a press on a
// button would then end beside it and be lost. Pressing a button keeps the
// focus where it is; the click then submits, which checks every field anyway.
document.addEventListener('mousedown', (event) => {
  if ((event.target as HTMLElement).closest('button')) event.preventDefault();
});

document.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!button) return;
  const action = button.dataset.action;
  const index = Number(button.dataset.index);
  if (action === 'add-certification') {
    dispatch({ type: 'add-certification' });
    $(`cert-${state.certifications.length - 1}-date`)?.focus();
  } else if (action === 'remove-certification') {
    certCount = -1;
    dispatch({ type: 'remove-certification', index });
    $('certifications-legend').focus();
  } else if (action === 'prefill') {
    const step = vm.results[index]?.next.steps[Number(button.dataset.step)];
    if (step?.activity) {
      dispatch({ type: 'prefill', activity: step.activity });
      input('kind').focus();
    }
  } else if (action === 'edit-activity') {
    dispatch({ type: 'edit-activity', index });
    input('kind').focus();
  } else if (action === 'remove-activity') {
    const label = vm.activities[index]?.label ?? '';
    dispatch({ type: 'remove-activity', index });
    $('status').textContent = `Removed: ${label}.`;
    $('activities-heading').focus();
  } else if (action === 'cancel-edit') {
    dispatch({ type: 'cancel-edit' });
  } else if (action === 'copy-link') {
    void copyLink();
  } else if (action === 'share') {
    void share();
  } else if (action === 'print') {
    window.print();
  } else if (action === 'export-csv') {
    download(`cec-plan-${today}.csv`, 'text/csv;charset=utf-8', planCsv(vm));
    feedback('CSV downloaded.');
  } else if (action === 'export-json') {
    download(`cec-plan-${today}.json`, 'application/json', planJson(vm.plan));
    feedback('JSON downloaded.');
  } else if (action === 'start-over') {
    const previous = state;
    certCount = -1;
    dispatch({ type: 'start-over' });
    undo = previous;
    feedback('Started over: the plan is cleared.');
  } else if (action === 'undo' && undo) {
    certCount = -1;
    restore(undo, 'Your plan is back.');
  }
});

for (const notice of loaded.notices) {
  const p = document.createElement('p');
  p.textContent = notice;
  $('notices').append(p);
}
$('notices').hidden = loaded.notices.length === 0;
$('share').hidden = typeof navigator.share !== 'function';
// A plan opened from a link is kept as soon as it opens, so it survives a visit to another page.
render();
delete document.documentElement.dataset.opening;
if (loaded.replaced) {
  undo = loaded.replaced;
  $('replaced').hidden = false;
}
