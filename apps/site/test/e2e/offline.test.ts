/**
 * Installable and usable offline (gyms have poor signal): the manifest, and a
 * service worker that caches every page. The browser goes offline and
 * reloads the calculator, opens a shared link and moves between pages; all of
 * it works, scripts included.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_WORKER } from '../../src/offline/register';
import { openSite, type Site } from '../support/browser';

let site: Site;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  site = await openSite();
  context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  await page.clock.setFixedTime(new Date(2026, 10, 27, 10, 0, 0));
  await page.goto(`${site.url}/opportunities/cpr-aed/`);
  // Installed and in control: every file of the build is in its cache.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
});

afterAll(async () => {
  await context?.close();
  await site?.close();
});

describe('offline', () => {
  it('installs from a guide page, which ships no other script', async () => {
    const scripts = await page
      .locator('script')
      .evaluateAll((all) => all.map((s) => ({ src: s.getAttribute('src'), text: s.textContent })));
    expect(scripts).toEqual([{ src: null, text: REGISTER_WORKER }]);
  });

  /** Waits until the summary's earned figure shows `value` (a timeout fails the test). */
  const earned = (value: string) =>
    page.getByLabel('Earned CECs').filter({ hasText: value }).waitFor();

  it('reloads the calculator with no network, and it still calculates', async () => {
    await page.goto(`${site.url}/`);
    await page.getByLabel('Expiration date').fill('03/31/2027');
    await page.getByLabel('Activity', { exact: true }).selectOption('presentation');
    await page.getByLabel('Completion date').fill('02/10/2026');
    await page.getByRole('button', { name: 'Add activity' }).click();
    // The address bar gets the plan once it is encoded (asynchronously).
    await page.waitForURL(/[?&]plan=/);
    const link = page.url();
    await context.setOffline(true);
    try {
      await page.reload();
      // The saved plan is read asynchronously: wait for it to be drawn, then check it.
      await earned('0.5');
      await page.getByLabel('Activity', { exact: true }).selectOption('mentoring');
      await page.getByLabel('Completion date').fill('03/01/2026');
      await page.getByRole('button', { name: 'Add activity' }).click();
      await expect(page.getByLabel('Earned CECs').textContent()).resolves.toContain('0.6');
      // A shared link opens offline too: the cached page reads the plan from the address.
      await page.evaluate(() => localStorage.clear());
      await page.goto(link);
      await earned('0.5');
    } finally {
      await context.setOffline(false);
    }
  });

  it('moves between pages with no network, the renewal page’s script included', async () => {
    await context.setOffline(true);
    try {
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Submit CECs' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('How to submit CECs to ACE');
      await page.getByLabel('Course number').fill('CA2345');
      await expect(page.locator('#course-number-result').textContent()).resolves.toContain(
        '4 digits after CA',
      );
      await nav.getByRole('link', { name: 'Renewal' }).click();
      await expect(page.locator('#renewal-result').textContent()).resolves.toContain(
        'Expires 03/31/2027',
      );
      await page.goto(`${site.url}/no-such-page/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    } finally {
      await context.setOffline(false);
    }
  });

  it('is installable: a manifest with a start page, standalone display and icons', async () => {
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = (await (await fetch(`${site.url}${href}`)).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
    expect(manifest.name).toMatch(/CEC Toolkit/);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      expect((await fetch(`${site.url}${icon.src}`)).status, icon.src).toBe(200);
    }
  });
});
