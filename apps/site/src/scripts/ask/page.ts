/**
 * The /ask/ page's first script: the form, the example buttons and `?q=`.
 * The parser and the answer's rendering (answer.ts, most of the page's
 * weight) load after the page shows: when the browser is idle, or as soon as
 * the person focuses the box, types or asks, whichever comes first.
 */

type Show = typeof import('./answer').showAnswer;

const form = document.getElementById('ask-form') as HTMLFormElement;
const input = document.getElementById('ask-question') as HTMLInputElement;
const answer = document.getElementById('ask-answer') as HTMLElement;

let loading: Promise<Show> | undefined;
const load = () => {
  loading ??= import('./answer').then((module) => module.showAnswer);
  return loading;
};

/** Answers the question, and puts it in the address so the answer can be shared. */
async function ask(question: string) {
  input.value = question;
  const url = new URL(location.href);
  if (question.trim()) url.searchParams.set('q', question);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  const show = await load();
  // A slower load must not overwrite the answer to a question asked after it.
  if (input.value === question) show(answer, question, ask);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void ask(input.value);
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-question]')) {
  button.addEventListener('click', () => void ask(button.dataset.question ?? ''));
}
input.addEventListener('focus', load, { once: true });
input.addEventListener('input', load, { once: true });

const asked = new URLSearchParams(location.search).get('q');
if (asked) void ask(asked);
else if ('requestIdleCallback' in window) requestIdleCallback(load);
else setTimeout(load, 1);
