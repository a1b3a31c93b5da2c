/**
 * The renewal planner on a phone (issue 11): right under the summary, the
 * same steps the rules give, required first, each with a button that fills
 * the form with its activity.
 */
import { mkdirSync } from 'node:fs';
import { encodePlan, evaluatePlan, parsePlan } from '@cec/rules';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The plan of issue 11, shared with the rules' and the bot's tests.
import { STUCK_PLAN } from '../../../../packages/rules/test/fixtures/stuck-plan';
import { openSite, type Site } from '../support/browser';

const RESULTS = new URL('../../test-results/', import.meta.url);

// Dated for the page's fixed clock (11/27/2026).
const STUCK = { ...STUCK_PLAN, today: '2026-11-27' };

let site: Site;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = await openSite();
  browser = site.browser;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  await page.clock.setFixedTime(new Date(2026, 10, 27, 10, 0, 0));
  await page.goto(`${site.url}/?plan=${await encodePlan(STUCK)}`);
});

afterAll(async () => {
  await site?.close();
});

describe('what to do next', () => {
  it('shows the rules’ steps in their order, required first, without presenting', async () => {
    const parsed = parsePlan(STUCK);
    if (!parsed.ok) throw new Error('bad fixture');
    const expected = evaluatePlan(parsed.plan).certifications[0]?.next;
    const panel = page.getByRole('region', { name: 'What to do next' });
    await expect(panel.locator('li').first().textContent()).resolves.toMatch(
      /^Required Renew your adult CPR\/AED/,
    );
    const texts = await panel.locator('li').allTextContents();
    expect(texts).toHaveLength(expected?.steps.length ?? -1);
    expected?.steps.forEach((step, i) => {
      expect(texts[i]).toContain(step.text.slice(0, 40));
    });
    expect(texts.join(' ')).not.toMatch(/presentation/i);
    await expect(panel.textContent()).resolves.toContain(expected?.fastest.text);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: new URL('next-steps-390.png', RESULTS).pathname });
  });

  it('its "Add this" fills the form with the step’s activity', async () => {
    const panel = page.getByRole('region', { name: 'What to do next' });
    await panel.getByRole('button', { name: 'Add this to the form' }).first().click();
    await expect(page.getByLabel('Activity', { exact: true }).inputValue()).resolves.toBe(
      'cpr-aed',
    );
    await expect(page.getByLabel('Certificate length').inputValue()).resolves.toBe('2yr');
  });
});
