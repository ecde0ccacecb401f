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

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const leads: FormDef = {
  id: 'leads',
  name: { en: 'Leads', 'zh-CN': '线索' },
  description: { en: 'A new sales lead.', 'zh-CN': '新的销售线索。' },
  fields: [
    { id: 'name', type: 'text', label: { en: 'Customer name', 'zh-CN': '客户名称' }, required: true },
    { id: 'no', type: 'serial', label: { en: 'Lead no.', 'zh-CN': '线索编号' }, settings: { prefix: 'L' } },
    {
      id: 'kind',
      type: 'select',
      label: { en: 'Kind', 'zh-CN': '类型' },
      settings: {
        display: 'radio',
        options: [
          { id: 'person', label: { en: 'Person', 'zh-CN': '个人' }, color: '#2fa86a' },
          { id: 'company', label: { en: 'Company', 'zh-CN': '公司' }, color: '#2f6bff' },
        ],
      },
    },
    { id: 'company', type: 'text', label: { en: 'Company name', 'zh-CN': '公司名称' }, required: true },
    { id: 'amount', type: 'number', label: { en: 'Budget', 'zh-CN': '预算' }, settings: { min: 0 } },
    { id: 'visit', type: 'date', label: { en: 'Visit date', 'zh-CN': '拜访日期' } },
    {
      id: 'tags',
      type: 'multiselect',
      label: { en: 'Interests', 'zh-CN': '兴趣' },
      settings: {
        options: [
          { id: 'crm', label: 'CRM' },
          { id: 'erp', label: 'ERP' },
          { id: 'bi', label: 'BI' },
        ],
      },
    },
    { id: 'phone', type: 'phone', label: { en: 'Phone', 'zh-CN': '电话' }, unique: true },
    { id: 'email', type: 'email', label: { en: 'Email', 'zh-CN': '邮箱' } },
    { id: 'address', type: 'address', label: { en: 'Address', 'zh-CN': '地址' } },
    { id: 'owner', type: 'member', label: { en: 'Owner', 'zh-CN': '负责人' } },
    {
      id: 'items',
      type: 'subtable',
      label: { en: 'Products', 'zh-CN': '产品明细' },
      settings: {
        fields: [
          { id: 'product', type: 'text', label: { en: 'Product', 'zh-CN': '产品' }, required: true },
          { id: 'qty', type: 'number', label: { en: 'Qty', 'zh-CN': '数量' } },
          { id: 'price', type: 'money', label: { en: 'Price', 'zh-CN': '单价' } },
          {
            id: 'line',
            type: 'formula',
            label: { en: 'Line total', 'zh-CN': '小计' },
            settings: { formula: { '*': [{ var: 'qty' }, { var: 'price' }] }, resultType: 'number' },
          },
        ],
      },
    },
    {
      id: 'total',
      type: 'rollup',
      label: { en: 'Total', 'zh-CN': '合计' },
      settings: { source: 'items', field: 'line', aggregation: 'sum', decimals: 2 },
    },
    { id: 'photo', type: 'image', label: { en: 'Photo', 'zh-CN': '照片' } },
  ],
  layout: [
    { id: 'row1', fields: ['amount', 'visit'] },
    { id: 'row2', fields: ['phone', 'email'] },
  ],
  logic: [{ id: 'companyOnly', kind: 'visible', when: { '==': [{ var: 'kind' }, 'company'] }, fields: ['company'] }],
};

type StoredRecord = { id: string; data: Record<string, unknown> };

/** Where the runtime keeps the signed-in owner's unsent draft of the leads form (keyed by member, runtime/draft.ts). */
let draftKey = () => '';

