/**
 * The calculator in a real browser (Debian's Chromium) against the built
 * site: every kind of activity, totals, a limit's cut, planned vs earned,
 * reloads from the link and from localStorage, bad input, and keyboard use;
 * then each problem a trainer met on a 390 px phone (issue 12), print and
 * export, and the two columns of a desktop.
 * The clock is fixed at 11/27/2026 so "planned" and "days left" are stable.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { parsePlan } from '@cec/rules';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../support/browser';

const TODAY = new Date(2026, 10, 27, 10, 0, 0);
const RESULTS = new URL('../../test-results/', import.meta.url);

let site: Site;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

async function freshPage(path = '/'): Promise<Page> {
  await context?.close();
  context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  // Fail fast on a missing element instead of waiting for the test timeout.
  context.setDefaultTimeout(5000);
  const next = await context.newPage();
  next.on('pageerror', (error) => errors.push(error.message));
  await next.clock.setFixedTime(TODAY);
  await next.goto(site.url + path);
  return next;
}

async function addActivity(kind: string, fields: Record<string, string | boolean>) {
  await page.getByLabel('Activity', { exact: true }).selectOption(kind);
  for (const [label, value] of Object.entries(fields)) {
    const field = page.getByLabel(label, { exact: true });
    if (typeof value === 'boolean') await field.setChecked(value);
    else if ((await field.evaluate((el) => el.tagName)) === 'SELECT')
      await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: 'Add activity' }).click();
}

const total = () => page.getByLabel('Earned CECs');
const planned = () => page.getByLabel('Planned CECs');

describe('calculator', () => {
  it('adds one activity of every kind and totals them', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await addActivity('cpr-aed', { 'Certificate length': '2yr', 'Completion date': '01/15/2026' });
    await expect(total().textContent()).resolves.toContain('0.4');
    await addActivity('college', {
      'Credit hours': '2',
      Grade: 'B',
      'Completion date': '12/10/2025',
    });
    await expect(total().textContent()).resolves.toContain('2.4');
    await addActivity('presentation', { 'Completion date': '04/02/2026' });
    await addActivity('ncca-certification', {
      'Certification name': 'NSCA-CPT',
      'Completion date': '05/01/2026',
    });
    await addActivity('publication', {
      Title: 'Strength after 60',
      'Completion date': '06/01/2026',
    });
    await addActivity('mentoring', { 'Completion date': '06/20/2026' });
    await addActivity('approved-course', {
      'Course number': 'CA23456',
      'CECs on certificate': '0.7',
      'Covers professional conduct and ethics': true,
      'Completion date': '07/01/2026',
    });
    await addActivity('petition', {
      'Course title': 'Pilates mat course',
      'Petition status': 'approved',
      'CECs requested or approved': '0.5',
      'Completion date': '08/01/2026',
    });
    await addActivity('ace-certification', {
      'ACE certification earned': 'health-coach',
      'Completion date': '09/01/2026',
    });
    const items = page.locator('#activity-list > li');
    await expect(items.count()).resolves.toBe(9);
    // 0.4 + 2.0 + 0.5 + 0.5 + 0.5 + 0.1 + 0.7 + 0.5 + 2.0
    await expect(total().textContent()).resolves.toContain('7.2');
    await expect(items.nth(7).textContent()).resolves.toContain(
      'Petition approved by ACE for 0.5 CECs.',
    );
    const checklist = await page.locator('.checklist').textContent();
    expect(checklist).toContain('Done');
    expect(checklist).not.toContain('Missing');
    const progress = page.getByRole('progressbar', { name: /Progress toward 2.0 CECs/ });
    await expect(progress.getAttribute('value')).resolves.toBe('20');
    expect(errors).toEqual([]);
  });

  it('cuts the second presentation by the limit and says why', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await addActivity('presentation', {
      'Title (optional)': 'Cueing',
      'Completion date': '02/10/2026',
    });
    await addActivity('presentation', {
      'Title (optional)': 'Balance',
      'Completion date': '03/10/2026',
    });
    await expect(total().textContent()).resolves.toContain('0.5');
    // The second card counts 0.0, in bold where the worth used to be, and says why.
    const second = page.locator('#activity-list > li').nth(1);
    await expect(second.locator('.credit').textContent()).resolves.toBe('Counts 0.0');
    await expect(second.textContent()).resolves.toMatch(/Worth 0\.5 on its own/);
    await expect(second.textContent()).resolves.toMatch(/Limit reached/);
  });

  it('counts an activity dated after today as planned, not earned', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await addActivity('approved-course', {
      'Course number': 'CA23456',
      'CECs on certificate': '1.2',
      'Completion date': '10/01/2026',
    });
    await addActivity('approved-course', {
      'Course number': 'CEP123456',
      'CECs on certificate': '0.5',
      'Completion date': '01/15/2027',
    });
    await expect(total().textContent()).resolves.toContain('1.2');
    await expect(planned().textContent()).resolves.toContain('0.5');
    const results = await page.locator('#results').textContent();
    expect(results).toContain('1.2 of 2.0 CECs earned, 0.8 to go (0.5 planned).');
    await expect(page.locator('#activity-list .planned').count()).resolves.toBe(1);
  });

  it('explains bad input next to the field, in the rules package words, and keeps it', async () => {
    page = await freshPage();
    await page.getByLabel('Activity', { exact: true }).selectOption('college');
    await page.getByLabel('Credit hours').fill('0');
    await page.getByLabel('Completion date').fill('02/30/2024');
    await page.getByRole('button', { name: 'Add activity' }).click();
    const hours = page.getByLabel('Credit hours');
    await expect(hours.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await hours.getAttribute('aria-describedby')) ?? '';
    const description = await page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      describedBy,
    );
    expect(description).toContain('Credit hours must be at least 0.1');
    await expect(page.locator('#f-completed-error').textContent()).resolves.toContain(
      'February 2024 has 29 days',
    );
    // Focus goes to the first field to fix; nothing typed is lost.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-creditHours');
    await expect(hours.inputValue()).resolves.toBe('0');
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(0);

    await page.getByLabel('Activity', { exact: true }).selectOption('approved-course');
    await page.getByLabel('Course number').fill('CA2345');
    await page.getByRole('button', { name: 'Add activity' }).click();
    await expect(page.locator('#f-courseNumber-error').textContent()).resolves.toContain(
      '"CA2345" has 4 digits after CA; a course number has five or six.',
    );
  });

  it('edits and removes an activity', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await addActivity('cpr-aed', { 'Certificate length': '1yr', 'Completion date': '01/15/2026' });
    await addActivity('mentoring', { 'Completion date': '02/01/2026' });
    await expect(total().textContent()).resolves.toContain('0.3');
    await page.getByRole('button', { name: 'Edit 1-year CPR/AED certificate' }).click();
    await page.getByLabel('Certificate length').selectOption('2yr');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(total().textContent()).resolves.toContain('0.5');
    await page.getByRole('button', { name: 'Remove Community outreach' }).click();
    await expect(total().textContent()).resolves.toContain('0.4');
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(1);
  });

  it('reloads from the link, and from localStorage without it', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await addActivity('college', {
      'Credit hours': '1.25',
      Grade: 'A',
      'Completion date': '05/01/2026',
    });
    const url = page.url();
    expect(url).toContain('?plan=');
    // The link alone, in a new browser profile.
    const linkPage = await freshPage(url.slice(site.url.length));
    page = linkPage;
    await expect(total().textContent()).resolves.toContain('1.2');
    await expect(page.getByLabel('Expiration date').inputValue()).resolves.toBe('03/31/2027');
    // Same profile, no link: localStorage has it, the half-typed form included.
    await page.getByLabel('Course number').fill('CA12');
    await page.goto(`${site.url}/`);
    await expect(total().textContent()).resolves.toContain('1.2');
    await expect(page.getByLabel('Course number').inputValue()).resolves.toBe('CA12');
  });

  it('a damaged link says so in the rules package words and loses nothing saved', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await addActivity('mentoring', { 'Completion date': '02/01/2026' });
    await page.goto(`${site.url}/?plan=WzEsbnVsbCxbWzAsImUiLCIyMDI3`);
    await expect(page.locator('#notices').textContent()).resolves.toContain(
      'This calculator link is damaged or incomplete',
    );
    await expect(total().textContent()).resolves.toContain('0.1');
    // The damaged link stays in the address bar until something changes.
    expect(page.url()).toContain('WzEsbnVsbCxbWzAsImUiLCIyMDI3');
  });

  it('works with the keyboard alone, with a visible focus', async () => {
    page = await freshPage();
    const tabTo = async (id: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await tabTo('cert-0-date');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.keyboard.type('03/31/2027');
    await tabTo('f-kind');
    // A closed select changes with the arrow keys; "Presenting" is three below the course.
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(page.locator('#f-kind').inputValue()).resolves.toBe('presentation');
    await tabTo('f-completed');
    await page.keyboard.type('02/10/2026');
    await page.keyboard.press('Enter');
    await expect(total().textContent()).resolves.toContain('0.5');
    await expect(page.locator('#status').textContent()).resolves.toBe('Added: Presentation.');
    await tabTo('activity-list-0-remove');
    await page.keyboard.press('Enter');
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(0);
    await expect(total().textContent()).resolves.toContain('0.0');
  });
});

/** A plan with six activities, as a phone user would type it. */
async function addSix() {
  await page.getByLabel('Expiration date').fill('03/31/2027');
  await addActivity('cpr-aed', { 'Certificate length': '2yr', 'Completion date': '01/15/2026' });
  await addActivity('presentation', { 'Completion date': '02/10/2026' });
  await addActivity('presentation', { 'Completion date': '03/10/2026' });
  await addActivity('mentoring', { 'Completion date': '04/01/2026' });
  await addActivity('approved-course', {
    'Course number': 'CA23456',
    'CECs on certificate': '0.7',
    'Completion date': '05/01/2026',
  });
  await addActivity('approved-course', {
    'Course number': 'CEP123456',
    'CECs on certificate': '0.5',
    'Completion date': '01/10/2027',
  });
}

