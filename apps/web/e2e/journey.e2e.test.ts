import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldDef, FormDef, LogicRule, SelectOption } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';
import { drag, point } from './pointer.js';

/**
 * Issue 4's acceptance journey, end to end in one story, through the UI only (the API is used to check outcomes):
 * a new user signs in, builds a form by dragging five fields, adds a visibility rule, publishes, fills the form on a
 * phone, sees the record in the grid, filters it, moves it across a kanban column, and restores an earlier value
 * from the history.
 */

describe('a new user builds, publishes, fills and works a form (issue 4 journey)', () => {
  let stack: Stack;
  let appId = '';
  let formId = '';
  let form: FormDef;
  const field = (label: string): FieldDef => {
    const found = form.fields.find((f) => f.label === label);
    if (!found) throw new Error(`no field ${label}`);
    return found;
  };
  const option = (label: string) =>
    ((field('Stage').settings?.['options'] ?? []) as SelectOption[]).find((o) => o.label === label)!.id;
  const recordsOf = async () =>
    (await stack.owner.request('POST', `/api/v1/forms/${formId}/records/query`, { limit: 50 })).body.records as {
      id: string;
      version: number;
      data: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack?.close());

  it('1. signs in, creates an app and a form, drags five fields, adds a visibility rule and publishes', async () => {
    const { page } = await stack.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await stack.signIn(page);
    await page.getByRole('button', { name: 'Create app' }).first().click();
    await page.getByRole('dialog').getByLabel('App name').fill('Sales 销售');
    await page.getByRole('dialog').getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/apps\/[^/]+$/);
    appId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByRole('button', { name: 'New form' }).first().click();
    await page.getByRole('dialog').getByLabel('Form name').fill('Deals');
    await page.getByRole('dialog').getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/design$/);
    formId = new URL(page.url()).pathname.split('/')[4]!;

    const canvas = page.getByTestId('designer-canvas');
    await canvas.waitFor();
    const palette = page.getByRole('navigation', { name: 'Fields' });
    const types = ['Single-line text', 'Single select', 'Money', 'Phone', 'Multi-line text'];
    for (const [i, name] of types.entries()) {
      await drag(
        page,
        palette.getByRole('button', { name, exact: true }),
        await point(canvas.locator('.dz-canvas__end')),
      );
      await expect.poll(() => page.getByTestId('canvas-field').count()).toBe(i + 1);
    }
    const ids = await page
      .getByTestId('canvas-field')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-field-id')!));
    const labels = ['Customer', 'Stage', 'Amount', 'Phone', 'Lost reason'];
    for (const [i, id] of ids.entries()) {
      await page.locator(`[data-field-id="${id}"]`).click();
      await page.getByLabel('Title', { exact: true }).fill(labels[i]!);
      if (i === 0) await page.getByLabel('Required', { exact: true }).check();
      if (i === 1) {
        await page.getByLabel('Option 1 label').fill('Lead');
        await page.getByLabel('Option 2 label').fill('Won');
        await page.getByLabel('Option 3 label').fill('Lost');
      }
    }
    await page.getByRole('tab', { name: 'Form & rules' }).click();
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('dialog');
    await rule.getByLabel('Condition 1 field').selectOption({ label: 'Stage' });
    await rule.getByLabel('Condition 1 value').selectOption({ label: 'Lost' });
    await rule.getByRole('checkbox', { name: 'Lost reason' }).check();
    await rule.getByRole('button', { name: 'Save rule' }).click();
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    await stack.screenshot(page, 'journey-1-designer');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').getByText('New fields (5)').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published version 1.').waitFor();

    const live = await stack.owner.request('GET', `/api/v1/forms/${formId}`);
    expect(live.status).toBe(200);
    form = live.body as FormDef;
    expect(form.fields.map((f) => f.label)).toEqual(labels);
    expect(form.fields.map((f) => f.type)).toEqual(['text', 'select', 'money', 'phone', 'textarea']);
    expect(field('Customer').required).toBe(true);
    expect(form.logic).toEqual([
      expect.objectContaining<Partial<LogicRule>>({
        kind: 'visible',
        fields: [field('Lost reason').id],
        when: { '==': [{ var: field('Stage').id }, option('Lost')] },
      }),
    ]);
    expect(errors).toEqual([]);
  });

  it('2. fills the published form on a phone: the rule shows and hides a field, required is enforced', async () => {
    const { page } = await stack.newPage({ phone: true });
    await stack.signIn(page);
    await page.goto(`/apps/${appId}/forms/${formId}/new`);
    await page.getByLabel('Customer').waitFor();
    expect(await page.getByLabel('Lost reason').count()).toBe(0);
    const stage = page.getByRole('radiogroup', { name: 'Stage' });
    await stage.getByText('Lost').click();
    await page.getByLabel('Lost reason').waitFor();
    await stage.getByText('Lead').click();
    await expect.poll(() => page.getByLabel('Lost reason').count()).toBe(0);

    // Required, checked in the browser by the engine before anything is sent.
    let posts = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/forms/${formId}/records`)) posts++;
    });
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(posts).toBe(0);

    await page.getByLabel('Customer').fill('Hangzhou Tea 杭州茶业');
    await page.getByLabel('Amount').fill('12000');
    await page.getByLabel('Phone').fill('13800138000');
    await stack.screenshot(page, 'journey-2-phone-form');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Submitted').first().waitFor();
    expect(posts).toBe(1);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(scroll).toBeLessThanOrEqual(0);

    const records = await recordsOf();
    expect(records).toHaveLength(1);
    expect(records[0]!.data).toMatchObject({
      [field('Customer').id]: 'Hangzhou Tea 杭州茶业',
      [field('Stage').id]: option('Lead'),
      [field('Amount').id]: 12000,
      [field('Phone').id]: '13800138000',
    });
    // A second deal (through the API) so that filtering has something to leave out.
    const other = await stack.owner.request('POST', `/api/v1/forms/${formId}/records`, {
      data: { [field('Customer').id]: 'Shenzhen Parts 深圳配件', [field('Stage').id]: option('Won') },
    });
    expect(other.status).toBe(201);
  });

  it('3. sees the record in the grid and filters it', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto(`/apps/${appId}/forms/${formId}`);
    const grid = page.getByTestId('grid');
    await grid.getByText('Hangzhou Tea 杭州茶业').waitFor();
    await grid.getByText('Shenzhen Parts 深圳配件').waitFor();
    await page.getByRole('button', { name: 'Filter' }).click();
    const panel = page.getByRole('dialog', { name: 'Filter' });
    await panel.getByRole('button', { name: /add condition/i }).click();
    await panel.getByLabel('Field of condition 1').selectOption({ label: 'Stage' });
    await panel.getByLabel('Lead').check();
    await expect.poll(() => grid.locator('[role="row"][data-record-id]').count()).toBe(1);
    expect(await grid.innerText()).toContain('Hangzhou Tea 杭州茶业');
    expect(await grid.innerText()).not.toContain('Shenzhen Parts');
    await stack.screenshot(page, 'journey-3-grid-filtered');
  });

  it('4. saves a kanban view of the funnel and moves the card across a column by drag', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto(`/apps/${appId}/forms/${formId}`);
    await page.getByTestId('grid').getByText('Hangzhou Tea 杭州茶业').waitFor();
    await page.getByRole('button', { name: 'Save as new view' }).click();
    const dialog = page.locator('dialog.ff-dialog', { hasText: 'Save as new view' });
    await dialog.getByLabel('View name').fill('Funnel');
    await dialog.getByRole('radio', { name: 'Kanban' }).check();
    await dialog.getByLabel('Sum per column').selectOption({ label: 'Amount' });
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('tab', { name: /Funnel/ }).click();
    const column = (name: string) => page.getByRole('region', { name });
    const card = column('Lead').getByRole('button', { name: 'Hangzhou Tea 杭州茶业', exact: true });
    await card.waitFor();
    const target = column('Won');
    const box = await target.boundingBox();
    if (!box) throw new Error('column not visible');
    await drag(page, card, { x: box.x + box.width / 2, y: box.y + 60 });
    await column('Won').getByRole('button', { name: 'Hangzhou Tea 杭州茶业', exact: true }).waitFor();
    await expect
      .poll(async () => (await recordsOf()).find((r) => r.data[field('Customer').id] === 'Hangzhou Tea 杭州茶业')!.data)
      .toMatchObject({ [field('Stage').id]: option('Won') });
    await expect.poll(() => column('Won').getByTestId('kanban-count').getAttribute('data-value')).toBe('2');
    await stack.screenshot(page, 'journey-4-kanban');
  });

  it('5. changes a value in the record drawer and restores the earlier value from the history', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    const record = (await recordsOf()).find((r) => r.data[field('Customer').id] === 'Hangzhou Tea 杭州茶业')!;
    await page.goto(`/apps/${appId}/forms/${formId}?record=${record.id}`);
    const drawer = page.getByTestId('record-drawer');
    await drawer.waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await drawer.getByLabel('Amount').fill('15000');
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(
        async () => (await stack.owner.request('GET', `/api/v1/records/${record.id}`)).body.data[field('Amount').id],
      )
      .toBe(15000);
    const changedAt = record.version + 1;
    await page.getByRole('tab', { name: 'History' }).click();
    const change = drawer.locator(`li[data-version="${changedAt}"] li[data-field="${field('Amount').id}"]`);
    await change.waitFor();
    await stack.screenshot(page, 'journey-5-history');
    await change.getByRole('button', { name: 'Restore this earlier value' }).click();
    await expect
      .poll(
        async () => (await stack.owner.request('GET', `/api/v1/records/${record.id}`)).body.data[field('Amount').id],
      )
      .toBe(12000);
    const history = await stack.owner.request('GET', `/api/v1/records/${record.id}/history`);
    expect(history.body.entries.at(-1).changes[field('Amount').id]).toEqual({ before: 15000, after: 12000 });
  });
});
