import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';

const deals: FormDef = {
  id: 'deals',
  name: { en: 'Deals', 'zh-CN': '商机' },
  fields: [
    { id: 'title', type: 'text', label: { en: 'Deal', 'zh-CN': '商机名称' }, required: true },
    {
      id: 'stage',
      type: 'select',
      label: { en: 'Stage', 'zh-CN': '阶段' },
      settings: {
        options: [
          { id: 'lead', label: { en: 'Lead', 'zh-CN': '线索' }, color: '#2f6bff' },
          { id: 'proposal', label: { en: 'Proposal', 'zh-CN': '方案报价' }, color: '#f5a524' },
          { id: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, color: '#2fa86a' },
        ],
      },
    },
    { id: 'amount', type: 'money', label: { en: 'Amount', 'zh-CN': '金额' } },
    { id: 'closeOn', type: 'date', label: { en: 'Expected close', 'zh-CN': '预计成交' } },
    {
      id: 'heat',
      type: 'select',
      label: { en: 'Heat', 'zh-CN': '热度' },
      settings: { options: [{ id: 'hot', label: { en: 'Hot', 'zh-CN': '火热' }, color: '#e5484d' }] },
    },
  ],
  settings: { titleField: 'title' },
};

type Aggregate = { rows: { keys: unknown[]; values: (number | null)[] }[] };

