import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';

const customers: FormDef = {
  id: 'customers',
  name: { en: 'Customers', 'zh-CN': '客户' },
  fields: [
    { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '客户名称' }, required: true, unique: true },
    { id: 'amount', type: 'number', label: { en: 'Amount', 'zh-CN': '金额' } },
    {
      id: 'stage',
      type: 'select',
      label: { en: 'Stage', 'zh-CN': '阶段' },
      settings: {
        options: [
          { id: 'lead', label: { en: 'Lead', 'zh-CN': '线索' } },
          { id: 'won', label: { en: 'Won', 'zh-CN': '赢单' } },
        ],
      },
    },
    { id: 'phone', type: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
  ],
};

/** 50 rows; data rows 3 (amount 十块) and 12 (phone 12345) are bad. */
function customersCsv(): string {
  const lines = ['Name,Amount,Stage,Phone,Fax'];
  for (let i = 1; i <= 50; i += 1) {
    const amount = i === 3 ? '十块' : String(i * 100);
    const phone = i === 12 ? '12345' : `1380013${String(i).padStart(4, '0')}`;
    lines.push(`客户${i} 有限公司,${amount},${i % 2 ? 'Won' : '线索'},${phone},x`);
  }
  return lines.join('\r\n') + '\r\n';
}

// GB18030 bytes (as Chinese Excel saves CSV): 客户名称 = BF CD BB A7 C3 FB B3 C6, 你好 = C4 E3 BA C3.
const GB18030_FILE = Buffer.from([
  ...[0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6],
  ...Buffer.from(',Amount\r\n'),
  ...[0xc4, 0xe3, 0xba, 0xc3],
  ...Buffer.from(',5\r\n'),
]);

