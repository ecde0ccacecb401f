import type { FormDef } from '@formflow/schema';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

/** A screenshot of the whole form: the app scrolls inside its own panel, so the viewport is made tall first. */
async function shootTall(stack: Stack, page: Page, name: string) {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map((e) => e.scrollHeight)));
  await page.setViewportSize({ width: size.width, height: Math.min(6000, Math.max(size.height, height + 80)) });
  await page.waitForTimeout(150);
  await stack.screenshot(page, name);
  await page.setViewportSize(size);
}

const XSS = '<img src=x onerror=alert(1)>';

const signup: FormDef = {
  id: 'signup',
  name: { en: 'Tea tasting sign-up', 'zh-CN': '品茶会报名' },
  description: `Bring a friend ${XSS}`,
  fields: [
    { id: 'name', type: 'text', label: `Your name ${XSS}`, required: true },
    { id: 'phone', type: 'phone', label: { en: 'Mobile', 'zh-CN': '手机' }, required: true },
    { id: 'seats', type: 'number', label: { en: 'Seats', 'zh-CN': '人数' }, settings: { min: 1, max: 4 } },
    {
      id: 'session',
      type: 'select',
      label: { en: 'Session', 'zh-CN': '场次' },
      settings: {
        display: 'radio',
        options: [
          { id: 'am', label: `Morning ${XSS}`, color: '#f5a524' },
          { id: 'pm', label: 'Afternoon' },
        ],
      },
    },
    { id: 'note', type: 'description', label: 'Note', settings: { content: `Free entry ${XSS}` } },
    { id: 'site', type: 'url', label: 'Website' },
    { id: 'internal', type: 'text', label: { en: 'Internal rating', 'zh-CN': '内部评分' } },
  ],
  settings: { submitMessage: { en: 'See you at the tasting!', 'zh-CN': '期待与你相见！' } },
};

describe('the public form page (外链)', () => {
  let stack: Stack;
  let token: string;

  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, { id: 'events', name: 'Events', forms: [signup] });
    const link = await stack.owner.request('POST', '/api/v1/forms/signup/public-links', {
      name: 'Website',
      fields: ['name', 'phone', 'seats', 'session', 'site'],
    });
    expect(link.status).toBe(201);
    token = link.body.token as string;
  });
  afterAll(async () => stack?.close());

  it('is filled in anonymously on a phone, renders user text as text, and thanks the visitor', async () => {
    const { page } = await stack.newPage({ phone: true });
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    await page.goto(`/f/${token}`);
    await page.getByRole('heading', { name: 'Tea tasting sign-up' }).waitFor();
    // Labels, options and descriptions are text: the markup shows literally and no element is made of it.
    await page.getByText(`Your name ${XSS}`).waitFor();
    expect(await page.getByText(`Morning ${XSS}`).count()).toBe(1);
    expect(await page.getByText(`Bring a friend ${XSS}`).count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    // Only the exposed fields are there.
    expect(await page.getByText('Internal rating').count()).toBe(0);
    expect(await page.getByText(`Free entry`).count()).toBe(0);
    // No horizontal scrolling at 390 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The engine validates before anything is sent.
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('[data-field="phone"] [role="alert"]').waitFor();
    expect(requests.filter((url) => url.includes('/records'))).toEqual([]);

    await page.getByLabel(/Your name/).fill('Han Meimei');
    await page.getByLabel('Mobile').fill('13812345678');
    await page.getByLabel('Seats').fill('2');
    await page.getByRole('radiogroup', { name: 'Session' }).getByText('Afternoon').click();
    await shootTall(stack, page, 'public-form-phone');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await page.getByText('See you at the tasting!').waitFor();
    await stack.screenshot(page, 'public-form-thanks');

    const list = await stack.owner.request('POST', '/api/v1/forms/signup/records/query', { limit: 10 });
    const records = list.body.records as { data: Record<string, unknown>; createdBy: string | null }[];
    expect(records).toHaveLength(1);
    expect(records[0]!.data).toMatchObject({ name: 'Han Meimei', phone: '13812345678', seats: 2, session: 'pm' });
    expect(records[0]!.createdBy).toBeNull();
    // Nothing but the public routes was called (no session needed), and no script ran from user text.
    expect(requests.filter((url) => url.includes('/api/v1/') && !url.includes('/api/v1/public/'))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows a friendly page for an unknown link', async () => {
    const { page } = await stack.newPage({ phone: true, language: 'zh-CN' });
    await page.goto('/f/not-a-real-token');
    await page.getByRole('heading', { name: '表单不可用' }).waitFor();
  });
});
