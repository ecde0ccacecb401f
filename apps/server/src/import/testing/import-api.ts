/** Test support for the import routes: a customers app with permission groups, uploads and job polling. */
import type { AppDef, FormDef } from '@formflow/schema';
import type { ApiResponse, ApiTestServer, TestSession } from '../../testing/api-test-server.js';

/**
 * 客户: unique required name, money, date, boolean, note, score, a hidden `cost`, a read-only `rating`, an owner,
 * a serial number and created-by / created-at system fields.
 */
export const customersForm: FormDef = {
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
    { id: 'visited', type: 'datetime', label: { 'zh-CN': '拜访时间', en: 'Visited at' } },
    { id: 'vip', type: 'boolean', label: { 'zh-CN': '是否VIP', en: 'VIP' } },
    { id: 'note', type: 'text', label: { 'zh-CN': '备注', en: 'Note' } },
    { id: 'score', type: 'number', label: { 'zh-CN': '评分', en: 'Score' } },
    { id: 'owner', type: 'member', label: { 'zh-CN': '负责人', en: 'Owner' } },
    { id: 'cost', type: 'number', label: { 'zh-CN': '成本', en: 'Cost' } },
    { id: 'rating', type: 'number', label: { 'zh-CN': '内部评级', en: 'Rating' } },
    { id: 'code', type: 'serial', label: { 'zh-CN': '编号', en: 'Code' }, settings: { prefix: 'KH', digits: 5 } },
    { id: 'creator', type: 'createdBy', label: { 'zh-CN': '创建人', en: 'Created by' } },
    { id: 'created', type: 'createdAt', label: { 'zh-CN': '创建时间', en: 'Created at' } },
  ],
};

export type ImportSetup = {
  /** Sales: submit + view + edit on their own rows; `cost` hidden, `rating` read-only. */
  sales: TestSession;
  /** Clerk: submit only (no edit), every field writable. */
  clerk: TestSession;
};

/** Installs the app in the owner's workspace with a sales group and a submit-only clerk group. */
export async function setupImports(server: ApiTestServer): Promise<ImportSetup> {
  const workspaceId = server.owner.workspaceId;
  const sales = server.ctx.directory.createRole({ workspaceId, name: 'Sales' });
  const clerks = server.ctx.directory.createRole({ workspaceId, name: 'Clerks' });
  if (!sales.ok || !clerks.ok) throw new Error('directory setup failed');
  const app: Omit<AppDef, 'forms'> & { forms: FormDef[] } = {
    id: 'crm',
    name: 'CRM',
    forms: [customersForm],
    permissionGroups: [
      {
        id: 'sales',
        formId: 'customers',
        name: '销售',
        principals: [{ kind: 'role', id: sales.role.id }],
        actions: ['submit', 'view', 'edit'],
        fields: { cost: 'hidden', rating: 'read' },
        defaultFieldAccess: 'write',
      },
      {
        id: 'clerks',
        formId: 'customers',
        name: '录入员',
        principals: [{ kind: 'role', id: clerks.role.id }],
        actions: ['submit'],
        defaultFieldAccess: 'write',
      },
    ],
  };
  server.installApp(server.owner, app);
  return {
    sales: await server.addMember({ name: 'Sales', roleIds: [sales.role.id] }),
    clerk: await server.addMember({ name: 'Clerk', roleIds: [clerks.role.id] }),
  };
}

export type UploadOptions = Record<string, unknown> | string | undefined;

/** POSTs a multipart upload (`file` + optional `options` JSON) to a form's import route. */
export function upload(
  session: TestSession,
  formId: string,
  bytes: Uint8Array | string,
  fileName: string,
  options?: UploadOptions,
  route: 'imports' | 'imports/preview' = 'imports',
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const form = new FormData();
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  form.append('file', new Blob([data]), fileName);
  if (options !== undefined) form.append('options', typeof options === 'string' ? options : JSON.stringify(options));
  return session.request('POST', `/api/v1/forms/${formId}/${route}`, form, headers);
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** Polls the job over HTTP until it has ended; returns every status seen (the last is final). */
export async function pollJob(session: TestSession, jobId: string, timeoutMs = 60_000): Promise<ApiResponse[]> {
  const seen: ApiResponse[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await session.request('GET', `/api/v1/imports/${jobId}`);
    seen.push(response);
    if (response.status !== 200) throw new Error(`status ${response.status}: ${response.text}`);
    if (FINAL.has((response.body as { status: string }).status)) return seen;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish: ${response.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The form's records as stored (data only), oldest first. */
export function storedData(server: ApiTestServer, formId = 'customers'): Record<string, unknown>[] {
  const rows = server.store.db
    .prepare('SELECT data FROM records WHERE workspace_id = ? AND form_id = ? AND deleted_at IS NULL ORDER BY id')
    .all(server.owner.workspaceId, formId) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as Record<string, unknown>);
}
