/**
 * The submit page's two helpers: the course-number checker and the date in
 * ACE's MM/DD/YYYY format. Each answers as you type, in the rules package's
 * words, in a polite live region.
 */
import { checkCourseNumber, formatUsDate, parseDate } from '@cec/rules';

function live(inputId: string, answer: (text: string) => { ok: boolean; message: string }) {
  const input = document.getElementById(inputId) as HTMLInputElement;
  const output = document.getElementById(`${inputId}-result`) as HTMLElement;
  const show = () => {
    const text = input.value;
    if (text.trim() === '') {
      output.textContent = '';
      output.className = 'checker-result';
      input.removeAttribute('aria-invalid');
      return;
    }
    const { ok, message } = answer(text);
    output.textContent = message;
    output.className = `checker-result ${ok ? 'valid' : 'invalid'}`;
    if (ok) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  };
  input.addEventListener('input', show);
  show();
}

live('course-number', (text) => {
  const check = checkCourseNumber(text);
  return check.valid
    ? { ok: true, message: `✓ ${check.normalized} is a well-formed ACE course number.` }
    : { ok: false, message: check.error };
});

live('completion-date', (text) => {
  const parsed = parseDate(text);
  return parsed.ok
    ? { ok: true, message: `Type it into ACE's form as ${formatUsDate(parsed.date)}` }
    : { ok: false, message: parsed.error };
});
