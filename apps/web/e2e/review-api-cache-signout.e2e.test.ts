import type { FormDef } from '@formflow/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

/**
 * Review finding: authenticated API answers (`GET /api/v1/records/:id`, `/apps`, `/forms/:id`, `/members`, …) carry no
 * `Cache-Control`, so the browser keeps them in its HTTP cache. After "Sign out" on a shared computer the record is
 * still readable from that cache by the next person (devtools, `fetch(url, {cache: 'only-if-cached'})`, the profile's
 * cache folder), even though the session is gone. Only `/auth/login` and `/auth/me` say `no-store`.
 * Expected: every API answer that depends on the caller is `Cache-Control: no-store` (or at least `private, no-store`),
 * so nothing of it is left in the browser after sign-out.
 */
const cases: FormDef = {
  id: 'cases',
  name: { en: 'Cases', 'zh-CN': '案件' },
  fields: [{ id: 'title', type: 'text', label: { en: 'Title', 'zh-CN': '标题' } }],
};

describe('review: API answers left in the browser cache after sign-out', () => {
  let stack: Stack;
  let recordId: string;

  beforeAll(async () => {
    stack = await startStack();
    stack.installApp(stack.owner, { id: 'legal', name: { en: 'Legal', 'zh-CN': '法务' }, forms: [cases] });
    const created = await stack.owner.request('POST', '/api/v1/forms/cases/records', {
      data: { title: 'Confidential settlement 4.2M' },
    });
    expect(created.status).toBe(201);
    recordId = created.body.id as string;
  });
  afterAll(async () => stack?.close());

  it('the record a member opened is not readable from the cache once they sign out', async () => {
    const { page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto(`/apps/legal/forms/cases?record=${recordId}`);
    await page.getByTestId('record-drawer').getByText('Confidential settlement 4.2M').first().waitFor();

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).toBe(401);

    const cached = await page.evaluate(async (url) => {
      try {
        const answer = await fetch(url, {
          cache: 'only-if-cached',
          mode: 'same-origin',
          headers: { accept: 'application/json' },
        });
        return { status: answer.status, text: await answer.text() };
      } catch (error) {
        return { status: 0, text: String(error) };
      }
    }, `/api/v1/records/${recordId}`);
    expect
      .soft(cached.text, 'the record is still in the browser cache after sign-out')
      .not.toContain('Confidential settlement');

    const direct = await stack.owner.request('GET', `/api/v1/records/${recordId}`);
    expect(direct.headers.get('cache-control') ?? '').toMatch(/no-store/);
  });
});
