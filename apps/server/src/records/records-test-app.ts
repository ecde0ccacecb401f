/** The app the record route tests run against: a small CRM (deals) with permission groups. Test support only. */
import type { AppDef, FormDef } from '@formflow/schema';
import type { ApiTestServer, TestSession } from '../testing/api-test-server.js';

export const STAGES = ['lead', 'qualified', 'proposal', 'won', 'lost'] as const;

/** 商机: name (required), stage, amount, phone, unique email, owner, a hidden `cost`, a read-only `score`, system fields. */
export const dealsForm: FormDef = {
  id: 'deals',
  name: { 'zh-CN': '商机', en: 'Deals' },
  fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '名称', en: 'Name' }, required: true, settings: { maxLength: 100 } },
    {
      id: 'stage',
      type: 'select',
      label: { 'zh-CN': '阶段', en: 'Stage' },
      settings: { options: STAGES.map((id) => ({ id, label: id })) },
    },
    { id: 'amount', type: 'number', label: { 'zh-CN': '金额', en: 'Amount' } },
    { id: 'phone', type: 'phone', label: { 'zh-CN': '电话', en: 'Phone' } },
    { id: 'email', type: 'email', label: { 'zh-CN': '邮箱', en: 'Email' }, unique: true },
    { id: 'note', type: 'textarea', label: { 'zh-CN': '备注', en: 'Note' } },
    { id: 'owner', type: 'member', label: { 'zh-CN': '负责人', en: 'Owner' } },
    { id: 'cost', type: 'number', label: { 'zh-CN': '成本', en: 'Cost' } },
    { id: 'secretNote', type: 'text', label: { 'zh-CN': '内部备注', en: 'Internal note' } },
    { id: 'score', type: 'number', label: { 'zh-CN': '评分', en: 'Score' } },
    { id: 'code', type: 'serial', label: { 'zh-CN': '编号', en: 'Code' }, settings: { prefix: 'D', digits: 4 } },
    { id: 'creator', type: 'createdBy', label: { 'zh-CN': '创建人', en: 'Created by' } },
    { id: 'created', type: 'createdAt', label: { 'zh-CN': '创建时间', en: 'Created at' } },
    { id: 'updated', type: 'updatedAt', label: { 'zh-CN': '更新时间', en: 'Updated at' } },
  ],
};

/** Fields the sales group may not see, and may see but not write. */
export const HIDDEN = ['cost', 'secretNote'] as const;
export const READ_ONLY = ['score'] as const;

export type CrmSetup = {
  appId: string;
  roleId: string;
  departmentId: string;
  /** In the Sales role: view + edit own rows (owner = me), submit. */
  alice: TestSession;
  /** In the East department (not the role): same group. */
  bob: TestSession;
  /** A member in no group: 403 everywhere. */
  nobody: TestSession;
};

/** Installs the CRM app in the owner's workspace with the sales group (role Sales or department 华东). */
export async function setupCrm(server: ApiTestServer, extraForms: FormDef[] = []): Promise<CrmSetup> {
  const workspaceId = server.owner.workspaceId;
  const role = server.ctx.directory.createRole({ workspaceId, name: 'Sales' });
  const department = server.ctx.directory.createDepartment({ workspaceId, name: '华东' });
  if (!role.ok || !department.ok) throw new Error('directory setup failed');
  const app: Omit<AppDef, 'forms'> & { forms: FormDef[] } = {
    id: 'crm',
    name: 'CRM',
    forms: [dealsForm, ...extraForms],
    permissionGroups: [
      {
        id: 'sales',
        formId: 'deals',
        name: { 'zh-CN': '销售', en: 'Sales' },
        principals: [
          { kind: 'role', id: role.role.id },
          { kind: 'department', id: department.department.id },
        ],
        actions: ['submit', 'view', 'edit'],
        fields: { cost: 'hidden', secretNote: 'hidden', score: 'read' },
        defaultFieldAccess: 'write',
        rowFilter: { field: 'owner', op: 'isCurrentMember' },
      },
    ],
  };
  const appId = server.installApp(server.owner, app);
  const alice = await server.addMember({ name: 'Alice', roleIds: [role.role.id] });
  const bob = await server.addMember({ name: 'Bob', departmentIds: [department.department.id] });
  const nobody = await server.addMember({ name: 'Nobody' });
  return { appId, roleId: role.role.id, departmentId: department.department.id, alice, bob, nobody };
}

/** Creates a record through the API as `session`; throws unless 201. */
export async function createDeal(session: TestSession, data: Record<string, unknown>, formId = 'deals') {
  const response = await session.request<{ id: string; version: number; data: Record<string, unknown> }>(
    'POST',
    `/api/v1/forms/${formId}/records`,
    { data },
  );
  if (response.status !== 201) throw new Error(`create failed: ${String(response.status)} ${response.text}`);
  return response.body;
}

/** Rows in the records table of a workspace (deleted ones too): a write that should not happen changes it. */
export function recordCount(server: ApiTestServer, workspaceId = server.owner.workspaceId): number {
  const row = server.store.db
    .prepare('SELECT count(*) AS n, coalesce(sum(version), 0) AS v FROM records WHERE workspace_id = ?')
    .get(workspaceId) as { n: number; v: number };
  return row.n;
}

/** A fingerprint of every record row (ids, versions, data): equal before and after means nothing was written. */
export function recordsFingerprint(server: ApiTestServer): string {
  const rows = server.store.db.prepare('SELECT id, version, data, deleted_at FROM records ORDER BY id').all();
  const history = server.store.db.prepare('SELECT count(*) AS n FROM record_history').get() as { n: number };
  const outbox = server.store.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number };
  return JSON.stringify([rows, history.n, outbox.n]);
}
