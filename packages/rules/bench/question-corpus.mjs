// Reads the question parser's labelled corpus (test/question-corpus.txt, its
// format described at its top). Used by the corpus test and the benchmark.
import { readFileSync } from 'node:fs';

export function readCorpus() {
  const text = readFileSync(new URL('../test/question-corpus.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'))
    .map(({ line, number }) => {
      const [question, intent, worth = '-', also = ''] = line.split(' | ').map((s) => s.trim());
      return {
        line: number,
        question,
        intent: intent === 'none' ? null : intent,
        worth,
        also: also ? also.replace(/^also /, '').split(',') : [],
      };
    });
}
