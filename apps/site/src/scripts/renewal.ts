/**
 * The renewal page: from the expiration date (or the certification date, an
 * estimate) to the cycle, the days left, the status, the end of the grace
 * period, and the deadline as a calendar file made in the browser.
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

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const credential = $<HTMLSelectElement>('renewal-credential');
const dateKind = $<HTMLSelectElement>('renewal-date-kind');
const date = $<HTMLInputElement>('renewal-date');
const error = $('renewal-date-error');
const result = $('renewal-result');
const download = $<HTMLAnchorElement>('renewal-ics');
let fileUrl = '';

function show() {
  const expires = dateKind.value === 'expires';
  $('renewal-date-label').textContent = expires ? 'Expiration date' : 'Certification date';
  const text = date.value;
  const parsed = parseDate(text);
  const message = text.trim() === '' || parsed.ok ? '' : parsed.error;
  error.textContent = message;
  error.hidden = !message;
  if (message) date.setAttribute('aria-invalid', 'true');
  else date.removeAttribute('aria-invalid');
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
  const sentence = deadlineSentence({ cycle, daysLeft });
  $('renewal-deadline').textContent = sentence;
  $('renewal-status').textContent = STATUS_LABELS[status];
  $('renewal-status').className = `badge ${status}`;
  $('renewal-cycle').textContent =
    `${formatUsDate(cycle.start)} to ${formatUsDate(cycle.end)}${cycle.estimated ? ' (estimated)' : ''}`;
  $('renewal-days').textContent = String(daysLeft);
  $('renewal-grace').textContent = formatUsDate(graceEnds);
  const notes = cycleWarnings({ certified: parsed.date }, cycle, statusToday);
  $('renewal-notes').textContent = notes.join(' ');
  $('renewal-notes').hidden = notes.length === 0;
  result.hidden = false;

  const name = CREDENTIALS[id].name;
  const file = calendarFile(
    {
      name,
      credential: id,
      expires: cycle.end,
      estimated: cycle.estimated,
      graceEnds,
      details: [
        sentence,
        `Renewal cycle: ${formatUsDate(cycle.start)} to ${formatUsDate(cycle.end)}.`,
        `Late renewal possible until ${formatUsDate(graceEnds)}. ${FACTS.grace.text}`,
        FACTS.requirement.text,
        'Made by CEC Toolkit, an unofficial helper not affiliated with ACE: check your ACE account.',
      ],
    },
    new Date(),
  );
  if (fileUrl) URL.revokeObjectURL(fileUrl);
  fileUrl = URL.createObjectURL(new Blob([file], { type: 'text/calendar;charset=utf-8' }));
  download.href = fileUrl;
  download.download = `ace-renewal-${cycle.end}.ics`;
}

for (const el of [credential, dateKind, date]) el.addEventListener('input', show);
show();
