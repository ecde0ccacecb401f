import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FIELD_CONTEXT, fieldRegistry } from '@formflow/engine';
import type { FormDef } from '@formflow/schema';
import { openStore, type Store } from '@formflow/store';
import type { RowResult } from '../row-to-values.js';
import { createServerContext } from '../../context/create-server-context.js';

/** A customer form: unique required name, money, date, boolean, text note, number score. */
export const CUSTOMER_FORM: FormDef = {
  id: 'customers',
  name: { 'zh-CN': '客户', en: 'Customers' },
  fields: [
    {
      id: 'name',
      type: 'text',
      key: 'customerName',
      label: { 'zh-CN': '客户名称', en: 'Customer name' },
      required: true,
      unique: true,
    },
    { id: 'amount', type: 'money', label: { 'zh-CN': '金额', en: 'Amount' } },
    { id: 'signed', type: 'date', label: { 'zh-CN': '签约日期', en: 'Signed on' } },
    { id: 'vip', type: 'boolean', label: { 'zh-CN': '是否VIP', en: 'VIP' } },
    { id: 'note', type: 'text', label: { 'zh-CN': '备注', en: 'Note' } },
    { id: 'score', type: 'number', label: { 'zh-CN': '评分', en: 'Score' } },
  ],
};

export const registry = fieldRegistry;
export const ctx = DEFAULT_FIELD_CONTEXT;
export const target = { workspaceId: 'w1', formId: 'customers', formVersion: 1, actor: 'alice' };

/** The bytes as an async stream of small chunks, so multi-byte characters and lines straddle chunk borders. */
export async function* chunked(bytes: Uint8Array | string, size = 7): AsyncGenerator<Uint8Array> {
  const all = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  for (let at = 0; at < all.length; at += size) yield all.subarray(at, at + size);
}

export async function collect(rows: AsyncIterable<RowResult>): Promise<RowResult[]> {
  const out: RowResult[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** A real SQLite store in a fresh temp folder. */
export function tempStore(): { store: Store; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'formflow-import-'));
  const store = openStore({ path: join(dir, 'app.db') });
  return {
    store,
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function recordCount(store: Store): number {
  return (store.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
}

export function allData(store: Store): Record<string, unknown>[] {
  const rows = store.db.prepare('SELECT data FROM records ORDER BY id').all() as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
}

/**
 * A workspace with its owner, an app `crm` and `form` published in it, set up through the repositories; the ids an
 * import task needs.
 */
export async function publishFormInNewWorkspace(
  store: Store,
  form: FormDef,
  workspaceName: string,
): Promise<{ workspaceId: string; memberId: string; formVersion: number }> {
  const ctx = createServerContext(store);
  const created = await ctx.auth.createWorkspaceWithOwner({
    workspaceName,
    email: `owner-${form.id}@import-tests.example.cn`,
    password: 'correct horse battery staple',
  });
  if (!created.ok) throw new Error('workspace setup failed');
  const workspaceId = created.workspace.id;
  const memberId = created.member.id;
  if (!ctx.apps.createApp({ workspaceId, definition: { id: 'crm', name: 'CRM' }, actor: memberId }).ok) {
    throw new Error('app setup failed');
  }
  ctx.forms.createForm({ workspaceId, appId: 'crm', definition: form, actor: memberId });
  const published = ctx.forms.publish({ workspaceId, formId: form.id, actor: memberId });
  if (!published.ok) throw new Error('publish failed');
  return { workspaceId, memberId, formVersion: published.published.version };
}
