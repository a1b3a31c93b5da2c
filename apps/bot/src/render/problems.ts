/** Short, private answers when something goes wrong. */
import { plain } from './format.js';
import type { Reply } from './payload.js';

/** A failure the member can fix: their message, privately. */
export function renderProblem(message: string): Reply {
  return { ephemeral: true, content: `⚠️ ${message}` };
}

/** Several problems with one input (e.g. every field of a /log entry that is wrong). */
export function renderProblems(intro: string, problems: readonly string[]): Reply {
  return {
    ephemeral: true,
    content: [`⚠️ ${intro}`, ...problems.map((p) => `• ${plain(p)}`)].join('\n'),
  };
}

/** A bug on our side: nothing the member did; the details are in the log. */
export function renderApology(): Reply {
  return {
    ephemeral: true,
    content:
      'Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.',
  };
}
