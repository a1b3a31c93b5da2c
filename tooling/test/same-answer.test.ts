/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (The page is read with code that runs in Chromium.)
/**
 * Issue 10's "done when": the CLI, the bot's console (`/cec ask`) and the
 * site's /ask/ page give the same answer to the same question. Black-box:
 * each front end is run as built (turbo builds the three first), the CLI and
 * the console as processes, the page in Chromium; nothing is imported from
 * them. Only formatting is normalised (Discord markdown, HTML, "0.4" vs
 * "0.4 CECs"), never content.
 *
 * The questions: every case of issue 10 in the parser's corpus, and the
 * first question of each of its other sections, so every intent is asked.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'packages/rules/dist/cli.js');
const CONSOLE = join(root, 'apps/bot/dist/console.js');
const SITE = join(root, 'apps/site/dist');
const CORPUS = join(root, 'packages/rules/test/question-corpus.txt');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What an answer says, whichever front end said it. */
interface Said {
  understood: boolean;
  /** What it was understood as (the opportunity or renewal question's name), or the refusal. */
  name: string;
  cecs: number | null;
  /** "1-year certificate: 0.2" for each option of a value the question does not give. */
  options: string[];
  /** The sentence that explains the answer (the explanation, or why it was not understood). */
  sentence: string;
  /** The main source's id; for a question not understood, the examples it suggests. */
  source: string;
}

interface CorpusQuestion {
  question: string;
  intent: string;
}

