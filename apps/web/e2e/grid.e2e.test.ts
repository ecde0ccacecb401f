import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';

const STAGES = ['lead', 'qualified', 'won', 'lost'] as const;
const STAGE_LABEL: Record<string, string> = { lead: 'Lead', qualified: 'Qualified', won: 'Won', lost: 'Lost' };
const STAGE_COLOR: Record<string, string> = { lead: '#2f6bff', qualified: '#f5a524', won: '#2fa86a', lost: '#e5484d' };
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
      settings: {
        options: STAGES.map((id) => ({ id, label: { en: STAGE_LABEL[id]!, 'zh-CN': id }, color: STAGE_COLOR[id]! })),
      },
    },
    { id: 'amount', type: 'number', label: { 'zh-CN': '金额', en: 'Amount' } },
    { id: 'closeOn', type: 'date', label: { 'zh-CN': '成交日期', en: 'Close date' } },
    {
      id: 'labels',
      type: 'multiselect',
      label: { 'zh-CN': '标签', en: 'Labels' },
      settings: {
        options: [
          { id: 'hot', label: { en: 'Hot', 'zh-CN': '热门' }, color: '#e5484d' },
          { id: 'vip', label: { en: 'VIP', 'zh-CN': '大客户' }, color: '#8e4ec6' },
        ],
      },
    },
  ],
};

/** A second form with no records yet (the empty state). */
const leads: FormDef = {
  id: 'leads',
  name: { 'zh-CN': '线索', en: 'Leads' },
  fields: [{ id: 'who', type: 'text', label: { 'zh-CN': '联系人', en: 'Contact' } }],
};