/** Whether an element is wholly inside the screen as it is scrolled now. */
async function onScreen(locator: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

describe('on a 390 px phone', () => {
  it('after each "Add activity" the earned and planned totals are on screen', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    for (let i = 1; i <= 6; i++) {
      await addActivity('mentoring', { 'Completion date': `0${i}/01/2026` });
      await expect(onScreen(total()), `after activity ${i}`).resolves.toBe(true);
      await expect(onScreen(planned()), `after activity ${i}`).resolves.toBe(true);
    }
    // The page did scroll: the form is far below the summary's place on the page.
    await expect(page.evaluate(() => window.scrollY)).resolves.toBeGreaterThan(500);
    // What the phone shows right after adding, for a person to look at.
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: new URL('calculator-390-after-add.png', RESULTS).pathname });
    await expect(total().textContent()).resolves.toContain('0.1');
  });

  it('opens with the standing in the first screen, without scrolling', async () => {
    page = await freshPage();
    await addSix();
    const link = page.url().slice(site.url.length);
    page = await freshPage(link);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    await expect(onScreen(total())).resolves.toBe(true);
    await expect(onScreen(page.locator('#summary .chips'))).resolves.toBe(true);
  });

  it('keeps a link’s plan when the visitor goes to another page and back through the menu', async () => {
    page = await freshPage();
    await addSix();
    const link = page.url().slice(site.url.length);
    page = await freshPage(link); // a new profile: only the link holds the plan
    const main = page.getByRole('navigation', { name: 'Main' });
    await main.getByRole('link', { name: 'Sources' }).click();
    await page.waitForURL(/\/sources\/$/);
    await main.getByRole('link', { name: 'Calculator' }).click();
    await page.waitForURL(/\/\?plan=/);
    await expect(total().textContent()).resolves.toContain('1.7');
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(6);
  });

  it('a link that replaces a different saved plan offers the saved one back', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await addActivity('mentoring', { 'Completion date': '02/01/2026' });
    const mine = page.url();
    await addActivity('presentation', { 'Completion date': '03/01/2026' });
    // Someone else's link (here: this plan before its second entry), opened in the same browser.
    await page.goto(mine);
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Bring back my saved plan' }).click();
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(2);
    await expect(total().textContent()).resolves.toContain('0.6');
  });

  it('Copy link copies the address and says so', async () => {
    page = await freshPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    await addSix();
    await page.getByRole('button', { name: 'Copy link' }).click();
    // The clipboard answers asynchronously: wait for the words, then read what it holds.
    await page.locator('#plan-feedback', { hasText: /^Link copied/ }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(copied).toContain('?plan=');
  });

  it('Copy link without a clipboard shows the link, selected, to copy by hand', async () => {
    page = await freshPage();
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined });
    });
    await addSix();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('#plan-feedback').textContent()).resolves.toMatch(
      /Copy the selected link/,
    );
    const fallback = page.getByLabel('Link to this plan');
    await expect(fallback.inputValue()).resolves.toBe(page.url());
    await expect(
      fallback.evaluate(
        (el: HTMLInputElement) => (el.selectionEnd ?? 0) - (el.selectionStart ?? 0),
      ),
    ).resolves.toBe(page.url().length);
  });

  it('Share opens the phone’s share sheet with the link, where there is one', async () => {
    page = await freshPage();
    await expect(page.getByRole('button', { name: 'Share' }).isVisible()).resolves.toBe(false);
    await page.addInitScript(() => {
      const shared: unknown[] = [];
      Object.assign(window, { shared });
      Object.defineProperty(navigator, 'share', {
        value: async (data: unknown) => {
          shared.push(data);
        },
      });
    });
    await page.reload();
    await addSix();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.locator('#plan-feedback', { hasText: 'Shared.' }).waitFor();
    const shared = await page.evaluate(
      () => (window as unknown as { shared: { url: string }[] }).shared,
    );
    expect(shared.map((s) => s.url)).toEqual([page.url()]);
  });

  it('Start over clears the plan, and Undo brings it back', async () => {
    page = await freshPage();
    await addSix();
    await page.getByRole('button', { name: 'Start over' }).click();
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(0);
    await expect(page.getByLabel('Expiration date').inputValue()).resolves.toBe('');
    await expect(page.locator('#plan-feedback').textContent()).resolves.toMatch(/Started over/);
    expect(page.url()).not.toContain('plan=');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(6);
    await expect(page.getByLabel('Expiration date').inputValue()).resolves.toBe('03/31/2027');
    await expect(total().textContent()).resolves.toContain('1.7');
    expect(page.url()).toContain('plan=');
  });

  it('checks a field when it is left, not on every keystroke', async () => {
    page = await freshPage();
    const date = page.getByLabel('Expiration date');
    await date.click();
    await page.keyboard.type('03/31/20', { delay: 20 });
    await expect(page.locator('#cert-0-date-error').isVisible()).resolves.toBe(false);
    await expect(date.getAttribute('aria-invalid')).resolves.toBeNull();
    await page.keyboard.press('Tab');
    await expect(page.locator('#cert-0-date-error').isVisible()).resolves.toBe(true);
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    // Fixing it clears the message as it is typed.
    await date.fill('03/31/2027');
    await expect(page.locator('#cert-0-date-error').isVisible()).resolves.toBe(false);

    const course = page.getByLabel('Course number');
    await course.click();
    await page.keyboard.type('CA2345', { delay: 20 });
    await expect(page.locator('#f-courseNumber-error').isVisible()).resolves.toBe(false);
    await page.keyboard.press('Tab');
    await expect(page.locator('#f-courseNumber-error').textContent()).resolves.toContain(
      '4 digits after CA',
    );
  });

  it('an expiration date in the past says so next to the field, and counts down the grace period', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('08/31/2026');
    await page.getByLabel('Expiration date').press('Tab');
    const note = page.locator('#cert-0-date-note');
    await expect(note.textContent()).resolves.toContain(
      'Expired on 08/31/2026. You can still renew late until 02/28/2027',
    );
    const describedBy =
      (await page.getByLabel('Expiration date').getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('cert-0-date-note');
    await expect(page.getByLabel('Grace days left').textContent()).resolves.toContain('93');
    await expect(page.locator('#summary').textContent()).resolves.not.toMatch(/−|-\d/);
  });

  it('starts the next activity with an empty form: the date is not carried over', async () => {
    page = await freshPage();
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await addActivity('presentation', { 'Completion date': '02/10/2026' });
    await expect(page.getByLabel('Completion date').inputValue()).resolves.toBe('');
  });

  it('cards say what an activity counts, and they add up to earned plus planned', async () => {
    page = await freshPage();
    await addSix();
    const counts = await page.locator('#activity-list .credit').allTextContents();
    expect(counts).toEqual([
      'Counts 0.4',
      'Counts 0.5',
      'Counts 0.0',
      'Counts 0.1',
      'Counts 0.7',
      'Counts 0.5',
    ]);
    // 0.4 + 0.5 + 0.1 + 0.7 earned; 0.5 planned (01/10/2027 is after today).
    await expect(total().textContent()).resolves.toContain('1.7');
    await expect(planned().textContent()).resolves.toContain('0.5');
    await expect(page.locator('#summary').textContent()).resolves.not.toMatch(/Total/);
  });

  it('Edit and Remove are at least 44 px tall and wide', async () => {
    page = await freshPage();
    await addSix();
    for (const name of ['Edit', 'Remove']) {
      const box = await page.locator(`#activity-list-0-${name.toLowerCase()}`).boundingBox();
      expect(box?.height, name).toBeGreaterThanOrEqual(44);
      expect(box?.width, name).toBeGreaterThanOrEqual(44);
    }
  });

  it('says the presenting limit once in the hint', async () => {
    page = await freshPage();
    await page.getByLabel('Activity', { exact: true }).selectOption('presentation');
    const hint = (await page.locator('#f-kind-hint p:not([hidden])').textContent()) ?? '';
    expect(hint.match(/per cycle/g)).toHaveLength(1);
  });

  it('every (S1)-style citation links to that source on /sources/', async () => {
    page = await freshPage();
    await addSix();
    const links = await page
      .locator('#main a[href^="/sources/"]')
      .evaluateAll((all) => all.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const [text, href] of links) expect(href).toBe(`/sources/#${text}`);
    // No citation left as plain text.
    const text = await page.locator('#activity-list, #results').allTextContents();
    const plain = await page.evaluate(() => {
      const walker = document.createTreeWalker(
        document.getElementById('main') as Node,
        NodeFilter.SHOW_TEXT,
      );
      const found: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (/\bS\d\b/.test(node.textContent ?? '') && node.parentElement?.tagName !== 'A')
          found.push(node.textContent ?? '');
      }
      return found;
    });
    expect(text.join(' ')).toMatch(/S1/);
    expect(plain).toEqual([]);
  });
});

