/**
 * /ask/ on a 390 px phone: typed questions answered with what they were
 * understood as, the value, why and the source, all in the first screen; a
 * missing value asked back with options that refine the question when
 * tapped; `?q=` shareable; and the page works offline.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../support/browser';

const PHONE = { width: 390, height: 844 };

let site: Site;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await openSite();
  context = await site.browser.newContext({ viewport: PHONE });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await site?.close();
});

const answer = () => page.locator('#ask-answer');

/** Asks as a person would, and waits for this question's answer to replace the last one. */
async function ask(question: string) {
  const before = await page.locator('#ask-answer-body').innerHTML();
  await page.getByLabel('Your question').fill(question);
  await page.getByLabel('Your question').press('Enter');
  await page.waitForFunction(
    (last) => document.getElementById('ask-answer-body')?.innerHTML !== last,
    before,
  );
}

/** The element's bottom edge is inside the first screen of the phone. */
async function inFirstScreen(text: string) {
  const box = await answer().getByText(text, { exact: false }).first().boundingBox();
  return box !== null && box.y + box.height <= PHONE.height;
}

describe('/ask/ on a phone', () => {
  beforeAll(async () => {
    await page.goto(`${site.url}/ask/`);
  });

  it('answers a college grade below C with 0, understood-as line, why and source on the first screen', async () => {
    await ask('college 3 credits grade D');
    const text = (await answer().textContent()) ?? '';
    expect(text).toContain('Understood as College course');
    await expect(answer().locator('.ask-value').textContent()).resolves.toBe('0.0 CECs');
    expect(text).toContain('A grade of D is below the "C" or higher that S1 requires.');
    await expect(
      answer().getByRole('link', { name: 'S1', exact: true }).first().getAttribute('href'),
    ).resolves.toBe('/sources/#S1');
    for (const shown of ['Understood as', '0.0 CECs', 'A grade of D', 'Source:']) {
      expect(await inFirstScreen(shown), shown).toBe(true);
    }
    // Our reading is ours, and says so.
    await expect(answer().locator('summary').textContent()).resolves.toBe(
      'Our reading, not ACE’s words',
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('college 3 credits grade D');
  });

  it('tells another certifier from ACE: "my NASM CPT" is 0.5', async () => {
    await ask('I am ACE certified and just got my NASM CPT');
    await expect(answer().textContent()).resolves.toContain(
      'Understood as A certification from another NCCA-accredited provider',
    );
    await expect(answer().locator('.ask-value').textContent()).resolves.toBe('0.5 CECs');
  });

  it('asks a deadline question back for the date, and answers with it', async () => {
    await ask('when is my deadline');
    await expect(answer().textContent()).resolves.toContain('Understood as Renewal deadline');
    const date = page.getByLabel('Your expiration date');
    expect(await date.isVisible()).toBe(true);
    await date.fill('02/30/2027');
    await page.getByRole('button', { name: 'Use this date' }).click();
    await expect(page.locator('#ask-expires-error').textContent()).resolves.toContain(
      'February 2027 has 28 days',
    );
    await date.fill('03/31/2027');
    await page.getByRole('button', { name: 'Use this date' }).click();
    await expect(answer().textContent()).resolves.toContain(
      'the cycle runs 04/01/2025 to 03/31/2027, and late renewal is possible until 09/30/2027',
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe(
      'when is my deadline expires 03/31/2027',
    );
    // The question has its date now: none is asked for.
    expect(await date.isVisible()).toBe(false);
  });

  it('asks a missing value back with the options, and a tapped option refines the question', async () => {
    await ask('cpr');
    await expect(answer().locator('.ask-value').count()).resolves.toBe(0);
    const options = answer().locator('[data-refine]');
    await expect(options.allTextContents()).resolves.toEqual([
      '1-year certificate: 0.2 CECs',
      '2-year certificate: 0.4 CECs',
    ]);
    await options.nth(1).click();
    await expect(answer().locator('.ask-value').textContent()).resolves.toBe('0.4 CECs');
    await expect(page.getByLabel('Your question').inputValue()).resolves.toBe(
      'cpr 2-year certificate',
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('cpr 2-year certificate');
    // The answer that replaced the tapped button has the focus.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('ask-answer');
  });

  it('answers both activities of one question', async () => {
    await ask('cpr 2yr and college 3 credits grade B');
    const text = (await answer().textContent()) ?? '';
    expect(text).toContain('Understood as CPR/AED renewal');
    expect(text).toContain('You also asked about College course: 2.0 CECs.');
    await expect(answer().locator('.ask-also').textContent()).resolves.toContain(
      'Also in your question: College course2.0 CECs',
    );
  });

  it('says what it did not understand, with suggestions and the calculator', async () => {
    await ask('asdf qwer');
    await expect(answer().textContent()).resolves.toContain('I did not understand "asdf qwer".');
    const links = await answer()
      .locator('a')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/', '/#ways-heading']);
    await answer()
      .getByRole('button', { name: /College course/ })
      .click();
    await expect(answer().locator('.ask-value').textContent()).resolves.toBe('2.0 CECs');
  });

  it('refuses an over-long question with a sentence', async () => {
    await ask(`cpr 2yr ${'and more '.repeat(40)}`);
    await expect(answer().textContent()).resolves.toContain(
      'please ask it in at most 300, one activity at a time.',
    );
  });

  it('answers an example tapped', async () => {
    await page.getByRole('button', { name: 'NASM certification' }).click();
    await expect(answer().locator('.ask-value').textContent()).resolves.toBe('0.5 CECs');
    await expect(page.getByLabel('Your question').inputValue()).resolves.toBe('NASM certification');
  });
});

describe('the navigation, with Ask in it', () => {
  it.each(['/', '/ask/', '/submit/'])('%s: stays on one line of the phone', async (path) => {
    await page.goto(site.url + path);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(
      nav.getByRole('link', { name: 'Ask', exact: true }).getAttribute('href'),
    ).resolves.toBe('/ask/');
    const links = await nav
      .getByRole('link')
      .evaluateAll((all) => all.map((a) => a.getBoundingClientRect().top));
    expect(new Set(links).size).toBe(1);
  });
});

describe('/ask/?q=', () => {
  it('fills the box and answers at once, so an answer can be shared', async () => {
    await page.goto(`${site.url}/ask/?q=${encodeURIComponent('pilates class 3 hours')}`);
    await expect(page.getByLabel('Your question').inputValue()).resolves.toBe(
      'pilates class 3 hours',
    );
    await expect(answer().locator('.ask-value').textContent()).resolves.toBe('0.3 CECs');
  });

  it('works offline once the site is cached', async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) =>
          navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
        );
      }
    });
    await context.setOffline(true);
    try {
      await page.goto(`${site.url}/ask/?q=${encodeURIComponent('gave a talk')}`);
      await expect(answer().locator('.ask-value').textContent()).resolves.toBe('0.5 CECs');
      await page.reload();
      await ask('college 3 credits grade D');
      await expect(answer().locator('.ask-value').textContent()).resolves.toBe('0.0 CECs');
    } finally {
      await context.setOffline(false);
    }
  });
});
