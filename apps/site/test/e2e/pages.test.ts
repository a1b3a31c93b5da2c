/**
 * Every page in a real browser: the course-number checker, the calendar
 * download, axe-core with no serious or critical violation (light and dark),
 * the 404, and screenshots at phone and desktop widths in
 * test-results/ for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { OPPORTUNITIES, OPPORTUNITY_IDS, SOURCES } from '@cec/rules';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../support/browser';

const RESULTS = new URL('../../test-results/', import.meta.url);
const TODAY = new Date(2026, 10, 27, 10, 0, 0);

let site: Site;

beforeAll(async () => {
  site = await openSite();
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await site?.close();
});

async function open(
  path: string,
  options: { width?: number; height?: number; dark?: boolean } = {},
): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 390, height: options.height ?? 844 },
    colorScheme: options.dark ? 'dark' : 'light',
  });
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  await page.clock.setFixedTime(TODAY);
  await page.goto(site.url + path);
  return page;
}

/** Each page, with what to do first so its dynamic parts are on screen. */
const PAGES: { name: string; path: string; fill?: (page: Page) => Promise<void> }[] = [
  {
    name: 'calculator',
    path: '/',
    async fill(page) {
      await page.getByLabel('Expiration date').fill('03/31/2027');
      await page.getByLabel('Activity', { exact: true }).selectOption('presentation');
      for (const date of ['02/10/2026', '03/10/2026']) {
        await page.getByLabel('Completion date').fill(date);
        await page.getByRole('button', { name: 'Add activity' }).click();
      }
      await page.getByLabel('Activity', { exact: true }).selectOption('approved-course');
      await page.getByLabel('Course number').fill('CA23456');
      await page.getByLabel('CECs on certificate').fill('0.7');
      await page.getByLabel('Completion date').fill('01/10/2027');
      await page.getByRole('button', { name: 'Add activity' }).click();
      await page.getByLabel('Activity', { exact: true }).selectOption('college');
      await page.getByLabel('Credit hours').fill('0');
      await page.getByRole('button', { name: 'Add activity' }).click();
    },
  },
  {
    name: 'submit',
    path: '/submit/',
    async fill(page) {
      await page.getByLabel('Course number').fill('CA2345');
      await page.getByLabel('Completion date').fill('2026-03-05');
    },
  },
  {
    name: 'renewal',
    path: '/renewal/',
    async fill(page) {
      await page.getByLabel('Expiration date').fill('01/31/2027');
    },
  },
  {
    name: 'renewal-grace',
    path: '/renewal/',
    async fill(page) {
      await page.getByLabel('Expiration date').fill('08/31/2026');
    },
  },
  {
    name: 'ask',
    path: '/ask/',
    async fill(page) {
      await page.getByLabel('Your question').fill('college 3 credits');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await page.locator('[data-refine]').first().waitFor();
    },
  },
  { name: 'sources', path: '/sources/' },
  ...OPPORTUNITY_IDS.map((id) => ({ name: `opportunity-${id}`, path: `/opportunities/${id}/` })),
  { name: '404', path: '/no-such-page/' },
];

