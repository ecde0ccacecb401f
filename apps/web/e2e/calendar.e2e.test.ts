import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';

const visits: FormDef = {
  id: 'visits',
  name: { en: 'Visits', 'zh-CN': '拜访' },
  fields: [
    { id: 'subject', type: 'text', label: { en: 'Subject', 'zh-CN': '主题' }, required: true },
    { id: 'on', type: 'date', label: { en: 'Visit date', 'zh-CN': '拜访日期' } },
  ],
  settings: { titleField: 'subject' },
};

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of day `day` of the month `offset` months from this one (browser and test share the machine's zone). */
function dayIn(offset: number, day: number): string {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  return `${first.getFullYear()}-${pad(first.getMonth() + 1)}-${pad(day)}`;
}

describe('calendar view', () => {
  let stack: Stack;
  const url = '/apps/field/forms/visits?view=byDay';

  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, { id: 'field', name: { en: 'Field sales', 'zh-CN': '外勤' }, forms: [visits] });
    const put = await stack.owner.request('PUT', '/api/v1/apps/field', {
      id: 'field',
      name: { en: 'Field sales', 'zh-CN': '外勤' },
      views: [
        { id: 'byDay', formId: 'visits', name: { en: 'Calendar', 'zh-CN': '日历' }, type: 'calendar', dateField: 'on' },
      ],
    });
    expect(put.status, put.text).toBe(200);
    const seed: [string, string][] = [
      ['Kickoff at Acme', dayIn(0, 15)],
      ['Quarterly review', dayIn(1, 10)],
      ...[1, 2, 3, 4, 5].map((n): [string, string] => [`Busy day visit ${n}`, dayIn(0, 20)]),
    ];
    for (const [subject, on] of seed) {
      const created = await stack.owner.request('POST', '/api/v1/forms/visits/records', { data: { subject, on } });
      expect(created.status, created.text).toBe(201);
    }
  });
  afterAll(async () => stack?.close());

  it('places a record on its day, shows "+N more" on a full day, and navigates to the next month', async () => {
    const { page } = await stack.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await stack.signIn(page);
    await page.goto(url);
    const calendar = page.getByTestId('calendar');
    await calendar.waitFor();
    const kickoffDay = calendar.locator(`[role="gridcell"][data-day="${dayIn(0, 15)}"]`);
    await kickoffDay.getByRole('button', { name: 'Kickoff at Acme' }).waitFor();
    // the full day shows three and "+2 more", which expands
    const busy = calendar.locator(`[role="gridcell"][data-day="${dayIn(0, 20)}"]`);
    await busy
      .getByRole('button', { name: /^Busy day visit/ })
      .first()
      .waitFor();
    expect(await busy.getByRole('button', { name: /^Busy day visit/ }).count()).toBe(3);
    await busy.getByRole('button', { name: '+2 more' }).click();
    expect(await busy.getByRole('button', { name: /^Busy day visit/ }).count()).toBe(5);
    // next month's record is not in this month's grid (unless the grid shows its first days)
    const reviewCell = calendar.locator(`[role="gridcell"][data-day="${dayIn(1, 10)}"]`);
    expect(await reviewCell.getByRole('button', { name: 'Quarterly review' }).count()).toBe(0);
    await stack.screenshot(page, 'calendar-desktop');

    // month arrows are SVG icons (no font glyphs), named for screen readers
    for (const name of ['Previous month', 'Next month']) {
      const button = page.getByRole('button', { name });
      expect(await button.locator('svg').count()).toBe(1);
      expect((await button.innerText()).trim()).toBe('');
    }
    await page.getByRole('button', { name: 'Next month' }).click();
    await reviewCell.getByRole('button', { name: 'Quarterly review' }).waitFor();
    const heading = await calendar.getByRole('heading').first().innerText();
    const next = new Date(new Date().getFullYear(), new Date().getMonth() + 1, 1);
    expect(heading).toContain(String(next.getFullYear()));
    expect(await calendar.locator(`[data-day="${dayIn(0, 15)}"]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Today' }).click();
    await kickoffDay.getByRole('button', { name: 'Kickoff at Acme' }).waitFor();

    // a click opens the record
    await kickoffDay.getByRole('button', { name: 'Kickoff at Acme' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('record')).toBeTruthy();
    expect(errors).toEqual([]);
  });

  it('lists the month grouped by day on a phone', async () => {
    const { page } = await stack.newPage({ phone: true });
    await stack.signIn(page);
    await page.goto(url);
    const day = page.locator(`section[data-day="${dayIn(0, 20)}"]`);
    await day.getByRole('button', { name: 'Busy day visit 1' }).waitFor();
    expect(await day.getByRole('button').count()).toBe(5);
    expect(
      await page
        .locator(`section[data-day="${dayIn(0, 15)}"]`)
        .getByRole('button')
        .count(),
    ).toBe(1);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    await stack.screenshot(page, 'calendar-phone');
  });
});
