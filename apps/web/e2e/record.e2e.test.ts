import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';

const customers: FormDef = {
  id: 'customers',
  name: { en: 'Customers', 'zh-CN': '客户' },
  fields: [{ id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' } }],
  settings: { titleField: 'name' },
};

const tickets: FormDef = {
  id: 'tickets',
  name: { en: 'Tickets', 'zh-CN': '工单' },
  fields: [
    { id: 'title', type: 'text', label: { en: 'Title', 'zh-CN': '标题' }, required: true },
    {
      id: 'priority',
      type: 'select',
      label: { en: 'Priority', 'zh-CN': '优先级' },
      settings: {
        options: [
          { id: 'low', label: { en: 'Low', 'zh-CN': '低' } },
          { id: 'high', label: { en: 'High', 'zh-CN': '高' }, color: '#e5484d' },
        ],
      },
    },
    { id: 'cost', type: 'number', label: { en: 'Cost', 'zh-CN': '费用' } },
    { id: 'note', type: 'textarea', label: { en: 'Note', 'zh-CN': '备注' } },
    {
      id: 'customer',
      type: 'relation',
      label: { en: 'Customer', 'zh-CN': '客户' },
      settings: { formId: 'customers', multiple: true },
    },
    {
      id: 'parts',
      type: 'subtable',
      label: { en: 'Parts', 'zh-CN': '配件' },
      settings: {
        fields: [
          { id: 'part', type: 'text', label: { en: 'Part', 'zh-CN': '配件' } },
          { id: 'qty', type: 'number', label: { en: 'Qty', 'zh-CN': '数量' } },
        ],
      },
    },
  ],
  settings: { titleField: 'title' },
};

describe('record drawer: fields, edit, history, restore, comments, conflicts', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, {
      id: 'help',
      name: { en: 'Help desk', 'zh-CN': '服务台' },
      forms: [customers, tickets],
    });
  });
  afterAll(async () => stack?.close());

  async function newTicket(title: string, data: Record<string, unknown> = {}) {
    const created = await stack.owner.request('POST', '/api/v1/forms/tickets/records', {
      data: { title, priority: 'low', cost: 100, note: 'first note', ...data },
    });
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  }
  const read = async (id: string) => (await stack.owner.request('GET', `/api/v1/records/${id}`)).body;

  async function openRecord(id: string, phone = false) {
    const { page } = await stack.newPage({ phone });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await stack.signIn(page);
    await page.goto(`/apps/help/forms/tickets?record=${id}`);
    const drawer = page.getByTestId('record-drawer');
    await drawer.waitFor();
    return { page, drawer, errors };
  }

  const fieldRow = (page: Page, fieldId: string) => page.locator(`.ff-record-fields__row[data-field="${fieldId}"]`);

  it('shows every field, edits one, shows before → after in the history and restores the earlier value', async () => {
    const id = await newTicket('Printer jam', { parts: [{ id: 'r1', part: 'Roller', qty: 2 }] });
    const { page, drawer, errors } = await openRecord(id);
    await page.getByRole('dialog', { name: 'Printer jam' }).waitFor();
    await expect.poll(() => fieldRow(page, 'priority').innerText()).toContain('Low');
    expect(await fieldRow(page, 'cost').innerText()).toContain('100');
    expect(await fieldRow(page, 'note').innerText()).toContain('first note');
    expect(await fieldRow(page, 'parts').getByRole('cell', { name: 'Roller' }).count()).toBe(1);
    await stack.screenshot(page, 'record-drawer-desktop');

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const cost = drawer.getByLabel('Cost');
    await cost.fill('150');
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await read(id)).data.cost).toBe(150);
    // a brief "Saved" confirmation, announced politely
    const saved = drawer.getByRole('status').filter({ hasText: 'Saved' });
    await saved.waitFor();
    expect(await saved.getAttribute('aria-live')).toBe('polite');
    await saved.waitFor({ state: 'detached', timeout: 8000 });
    await expect.poll(() => fieldRow(page, 'cost').innerText()).toContain('150');
    expect((await read(id)).version).toBe(2);
    expect((await read(id)).data.note).toBe('first note'); // only the changed field was sent

    await page.getByRole('tab', { name: 'History' }).click();
    const change = drawer.locator('li[data-version="2"] li[data-field="cost"]');
    await change.waitFor();
    expect(await change.locator('.ff-record-change__before').innerText()).toBe('100');
    expect(await change.locator('.ff-record-change__after').innerText()).toBe('150');
    expect(await drawer.locator('li[data-version="1"]').innerText()).toMatch(/created the record/);
    await stack.screenshot(page, 'record-history-desktop');
    await change.getByRole('button', { name: 'Restore this earlier value' }).click();
    await expect.poll(async () => (await read(id)).data.cost).toBe(100);
    expect((await read(id)).version).toBe(3);
    await drawer.locator('li[data-version="3"] li[data-field="cost"]').waitFor();
    expect(await drawer.locator('li[data-version="3"] .ff-record-change__after').innerText()).toBe('100');
    await page.getByRole('tab', { name: 'Fields' }).click();
    await expect.poll(() => fieldRow(page, 'cost').innerText()).toContain('100');
    expect(errors).toEqual([]);
  });

  it('shows select values as tags in the option colour (fields and history) and linked records by title', async () => {
    const acme = await stack.owner.request('POST', '/api/v1/forms/customers/records', { data: { name: 'Acme 公司' } });
    expect(acme.status, acme.text).toBe(201);
    const gone = await stack.owner.request('POST', '/api/v1/forms/customers/records', { data: { name: 'Gone Ltd' } });
    const goneId = gone.body.id as string;
    const id = await newTicket('Tagged ticket', { priority: 'high', customer: [acme.body.id, goneId] });
    expect((await stack.owner.request('DELETE', `/api/v1/records/${goneId}`)).status).toBe(204);
    const { page, drawer, errors } = await openRecord(id);
    const tag = fieldRow(page, 'priority').locator('.ff-option-tag[data-option="high"]');
    await tag.waitFor();
    expect(await tag.innerText()).toBe('High');
    const colours = await tag.evaluate((el) => ({
      background: getComputedStyle(el).backgroundColor,
      dot: getComputedStyle(el.querySelector('.ff-option-tag__dot')!).backgroundColor,
    }));
    expect(colours).toEqual({ background: 'rgba(229, 72, 77, 0.15)', dot: 'rgb(229, 72, 77)' });
    // the linked customer by its title; a record that cannot be read keeps its id
    await expect.poll(() => fieldRow(page, 'customer').locator('dd').innerText()).toBe(`Acme 公司, ${goneId}`);
    await stack.screenshot(page, 'record-drawer-tags');

    const patched = await stack.owner.request(
      'PATCH',
      `/api/v1/records/${id}`,
      { data: { priority: 'low' } },
      { 'if-match': '"1"' },
    );
    expect(patched.status, patched.text).toBe(200);
    await page.getByRole('tab', { name: 'History' }).click();
    const change = drawer.locator('li[data-version="2"] li[data-field="priority"]');
    await change.waitFor();
    expect(await change.locator('.ff-record-change__before .ff-option-tag').getAttribute('data-option')).toBe('high');
    expect(await change.locator('.ff-record-change__after .ff-option-tag').innerText()).toBe('Low');
    expect(await change.getByRole('img', { name: 'changed to' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('adds a comment and deletes it again', async () => {
    const id = await newTicket('Broken chair');
    const { page, drawer } = await openRecord(id);
    await page.getByRole('tab', { name: 'Comments' }).click();
    await drawer.getByLabel('Add a comment').fill('Called the customer <b>back</b> 👍');
    await drawer.getByRole('button', { name: 'Send' }).click();
    const item = drawer.locator('.ff-record-comment').filter({ hasText: 'Called the customer' });
    await item.waitFor();
    expect(await item.locator('.ff-record-comment__body').innerText()).toBe('Called the customer <b>back</b> 👍');
    const api = await stack.owner.request('GET', `/api/v1/records/${id}/comments`);
    expect(api.body.comments.map((c: { body: string }) => c.body)).toEqual(['Called the customer <b>back</b> 👍']);
    await stack.screenshot(page, 'record-comments-desktop');
    await item.getByRole('button', { name: 'Delete comment' }).click();
    await expect.poll(() => item.count()).toBe(0);
    const after = await stack.owner.request('GET', `/api/v1/records/${id}/comments`);
    expect(after.body.comments).toEqual([]);
  });

  it('shows both values when someone else saved first, and saves the one the user keeps', async () => {
    const id = await newTicket('Leaking tap');
    const { page, drawer } = await openRecord(id);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await drawer.getByLabel('Cost').fill('777');
    await drawer.getByLabel('Note').fill('mine only');
    // meanwhile another user saves a different cost
    const theirs = await stack.owner.request(
      'PATCH',
      `/api/v1/records/${id}`,
      { data: { cost: 555 } },
      { 'if-match': '"1"' },
    );
    expect(theirs.status).toBe(200);
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.locator('dialog.ff-dialog').filter({ hasText: 'Someone else saved this record first' });
    await dialog.waitFor();
    const conflict = dialog.locator('fieldset[data-field="cost"]');
    expect(await conflict.getByRole('radio', { name: /Yours/ }).locator('..').innerText()).toContain('777');
    expect(
      await conflict
        .getByRole('radio', { name: /Theirs/ })
        .locator('..')
        .innerText(),
    ).toContain('555');
    expect(await dialog.locator('fieldset').count()).toBe(1); // the note changed on one side only
    await stack.screenshot(page, 'record-conflict-desktop');
    expect(await conflict.getByRole('radio', { name: /Yours/ }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Save with these values' }).click();
    await expect.poll(async () => (await read(id)).data.cost).toBe(777);
    const saved = await read(id);
    expect(saved.data.note).toBe('mine only');
    expect(saved.version).toBe(3);
    await expect.poll(() => fieldRow(page, 'cost').innerText()).toContain('777');
  });

  it('keeps their value when the user chooses theirs', async () => {
    const id = await newTicket('Noisy fan');
    const { page, drawer } = await openRecord(id);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await drawer.getByLabel('Cost').fill('1');
    await stack.owner.request('PATCH', `/api/v1/records/${id}`, { data: { cost: 2 } }, { 'if-match': '"1"' });
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.locator('dialog.ff-dialog').filter({ hasText: 'Someone else saved this record first' });
    await dialog.getByRole('radio', { name: /Theirs/ }).check();
    await dialog.getByRole('button', { name: 'Save with these values' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const saved = await read(id);
    expect(saved.data.cost).toBe(2);
    expect(saved.version).toBe(2);
  });

  it('deletes to the recycle bin after confirming', async () => {
    const id = await newTicket('Old request');
    const { page } = await openRecord(id);
    // Esc closes the confirmation only; the drawer stays
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Move to recycle bin' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Move to recycle bin' }).count()).toBe(0);
    expect(await page.getByTestId('record-drawer').count()).toBe(1);
    expect((await stack.owner.request('GET', `/api/v1/records/${id}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Move to recycle bin' }).click();
    await expect.poll(async () => (await stack.owner.request('GET', `/api/v1/records/${id}`)).status).toBe(404);
    await expect.poll(() => page.getByTestId('record-drawer').count()).toBe(0);
  });

  it('fits a phone', async () => {
    const id = await newTicket('Phone view ticket', { note: 'A long note that should wrap nicely on a small screen.' });
    const { page } = await openRecord(id, true);
    await expect.poll(() => fieldRow(page, 'note').innerText()).toContain('wrap nicely');
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    // touch targets: Edit, Delete and Close are at least 40 px tall
    const drawer = page.getByRole('dialog', { name: 'Phone view ticket' });
    for (const name of ['Edit', 'Delete', 'Close']) {
      const box = (await drawer.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.height, name).toBeGreaterThanOrEqual(40);
      expect(box.width, name).toBeGreaterThanOrEqual(40);
    }
    await stack.screenshot(page, 'record-drawer-phone');
  });
});
