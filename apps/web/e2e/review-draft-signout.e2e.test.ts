import type { FormDef } from '@formflow/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

/**
 * Review finding: unsent form drafts are kept in localStorage under `formflow.draft.<formId>` (runtime/draft.ts),
 * keyed by form only, and sign-out (shell/UserMenu.tsx) clears the React Query cache but not the drafts. On a shared
 * computer the next person to sign in (or anyone with devtools) gets what the previous member typed.
 * Expected: signing out forgets every draft of the signed-in member, and a draft is never restored for another member.
 */
const payroll: FormDef = {
  id: 'payroll',
  name: { en: 'Payroll change', 'zh-CN': '薪资调整' },
  fields: [
    { id: 'employee', type: 'text', label: { en: 'Employee', 'zh-CN': '员工' } },
    { id: 'salary', type: 'number', label: { en: 'New salary', 'zh-CN': '新薪资' } },
  ],
};

describe('review: drafts after sign-out (shared computer)', () => {
  let stack: Stack;
  let member: Awaited<ReturnType<Stack['addMember']>>;

  beforeAll(async () => {
    stack = await startStack();
    member = await stack.addMember({ role: 'member', name: 'Next User' });
    stack.installApp(stack.owner, {
      id: 'hr',
      name: { en: 'HR', 'zh-CN': '人事' },
      forms: [payroll],
      permissionGroups: [
        {
          id: 'submitters',
          formId: 'payroll',
          name: 'Submitters',
          principals: [{ kind: 'member', id: member.memberId }],
          actions: ['submit'],
          defaultFieldAccess: 'write',
        },
      ],
    });
  });
  afterAll(async () => stack?.close());

  it('signing out forgets what the member typed; the next member does not get it back', async () => {
    const { context, page } = await stack.newPage();
    await stack.signIn(page);
    await page.goto('/apps/hr/forms/payroll/new');
    await page.getByLabel('Employee').fill('Alice Zhang');
    await page.getByLabel('New salary').fill('987654');
    await page.waitForTimeout(600); // the draft is written 300 ms after typing stops

    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/login');

    const leftBehind = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('formflow.draft.'))
        .map((key) => localStorage.getItem(key)),
    );
    expect(leftBehind, 'no draft survives sign-out').toEqual([]);

    // The next person on this browser signs in and opens the same form.
    const [name, value] = member.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: stack.base }]);
    await page.goto('/apps/hr/forms/payroll/new');
    await page.getByLabel('Employee').waitFor();
    expect(await page.getByLabel('Employee').inputValue()).toBe('');
    expect(await page.getByLabel('New salary').inputValue()).toBe('');
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /restored/i })
        .count(),
    ).toBe(0);
  });
});
