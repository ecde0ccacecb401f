import type { FieldDef, FormDef } from '@formflow/schema';
import type { ApiTestServer } from '@formflow/server/testing';

const STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

/** A CRM-like deals form: the grid scenario's 100,000 records and the public sign-up page both use it. */
export const dealsForm: FormDef = {
  id: 'deals',
  name: { 'zh-CN': '商机', en: 'Deals' },
  fields: [
    { id: 'name', type: 'text', label: { 'zh-CN': '客户名称', en: 'Customer' }, required: true },
    {
      id: 'stage',
      type: 'select',
      label: { 'zh-CN': '阶段', en: 'Stage' },
      settings: { options: STAGES.map((id) => ({ id, label: id })) },
    },
    { id: 'amount', type: 'money', label: { 'zh-CN': '金额', en: 'Amount' }, settings: { currency: 'CNY' } },
    { id: 'phone', type: 'phone', label: { 'zh-CN': '电话', en: 'Phone' } },
    { id: 'email', type: 'email', label: { 'zh-CN': '邮箱', en: 'Email' } },
    { id: 'closeDate', type: 'date', label: { 'zh-CN': '预计成交', en: 'Close date' } },
    { id: 'note', type: 'textarea', label: { 'zh-CN': '备注', en: 'Note' } },
  ] as FieldDef[],
  settings: { titleField: 'name' },
};

/** Inserts `count` deals through the store's own create path (history included), in transactions of 1,000. */
export function seedDeals(server: ApiTestServer, count: number): void {
  const { store } = server;
  const { workspaceId, memberId } = server.owner;
  const version = (
    store.db.prepare('SELECT max(version) v FROM form_versions WHERE form_id = ?').get('deals') as {
      v: number;
    }
  ).v;
  for (let start = 0; start < count; start += 1000) {
    store.db.transaction(() => {
      for (let i = start; i < Math.min(count, start + 1000); i++) {
        store.records.createRecord({
          workspaceId,
          formId: 'deals',
          formVersion: version,
          actor: memberId,
          data: {
            name: `客户 ${String(i).padStart(6, '0')} 有限公司`,
            stage: STAGES[i % STAGES.length]!,
            amount: (i * 7919) % 1_000_000,
            phone: `138${String(i).padStart(8, '0')}`,
            email: `c${i}@example.cn`,
            closeDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          },
          uniqueFields: [],
          serialFields: [],
        });
      }
    })();
  }
}

/** A draft of `count` fields of mixed types, as a large real form (a 200-field inspection checklist). */
export function bigForm(count: number): FormDef {
  const kinds: FieldDef['type'][] = ['text', 'number', 'select', 'date', 'textarea', 'phone', 'boolean', 'money'];
  const fields: FieldDef[] = [];
  for (let i = 0; i < count; i++) {
    const type = kinds[i % kinds.length]!;
    const field: FieldDef = { id: `f${i}`, type, label: { 'zh-CN': `检查项 ${i + 1}`, en: `Check ${i + 1}` } };
    if (type === 'select')
      field.settings = {
        options: [
          { id: 'ok', label: '合格' },
          { id: 'ng', label: '不合格' },
        ],
      };
    if (type === 'money') field.settings = { currency: 'CNY' };
    fields.push(field);
  }
  return { id: 'checklist', name: { 'zh-CN': '巡检表', en: 'Inspection' }, fields };
}

/** A second, empty form of the app: where the in-app navigation to the deals grid starts. */
export const contactsForm: FormDef = {
  id: 'contacts',
  name: { 'zh-CN': '联系人', en: 'Contacts' },
  fields: [{ id: 'name', type: 'text', label: { 'zh-CN': '姓名', en: 'Name' } }],
};
