import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FieldDef, FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';
import { drag, point } from './pointer.js';

/**
 * A usability walk-through as a brand-new user, in zh-CN and in English: build an app and a form by dragging fields,
 * add a rule, publish, fill it on a phone, find / filter / edit the record, and move it on a kanban board.
 */

type Lang = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': {
    app: '客户管理',
    form: '客户',
    fields: { name: '客户名称', phone: '电话', level: '客户等级', amount: '预计金额', note: '备注' },
    palette: {
      text: '单行文本',
      phone: '手机/电话',
      select: '单选按钮组',
      money: '金额',
      textarea: '多行文本',
    },
    ui: {
      createApp: '新建应用',
      appName: '应用名称',
      create: '新建',
      newForm: '新建表单',
      formName: '表单名称',
      paletteNav: '字段',
      title: '标题',
      option: (n: number) => `选项${n}名称`,
      required: '必填',
      rulesTab: '表单与规则',
      addRule: '添加规则',
      condField: '条件 1 字段',
      condValue: '条件 1 值',
      saveRule: '保存规则',
      publish: '发布',
      published: '已发布版本 1。',
      newRecord: /添加数据/,
      submit: '提交',
      submitted: '提交成功',
      viewData: '查看数据',
      filter: '筛选',
      addCondition: /添加条件/,
      filterField: '条件 1 的字段',
      edit: '编辑',
      save: '保存修改',
      history: '修改记录',
      saveAsNew: '另存为新视图',
      viewName: '视图名称',
      kanban: '看板',
      saveView: '保存视图',
      board: '等级看板',
      menu: '菜单',
    },
    record: { name: '杭州茶叶有限公司', phone: '13800138000', amount: '12000', note: '老客户介绍' },
  },
  en: {
    app: 'CRM',
    form: 'Customers',
    fields: {
      name: 'Customer name',
      phone: 'Phone',
      level: 'Customer level',
      amount: 'Expected amount',
      note: 'Notes',
    },
    palette: {
      text: 'Single-line text',
      phone: 'Phone',
      select: 'Single select',
      money: 'Money',
      textarea: 'Multi-line text',
    },
    ui: {
      createApp: 'Create app',
      appName: 'App name',
      create: 'Create',
      newForm: 'New form',
      formName: 'Form name',
      paletteNav: 'Fields',
      title: 'Title',
      option: (n: number) => `Option ${n} label`,
      required: 'Required',
      rulesTab: 'Form & rules',
      addRule: 'Add rule',
      condField: 'Condition 1 field',
      condValue: 'Condition 1 value',
      saveRule: 'Save rule',
      publish: 'Publish',
      published: 'Published version 1.',
      newRecord: /New record/,
      submit: 'Submit',
      submitted: 'Submitted',
      viewData: 'View data',
      filter: 'Filter',
      addCondition: /add condition/i,
      filterField: 'Field of condition 1',
      edit: 'Edit',
      save: 'Save changes',
      history: 'History',
      saveAsNew: 'Save as new view',
      viewName: 'View name',
      kanban: 'Kanban',
      saveView: 'Save view',
      board: 'Level board',
      menu: 'Menu',
    },
    record: { name: 'Hangzhou Tea Co.', phone: '13900139000', amount: '12000', note: 'Referred by an old customer' },
  },
} as const;

/** Collects uncaught errors and console errors of a page. */
function watch(page: Page, into: string[], label: string) {
  page.on('pageerror', (error) => into.push(`${label} pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`${label} console: ${message.text()}`);
  });
}

/** Elements (visible text) wider than the viewport, and the page's horizontal overflow. */
async function overflowReport(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > width + 1 && getComputedStyle(e).visibility !== 'hidden';
      })
      .slice(0, 8)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`.slice(0, 80));
    return { overflow: document.documentElement.scrollWidth - width, wide };
  });
}

/** Tappable controls smaller than 32 px in either direction (phone). */
async function tinyTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a, input, select, [role="button"], [role="tab"]')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        const input = e as HTMLInputElement;
        if (input.type === 'radio' || input.type === 'checkbox') return false; // their label is the target
        return r.height < 32 || r.width < 32;
      })
      .slice(0, 12)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 30);
        return `${e.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`;
      }),
  );
}

/** Latin words shown in the zh-CN UI (or CJK shown in the en UI), ignoring user data. */
async function foreignWords(page: Page, lang: Lang, ignore: string[]) {
  const text = await page.evaluate(() => document.body.innerText);
  let rest = text;
  for (const s of ignore) rest = rest.split(s).join(' ');
  const found =
    lang === 'zh-CN' ? (rest.match(/\b[A-Za-z]{3,}[A-Za-z ]*\b/g) ?? []) : (rest.match(/[\u4e00-\u9fff]+/g) ?? []);
  return [...new Set(found.map((s) => s.trim()))].filter((s) => !['Formflow', 'English', 'Ctrl', 'Enter'].includes(s));
}

