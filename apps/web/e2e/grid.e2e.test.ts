import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';

const STAGES = ['lead', 'qualified', 'won', 'lost'] as const;
const STAGE_LABEL: Record<string, string> = { lead: 'Lead', qualified: 'Qualified', won: 'Won', lost: 'Lost' };
const TOTAL = 2000;

const deals: FormDef = {
  id: 'deals',
  name: { 'zh-CN': '商机', en: 'Deals' },
  fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, settings: { maxLength: 40 } },
    {
      id: 'stage',
      type: 'select',
      label: { 'zh-CN': '阶段', en: 'Stage' },
      settings: { options: STAGES.map((id) => ({ id, label: { en: STAGE_LABEL[id]!, 'zh-CN': id } })) },
    },
    { id: 'amount', type: 'number', label: { 'zh-CN': '金额', en: 'Amount' } },
    { id: 'closeOn', type: 'date', label: { 'zh-CN': '成交日期', en: 'Close date' } },
  ],
};

type Row = { name: string; stage: string; amount: number; closeOn: string };
const rows: Row[] = Array.from({ length: TOTAL }, (_, i) => ({
  name: `Deal ${String(i + 1).padStart(4, '0')}`,
  stage: STAGES[i % 4]!,
  amount: (i * 7919) % 100_003,
  closeOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
}));

let stack: Stack;
let appId: string;
const base = () => `/apps/${appId}/forms/deals`;

type RecordBody = { id: string; version: number; data: Record<string, unknown> };

async function apiCount(filter?: unknown): Promise<number> {
  const res = await stack.owner.request<{ rows: { values: number[] }[] }>('POST', '/api/v1/forms/deals/aggregate', {
    ...(filter ? { filter } : {}),
    groupBy: [],
    measures: [{ agg: 'count' }],
  });
  return res.body.rows[0]!.values[0]!;
}

/** Query requests of the grid (POST …/records/query) with their bodies. */
function watchQueries(page: Page) {
  const bodies: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/records/query')) {
      bodies.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
    }
  });
  return bodies;
}

const dataRows = (page: Page) => page.locator('[role="grid"] [role="row"][data-record-id]');

async function openGrid(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(base());
  try {
    await dataRows(page).first().waitFor();
  } catch (error) {
    await stack.screenshot(page, 'grid-failed-to-open');
    throw new Error(`no rows; page errors: ${errors.join(' | ')}`, { cause: error });
  }
}

async function countShown(page: Page): Promise<number> {
  const el = page.getByTestId('record-count');
  await el.waitFor();
  return Number(await el.getAttribute('data-count'));
}

beforeAll(async () => {
  stack = await startStack();
  appId = stack.installApp(stack.owner, { id: 'sales', name: { 'zh-CN': '销售', en: 'Sales' }, forms: [deals] });
  for (let i = 0; i < TOTAL; i += 500) {
    const res = await stack.owner.request('POST', '/api/v1/forms/deals/records/batch', {
      create: rows.slice(i, i + 500).map((data) => ({ data })),
    });
    if (res.status !== 200) throw new Error(res.text);
  }
});
afterAll(async () => stack?.close());

