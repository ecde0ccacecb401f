import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startApiServer, type ApiTestServer } from '@formflow/server/testing';

export const CHROMIUM = process.env.FORMFLOW_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots of key screens land here (CI keeps them as artifacts). */
export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'screenshots');

export const VIEWPORTS = {
  desktop: { width: 1366, height: 860 },
  phone: { width: 390, height: 844 },
} as const;

export type Stack = ApiTestServer & {
  browser: Browser;
  /** A fresh browser context (own cookies) and page; `phone` for a touch, 390 px wide viewport. */
  newPage(options?: { phone?: boolean; language?: 'zh-CN' | 'en' }): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs the owner in through the login page; resolves once the workspace home shows. */
  signIn(page: Page): Promise<void>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
};

/** The real server (serving the web build of this run) and a headless chromium. */
export async function startStack(options: { now?: () => Date } = {}): Promise<Stack> {
  const server = await startApiServer({ ...options, webRoot: inject('webRoot') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  const closeServer = server.close.bind(server);
  return Object.assign(server, {
    browser,
    async newPage({ phone = false, language = 'en' }: { phone?: boolean; language?: 'zh-CN' | 'en' } = {}) {
      const context = await browser.newContext({
        baseURL: server.base,
        viewport: phone ? VIEWPORTS.phone : VIEWPORTS.desktop,
        isMobile: phone,
        hasTouch: phone,
        locale: language,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return { context, page };
    },
    async signIn(page: Page) {
      await page.goto('/login');
      await page.getByLabel(/email|邮箱/i).fill(server.ownerLogin.email);
      await page.getByLabel(/password|密码/i).fill(server.ownerLogin.password);
      await page.getByRole('button', { name: /sign in|登录/i }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    },
    async screenshot(page: Page, name: string) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await closeServer();
    },
  });
}