describe('print and export', () => {
  it('prints light in dark mode: white cards, black text, no controls', async () => {
    page = await freshPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await addSix();
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const looks = await page.evaluate(() => {
      const style = (selector: string) => {
        const el = document.querySelector(selector) as Element;
        const s = getComputedStyle(el);
        return { background: s.backgroundColor, color: s.color, display: s.display };
      };
      return {
        body: style('body'),
        card: style('.activity'),
        summary: style('#summary'),
        form: style('#activity-form'),
        actions: style('.plan-actions'),
        reason: style('.activity .reason'),
      };
    });
    expect(looks.body).toMatchObject({ background: 'rgb(255, 255, 255)', color: 'rgb(0, 0, 0)' });
    expect(looks.card).toMatchObject({ background: 'rgb(255, 255, 255)' });
    expect(looks.summary).toMatchObject({ background: 'rgb(255, 255, 255)' });
    expect(looks.reason.color).toBe('rgb(51, 51, 51)');
    expect(looks.form.display).toBe('none');
    expect(looks.actions.display).toBe('none');
    mkdirSync(RESULTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: new URL('calculator-390-print-dark.png', RESULTS).pathname,
      fullPage: true,
    });
  });

  it('downloads the plan as JSON the rules package reads back, and as CSV', async () => {
    page = await freshPage();
    await addSix();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('cec-plan-2026-11-27.json');
    const plan = parsePlan(JSON.parse(readFileSync(await json.path(), 'utf8')));
    expect(plan.ok).toBe(true);
    if (plan.ok) {
      expect(plan.plan.certifications).toEqual([
        { credential: 'personal-trainer', expires: '2027-03-31' },
      ]);
      expect(plan.plan.activities).toHaveLength(6);
    }
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('cec-plan-2026-11-27.csv');
    const lines = readFileSync(await csv.path(), 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      'Date,Activity,Earned or planned,Worth,Counts toward ACE Certified Personal Trainer,Why',
    );
    expect(lines[3]).toMatch(/^03\/10\/2026,Presentation,Earned,0\.5,0\.0,.*Limit reached/);
    expect(lines).toContain(',Earned,,,1.7,');
    expect(lines).toContain(',Planned,,,0.5,');
    await expect(page.locator('#plan-feedback').textContent()).resolves.toBe('CSV downloaded.');
  });
});

describe('on a 1280 px desktop', () => {
  it('shows the results beside the form', async () => {
    page = await freshPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await addSix();
    const form = await page.locator('#activity-form').boundingBox();
    const list = await page.locator('#activity-list').boundingBox();
    const summary = await page.locator('#summary').boundingBox();
    expect(form && list && summary).toBeTruthy();
    if (!form || !list || !summary) return;
    expect(list.x).toBeGreaterThanOrEqual(form.x + form.width);
    expect(summary.x).toBeGreaterThanOrEqual(form.x + form.width);
    // Side by side: the list starts above the form's end.
    expect(list.y).toBeLessThan(form.y + form.height);
  });
});
