/**
 * The calculator in a real browser (Debian's Chromium) against the built
 * site: every kind of activity, totals, a limit's cut, planned vs earned,
 * reloads from the link and from localStorage, bad input, and keyboard use.
 * The clock is fixed at 11/27/2026 so "planned" and "days left" are stable.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../support/browser';

const TODAY = new Date(2026, 10, 27, 10, 0, 0);

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

const total = () => page.getByLabel('Total CECs');

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
    const second = page.locator('#activity-list > li').nth(1);
    await expect(second.textContent()).resolves.toMatch(
      /Counts 0\.0 toward the ACE Certified Personal Trainer: Limit reached/,
    );
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