/** The questions, each with the intent the corpus labels it with. */
function questions(): CorpusQuestion[] {
  const chosen: CorpusQuestion[] = [];
  let section = '';
  let firstOfSection = false;
  for (const line of readFileSync(CORPUS, 'utf8').split('\n')) {
    const heading = /^# --- (.*) ---$/.exec(line);
    if (heading) {
      section = heading[1] ?? '';
      firstOfSection = true;
      continue;
    }
    if (line.startsWith('#') || !line.includes('|')) continue;
    const [question = '', intent = ''] = line.split('|').map((part) => part.trim());
    // The console's line reader takes "double quotes" and name: as its own syntax.
    if (/["“”:]/.test(question)) continue;
    if (section === 'the cases listed in issue 10' || firstOfSection) {
      chosen.push({ question, intent });
      firstOfSection = false;
    }
  }
  return chosen;
}

const QUESTIONS = questions();

const number = (text: string | undefined) => (text === undefined ? null : Number(text));

// --- the CLI ---------------------------------------------------------------

async function cli(question: string): Promise<Said> {
  const run = async (args: string[]) => {
    try {
      return (await promisify(execFile)(process.execPath, [CLI, ...args, question])).stdout;
    } catch (error) {
      // A question not understood exits 2, with its JSON on stdout.
      return (error as { stdout: string }).stdout;
    }
  };
  const [json, text] = await Promise.all([run(['--json']), run([])]);
  const body = JSON.parse(json) as {
    cecs: number | null;
    explanation?: string;
    error?: string;
    options?: { label: string; cecs: number }[];
    source?: { id: string };
    suggestions?: { example: string }[];
  };
  if (body.error !== undefined) {
    return {
      understood: false,
      name: '',
      cecs: null,
      options: [],
      sentence: body.error,
      source: (body.suggestions ?? []).map((s) => s.example).join(' | '),
    };
  }
  // The text says the value in words too ("Worth: 0.0 CECs."), the same as the JSON.
  const worth = /^Worth: (\d+\.\d) CECs\.$/m.exec(text)?.[1];
  expect(number(worth), 'the text and the JSON').toBe(body.cecs);
  const explanation = body.explanation ?? '';
  // The text output starts "<name>: <explanation>".
  const first = text.split('\n')[0] ?? '';
  return {
    understood: true,
    name: first.slice(0, first.length - explanation.length - 2),
    cecs: body.cecs,
    options: (body.options ?? []).map((o) => `${o.label}: ${o.cecs.toFixed(1)}`),
    sentence: explanation,
    source: body.source?.id ?? '',
  };
}

// --- the bot's console -----------------------------------------------------

/** Every question on one console's stdin; its transcript, one reply per question. */
async function consoleReplies(list: readonly string[]): Promise<string[]> {
  const child = spawn(process.execPath, [CONSOLE], {
    // An in-memory database: the console never touches a real one.
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: ':memory:' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  // Each question, then a press on its first button: the public answer is short, and its
  // Details (the first button) carry what the CLI and the page print.
  child.stdin.end(list.map((q) => `/cec ask question:${q}\nclick 1\n`).join(''));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, err).toBe(0);
  // Piped input is echoed as "> <line>" before each reply.
  const replies = out.split(/^> \/cec ask question:.*$/m).slice(1);
  expect(replies).toHaveLength(list.length);
  return replies.map((reply) => {
    const [answer = '', details = ''] = reply.split(/^> click 1$/m);
    return /^\[1\] Details/m.test(answer) ? details : answer;
  });
}

function fromConsole(reply: string): Said {
  const lines = reply.trim().split('\n');
  const title = /^== (.*) ==$/.exec(lines[0] ?? '');
  if (!title) {
    return {
      understood: false,
      name: '',
      cecs: null,
      options: [],
      sentence: lines[0] ?? '',
      source: lines.flatMap((line) => /^• .*: try `(.*)`$/.exec(line)?.[1] ?? []).join(' | '),
    };
  }
  const description = lines.slice(1, lines.indexOf('You asked:') - 1);
  const value = /^(\d+\.\d) CECs$/.exec(description[0] ?? '');
  const options = description.flatMap((line) => /^• (.*: \d+\.\d)$/.exec(line)?.[1] ?? []);
  const sentence = description
    .filter((line, i) => !(i === 0 && value) && !line.startsWith('• '))
    .filter((line) => line !== 'The CECs printed on the certificate')
    .join('\n');
  return {
    understood: true,
    name: title[1] ?? '',
    cecs: number(value?.[1]),
    options,
    sentence,
    source: /^Source \((S\d+)\):$/m.exec(reply)?.[1] ?? '',
  };
}

// --- the /ask/ page --------------------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** The built site on 127.0.0.1, /x/ served from x/index.html. */
function serveSite(): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(SITE, path);
    if (!file.startsWith(SITE)) file = join(SITE, '404.html');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let server: Server;
let browser: Browser;

let tab: Page;

async function page(question: string): Promise<Said> {
  const { port } = server.address() as AddressInfo;
  await tab.goto(`http://127.0.0.1:${port}/ask/?q=${encodeURIComponent(question)}`);
  await tab.locator('#ask-answer').waitFor();
  return tab.evaluate(() => {
    const body = document.getElementById('ask-answer-body') as HTMLElement;
    const more = document.getElementById('ask-answer-more') as HTMLElement;
    const refused = body.querySelector('.ask-not-understood');
    if (refused) {
      return {
        understood: false,
        name: '',
        cecs: null,
        options: [],
        sentence: refused.textContent ?? '',
        source: [...body.querySelectorAll<HTMLElement>('[data-ask]')]
          .map((b) => b.dataset.ask)
          .join(' | '),
      };
    }
    const value = body.querySelector('.ask-value')?.textContent?.replace(' CECs', '');
    // The main answer's paragraphs: the value and "Understood as" are not the sentence.
    const sentence = [...body.children]
      .filter((el) => el.tagName === 'P' && !el.matches('.ask-understood, .ask-value'))
      .map((el) => el.textContent ?? '')
      .join('\n');
    const source = [...more.querySelectorAll('p')].find((p) =>
      p.textContent?.startsWith('Source: '),
    );
    return {
      understood: true,
      name: body.querySelector('.ask-understood strong')?.textContent ?? '',
      cecs: value === undefined ? null : Number(value),
      options: [...body.querySelectorAll(':scope > ul [data-refine]')].map((b) =>
        (b.textContent ?? '').replace(/ CECs$/, ''),
      ),
      sentence,
      source: source?.querySelector('a')?.textContent ?? '',
    };
  });
}

// --- the comparison --------------------------------------------------------

const built = [CLI, CONSOLE, join(SITE, 'ask/index.html')].every((file) => existsSync(file));

describe.skipIf(!built)('the same answer from the CLI, the console and /ask/', () => {
  let replies: string[] = [];

  beforeAll(async () => {
    server = await serveSite();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
    replies = await consoleReplies(QUESTIONS.map((q) => q.question));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('asks about every intent of the corpus, and every case of issue 10', () => {
    const corpusIntents = new Set(
      readFileSync(CORPUS, 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('#') && line.includes('|'))
        .map((line) => line.split('|')[1]?.trim()),
    );
    expect(new Set(QUESTIONS.map((q) => q.intent))).toEqual(corpusIntents);
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(40);
    expect(QUESTIONS.map((q) => q.question)).toEqual(
      expect.arrayContaining([
        'I am ACE certified and just got my NASM CPT',
        'college 3 credits and my grade was D',
        'pilates class 3 hours',
        'when is my deadline',
      ]),
    );
  });

  it.each(QUESTIONS.map((q, i) => [q.question, i] as const))('%s', async (question, i) => {
    const [fromCli, fromPage] = await Promise.all([cli(question), page(question)]);
    const said = fromConsole(replies[i] ?? '');
    expect(said, 'console').toEqual(fromCli);
    expect(fromPage, '/ask/').toEqual(fromCli);
    expect(fromCli.understood, 'as the corpus labels it').toBe(QUESTIONS[i]?.intent !== 'none');
  });
});

it('the three front ends are built (turbo builds them before this test)', () => {
  expect(built).toBe(true);
});
