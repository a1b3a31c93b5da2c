/**
 * The renewal page: from the expiration date (or the certification date, an
 * estimate) to the cycle, the countdown (to the end of grace once expired),
 * the status, and both dates as a calendar file made in the browser. It
 * starts from the dates already entered in the calculator.
 */
import {
  CREDENTIALS,
  type CredentialId,
  cycleOf,
  cycleWarnings,
  deadlineSentence,
  FACTS,
  formatUsDate,
  parseDate,
  STATUS_LABELS,
  statusOn,
  todayIso,
} from '@cec/rules';
import { calendarFile } from './calendar-file';
import { countdown } from './countdown';
import { cited, pageSources } from './html';
import { readStorage, storedCertifications } from './stored';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const credential = $<HTMLSelectElement>('renewal-credential');
const dateKind = $<HTMLSelectElement>('renewal-date-kind');
const date = $<HTMLInputElement>('renewal-date');
const error = $('renewal-date-error');
const result = $('renewal-result');
const download = $<HTMLAnchorElement>('renewal-ics');
let fileUrl = '';
const sources = pageSources();

function showError(message: string) {
  error.textContent = message;
  error.hidden = !message;
  if (message) date.setAttribute('aria-invalid', 'true');
  else date.removeAttribute('aria-invalid');
}

/** Checked when the person leaves the field, not on every keystroke. */
function check() {
  const parsed = parseDate(date.value);
  showError(date.value.trim() === '' || parsed.ok ? '' : parsed.error);
}

function show() {
  const expires = dateKind.value === 'expires';
  $('renewal-date-label').textContent = expires ? 'Expiration date' : 'Certification date';
  const parsed = parseDate(date.value);
  // A message already showing follows what is typed; none appears while typing.
  if (!error.hidden) check();
  if (!parsed.ok) {
    result.hidden = true;
    return;
  }
  const id = credential.value as CredentialId;
  const cycle = cycleOf(
    expires ? { credential: id, expires: parsed.date } : { credential: id, certified: parsed.date },
  );
  const today = todayIso();
  const statusToday = statusOn(cycle, today);
  const { status, daysLeft, graceEnds } = statusToday;
  const days = countdown(statusToday, today);
  $('renewal-deadline').textContent = deadlineSentence({ cycle, daysLeft });
  $('renewal-status').textContent = STATUS_LABELS[status];
  $('renewal-status').className = `badge ${status}`;
  $('renewal-cycle').textContent =
    `${formatUsDate(cycle.start)} to ${formatUsDate(cycle.end)}${cycle.estimated ? ' (estimated)' : ''}`;
  $('renewal-days-label').textContent = days.label;
  $('renewal-days').textContent = days.value;
  $('renewal-grace').textContent = formatUsDate(graceEnds);
  const notes = cycleWarnings({ certified: parsed.date }, cycle, statusToday);
  $('renewal-notes').innerHTML = notes.map((n) => cited(n, sources)).join(' ');
  $('renewal-notes').hidden = notes.length === 0;
  result.hidden = false;

  const name = CREDENTIALS[id].name;
  const estimated = cycle.estimated ? ' (estimated)' : '';
  const file = calendarFile(
    {
      name,
      credential: id,
      expires: cycle.end,
      estimated: cycle.estimated,
      graceEnds,
      // Dates only: a sentence like "in 151 days" would be wrong the next day.
      details: [
        `${name}: expires ${formatUsDate(cycle.end)}${estimated}.`,
        `Renewal cycle: ${formatUsDate(cycle.start)} to ${formatUsDate(cycle.end)}.`,
        `Late renewal possible until ${formatUsDate(graceEnds)}. ${FACTS.grace.text}`,
        FACTS.requirement.text,
        'Made by CEC Toolkit, an unofficial helper not affiliated with ACE: check your ACE account.',
      ],
    },
    new Date(),
    today,
  );
  if (fileUrl) URL.revokeObjectURL(fileUrl);
  fileUrl = URL.createObjectURL(new Blob([file], { type: 'text/calendar;charset=utf-8' }));
  download.href = fileUrl;
  download.download = `ace-renewal-${cycle.end}.ics`;
}

// The dates already entered in the calculator, when this page's form is still empty.
const [known] = storedCertifications(readStorage());
if (known && date.value === '' && parseDate(known.date).ok) {
  credential.value = known.credential;
  dateKind.value = known.dateKind;
  date.value = known.date;
  $('renewal-from-calculator').hidden = false;
}

for (const el of [credential, dateKind, date]) el.addEventListener('input', show);
date.addEventListener('change', check);
show();