describe('the data grid', () => {
  it('shows the first rows and the count, and scrolling to the end fetches only the pages in view', async () => {
    const { page } = await stack.newPage();
    const queries = watchQueries(page);
    await stack.signIn(page);
    const started = Date.now();
    await openGrid(page);
    const firstRowsMs = Date.now() - started;
    expect(await countShown(page)).toBe(TOTAL);
    await expect.poll(() => dataRows(page).first().locator('[data-field-id="name"]').textContent()).toBe('Deal 0001');
    expect(await page.getByRole('columnheader', { name: 'Amount' }).count()).toBe(1);
    expect(firstRowsMs).toBeLessThan(10_000);

    const before = queries.length;
    expect(before, JSON.stringify(queries)).toBeLessThanOrEqual(2); // page 0, and page 1 ahead
    await page.getByTestId('grid').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = page.locator(`[role="row"][data-record-id]`, { hasText: `Deal ${String(TOTAL)}` });
    await last.waitFor();
    await expect.poll(() => last.locator('[role="rowheader"]').textContent()).toBe(String(TOTAL));
    // The jump asks for the last page(s) by offset, not for the 18 pages in between.
    const after = queries.slice(before);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(2);
    expect(after.some((b) => typeof b.offset === 'number' && b.offset >= 1900)).toBe(true);
    for (const body of queries) expect(body.limit).toBe(100);
    expect(queries.length).toBeLessThanOrEqual(4);
    await stack.screenshot(page, 'grid-scrolled-to-end');
  });

  it('filters by a select option and sorts by amount desc (count matches the API, first row is the max)', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await openGrid(page);
    await page.getByRole('button', { name: 'Filter' }).click();
    const panel = page.getByRole('dialog', { name: 'Filter' });
    await panel.getByRole('button', { name: /add condition/i }).click();
    await panel.getByLabel('Field of condition 1').selectOption('stage');
    await expect.poll(() => panel.getByLabel('Operator of condition 1').inputValue()).toBe('in');
    await panel.getByLabel('Won').check();
    const won = await apiCount({ field: 'stage', op: 'in', value: ['won'] });
    expect(won).toBe(TOTAL / 4);
    await expect.poll(() => countShown(page)).toBe(won);
    await stack.screenshot(page, 'grid-filter-builder-open');
    const stages = await dataRows(page).locator('[data-field-id="stage"]').allTextContents();
    expect(stages.length).toBeGreaterThan(5);
    expect(new Set(stages)).toEqual(new Set(['Won']));
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Sort' }).click();
    const sortPanel = page.getByRole('dialog', { name: 'Sort' });
    await sortPanel.getByRole('button', { name: /add sort/i }).click();
    await sortPanel.getByLabel('Sort field 1').selectOption('amount');
    await sortPanel.getByLabel('Direction of sort 1').selectOption('desc');
    await stack.screenshot(page, 'grid-sort-open');
    await page.keyboard.press('Escape');
    const max = Math.max(...rows.filter((r) => r.stage === 'won').map((r) => r.amount));
    await expect.poll(() => dataRows(page).first().locator('[data-field-id="amount"]').textContent()).toBe(String(max));

    // Save as a new view (owner): it lands in the app definition with the filter and the sort.
    await page.getByRole('button', { name: 'Save as new view' }).click();
    const dialog = page.locator('dialog.ff-dialog', { hasText: 'Save as new view' });
    await dialog.getByLabel('View name').fill('Won by amount');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('tab', { name: /Won by amount/ }).waitFor();
    await page.waitForURL(/\?view=/);
    const app = await stack.owner.request<{ views: Record<string, unknown>[] }>('GET', `/api/v1/apps/${appId}`);
    const view = app.body.views.find((v) => v.name === 'Won by amount');
    expect(view).toMatchObject({
      formId: 'deals',
      type: 'grid',
      filter: { and: [{ field: 'stage', op: 'in', value: ['won'] }] },
      sort: [{ field: 'amount', direction: 'desc' }],
    });
    await expect
      .poll(() => page.getByRole('tab', { name: /Won by amount/ }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await countShown(page)).toBe(won);

    // A fresh load of the saved view shows the same list.
    await page.reload();
    await dataRows(page).first().waitFor();
    expect(await countShown(page)).toBe(won);
    await expect.poll(() => dataRows(page).first().locator('[data-field-id="amount"]').textContent()).toBe(String(max));
  });

  it('groups rows under headers with counts', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await openGrid(page);
    await page.getByRole('button', { name: 'Group' }).click();
    await page.getByRole('dialog', { name: 'Group' }).getByLabel('Group rows by').selectOption('stage');
    await page.keyboard.press('Escape');
    const counts = page.getByTestId('group-count');
    await counts.first().waitFor();
    expect(await counts.first().textContent()).toBe(String(TOTAL / 4));
    const headerRow = page.locator('.ffv-grid__group').first();
    expect(await headerRow.textContent()).toContain('Lead');
    expect(await dataRows(page).first().locator('[data-field-id="stage"]').textContent()).toBe('Lead');
    await stack.screenshot(page, 'grid-grouped');
  });

  it('edits a cell in place: engine errors keep the typed value, saves reach the API, a 412 shows both values', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await openGrid(page);
    const row = dataRows(page).first();
    const recordId = (await row.getAttribute('data-record-id'))!;
    await row.locator('[data-field-id="name"]').dblclick();
    const input = page.getByLabel('Edit Name');
    const tooLong = 'x'.repeat(45);
    await input.fill(tooLong);
    await input.press('Enter');
    await page.getByRole('alert').filter({ hasText: /40/ }).waitFor();
    expect(await input.inputValue()).toBe(tooLong);
    let stored = await stack.owner.request<RecordBody>('GET', `/api/v1/records/${recordId}`);
    expect(stored.body.data.name).toBe('Deal 0001');

    await input.fill('Renamed deal');
    await input.press('Enter');
    await expect.poll(() => row.locator('[data-field-id="name"]').textContent()).toBe('Renamed deal');
    stored = await stack.owner.request<RecordBody>('GET', `/api/v1/records/${recordId}`);
    expect(stored.body.data.name).toBe('Renamed deal');
    await stack.screenshot(page, 'grid-inline-edited');

    // Someone else changes the amount while the editor is open: 412, both values shown, the user keeps theirs.
    await row.locator('[data-field-id="amount"]').dblclick();
    const amount = page.getByLabel('Edit Amount');
    await amount.waitFor();
    const changed = await stack.owner.request<RecordBody>(
      'PATCH',
      `/api/v1/records/${recordId}`,
      { data: { amount: 4242 } },
      { 'if-match': `"${String(stored.body.version)}"` },
    );
    expect(changed.status).toBe(200);
    await amount.fill('777');
    await amount.press('Enter');
    await page.getByTestId('conflict-current').waitFor();
    expect(await page.getByTestId('conflict-current').textContent()).toBe('4242');
    expect(await page.getByTestId('conflict-mine').textContent()).toBe('777');
    await stack.screenshot(page, 'grid-edit-conflict');
    await page.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => row.locator('[data-field-id="amount"]').textContent()).toBe('777');
    stored = await stack.owner.request<RecordBody>('GET', `/api/v1/records/${recordId}`);
    expect(stored.body.data.amount).toBe(777);
    expect(stored.body.version).toBe(changed.body.version + 1);

    // A click opens the record drawer (?record=).
    await row.locator('[data-field-id="closeOn"]').click();
    await page.waitForURL((url) => url.searchParams.get('record') === recordId);
  });

  it('a member (not admin) who saves a view sees the server 403 message, and the app keeps its views', async () => {
    const member = await stack.addMember({ role: 'member', name: 'Mia' });
    const app = await stack.owner.request<Record<string, unknown>>('GET', `/api/v1/apps/${appId}`);
    const definition = { ...app.body };
    delete definition.forms;
    const put = await stack.owner.request('PUT', `/api/v1/apps/${appId}`, {
      ...definition,
      permissionGroups: [
        {
          id: 'viewers',
          formId: 'deals',
          name: 'Viewers',
          principals: [{ kind: 'member', id: member.memberId }],
          actions: ['view'],
          defaultFieldAccess: 'read',
        },
      ],
    });
    expect(put.status).toBe(200);
    const viewsBefore = JSON.stringify((await stack.owner.request('GET', `/api/v1/apps/${appId}`)).body.views);

    const { context, page } = await stack.newPage();
    const [name, value] = member.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: stack.base }]);
    await openGrid(page);
    expect(await page.getByRole('link', { name: /new record/i }).count()).toBe(0);
    await page.getByRole('button', { name: 'Save as new view' }).click();
    const dialog = page.locator('dialog.ff-dialog', { hasText: 'Save as new view' });
    await dialog.getByLabel('View name').fill('Mine');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Only workspace owners and admins can save views\. \(.+\)/);
    await stack.screenshot(page, 'grid-save-view-forbidden');
    const viewsAfter = JSON.stringify((await stack.owner.request('GET', `/api/v1/apps/${appId}`)).body.views);
    expect(viewsAfter).toBe(viewsBefore);
  });

  it('works on a phone, in Chinese: the grid scrolls inside its own box, the page does not', async () => {
    const { page } = await stack.newPage({ phone: true, language: 'zh-CN' });
    await stack.signIn(page);
    await openGrid(page);
    await countShown(page);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    const grid = page.getByTestId('grid');
    const { scrollWidth, clientWidth } = await grid.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await stack.screenshot(page, 'grid-phone');
    expect(await page.getByTestId('record-count').textContent()).toBe(`共 ${String(TOTAL)} 条数据`);
    await page.getByRole('button', { name: '筛选' }).click();
    await page
      .getByRole('dialog', { name: '筛选' })
      .getByRole('button', { name: /添加条件/ })
      .click();
    await stack.screenshot(page, 'grid-phone-filter');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