describe('import wizard and export menu', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, { id: 'crm', name: 'CRM', forms: [customers] });
  });
  afterAll(async () => stack?.close());

  const recordCount = async () => {
    const page = await stack.owner.request('POST', '/api/v1/forms/customers/records/query', { limit: 200 });
    expect(page.status).toBe(200);
    expect(page.body.nextCursor).toBeNull();
    return (page.body.records as unknown[]).length;
  };

  it('detects GB18030 and maps the Chinese header', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto('/apps/crm/forms/customers/import');
    await page.getByLabel('Choose a CSV or Excel file').setInputFiles({
      name: '客户.csv',
      mimeType: 'text/csv',
      buffer: GB18030_FILE,
    });
    const facts = page.locator('.ff-import__facts');
    await expect.poll(() => facts.textContent()).toContain('GB18030');
    expect(await facts.textContent()).toContain('Comma (,)');
    expect(await page.getByLabel('Field for column “客户名称”').inputValue()).toBe('name');
    await page.getByRole('cell', { name: '你好' }).waitFor();
  });

  it('previews with bad cells highlighted, imports the valid rows with progress, reports the bad ones', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto('/apps/crm/forms/customers');
    // The data page's toolbar leads to the wizard.
    await page.getByRole('link', { name: 'Import' }).click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/customers/import');
    await page.getByRole('heading', { name: /Import data/ }).waitFor();

    await page.getByLabel('Choose a CSV or Excel file').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(customersCsv(), 'utf8'),
    });
    const facts = page.locator('.ff-import__facts');
    await expect.poll(() => facts.textContent()).toContain('UTF-8');
    expect(await facts.textContent()).toContain('customers.csv');

    // The mapping: columns matched by label; "Fax" matches nothing and is skipped.
    expect(await page.getByLabel('Field for column “Name”').inputValue()).toBe('name');
    expect(await page.getByLabel('Field for column “Phone”').inputValue()).toBe('phone');
    expect(await page.getByLabel('Field for column “Fax”').inputValue()).toBe('');

    // The two bad cells are red, with the server's message on hover/focus.
    const bad = page.locator('td[aria-invalid="true"]');
    await expect.poll(() => bad.count()).toBe(2);
    expect(await bad.nth(0).textContent()).toContain('十块');
    expect(await bad.nth(1).textContent()).toContain('12345');
    const amountMessage = await bad.nth(0).getAttribute('title');
    expect(amountMessage).toMatch(/Amount/);
    const background = await bad.nth(0).evaluate((cell) => getComputedStyle(cell).backgroundColor);
    expect(background).toBe('rgb(253, 236, 236)');
    await bad.nth(0).focus();
    expect(await bad.nth(0).locator('.ff-import__tip').isVisible()).toBe(true);
    expect(await page.getByText('2 of these rows have errors').count()).toBe(1);
    await stack.screenshot(page, 'import-preview');

    // Skipping a column re-checks the rows: the phone error disappears.
    await page.getByLabel('Field for column “Phone”').selectOption('');
    await expect.poll(() => bad.count()).toBe(1);
    await page.getByLabel('Field for column “Phone”').selectOption('phone');
    await expect.poll(() => bad.count()).toBe(2);

    await page.getByLabel('Import the valid rows only').check();
    await page.getByRole('button', { name: 'Start import' }).click();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    const stat = (label: string) => page.locator('.ff-import__stat', { hasText: label }).locator('dd').textContent();
    expect(await stat('Imported')).toBe('48');
    expect(await stat('Failed')).toBe('2');
    expect(await stat('Updated')).toBe('0');
    await page.waitForTimeout(400); // the bar's width transition, for the screenshot
    await stack.screenshot(page, 'import-progress-done');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the error report' }).click(),
    ]);
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report).toContain('十块');
    expect(report).toContain('12345');
    expect(report.split('\n').filter((line) => line.trim()).length).toBe(3); // header + 2 errors

    expect(await recordCount()).toBe(48);

    // Export: CSV from the data page's menu holds an imported record.
    await page.getByRole('link', { name: 'View the data' }).click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/customers');
    await page.getByRole('button', { name: 'Export' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'CSV (.csv)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const exported = readFileSync((await csv.path())!, 'utf8');
    expect(exported).toContain('客户7 有限公司');
    expect(exported).toContain('客户7 有限公司,700,Won,138 0013 0007');
    expect(exported).not.toContain('客户3 有限公司');
  });

  it('all-or-nothing with a bad row imports nothing and says so', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto('/apps/crm/forms/customers/import');
    const csv = 'Name,Amount\r\n新客户A,1\r\n新客户B,abc\r\n';
    await page.getByLabel('Choose a CSV or Excel file').setInputFiles({
      name: 'small.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Start import' }).waitFor();
    expect(await page.getByLabel('Import nothing (all or nothing)').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('heading', { name: 'Import failed' }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Nothing was imported: the form is unchanged.').count()).toBe(1);
    expect(await recordCount()).toBe(48);
  });

  it('a long import shows percent, rows and ETA while it runs, and can be cancelled', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto('/apps/crm/forms/customers/import');
    const lines = ['Name,Amount'];
    for (let i = 1; i <= 150_000; i += 1) lines.push(`Bulk customer ${i},${i}`);
    await page.getByLabel('Choose a CSV or Excel file').setInputFiles({
      name: 'bulk.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n'), 'utf8'),
    });
    await page.getByRole('button', { name: 'Start import' }).click();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    await expect
      .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const line = page.locator('.ff-import__progressline');
    await expect.poll(() => line.textContent()).toMatch(/of 150,000 rows/);
    await expect.poll(() => line.textContent()).toMatch(/left/);
    await stack.screenshot(page, 'import-progress');
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await page.getByRole('heading', { name: 'Import cancelled' }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('Nothing was imported: the form is unchanged.').count()).toBe(1);
    expect(await recordCount()).toBe(48);
  });

  it('works in Chinese on a phone: the wizard fits 390 px', async () => {
    const { page } = await stack.newPage({ phone: true, language: 'zh-CN' });
    await stack.signIn(page);
    await page.goto('/apps/crm/forms/customers/import');
    await page.getByLabel('选择 CSV 或 Excel 文件').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(customersCsv(), 'utf8'),
    });
    await page.getByRole('button', { name: '开始导入' }).waitFor();
    await expect.poll(() => page.locator('td[aria-invalid="true"]').count()).toBe(2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await stack.screenshot(page, 'import-preview-phone');
  });
});