describe('the form runtime (fill in a form on a phone)', () => {
  let stack: Stack;
  let appId: string;
  let ownerName: string;

  beforeAll(async () => {
    stack = await startStack();
    draftKey = () => `formflow.draft.${stack.owner.memberId}.leads`;
    appId = stack.installApp(stack.owner, { id: 'sales', name: { en: 'Sales', 'zh-CN': '销售' }, forms: [leads] });
    // A lead that already holds the phone number the test will try again (查重).
    const existing = await stack.owner.request('POST', '/api/v1/forms/leads/records', {
      data: { name: 'Existing', phone: '13800138000' },
    });
    expect(existing.status).toBe(201);
    const members = await stack.owner.request('GET', '/api/v1/members');
    ownerName = (members.body.members as { id: string; name: string }[]).find(
      (m) => m.id === stack.owner.memberId,
    )!.name;
  });
  afterAll(async () => stack?.close());

  async function records(): Promise<StoredRecord[]> {
    const answer = await stack.owner.request('POST', '/api/v1/forms/leads/records/query', { limit: 100 });
    expect(answer.status).toBe(200);
    return answer.body.records as StoredRecord[];
  }

  async function openForm(page: Page) {
    await page.goto(`/apps/${appId}/forms/leads/new`);
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await page.getByLabel('Customer name').waitFor();
  }

  it('validates with the engine, shows server refusals beside the field, and submits', async () => {
    const { page } = await stack.newPage({ phone: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await stack.signIn(page);
    await openForm(page);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/forms\/leads\/records$/.test(request.url())) posts.push(request.url());
    });

    // The company field is hidden until the kind is "Company"; the serial number is filled in on save.
    await expect(page.locator('[data-field="company"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-field="no"]').textContent()).resolves.toContain('Filled in on save');

    // Submitting the empty form: the engine's required error beside the name, and no request.
    await page.getByRole('button', { name: 'Submit' }).click();
    const nameError = page.locator('[data-field="name"] [role="alert"]');
    await nameError.waitFor();
    expect(await nameError.textContent()).toBe('"Customer name" is required');
    expect(posts).toEqual([]);

    // A visibility rule shows the company field, with its required marker; the engine requires it too.
    await page.getByRole('radiogroup', { name: 'Kind' }).getByText('Company').click();
    await page.locator('[data-field="company"]').waitFor();
    expect(await page.locator('[data-field="company"] .ff-rt-required').count()).toBe(1);
    await page.getByLabel('Customer name').fill('Hangzhou Tea Co.');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('[data-field="company"] [role="alert"]').waitFor();
    expect(await page.locator('[data-field="name"] [role="alert"]').count()).toBe(0);
    expect(posts).toEqual([]);

    await page.getByLabel('Company name').fill('Tea Co. Ltd');
    await page.getByLabel('Budget').fill('12000');
    await page.getByLabel('Visit date').fill('2025-03-01');
    await page.getByRole('group', { name: 'Interests' }).getByText('ERP').click();
    await page.getByRole('group', { name: 'Interests' }).getByText('CRM').click();
    await page.getByLabel('Phone').fill('13800138000');
    await page.getByLabel('Email').fill('tea@example.com');
    const address = page.getByRole('group', { name: 'Address' });
    await address.getByLabel('Province').selectOption('浙江省');
    await address.getByLabel('City').selectOption('杭州市');
    await address.getByLabel('District').selectOption('西湖区');
    await address.getByLabel('Street address').fill('龙井路 1 号');

    // The member picker: search and choose.
    await page.getByRole('group', { name: 'Owner' }).getByRole('button', { name: 'Choose' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('searchbox').fill(ownerName.slice(0, 3));
    await dialog.getByRole('option', { name: ownerName }).click();
    await expect(page.getByRole('group', { name: 'Owner' }).textContent()).resolves.toContain(ownerName);

    // Sub-table rows: add two, fill them, see the line totals and the rollup computed live, move one up.
    await page.getByRole('button', { name: /Add a row/ }).click();
    await page.getByLabel('Product', { exact: true }).fill('Green tea');
    await page.getByLabel('Qty', { exact: true }).fill('3');
    await page.getByLabel('Price', { exact: true }).fill('2.5');
    await page.getByRole('button', { name: /Add a row/ }).click();
    await page.locator('#ff-items-1-product').fill('Oolong');
    await page.locator('#ff-items-1-qty').fill('2');
    await page.locator('#ff-items-1-price').fill('10');
    await expect(page.locator('#ff-items-0-line').textContent()).resolves.toBe('7.5');
    await expect(page.locator('#ff-total').textContent()).resolves.toBe('27.50');
    await page.getByRole('button', { name: 'Move row 2 up' }).click();
    await expect(page.locator('#ff-items-0-product').inputValue()).resolves.toBe('Oolong');

    // An image: upload with a progress bar, then a thumbnail.
    await page.getByRole('group', { name: 'Photo' }).locator('input[type="file"]').setInputFiles({
      name: 'shop.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByRole('img', { name: 'shop.png' }).waitFor();

    await shootTall(stack, page, 'runtime-form-phone');

    // The phone number exists already (查重): the server's 409 lands beside the field, the input is kept.
    await page.getByRole('button', { name: 'Submit' }).click();
    const phoneError = page.locator('[data-field="phone"] [role="alert"]');
    await phoneError.waitFor();
    expect(posts).toHaveLength(1);
    expect(await phoneError.textContent()).toMatch(/unique|exists|already/i);
    expect(await page.getByLabel('Phone').inputValue()).toBe('13800138000');
    expect(await page.getByLabel('Company name').inputValue()).toBe('Tea Co. Ltd');

    // Fix and submit: the success state offers another one or the data.
    await page.getByLabel('Phone').fill('13900139000');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'Submitted' }).waitFor();
    await expect(page.getByRole('link', { name: 'View data' }).getAttribute('href')).resolves.toBe(
      `/apps/${appId}/forms/leads`,
    );
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);

    const saved = (await records()).find((r) => r.data.name === 'Hangzhou Tea Co.');
    expect(saved).toBeDefined();
    const data = saved!.data;
    expect(data).toMatchObject({
      kind: 'company',
      company: 'Tea Co. Ltd',
      amount: 12000,
      visit: '2025-03-01',
      tags: ['crm', 'erp'],
      phone: '13900139000',
      email: 'tea@example.com',
      address: { province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路 1 号' },
      owner: stack.owner.memberId,
      total: 27.5,
    });
    expect((data.items as { product: string; line: number }[]).map((r) => [r.product, r.line])).toEqual([
      ['Oolong', 20],
      ['Green tea', 7.5],
    ]);
    expect(data.photo).toEqual([expect.objectContaining({ name: 'shop.png', mime: 'image/png' })]);
    expect(String(data.no)).toMatch(/^L/);
    expect(errors).toEqual([]);

    // Fill in another: a fresh, empty form.
    await page.getByRole('button', { name: 'Fill in another' }).click();
    expect(await page.getByLabel('Customer name').inputValue()).toBe('');
  });

  it('keeps a draft when the connection drops and retries to exactly one record', async () => {
    const { page } = await stack.newPage({ phone: true });
    await stack.signIn(page);
    let aborted = 0;
    await page.route('**/api/v1/forms/leads/records', async (route) => {
      if (route.request().method() === 'POST' && aborted === 0) {
        aborted += 1;
        await route.abort('internetdisconnected');
      } else await route.continue();
    });
    await openForm(page);
    await page.getByLabel('Customer name').fill('Offline Lead');
    await page.getByLabel('Phone').fill('13700137000');
    await page.getByRole('button', { name: 'Submit' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Connection lost' });
    await banner.waitFor();
    expect(aborted).toBe(1);
    const draft = await page.evaluate((k) => localStorage.getItem(k), draftKey());
    expect(JSON.parse(draft!).values).toMatchObject({ name: 'Offline Lead', phone: '13700137000' });
    expect(await page.getByLabel('Customer name').inputValue()).toBe('Offline Lead');
    await stack.screenshot(page, 'runtime-offline-banner');

    // The banner offers a manual retry; the automatic one (2 s backoff) sends it once the connection is back.
    expect(await banner.getByRole('button', { name: 'Retry now' }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Submitted' }).waitFor();
    expect((await records()).filter((r) => r.data.name === 'Offline Lead')).toHaveLength(1);
    expect(await page.evaluate((k) => localStorage.getItem(k), draftKey())).toBeNull();
    // Waiting past the next backoff does not send it a second time.
    await page.waitForTimeout(4500);
    expect((await records()).filter((r) => r.data.name === 'Offline Lead')).toHaveLength(1);
  });

  it('restores an unsent draft when the page reopens', async () => {
    const { page } = await stack.newPage({ phone: false });
    await stack.signIn(page);
    await openForm(page);
    await page.getByLabel('Customer name').fill('Half typed');
    await page.getByLabel('Budget').fill('42');
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByLabel('Customer name').waitFor();
    expect(await page.getByLabel('Customer name').inputValue()).toBe('Half typed');
    expect(await page.getByLabel('Budget').inputValue()).toBe('42');
    await page.getByRole('status').filter({ hasText: 'restored' }).waitFor();
    // Desktop: layout rows put two fields side by side.
    const budget = await page.locator('[data-field="amount"]').boundingBox();
    const visit = await page.locator('[data-field="visit"]').boundingBox();
    expect(Math.abs(budget!.y - visit!.y)).toBeLessThan(2);
    expect(visit!.x).toBeGreaterThan(budget!.x + 100);
    await shootTall(stack, page, 'runtime-form-desktop');
    await page.getByRole('button', { name: 'Start over' }).click();
    expect(await page.getByLabel('Customer name').inputValue()).toBe('');
    expect(await page.evaluate((k) => localStorage.getItem(k), draftKey())).toBeNull();
  });
});
