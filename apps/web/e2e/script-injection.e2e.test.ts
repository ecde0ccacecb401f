import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';

/**
 * RELIABILITY I2: text that users type — app and form names, labels, option labels, descriptions, record values,
 * comments — can never run script, in any screen: the designer, the form, the grid, the kanban, the record drawer.
 * Every payload both tries to run (`onerror`, `javascript:`) and to mark the page (`img[data-pwned]`); the test
 * fails on any dialog, any injected element, or any link with a script URL.
 */
const IMG = '<img src=x data-pwned=1 onerror="window.__pwned=1">';
const SVG = '<svg><script>window.__pwned=1</script></svg>';

const form: FormDef = {
  id: 'xss',
  name: `Form ${IMG}`,
  description: `Desc ${SVG}`,
  fields: [
    { id: 'name', type: 'text', label: `Name ${IMG}`, description: `Help ${SVG}` },
    {
      id: 'stage',
      type: 'select',
      label: `Stage ${SVG}`,
      settings: {
        options: [
          { id: 'a', label: `A ${IMG}` },
          { id: 'b', label: 'B' },
        ],
      },
    },
    { id: 'site', type: 'url', label: 'Site' },
    { id: 'note', type: 'textarea', label: 'Note' },
  ],
  settings: { titleField: 'name' },
};

async function expectNoInjection(page: Page, where: string) {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
    injected: document.querySelectorAll('[data-pwned], script:not([src]), svg script').length,
    scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
      /^\s*(javascript|data|vbscript):/i.test(a.getAttribute('href') ?? ''),
    ).length,
  }));
  expect(state, where).toEqual({ pwned: 0, injected: 0, scriptLinks: 0 });
}

describe('user text never runs as script (RELIABILITY I2)', () => {
  let stack: Stack;
  let recordId = '';
  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, { id: 'xssapp', name: `App ${IMG}`, forms: [form] });
    const views = await stack.owner.request('PUT', '/api/v1/apps/xssapp', {
      id: 'xssapp',
      name: `App ${IMG}`,
      views: [
        { id: 'board', formId: 'xss', name: `Board ${IMG}`, type: 'kanban', groupBy: 'stage' },
        { id: 'grid', formId: 'xss', name: `Grid ${SVG}`, type: 'grid' },
      ],
    });
    expect(views.status).toBe(200);
    const created = await stack.owner.request('POST', '/api/v1/forms/xss/records', {
      data: { name: `Deal ${IMG}`, stage: 'a', note: `Note ${SVG}\n${IMG}` },
    });
    expect(created.status).toBe(201);
    recordId = created.body.id;
    const comment = await stack.owner.request('POST', `/api/v1/records/${recordId}/comments`, {
      body: `Called ${IMG}`,
    });
    expect(comment.status).toBe(201);
    // A url field refuses script URLs at the API (the UI only links http/https anyway).
    const bad = await stack.owner.request('POST', '/api/v1/forms/xss/records', {
      data: { name: 'x', site: 'javascript:alert(1)' },
    });
    expect(bad.status).toBe(422);
  });
  afterAll(async () => stack?.close());

  it('home, grid, kanban, record drawer with comments, form and designer show the payloads as text', async () => {
    const { page } = await stack.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await stack.signIn(page);
    await page.getByText(`App ${IMG}`).first().waitFor();
    await expectNoInjection(page, 'home');

    await page.goto('/apps/xssapp/forms/xss?view=grid');
    await page.getByTestId('grid').getByText(`Deal ${IMG}`).waitFor();
    await expectNoInjection(page, 'grid');

    await page.goto('/apps/xssapp/forms/xss?view=board');
    await page.getByRole('region', { name: new RegExp('^A ') }).waitFor();
    await expectNoInjection(page, 'kanban');

    await page.goto(`/apps/xssapp/forms/xss?record=${recordId}`);
    await page.getByTestId('record-drawer').getByText(`Deal ${IMG}`).first().waitFor();
    await page.getByRole('tab', { name: 'Comments' }).click();
    await page.getByText(`Called ${IMG}`).waitFor();
    await expectNoInjection(page, 'record drawer');

    await page.goto('/apps/xssapp/forms/xss/new');
    await page.getByLabel(`Name ${IMG}`).waitFor();
    await expectNoInjection(page, 'form');

    await page.goto('/apps/xssapp/forms/xss/design');
    await page.getByTestId('designer-canvas').getByText(`Name ${IMG}`).first().waitFor();
    await expectNoInjection(page, 'designer');
    await stack.screenshot(page, 'script-injection-designer');
    expect(dialogs).toEqual([]);
  });
});