describe('usability walk-through: build, publish, fill, find, edit, kanban', () => {
  let stack: Stack;
  const notes: string[] = [];
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    console.log(`\n==== walk-through notes ====\n${notes.join('\n')}\n============================`);
    await stack?.close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`walks through in ${lang}`, async () => {
      const T = TEXT[lang];
      const tag = lang === 'zh-CN' ? 'zh' : 'en';
      const shot = (page: Page, name: string) => stack.screenshot(page, `walkthrough-${tag}-${name}`);
      const note = (s: string) => notes.push(`[${tag}] ${s}`);
      const errors: string[] = [];
      const userData = [
        T.app,
        T.form,
        ...Object.values(T.fields),
        ...Object.values(T.record),
        stack.ownerLogin.email,
        T.ui.board,
        'Acme',
      ];

      // ---- 1. sign in, home, create an app and a form --------------------------------------------------------
      const { page } = await stack.newPage({ language: lang });
      watch(page, errors, 'desktop');
      await stack.signIn(page);
      await page.getByRole('button', { name: T.ui.createApp }).first().waitFor();
      await shot(page, '01-home');
      note(`home foreign words: ${JSON.stringify(await foreignWords(page, lang, userData))}`);
      await page.getByRole('button', { name: T.ui.createApp }).first().click();
      const appDialog = page.getByRole('dialog');
      await appDialog.getByLabel(T.ui.appName).fill(T.app);
      await shot(page, '02-create-app');
      await appDialog.getByRole('button', { name: T.ui.create, exact: true }).click();
      await page.waitForURL(/\/apps\/app_[a-z0-9]+$/);
      const appId = new URL(page.url()).pathname.split('/')[2]!;
      await page.getByRole('button', { name: T.ui.newForm }).first().waitFor();
      await shot(page, '03-app-empty');
      await page.getByRole('button', { name: T.ui.newForm }).first().click();
      await page.getByRole('dialog').getByLabel(T.ui.formName).fill(T.form);
      await page.getByRole('dialog').getByRole('button', { name: T.ui.create, exact: true }).click();
      await page.waitForURL(new RegExp(`/apps/${appId}/forms/form_[a-z0-9]+/design$`));
      const formId = new URL(page.url()).pathname.split('/')[4]!;
      const canvas = page.getByTestId('designer-canvas');
      await canvas.waitFor();
      await shot(page, '04-designer-empty');
      note(`designer foreign words: ${JSON.stringify(await foreignWords(page, lang, userData))}`);

      // ---- 2. drag five fields, labels, options, required, a rule, publish ----------------------------------
      const palette = page.getByRole('navigation', { name: T.ui.paletteNav });
      const order = ['text', 'phone', 'select', 'money', 'textarea'] as const;
      for (const kind of order) {
        const before = await page.getByTestId('canvas-field').count();
        const end = canvas.locator('.dz-canvas__end');
        await drag(page, palette.getByRole('button', { name: T.palette[kind], exact: true }), await point(end));
        await expect.poll(() => page.getByTestId('canvas-field').count()).toBe(before + 1);
      }
      const ids = (await page
        .getByTestId('canvas-field')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-field-id')))) as string[];
      expect(ids).toHaveLength(5);
      const [nameId, phoneId, levelId, amountId, noteId] = ids as [string, string, string, string, string];
      await shot(page, '05-designer-five-fields');

      const setTitle = async (id: string, title: string) => {
        await page.locator(`[data-field-id="${id}"]`).click();
        await page.getByLabel(T.ui.title, { exact: true }).fill(title);
      };
      await setTitle(nameId, T.fields.name);
      await page.getByLabel(T.ui.required, { exact: true }).check();
      await shot(page, '06-designer-field-props');
      await setTitle(phoneId, T.fields.phone);
      await setTitle(levelId, T.fields.level);
      for (const [n, label] of [
        [1, 'A'],
        [2, 'B'],
        [3, 'C'],
      ] as const) {
        await page.getByLabel(T.ui.option(n), { exact: true }).fill(label);
      }
      await expect
        .poll(() => page.locator(`[data-field-id="${levelId}"] .dz-chip`).allTextContents())
        .toEqual(['A', 'B', 'C']);
      await shot(page, '07-designer-options');
      await setTitle(amountId, T.fields.amount);
      await setTitle(noteId, T.fields.note);

      await page.getByRole('tab', { name: T.ui.rulesTab }).click();
      await shot(page, '08-rules-empty');
      await page.getByRole('button', { name: T.ui.addRule }).click();
      const ruleDialog = page.getByRole('dialog');
      await ruleDialog.getByLabel(T.ui.condField).selectOption({ label: T.fields.level });
      await ruleDialog.getByLabel(T.ui.condValue).selectOption({ label: 'A' });
      await ruleDialog.getByRole('checkbox', { name: T.fields.note }).check();
      await shot(page, '09-rule-dialog');
      note(`rule dialog foreign words: ${JSON.stringify(await foreignWords(page, lang, userData))}`);
      await ruleDialog.getByRole('button', { name: T.ui.saveRule }).click();
      await page.getByTestId('logic-rule').first().waitFor();
      note(`rule summary: ${await page.getByTestId('logic-rule').first().innerText()}`);
      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
      note(`save status text: ${await page.getByTestId('save-status').innerText()}`);
      await shot(page, '10-designer-ready');

      await page.getByRole('button', { name: T.ui.publish, exact: true }).click();
      const publish = page.getByRole('dialog');
      await publish.waitFor();
      await shot(page, '11-publish-dialog');
      await publish.getByRole('button', { name: T.ui.publish, exact: true }).click();
      await page.getByText(T.ui.published).waitFor();
      await shot(page, '12-published');
      const live = (await stack.owner.request('GET', `/api/v1/forms/${formId}`)).body as FormDef;
      expect(live.fields.map((f: FieldDef) => f.type)).toEqual(['text', 'phone', 'select', 'money', 'textarea']);
      expect(live.fields[0]!.required).toBe(true);
      expect(live.logic).toHaveLength(1);
      // What does a new user do next? Is there an obvious way from the designer to the data / fill-in page?
      const header = await page
        .locator('header, [role="toolbar"]')
        .first()
        .innerText()
        .catch(() => '');
      note(`designer header after publish: ${JSON.stringify(header.slice(0, 200))}`);

      // ---- 3. fill it on a phone ------------------------------------------------------------------------------
      const phone = await stack.newPage({ phone: true, language: lang });
      const p = phone.page;
      watch(p, errors, 'phone');
      await stack.signIn(p);
      await p
        .getByRole('link', { name: new RegExp(T.app) })
        .first()
        .click();
      await p.waitForURL((url) => url.pathname.startsWith(`/apps/${appId}`));
      await p.getByRole('link', { name: T.ui.newRecord }).first().waitFor();
      await shot(p, '13-phone-data-empty');
      note(`phone data page overflow: ${JSON.stringify(await overflowReport(p))}`);
      await p.getByRole('link', { name: T.ui.newRecord }).first().click();
      await p.getByLabel(T.fields.name).waitFor();
      await shot(p, '14-phone-form-empty');
      note(`phone form overflow: ${JSON.stringify(await overflowReport(p))}`);
      note(`phone form small targets: ${JSON.stringify(await tinyTargets(p))}`);
      // 备注 hidden until level A.
      expect(await p.getByLabel(T.fields.note).count()).toBe(0);
      await p.getByRole('button', { name: T.ui.submit }).click();
      await p.locator(`[data-field="${nameId}"] [role="alert"]`).waitFor();
      note(`required message: ${await p.locator(`[data-field="${nameId}"] [role="alert"]`).innerText()}`);
      await shot(p, '15-phone-form-required');
      await p.getByLabel(T.fields.name).fill(T.record.name);
      await p.getByLabel(T.fields.phone).fill(T.record.phone);
      await p.getByText('A', { exact: true }).click();
      await p.getByLabel(T.fields.note).waitFor();
      await p.getByLabel(T.fields.amount).fill(T.record.amount);
      await p.getByLabel(T.fields.note).fill(T.record.note);
      await shot(p, '16-phone-form-filled');
      await p.getByRole('button', { name: T.ui.submit }).click();
      await p.getByRole('heading', { name: T.ui.submitted }).waitFor();
      await shot(p, '17-phone-submitted');
      await p.getByRole('link', { name: T.ui.viewData }).click();
      await p.getByText(T.record.name).first().waitFor();
      await shot(p, '18-phone-grid');
      note(`phone grid overflow: ${JSON.stringify(await overflowReport(p))}`);
      note(`phone grid small targets: ${JSON.stringify(await tinyTargets(p))}`);
      const stored = await stack.owner.request('POST', `/api/v1/forms/${formId}/records/query`, { limit: 10 });
      const record = (stored.body.records as { id: string; data: Record<string, unknown> }[])[0]!;
      expect(record.data[nameId]).toBe(T.record.name);
      expect(record.data[amountId]).toBe(12000);
      expect(record.data[noteId]).toBe(T.record.note);
      // Open the record on the phone too.
      await p.getByText(T.record.name).first().click();
      await p.getByTestId('record-drawer').waitFor();
      await p.waitForTimeout(300);
      await shot(p, '19-phone-record');
      note(`phone record overflow: ${JSON.stringify(await overflowReport(p))}`);
      note(`phone record small targets: ${JSON.stringify(await tinyTargets(p))}`);

      // A second record with level B, through the API, so the filter has something to hide.
      const levelOptions = live.fields[2]!.settings!['options'] as { id: string; label: string }[];
      const optionId = (label: string) => levelOptions.find((o) => o.label === label)!.id;
      expect(
        (
          await stack.owner.request('POST', `/api/v1/forms/${formId}/records`, {
            data: { [nameId]: lang === 'zh-CN' ? '上海贸易' : 'Shanghai Trading', [levelId]: optionId('B') },
          })
        ).status,
      ).toBe(201);

      // ---- 3b. grid on desktop: filter by level, open, edit, history ------------------------------------------
      await page.goto(`/apps/${appId}/forms/${formId}`);
      const rows = page.locator('[role="grid"] [role="row"][data-record-id]');
      await expect.poll(() => rows.count()).toBe(2);
      await shot(page, '20-grid');
      note(
        `grid foreign words: ${JSON.stringify(await foreignWords(page, lang, [...userData, '上海贸易', 'Shanghai Trading']))}`,
      );
      await page.getByRole('button', { name: T.ui.filter, exact: true }).click();
      const panel = page.getByRole('dialog', { name: T.ui.filter });
      await panel.getByRole('button', { name: T.ui.addCondition }).click();
      await panel.getByLabel(T.ui.filterField).selectOption({ label: T.fields.level });
      await panel.getByLabel('A', { exact: true }).check();
      await expect.poll(() => rows.count()).toBe(1);
      await shot(page, '21-grid-filtered');
      await page.keyboard.press('Escape');
      await rows.first().getByText(T.record.name).click();
      const drawer = page.getByTestId('record-drawer');
      await drawer.waitFor();
      await page.waitForTimeout(300);
      await shot(page, '22-record');
      await page.getByRole('button', { name: T.ui.edit, exact: true }).click();
      await drawer.getByLabel(T.fields.amount).fill('15000');
      await shot(page, '23-record-editing');
      await drawer.getByRole('button', { name: T.ui.save }).click();
      await expect
        .poll(async () => (await stack.owner.request('GET', `/api/v1/records/${record.id}`)).body.data[amountId])
        .toBe(15000);
      await page.waitForTimeout(300);
      await shot(page, '24-record-saved');
      await page.getByRole('tab', { name: T.ui.history }).click();
      await drawer.locator('li[data-version="2"]').waitFor();
      await shot(page, '25-record-history');
      note(`history text: ${JSON.stringify((await drawer.innerText()).slice(0, 400))}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => drawer.count()).toBe(0);

      // ---- 4. kanban grouped by level, move the card ---------------------------------------------------------
      await page.goto(`/apps/${appId}/forms/${formId}`);
      await expect.poll(() => rows.count()).toBe(2);
      await page.getByRole('button', { name: T.ui.saveAsNew }).click();
      const viewDialog = page.getByRole('dialog');
      await viewDialog.getByLabel(T.ui.viewName).fill(T.ui.board);
      await viewDialog.getByText(T.ui.kanban, { exact: true }).click();
      await shot(page, '26-new-view-dialog');
      await viewDialog.getByRole('button', { name: T.ui.saveView }).click();
      await page.getByTestId('kanban-card').first().waitFor();
      await page.waitForTimeout(300);
      await shot(page, '27-kanban');
      const columnA = page.getByTestId('kanban-column').filter({ has: page.getByText(T.record.name) });
      expect(await columnA.count()).toBe(1);
      const columnC = page.locator(`[data-testid="kanban-column"][data-column="${optionId('C')}"]`);
      const card = page.getByTestId('kanban-card').filter({ hasText: T.record.name });
      const from = (await card.boundingBox())!;
      const to = (await columnC.boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
      await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 16 });
      await page.mouse.up();
      await expect
        .poll(async () => (await stack.owner.request('GET', `/api/v1/records/${record.id}`)).body.data[levelId])
        .toBe(optionId('C'));
      await expect.poll(() => columnC.getByText(T.record.name).count()).toBe(1);
      await shot(page, '28-kanban-moved');

      // The board on the phone.
      const viewUrl = page.url();
      await p.goto(new URL(viewUrl).pathname + new URL(viewUrl).search);
      await p.getByTestId('kanban-card').first().waitFor();
      await shot(p, '29-phone-kanban');
      note(`phone kanban overflow: ${JSON.stringify(await overflowReport(p))}`);
      note(`phone kanban small targets: ${JSON.stringify(await tinyTargets(p))}`);
      // The phone menu.
      await p.getByRole('button', { name: T.ui.menu, exact: true }).click();
      await p.waitForTimeout(300);
      await shot(p, '30-phone-menu');

      note(`errors: ${JSON.stringify(errors)}`);
      expect(errors.filter((e) => e.includes('pageerror'))).toEqual([]);
    });
  }
});