type Row = { name: string; stage: string; amount: number; closeOn: string; labels?: string[] };
const rows: Row[] = Array.from({ length: TOTAL }, (_, i) => ({
  name: `Deal ${String(i + 1).padStart(4, '0')}`,
  stage: STAGES[i % 4]!,
  amount: (i * 7919) % 100_003,
  closeOn: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  ...(i % 3 === 0 ? { labels: ['hot', 'vip'] } : {}),
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
  appId = stack.installApp(stack.owner, { id: 'sales', name: { 'zh-CN': '销售', en: 'Sales' }, forms: [deals, leads] });
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
    const directory: string[] = [];
    page.on('request', (request) => {
      if (/\/api\/v1\/(members|departments)/.test(request.url())) directory.push(request.url());
    });
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
    // No member / department / created-by column: the directory is not fetched for this grid.
    expect(directory).toEqual([]);
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
    // Not a form manager: no Share action.
    expect(await page.getByRole('button', { name: 'Share' }).count()).toBe(0);
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
  it('shows select values as tags in their option colours, with the same text', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await openGrid(page);
    const first = dataRows(page).first();
    const stage = first.locator('[data-field-id="stage"]');
    expect(await stage.textContent()).toBe('Lead');
    const tag = stage.locator('.ff-tag');
    expect(await tag.getAttribute('data-option')).toBe('lead');
    // #2f6bff at 15 % behind the label, and a dot in the full colour.
    expect(await tag.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(47, 107, 255, 0.15)');
    expect(await tag.locator('[aria-hidden="true"]').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(47, 107, 255)',
    );
    // A multiselect: one tag per value, the text still reads "Hot, VIP".
    const labels = first.locator('[data-field-id="labels"]');
    expect(await labels.locator('.ff-tag').count()).toBe(2);
    expect(await labels.textContent()).toBe('Hot, VIP');
    expect(
      await labels
        .locator('.ff-tag')
        .nth(1)
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgba(142, 78, 198, 0.15)');
    // Icons are SVG (Unicode shapes render as squares in Chinese fonts): the view tab and a sorted column.
    const allTab = page.getByRole('tab', { name: 'All records' });
    expect(await allTab.locator('svg').count()).toBe(1);
    expect((await allTab.textContent())?.trim()).toBe('All records');
    await stack.screenshot(page, 'grid-option-tags');
  });

  it('a form without records says so and offers to add the first one; a search with no hits says "no match"', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto(`/apps/${appId}/forms/leads`);
    const empty = page.getByTestId('grid-empty');
    await empty.waitFor();
    expect(await empty.getByText('No data yet').count()).toBe(1);
    expect(await empty.getByText('No records match.').count()).toBe(0);
    await stack.screenshot(page, 'grid-empty-form');
    await empty.getByRole('link', { name: 'Add the first record' }).click();
    await page.waitForURL(/\/forms\/leads\/new$/);

    await page.goto(base());
    await dataRows(page).first().waitFor();
    await page.getByRole('searchbox', { name: 'Search records' }).fill('no such deal anywhere');
    await expect.poll(() => page.getByTestId('grid-empty').textContent()).toBe('No records match.');
    expect(await page.getByRole('link', { name: 'Add the first record' }).count()).toBe(0);
  });

  it('"New view" at the end of the tabs creates a fresh view (kanban) with aligned type choices', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await openGrid(page);
    // A toolbar filter is not carried into a new view (it is "Save as new view" that keeps it).
    await page.getByRole('searchbox', { name: 'Search records' }).fill('Deal 00');
    await page.getByRole('button', { name: 'New view', exact: true }).click();
    const dialog = page.locator('dialog.ff-dialog', { hasText: 'New view' });
    await dialog.getByRole('heading', { name: 'New view' }).waitFor();
    // Radio, icon and name centred on one line (the radio used to sit lower than its name).
    for (const name of ['Grid', 'Kanban', 'Calendar']) {
      const radio = await dialog.getByRole('radio', { name }).boundingBox();
      const text = await dialog.locator('.ffv-type', { hasText: name }).locator('span').last().boundingBox();
      expect(Math.abs(radio!.y + radio!.height / 2 - (text!.y + text!.height / 2))).toBeLessThan(1);
    }
    await stack.screenshot(page, 'grid-new-view-dialog');
    await dialog.getByLabel('View name').fill('Stage board');
    await dialog.getByRole('radio', { name: 'Kanban' }).check();
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await page.waitForURL(/\?view=/);
    await expect.poll(() => page.getByRole('tab', { name: /Stage board/ }).getAttribute('aria-selected')).toBe('true');
    expect(
      await page
        .getByRole('tab', { name: /Stage board/ })
        .locator('svg')
        .count(),
    ).toBe(1);
    const app = await stack.owner.request<{ views: Record<string, unknown>[] }>('GET', `/api/v1/apps/${appId}`);
    const view = app.body.views.find((v) => v.name === 'Stage board');
    expect(view).toMatchObject({ formId: 'deals', type: 'kanban', groupBy: 'stage' });
    expect(view).not.toHaveProperty('filter');
  });

  it('managers share the form from the header: the public links dialog opens', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await openGrid(page);
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.locator('dialog.ff-dialog[open]', { hasText: 'Public links' });
    await dialog.waitFor();
    await stack.screenshot(page, 'grid-share-dialog');
  });

  it('on a phone the header keeps "添加数据" and folds import, export, design and share into "更多"', async () => {
    const { page } = await stack.newPage({ phone: true, language: 'zh-CN' });
    await stack.signIn(page);
    await openGrid(page);
    const add = page.getByRole('link', { name: '添加数据' });
    const more = page.getByRole('button', { name: '更多' });
    const title = page.getByRole('heading', { name: '商机' });
    // Title, the primary action and "More" on one row (the header used to take 2–3 rows).
    const [a, m, h] = [await add.boundingBox(), await more.boundingBox(), await title.boundingBox()];
    expect(Math.abs(a!.y - m!.y)).toBeLessThanOrEqual(2);
    expect(Math.abs(a!.y + a!.height / 2 - (h!.y + h!.height / 2))).toBeLessThanOrEqual(4);
    expect(a!.height).toBeGreaterThanOrEqual(40);
    expect(await page.getByRole('link', { name: '导入' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '设计表单' }).count()).toBe(0);
    await more.click();
    const menu = page.getByRole('menu', { name: '更多' });
    await menu.waitFor();
    const items = (await menu.getByRole('menuitem').allTextContents()).map((x) => x.trim());
    expect(items).toEqual(['导入', '导出 CSV', '导出 Excel', '设计表单', '分享']);
    expect(await menu.getByRole('menuitem', { name: '导出 CSV' }).getAttribute('href')).toMatch(
      /\/api\/v1\/forms\/deals\/export\?format=csv/,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await stack.screenshot(page, 'grid-phone-more-menu');
    await menu.getByRole('menuitem', { name: '分享' }).click();
    await page.locator('dialog.ff-dialog[open]', { hasText: '外链分享' }).waitFor();
    await stack.screenshot(page, 'grid-phone-share');
  });
});