describe('course-number checker', () => {
  it('answers as you type with the rules package words', async () => {
    const page = await open('/submit/');
    const input = page.getByLabel('Course number');
    const result = page.locator('#course-number-result');
    await input.fill('CA2345');
    await expect(result.textContent()).resolves.toBe(
      '"CA2345" has 4 digits after CA; a course number has five or six.',
    );
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await input.fill('XY12345');
    await expect(result.textContent()).resolves.toContain('"XY" is not an ACE course prefix');
    await input.fill(' cep-123456 ');
    await expect(result.textContent()).resolves.toBe(
      '✓ CEP123456 is a well-formed ACE course number.',
    );
    await expect(input.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(result.getAttribute('aria-live')).resolves.toBe('polite');
    await page.getByLabel('Completion date').fill('3/5/2026');
    await expect(page.locator('#completion-date-result').textContent()).resolves.toBe(
      "Type it into ACE's form as 03/05/2026",
    );
    await page.context().close();
  });
});

describe('submit page', () => {
  it('says how each kind is reported, with ACE’s own pages', async () => {
    const page = await open('/submit/');
    const kinds = (await page.locator('.kinds').textContent()) ?? '';
    for (const o of OPPORTUNITIES) expect(kinds).toContain(o.name);
    const headings = await page.locator('h2').allTextContents();
    expect(headings).toEqual(
      expect.arrayContaining([
        'ACE-approved courses: the course number',
        'Everything else that is a course: a petition',
        'Your CPR/AED certificate',
      ]),
    );
    const petition = (await page.locator('#petition-heading ~ ul').first().textContent()) ?? '';
    expect(petition).toContain('College course');
    expect(petition).toContain('A certification from another NCCA-accredited provider');
    const ace = await page
      .locator('a[href^="https://"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const id of ['S1', 'S2', 'S4', 'S6'] as const) expect(ace).toContain(SOURCES[id].url);
    await page.context().close();
  });
});

describe('renewal page', () => {
  it('shows the cycle, days left, status and grace end, and downloads a valid .ics', async () => {
    const page = await open('/renewal/');
    await page.getByLabel('Expiration date').fill('01/31/2027');
    const result = page.locator('#renewal-result');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Expires 01/31/2027, in 65 days.');
    expect(text).toContain('Due soon');
    expect(text).toContain('02/01/2025 to 01/31/2027');
    expect(text).toContain('07/31/2027');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add the deadline to my calendar' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ace-renewal-2027-01-31.ics');
    const file = readFileSync(await download.path(), 'utf8');
    expect(file.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(file.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(file).toContain('\r\nDTSTART;VALUE=DATE:20270131\r\n');
    expect(file).toContain('\r\nDTEND;VALUE=DATE:20270201\r\n');
    expect(file).toContain('\r\nSUMMARY:ACE Certified Personal Trainer expires\r\n');
    // The end of grace is in the file too.
    expect(file).toContain('\r\nDTSTART;VALUE=DATE:20270731\r\n');
    // 90 days before 01/31/2027 is already past on 11/27/2026: 30 and 7 days, then the grace's 30 and 7.
    expect(file.match(/TRIGGER:-P\d+D/g)).toEqual([
      'TRIGGER:-P30D',
      'TRIGGER:-P7D',
      'TRIGGER:-P30D',
      'TRIGGER:-P7D',
    ]);
    expect(file.replace(/\r\n /g, '')).not.toMatch(/in \d+ days/);
    expect(file.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);

    await page.getByLabel('Date you know').selectOption('certified');
    await page.getByLabel('Certification date').fill('01/31/2025');
    await expect(result.textContent()).resolves.toContain('(estimated)');
    // A wrong date is said when the field is left, not while it is typed.
    await page.getByLabel('Certification date').fill('02/30/2025');
    await expect(page.locator('#renewal-date-error').isVisible()).resolves.toBe(false);
    await page.getByLabel('Certification date').press('Tab');
    await expect(page.locator('#renewal-date-error').textContent()).resolves.toContain(
      'February 2025 has 28 days',
    );
    await page.context().close();
  });

  it('in the grace period counts down to the end of grace, never a negative number', async () => {
    const page = await open('/renewal/');
    await page.getByLabel('Expiration date').fill('08/31/2026');
    const result = page.locator('#renewal-result');
    await expect(result.textContent()).resolves.toContain('In grace period');
    await expect(page.locator('#renewal-days-label').textContent()).resolves.toBe(
      'Grace days left',
    );
    await expect(page.locator('#renewal-days').textContent()).resolves.toBe('93');
    await expect(result.textContent()).resolves.not.toMatch(/−\d|-\d+\b(?!\/)/);
    await expect(page.locator('#renewal-notes').textContent()).resolves.toContain(
      'You can still renew late until 02/28/2027',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add the deadline to my calendar' }).click(),
    ]);
    const file = readFileSync(await download.path(), 'utf8');
    // Only the grace end's reminders are still to come.
    expect(file.match(/TRIGGER:-P\d+D/g)).toEqual(['TRIGGER:-P30D', 'TRIGGER:-P7D']);
    expect(file).toContain('\r\nDTSTART;VALUE=DATE:20270228\r\n');
    await page.context().close();
  });

  it('starts from the dates already entered in the calculator', async () => {
    const page = await open('/');
    await page.getByLabel('ACE certification').selectOption('health-coach');
    await page.getByLabel('Expiration date').fill('06/30/2027');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Renewal' })
      .click();
    await page.waitForURL(/\/renewal\/$/);
    await expect(page.getByLabel('Expiration date').inputValue()).resolves.toBe('06/30/2027');
    await expect(page.getByLabel('ACE certification').inputValue()).resolves.toBe('health-coach');
    await expect(page.locator('#renewal-result').textContent()).resolves.toContain(
      'Expires 06/30/2027',
    );
    await page.context().close();
  });
});

describe('site', () => {
  it('answers an unknown address with the 404 page and status', async () => {
    const response = await fetch(`${site.url}/no-such-page/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });

  it.each(PAGES)(
    '$name: links outside the site go to ACE’s pages the rules cite, no other',
    async ({ path }) => {
      const page = await open(path);
      const external = await page
        .locator('a[href^="http"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      const known = Object.values(SOURCES).map((s) => s.url);
      expect(external.filter((href) => !known.includes(href ?? ''))).toEqual([]);
      await page.context().close();
    },
  );

  it.each(PAGES.filter((p) => p.path !== '/sources/'))(
    '$name: every (S1)-style citation links to /sources/',
    async ({ path, fill }) => {
      const page = await open(path);
      await fill?.(page);
      const { plain, links } = await page.evaluate(() => {
        const main = document.getElementById('main') as HTMLElement;
        const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
        const plain: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const inLink = node.parentElement?.closest('a') !== null;
          const shown = node.parentElement?.closest('[hidden], option, script') === null;
          if (shown && !inLink && /\bS\d\b/.test(node.textContent ?? ''))
            plain.push(node.textContent ?? '');
        }
        const links = [...main.querySelectorAll('a[href^="/sources/"]')].map((a) => [
          a.textContent,
          a.getAttribute('href'),
        ]);
        return { plain, links };
      });
      expect(plain).toEqual([]);
      for (const [text, href] of links) expect(href).toBe(`/sources/#${text}`);
      await page.context().close();
    },
  );

  it.each(PAGES)(
    '$name: title, description, canonical, Open Graph, unofficial footer',
    async ({ path }) => {
      const page = await open(path);
      const head = await page.evaluate(() => ({
        title: document.title,
        description:
          document.querySelector('meta[name=description]')?.getAttribute('content') ?? '',
        canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? '',
        ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
        footer: document.querySelector('footer')?.textContent ?? '',
        h1: document.querySelectorAll('h1').length,
      }));
      expect(head.title.length).toBeGreaterThan(10);
      expect(head.description.length).toBeGreaterThan(50);
      // Only a build with SITE_URL names its own address (test/build/addresses.test.ts).
      if (process.env.SITE_URL) expect(head.canonical).toMatch(/^https?:\/\//);
      else expect(head.canonical).toBe('');
      expect(head.ogTitle).toBe(head.title);
      expect(head.footer).toMatch(/not\s+affiliated with/);
      expect(head.h1).toBe(1);
      await page.context().close();
    },
  );
});

describe('accessibility and screenshots', () => {
  const modes = PAGES.flatMap((p) => [
    { ...p, mode: 'light' },
    { ...p, mode: 'dark' },
  ]);

  it.each(modes)(
    '$name, $mode: no serious or critical axe violation, nothing wider than the phone',
    async ({ name, path, fill, mode }) => {
      const dark = mode === 'dark';
      const page = await open(path, { dark });
      await fill?.(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(390);
      // From the top: a full-page capture draws the sticky summary where the page was scrolled to.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: new URL(`${name}-390${dark ? '-dark' : ''}.png`, RESULTS).pathname,
        fullPage: true,
      });
      await page.context().close();
    },
  );

  it.each(PAGES)(
    '$name at 1280 px: a screenshot for a person to look at',
    async ({ name, path, fill }) => {
      const desktop = await open(path, { width: 1280, height: 800 });
      await fill?.(desktop);
      await desktop.evaluate(() => window.scrollTo(0, 0));
      await desktop.screenshot({
        path: new URL(`${name}-1280.png`, RESULTS).pathname,
        fullPage: true,
      });
      await desktop.context().close();
    },
  );
});
