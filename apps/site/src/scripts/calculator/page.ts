/**
 * The calculator's DOM layer: reads events into actions, runs them through
 * the pure state module, writes the view into the page, and keeps the link
 * and localStorage up to date. The form's fields are rendered by the server
 * (src/components/ActivityForm.astro); this only shows the ones the chosen
 * kind needs and writes values, labels and messages.
 */
import { CREDENTIAL_IDS, type OpportunityId, todayIso } from '@cec/rules';
import { esc } from '../html';
import { type FieldName, FORM, kindFields } from './fields';
import { certificationRow } from './markup';
import { load, STORAGE_KEY, searchFor, serialize } from './saved';
import { type Action, type DateKind, update, type ViewModel, view } from './state';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const today = todayIso();
const form = $<HTMLFormElement>('activity-form');
const certList = $('cert-list');
const saved = (() => {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode): the link still keeps the plan
  }
})();
const loaded = load(location.search, saved);
let state = loaded.state;
/** A damaged link stays in the address bar until the person changes something. */
let keepLink = loaded.notices.length > 0 && !loaded.fromLink;
/** Rows on screen; the server renders the first one so the page does not shift when this runs. */
let certCount = certList.querySelectorAll('.cert').length;
let lastResults = '';

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

function renderCertifications(vm: ViewModel) {
  if (certCount !== state.certifications.length) {
    certCount = state.certifications.length;
    certList.innerHTML = state.certifications.map((_, i) => certificationRow(i)).join('');
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
    const errors = vm.certifications[i]?.errors ?? {};
    // An empty date is not an error yet: the results say what to add.
    showError(date, $(`cert-${i}-date-error`), draft.date.trim() ? errors.date : undefined);
    showError(get('credential'), $(`cert-${i}-credential-error`), errors.credential);
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

function renderActivities(vm: ViewModel) {
  $('no-activities').hidden = vm.activities.length > 0;
  $('activity-list').innerHTML = vm.activities
    .map((a, i) => {
      const cuts = a.cuts
        .map(
          (c) => `<p class="cut">Counts ${c.counted} toward the ${esc(c.name)}: ${esc(c.cut)}</p>`,
        )
        .join('');
      return `<li class="activity${state.editing === i ? ' editing' : ''}">
<p class="activity-head"><span class="activity-label">${esc(a.label)}</span> <span class="credit">${a.credit} CECs</span></p>
<p class="meta">${a.date}${a.planned ? ' · <span class="badge planned">Planned</span>' : ''}</p>
<p class="reason">${esc(a.reason)}</p>${cuts}
<p class="actions"><button type="button" class="link" id="activity-list-${i}-edit" data-action="edit-activity" data-index="${i}" aria-label="Edit ${esc(a.label)}">Edit</button>
<button type="button" class="link" id="activity-list-${i}-remove" data-action="remove-activity" data-index="${i}" aria-label="Remove ${esc(a.label)}">Remove</button></p></li>`;
    })
    .join('');
}

function renderResults(vm: ViewModel) {
  const html =
    vm.warnings.map((w) => `<p class="note">${esc(w)}</p>`).join('') +
    vm.results
      .map((r, i) => {
        const checklist = r.checklist
          .map(
            (c) =>
              `<li class="check ${c.state}"><span class="badge ${c.state}">${c.stateLabel}</span> <strong>${esc(c.label)}</strong><br>${esc(c.detail)}</li>`,
          )
          .join('');
        const warnings = r.warnings.map((w) => `<p class="note">${esc(w)}</p>`).join('');
        return `<article class="result" aria-labelledby="result-${i}">
<h3 id="result-${i}">${esc(r.name)}</h3>
<p class="meta">${esc(r.deadline)} <span class="badge ${r.status}">${r.statusLabel}</span><br>Cycle ${r.cycle}${r.estimated ? ' (estimated)' : ''}</p>
<div class="total" role="group" aria-labelledby="total-${i}"><span id="total-${i}">Total CECs</span> <strong>${r.total}</strong> <span>of ${r.requiredText}</span></div>
<progress max="${r.required}" value="${Math.min(r.earned, r.required)}" aria-label="Progress toward ${r.requiredText} CECs"></progress>
<p>${esc(r.progress)}</p>
<dl class="figures"><div><dt>Remaining</dt><dd>${r.remaining}</dd></div><div><dt>Planned</dt><dd>${r.planned}</dd></div><div><dt>Remaining after planned</dt><dd>${r.remainingAfterPlanned}</dd></div></dl>
<h4>Renewal checklist</h4><ul class="checklist">${checklist}</ul>${warnings}</article>`;
      })
      .join('');
  if (html !== lastResults) {
    lastResults = html;
    $('results').innerHTML = html;
  }
}

function save(vm: ViewModel) {
  try {
    localStorage.setItem(STORAGE_KEY, serialize(state));
  } catch {
    // Storage full or blocked: the link below still carries the plan.
  }
  const search = searchFor(vm.plan, location.search);
  const url = location.pathname + search + location.hash;
  if (!keepLink) history.replaceState(null, '', url);
  const link = $<HTMLAnchorElement>('share-link');
  link.href = url;
}

function render(persist: boolean) {
  const vm = view(state, today);
  renderForm();
  renderCertifications(vm);
  renderActivities(vm);
  renderResults(vm);
  if (persist) save(vm);
  else
    $<HTMLAnchorElement>('share-link').href =
      location.pathname + searchFor(vm.plan, location.search);
}

function dispatch(action: Action) {
  keepLink = false;
  state = update(state, action);
  render(true);
}

// ---------------------------------------------------------------------------
// events

certList.addEventListener('input', (event) => {
  const target = event.target as HTMLInputElement;
  const row = target.closest<HTMLElement>('[data-index]');
  const prop = target.dataset.prop;
  if (!row || !prop) return;
  const patch =
    prop === 'dateKind' ? { dateKind: target.value as DateKind } : { [prop]: target.value };
  dispatch({ type: 'set-certification', index: Number(row.dataset.index), patch });
});

form.addEventListener('input', (event) => {
  const target = event.target as HTMLInputElement;
  if (target.name === 'kind') {
    dispatch({ type: 'choose-kind', kind: target.value as OpportunityId });
    return;
  }
  const value = target.type === 'checkbox' ? String(target.checked) : target.value;
  dispatch({ type: 'set-field', field: target.name as FieldName, value });
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
    `${editing === null ? 'Added' : 'Saved'}: ${document.querySelectorAll('.activity-label')[index]?.textContent ?? ''}.`;
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
  } else if (action === 'edit-activity') {
    dispatch({ type: 'edit-activity', index });
    input('kind').focus();
  } else if (action === 'remove-activity') {
    const label = document.querySelectorAll('.activity-label')[index]?.textContent ?? '';
    dispatch({ type: 'remove-activity', index });
    $('status').textContent = `Removed: ${label}.`;
    $('activities-heading').focus();
  } else if (action === 'cancel-edit') {
    dispatch({ type: 'cancel-edit' });
  }
});

for (const notice of loaded.notices) {
  const p = document.createElement('p');
  p.textContent = notice;
  $('notices').append(p);
}
$('notices').hidden = loaded.notices.length === 0;
render(false);
