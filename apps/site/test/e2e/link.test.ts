/**
 * A calculator link as the bot makes it (the rules' `encodePlan`, compressed)
 * for a 100-entry plan opens that plan in the built site, and no frame
 * before it shows an empty calculator.
 */
import { encodePlan, parsePlan } from '@cec/rules';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The rules' own size fixture, so the site opens the plan the rules measure.
import { largePlan } from '../../../../packages/rules/test/fixtures/large-plan';
import { openSite, type Site } from '../support/browser';

interface Frame {
  /** The calculator is in the document and visible. */
  shown: boolean;
  entries: number;
}

let site: Site;
let page: Page;
const errors: string[] = [];
const parsed = parsePlan(largePlan(100));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const plan = parsed.plan;

beforeAll(async () => {
  site = await openSite();
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.clock.setFixedTime(new Date(2026, 10, 27, 10, 0, 0));
  // What each frame would paint, from the first one: animation-frame callbacks run before every paint.
  await page.addInitScript(() => {
    const frames: { shown: boolean; entries: number }[] = [];
    (window as unknown as { frames_: typeof frames }).frames_ = frames;
    const record = () => {
      const calculator = document.querySelector('.calculator');
      frames.push({
        shown: calculator !== null && getComputedStyle(calculator).visibility !== 'hidden',
        entries: document.querySelectorAll('#activity-list > li').length,
      });
      if (frames.length < 600) requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  await page.goto(`${site.url}/?plan=${await encodePlan(plan)}`);
  await page.locator('#activity-list > li').nth(99).waitFor();
});

afterAll(async () => {
  await site?.close();
});

describe('a 100-entry link from the bot', () => {
  it('opens the same plan: every entry, the certifications and their values', async () => {
    await expect(page.locator('#activity-list > li').count()).resolves.toBe(100);
    const list = (await page.locator('#activity-list').textContent()) ?? '';
    const courses = plan.activities.flatMap((a) =>
      a.kind === 'approved-course' ? [a.courseNumber] : [],
    );
    expect(courses.length).toBeGreaterThan(40);
    for (const number of courses) expect(list).toContain(number);
    const credentials = await page
      .locator('#cert-list select')
      .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value));
    expect(credentials).toEqual(
      plan.certifications.flatMap((c) => [c.credential, c.expires ? 'expires' : 'certified']),
    );
    await expect(page.locator('#results h4').count()).resolves.toBe(3);
    expect(errors).toEqual([]);
  });

  it('is never painted as an empty calculator first', async () => {
    const frames = await page.evaluate(() => (window as unknown as { frames_: Frame[] }).frames_);
    expect(frames.length).toBeGreaterThan(0);
    const empty = frames.filter((f) => f.shown && f.entries === 0);
    expect(empty).toEqual([]);
    expect(frames.at(-1)).toEqual({ shown: true, entries: 100 });
  });

  it('keeps the link in the address bar, still the version the bot writes', async () => {
    const link = new URL(page.url()).searchParams.get('plan') ?? '';
    expect(link.startsWith('3')).toBe(true);
  });
});