describe('kanban: the sales funnel', () => {
  let stack: Stack;
  const ids: Record<string, string> = {};
  const url = '/apps/sales/forms/deals?view=funnel';

  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, { id: 'sales', name: { en: 'Sales', 'zh-CN': '销售' }, forms: [deals] });
    const put = await stack.owner.request('PUT', '/api/v1/apps/sales', {
      id: 'sales',
      name: { en: 'Sales', 'zh-CN': '销售' },
      views: [
        {
          id: 'funnel',
          formId: 'deals',
          name: { en: 'Funnel', 'zh-CN': '销售漏斗' },
          type: 'kanban',
          groupBy: 'stage',
          sumField: 'amount',
          fields: ['amount', 'closeOn'],
        },
      ],
    });
    expect(put.status, put.text).toBe(200);
    const seed: [string, string | null, number][] = [
      ['Alpha Trading', 'lead', 1000],
      ['Beta 贸易', 'lead', 2500.5],
      ['Gamma Tech', 'proposal', 4000],
      ['Delta Foods', 'won', 10000],
      ['Epsilon (no stage)', null, 300],
    ];
    for (const [title, stage, amount] of seed) {
      const created = await stack.owner.request('POST', '/api/v1/forms/deals/records', {
        data: { title, amount, closeOn: '2026-04-30', ...(stage ? { stage } : {}) },
      });
      expect(created.status, created.text).toBe(201);
      ids[title] = created.body.id;
    }
  });
  afterAll(async () => stack?.close());

  const column = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
  const count = async (col: Locator) => Number(await col.getByTestId('kanban-count').getAttribute('data-value'));
  const sum = async (col: Locator) => Number(await col.getByTestId('kanban-sum').getAttribute('data-value'));
  const aggregate = async () => {
    const answer = await stack.owner.request<Aggregate>('POST', '/api/v1/forms/deals/aggregate', {
      groupBy: [{ field: 'stage' }],
      measures: [{ agg: 'count' }, { agg: 'sum', field: 'amount' }],
    });
    expect(answer.status).toBe(200);
    return new Map(answer.body.rows.map((row) => [row.keys[0] === null ? 'none' : String(row.keys[0]), row.values]));
  };
  const stageOf = async (title: string) =>
    (await stack.owner.request('GET', `/api/v1/records/${ids[title]}`)).body.data.stage as string | undefined;

  async function openBoard(phone = false) {
    const { page } = await stack.newPage({ phone });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await stack.signIn(page);
    await page.goto(url);
    await page.getByTestId('kanban-card').first().waitFor();
    return { page, errors };
  }

  /** A real mouse drag (press, move in steps, release) from the card's centre to the target column. */
  async function drag(page: Page, card: Locator, target: Locator) {
    const from = (await card.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 16 });
    await page.mouse.up();
  }

  it('shows one column per stage in option order plus "no value", with the API aggregate counts and sums', async () => {
    const { page, errors } = await openBoard();
    const columns = page.getByTestId('kanban-column');
    await expect
      .poll(() => columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-column'))))
      .toEqual(['lead', 'proposal', 'won', '__none__']);
    const api = await aggregate();
    const expected: [string | RegExp, string][] = [
      ['Lead', 'lead'],
      ['Proposal', 'proposal'],
      ['Won', 'won'],
      ['No value', 'none'],
    ];
    for (const [name, key] of expected) {
      const col = column(page, name);
      await expect.poll(() => count(col)).toBe(api.get(key)![0]);
      expect(await sum(col)).toBe(api.get(key)![1]);
    }
    expect(await count(column(page, 'Lead'))).toBe(2);
    expect(await sum(column(page, 'Lead'))).toBe(3500.5);
    await expect.poll(() => column(page, 'Lead').getByTestId('kanban-sum').innerText()).toContain('3,500.5');
    // cards: the title and the view's fields, formatted
    const alpha = column(page, 'Lead').getByRole('button', { name: 'Alpha Trading', exact: true });
    await expect.poll(() => alpha.innerText()).toContain('1,000');
    expect(
      await column(page, 'No value').getByRole('button', { name: 'Epsilon (no stage)', exact: true }).count(),
    ).toBe(1);
    await stack.screenshot(page, 'kanban-desktop');
    expect(errors).toEqual([]);
  });

  it('drags a card with the mouse to another column: the record changes and both columns recount', async () => {
    const { page, errors } = await openBoard();
    const lead = column(page, 'Lead');
    const proposal = column(page, 'Proposal');
    await expect.poll(() => count(lead)).toBe(2);
    const card = lead.getByRole('button', { name: 'Alpha Trading', exact: true });
    await drag(page, card, proposal);
    await expect.poll(() => stageOf('Alpha Trading')).toBe('proposal');
    await expect.poll(() => count(lead)).toBe(1);
    await expect.poll(() => count(proposal)).toBe(2);
    await expect.poll(() => sum(proposal)).toBe(5000);
    await expect.poll(() => sum(lead)).toBe(2500.5);
    expect(await proposal.getByRole('button', { name: 'Alpha Trading', exact: true }).count()).toBe(1);
    expect(await lead.getByRole('button', { name: 'Alpha Trading', exact: true }).count()).toBe(0);
    const api = await aggregate();
    expect(api.get('proposal')).toEqual([2, 5000]);
    expect(errors).toEqual([]);
  });

  it('puts a refused move back and says why (someone changed the record meanwhile: 412)', async () => {
    const { page } = await openBoard();
    const lead = column(page, 'Lead');
    const won = column(page, 'Won');
    const card = lead.getByRole('button', { name: 'Beta 贸易', exact: true });
    await card.waitFor();
    // another user saves the record after the board was loaded: the card's version is now stale
    const current = await stack.owner.request('GET', `/api/v1/records/${ids['Beta 贸易']}`);
    const changed = await stack.owner.request(
      'PATCH',
      `/api/v1/records/${ids['Beta 贸易']}`,
      { data: { amount: 2600 } },
      { 'if-match': `"${current.body.version}"` },
    );
    expect(changed.status).toBe(200);
    const wonBefore = await count(won);
    await drag(page, card, won);
    await page
      .getByRole('alert')
      .filter({ hasText: /could not be moved/ })
      .waitFor();
    await expect.poll(() => lead.getByRole('button', { name: 'Beta 贸易', exact: true }).count()).toBe(1);
    expect(await won.getByRole('button', { name: 'Beta 贸易', exact: true }).count()).toBe(0);
    await expect.poll(() => count(won)).toBe(wonBefore);
    await expect.poll(() => count(lead)).toBe(1);
    expect(await stageOf('Beta 贸易')).toBe('lead');
    // the board refreshed: the sum shows the other user's amount
    await expect.poll(() => sum(lead)).toBe(2600);
  });

  it('moves a card with the "Move to…" menu (keyboard / phone alternative)', async () => {
    const { page } = await openBoard();
    await page.getByRole('button', { name: 'Move “Gamma Tech” to…' }).click();
    await page.getByRole('menuitem', { name: 'Won' }).click();
    await expect.poll(() => stageOf('Gamma Tech')).toBe('won');
    await expect
      .poll(() => column(page, 'Won').getByRole('button', { name: 'Gamma Tech', exact: true }).count())
      .toBe(1);
    await expect.poll(() => count(column(page, 'Won'))).toBe(2);
  });

  it('fits four columns at 1366 px; narrower, an edge fade and a button show the hidden columns', async () => {
    const { page } = await openBoard();
    const board = page.getByTestId('kanban');
    const viewport = page.getByTestId('kanban-viewport');
    const last = page.locator('[data-testid="kanban-column"][data-column="__none__"]');
    await last.waitFor();
    const boardBox = (await board.boundingBox())!;
    const lastBox = (await last.boundingBox())!;
    expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(boardBox.x + boardBox.width + 1); // not clipped
    expect(await page.getByRole('button', { name: 'Show more columns' }).count()).toBe(0);

    await page.setViewportSize({ width: 1000, height: 800 });
    const more = page.getByRole('button', { name: 'Show more columns' });
    await more.waitFor();
    expect(await viewport.getAttribute('class')).toContain('ff-kanban__viewport--more-right');
    await expect.poll(() => viewport.evaluate((el) => getComputedStyle(el, '::after').opacity)).toBe('1');
    await stack.screenshot(page, 'kanban-edge-fade');
    await more.click();
    await expect.poll(() => board.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Show earlier columns' }).waitFor();
  });

  it('shows select values on cards as coloured tags', async () => {
    const put = await stack.owner.request('PUT', '/api/v1/apps/sales', {
      id: 'sales',
      name: { en: 'Sales', 'zh-CN': '销售' },
      views: [
        {
          id: 'funnel',
          formId: 'deals',
          name: { en: 'Funnel', 'zh-CN': '销售漏斗' },
          type: 'kanban',
          groupBy: 'stage',
          sumField: 'amount',
          fields: ['amount', 'closeOn'],
        },
        {
          id: 'bydate',
          formId: 'deals',
          name: { en: 'By close date', 'zh-CN': '按成交日期' },
          type: 'kanban',
          groupBy: 'stage',
          fields: ['heat', 'amount'],
        },
      ],
    });
    expect(put.status, put.text).toBe(200);
    const current = await stack.owner.request('GET', `/api/v1/records/${ids['Delta Foods']}`);
    const hot = await stack.owner.request(
      'PATCH',
      `/api/v1/records/${ids['Delta Foods']}`,
      { data: { heat: 'hot' } },
      { 'if-match': `"${current.body.version}"` },
    );
    expect(hot.status, hot.text).toBe(200);
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto('/apps/sales/forms/deals?view=bydate');
    const card = page.getByRole('button', { name: 'Delta Foods', exact: true });
    const tag = card.locator('.ff-option-tag[data-option="hot"]');
    await tag.waitFor();
    expect(await tag.innerText()).toBe('Hot');
    const colours = await tag.evaluate((el) => ({
      background: getComputedStyle(el).backgroundColor,
      dot: getComputedStyle(el.querySelector('.ff-option-tag__dot')!).backgroundColor,
    }));
    expect(colours.dot).toBe('rgb(229, 72, 77)');
    expect(colours.background).toBe('rgba(229, 72, 77, 0.15)');
    expect(await page.locator('.ff-kanban__card .ff-option-tag').count()).toBe(1);
  });

  it('announces drags in the UI language (zh-CN), with card titles and column names', async () => {
    const { page } = await stack.newPage({ language: 'zh-CN' });
    await stack.signIn(page);
    await page.goto(url);
    await page.getByTestId('kanban-card').first().waitFor();
    const won = page.getByRole('region', { name: '赢单' });
    await stack.screenshot(page, 'kanban-zh');
    const card = page.getByRole('button', { name: 'Delta Foods', exact: true });
    // every text the live region announces, in order
    await page.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => {
        const region = document.querySelector('[id^="DndLiveRegion"]');
        const text = region?.textContent ?? '';
        if (text && heard.at(-1) !== text) heard.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard.join('\n'));
    const from = (await card.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
    // (the pick-up and "over its own column" come in one update: the latter is what is read)
    await expect.poll(heard).toContain('卡片“Delta Foods”位于“赢单”列上方。');
    await page.keyboard.press('Escape');
    await expect.poll(heard).toContain('已取消移动卡片“Delta Foods”，它仍在“赢单”列。');
    await page.mouse.up();
    expect(await heard()).not.toMatch(/Draggable|droppable|Picked up/);
    const instructions = await page.locator('[id^="DndDescribedBy"]').first().textContent();
    expect(instructions).toContain('移动到…');
    expect(await won.getByRole('button', { name: 'Delta Foods', exact: true }).count()).toBe(1);
    expect(await stageOf('Delta Foods')).toBe('won');
  });

  it('scrolls the board sideways with snap on a phone, without page overflow', async () => {
    const { page } = await openBoard(true);
    const board = page.getByTestId('kanban');
    const snap = await board.evaluate((el) => getComputedStyle(el).scrollSnapType);
    expect(snap).toContain('x');
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(await board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await stack.screenshot(page, 'kanban-phone');
  });
});
