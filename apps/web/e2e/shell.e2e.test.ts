import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FormDef } from '@formflow/schema';
import { startStack, type Stack } from './harness.js';

const customers: FormDef = {
  id: 'customers',
  name: { en: 'Customers', 'zh-CN': '客户' },
  fields: [{ id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true }],
};
const deals: FormDef = {
  id: 'deals',
  name: { en: 'Deals', 'zh-CN': '商机' },
  fields: [{ id: 'title', type: 'text', label: { en: 'Title', 'zh-CN': '标题' } }],
};

/** No horizontal page scroll (the phone rule). */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the shell: login, home, app navigation, language', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, {
      id: 'crm',
      name: { en: 'CRM', 'zh-CN': '客户管理' },
      description: { en: 'Customers and deals', 'zh-CN': '客户与商机' },
      forms: [customers, deals],
    });
  });
  afterAll(async () => stack?.close());

  it('a wrong password shows the error beside the form and keeps the email; the right one lands on home', async () => {
    const { page } = await stack.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(stack.ownerLogin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The email or password is incorrect.');
    expect(await page.getByLabel('Email').inputValue()).toBe(stack.ownerLogin.email);
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.getByLabel('Password').fill(stack.ownerLogin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'Acme 测试' }).waitFor();
    const card = page.getByRole('link', { name: /CRM/ });
    await card.waitFor();
    expect(await card.textContent()).toContain('Customers and deals');
    await stack.screenshot(page, 'shell-home');
  });

  it('too many failed attempts show the rate-limit message in the UI language', async () => {
    const email = 'nobody@example.com';
    for (let i = 0; i < 10; i += 1) {
      const answer = await stack.anonymous.request('POST', '/api/v1/auth/login', { email, password: 'wrong' });
      expect(answer.status).toBe(401);
    }
    const { page } = await stack.newPage({ language: 'zh-CN' });
    await page.goto('/login');
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill('wrong');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('失败次数过多，请几分钟后再试。');
    expect(await page.getByLabel('邮箱').inputValue()).toBe(email);
  });

  it('switching to 中文 changes the UI and survives a reload', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('button', { name: 'Create app' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '新建应用' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create app' }).count()).toBe(0);
    // App names follow the language too (LocalizedText).
    await page.getByRole('link', { name: /客户管理/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await page.getByRole('button', { name: '新建应用' }).waitFor();
    expect(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Create app' }).waitFor();
  });

  it('creates an app and a form through the UI and lands on the designer', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('button', { name: 'Create app' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('App name').fill('采购 Purchasing');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(/\/apps\/app_[a-z0-9]+$/);
    const appId = new URL(page.url()).pathname.split('/')[2]!;
    // A new app invites to create its first form.
    await page.getByRole('heading', { name: 'This app has no forms yet' }).waitFor();
    expect(await page.locator('.ff-topbar').textContent()).toContain('采购 Purchasing');
    await stack.screenshot(page, 'shell-app-empty');

    await page.getByRole('button', { name: 'New form' }).first().click();
    await page.getByRole('dialog').getByLabel('Form name').fill('Suppliers');
    await page.getByRole('dialog').getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(new RegExp(`/apps/${appId}/forms/form_[a-z0-9]+/design$`));
    const formId = new URL(page.url()).pathname.split('/')[4]!;

    // The server has the draft; the sidebar lists it as a draft linking to the designer.
    const draft = await stack.owner.request('GET', `/api/v1/forms/${formId}/draft`);
    expect(draft.status).toBe(200);
    expect(draft.body.definition.name).toBe('Suppliers');
    // the designer is full width: the forms list slides in from the top bar's menu button
    await page.getByRole('button', { name: 'Show the forms of this app' }).click();
    const entry = page.getByRole('navigation', { name: 'Forms of this app' }).getByRole('link', { name: /Suppliers/ });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Draft');
    expect(await entry.getAttribute('href')).toBe(`/apps/${appId}/forms/${formId}/design`);
    const apps = await stack.owner.request('GET', '/api/v1/apps');
    expect(apps.body.apps.map((app: { name: string }) => app.name)).toContain('采购 Purchasing');
  });

  it('the app layout lists the forms, opens the first one and links to the designer', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('link', { name: /CRM/ }).click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/customers');
    const nav = page.getByRole('navigation', { name: 'Forms of this app' });
    await nav.getByRole('link', { name: 'Deals', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/deals');
    await expect
      .poll(() => nav.getByRole('link', { name: 'Deals', exact: true }).getAttribute('aria-current'))
      .toBe('page');
    expect(await nav.getByRole('link', { name: 'Design Deals' }).getAttribute('href')).toBe(
      '/apps/crm/forms/deals/design',
    );
    await stack.screenshot(page, 'shell-app-layout');
  });

  it('the designer gets the full width: the sidebar collapses and the menu button brings the forms back', async () => {
    const { page } = await stack.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await stack.signIn(page);
    await page.goto('/apps/crm/forms/deals');
    const nav = page.getByRole('navigation', { name: 'Forms of this app' });
    await nav.getByRole('link', { name: 'Customers', exact: true }).waitFor();
    // on the data page the sidebar is open and there is no menu button
    expect(await page.getByRole('button', { name: 'Show the forms of this app' }).isVisible()).toBe(false);
    await nav.getByRole('link', { name: 'Design Deals' }).click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/deals/design');
    await page.getByRole('navigation', { name: 'Fields' }).waitFor();
    await nav.getByRole('link', { name: 'Customers', exact: true }).waitFor({ state: 'hidden' });
    const main = (await page.locator('.ff-applayout__main').boundingBox())!;
    expect(main.x).toBe(0);
    expect(main.width).toBe(1366);
    await stack.screenshot(page, 'shell-designer-full-width');
    const menu = page.getByRole('button', { name: 'Show the forms of this app' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await nav.getByRole('link', { name: 'Customers', exact: true }).waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.waitForTimeout(300); // the slide-in, for the screenshot
    await stack.screenshot(page, 'shell-designer-forms-menu');
    await nav.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/customers');
    // back on a data page the sidebar is in place again
    await nav.getByRole('link', { name: 'Deals', exact: true }).waitFor({ state: 'visible' });
    expect((await page.locator('.ff-applayout__main').boundingBox())!.x).toBeGreaterThanOrEqual(200);
    expect(errors).toEqual([]);
  });

  it('on a phone the hamburger opens the form list; login, home and the menu fit 390 px', async () => {
    const { page } = await stack.newPage({ phone: true });
    await page.goto('/login');
    await page.getByLabel('Email').waitFor();
    await expectNoHorizontalScroll(page);
    await stack.screenshot(page, 'shell-login-phone');
    await stack.signIn(page);
    await page.getByRole('link', { name: /CRM/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await stack.screenshot(page, 'shell-home-phone');
    // the language toggle is a comfortable touch target
    for (const name of ['中文', 'English']) {
      const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.height, name).toBeGreaterThanOrEqual(40);
      expect(box.width, name).toBeGreaterThanOrEqual(40);
    }

    await page.getByRole('link', { name: /CRM/ }).click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/customers');
    const deals = page
      .getByRole('navigation', { name: 'Forms of this app' })
      .getByRole('link', { name: 'Deals', exact: true });
    expect(await deals.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await deals.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expectNoHorizontalScroll(page);
    await page.waitForTimeout(300); // the slide-in transition, for the screenshot
    await stack.screenshot(page, 'shell-app-menu-phone');
    const box = await deals.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(36);
    await deals.click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/deals');
    await deals.waitFor({ state: 'hidden' });
  });

  it('sign out returns to /login and forgets the session', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
  });

  it('a signed-out visit to an app goes to /login?next=… and back there after signing in', async () => {
    const { page } = await stack.newPage();
    await page.goto('/apps/crm/forms/deals?view=x');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/apps/crm/forms/deals?view=x');
    await page.getByLabel('Email').fill(stack.ownerLogin.email);
    await page.getByLabel('Password').fill(stack.ownerLogin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/apps/crm/forms/deals' && url.search === '?view=x');

    // `next` never leaves the site.
    const other = await stack.newPage();
    await other.page.goto('/login?next=//evil.example/x');
    await other.page.getByLabel('Email').fill(stack.ownerLogin.email);
    await other.page.getByLabel('Password').fill(stack.ownerLogin.password);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.waitForURL((url) => url.pathname === '/');
    expect(new URL(other.page.url()).host).toBe(new URL(stack.base).host);
  });

  it('a member sees no create buttons', async () => {
    const member = await stack.addMember({ role: 'member', name: 'Mia' });
    const { context, page } = await stack.newPage();
    const token = member.cookie.split('=')[1]!;
    await context.addCookies([{ name: member.cookie.split('=')[0]!, value: token, url: stack.base }]);
    await page.goto('/');
    await page.getByRole('heading', { name: 'No apps yet' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create app' }).count()).toBe(0);
  });
});
