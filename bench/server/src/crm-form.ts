import type { AppDef, FormDef, PermissionGroupDef, ViewDef } from '@formflow/schema';

/** Funnel stages of the deals form, in funnel order (option ids; labels are what a CSV carries). */
export const STAGES = [
  { id: 'lead', label: '线索' },
  { id: 'contact', label: '初步接洽' },
  { id: 'needs', label: '需求确认' },
  { id: 'quote', label: '方案报价' },
  { id: 'negotiation', label: '商务谈判' },
  { id: 'won', label: '赢单' },
  { id: 'lost', label: '输单' },
] as const;

export const SOURCES = [
  { id: 'web', label: '官网' },
  { id: 'referral', label: '转介绍' },
  { id: 'expo', label: '展会' },
  { id: 'ads', label: '广告投放' },
  { id: 'cold', label: '电话拓客' },
] as const;

export const REGIONS = [
  { id: 'east', label: '华东' },
  { id: 'south', label: '华南' },
  { id: 'north', label: '华北' },
  { id: 'west', label: '西部' },
] as const;

export const TAGS = [
  { id: 'vip', label: '重点客户' },
  { id: 'renewal', label: '续约' },
  { id: 'urgent', label: '加急' },
  { id: 'gov', label: '政企' },
  { id: 'sme', label: '中小企业' },
] as const;

export const FORM_ID = 'deals';
export const APP_ID = 'crm';

/** A 15-field CRM deals form (商机): what the server benchmarks create, list, aggregate and import. */
export const dealsForm: FormDef = {
  id: FORM_ID,
  name: { 'zh-CN': '商机', en: 'Deals' },
  fields: [
    {
      id: 'title',
      type: 'text',
      label: { 'zh-CN': '商机名称', en: 'Title' },
      required: true,
      settings: { maxLength: 100 },
    },
    { id: 'customer', type: 'text', label: { 'zh-CN': '客户名称', en: 'Customer' }, settings: { maxLength: 100 } },
    { id: 'contact', type: 'text', label: { 'zh-CN': '联系人', en: 'Contact' }, settings: { maxLength: 50 } },
    { id: 'phone', type: 'phone', label: { 'zh-CN': '联系电话', en: 'Phone' } },
    { id: 'email', type: 'email', label: { 'zh-CN': '邮箱', en: 'Email' } },
    {
      id: 'stage',
      type: 'select',
      label: { 'zh-CN': '阶段', en: 'Stage' },
      required: true,
      settings: { options: STAGES.map((s) => ({ id: s.id, label: s.label })) },
    },
    {
      id: 'amount',
      type: 'money',
      label: { 'zh-CN': '金额', en: 'Amount' },
      settings: { currency: 'CNY', decimals: 2, min: 0 },
    },
    {
      id: 'probability',
      type: 'percent',
      label: { 'zh-CN': '赢单率', en: 'Probability' },
      settings: { min: 0, max: 1 },
    },
    { id: 'expectedClose', type: 'date', label: { 'zh-CN': '预计成交日期', en: 'Expected close' } },
    { id: 'owner', type: 'member', label: { 'zh-CN': '负责人', en: 'Owner' } },
    {
      id: 'tags',
      type: 'multiselect',
      label: { 'zh-CN': '标签', en: 'Tags' },
      settings: { options: TAGS.map((t) => ({ id: t.id, label: t.label })) },
    },
    {
      id: 'source',
      type: 'select',
      label: { 'zh-CN': '来源', en: 'Source' },
      settings: { options: SOURCES.map((s) => ({ id: s.id, label: s.label })) },
    },
    {
      id: 'region',
      type: 'select',
      label: { 'zh-CN': '区域', en: 'Region' },
      settings: { options: REGIONS.map((r) => ({ id: r.id, label: r.label })) },
    },
    { id: 'quantity', type: 'number', label: { 'zh-CN': '数量', en: 'Quantity' }, settings: { decimals: 0, min: 0 } },
    { id: 'notes', type: 'textarea', label: { 'zh-CN': '备注', en: 'Notes' }, settings: { maxLength: 2000 } },
  ],
};

/**
 * The deals views: quotes by amount (what the list benchmark pages through) and the pipeline board (stage columns
 * with their amount sums: what the funnel benchmark asks for). The server's IndexManager plans its indexes from these
 * and the `sales` row filter.
 */
export const DEAL_VIEWS: ViewDef[] = [
  {
    id: 'quotes',
    formId: FORM_ID,
    name: { 'zh-CN': '报价中的商机', en: 'Deals in quote' },
    type: 'grid',
    filter: { field: 'stage', op: 'eq', value: 'quote' },
    sort: [{ field: 'amount', direction: 'desc' }],
  },
  {
    id: 'pipeline',
    formId: FORM_ID,
    name: { 'zh-CN': '销售漏斗', en: 'Pipeline' },
    type: 'kanban',
    groupBy: 'stage',
    sumField: 'amount',
    sort: [{ field: 'amount', direction: 'desc' }],
  },
];

/**
 * What the bare baseline's hand-written SQL gets (it uses json_extract, not the server's keys): the composite
 * expression indexes the list pages and the funnel need, as one would write them by hand.
 */
export const BARE_INDEX_NAMES = ['bare_stage_amount', 'bare_owner_stage_amount'] as const;
export const BARE_INDEXES = [
  `CREATE INDEX IF NOT EXISTS bare_stage_amount ON records (workspace_id, json_extract(data, '$."stage"'), json_extract(data, '$."amount"')) WHERE form_id = '${FORM_ID}'`,
  `CREATE INDEX IF NOT EXISTS bare_owner_stage_amount ON records (workspace_id, json_extract(data, '$."owner"'), json_extract(data, '$."stage"'), json_extract(data, '$."amount"')) WHERE form_id = '${FORM_ID}'`,
];

/**
 * The app's permission group for sales reps (the members holding the sales role): submit, view and edit on their own
 * deals only (`owner isCurrentMember`), every field readable. Workspace owners and admins reach every row without a
 * group. (A role, not member principals: member ids are UUIDs, which the definition's id pattern refuses.)
 */
export function salesGroup(roleId: string): PermissionGroupDef {
  return {
    id: 'sales',
    formId: FORM_ID,
    name: { 'zh-CN': '销售', en: 'Sales' },
    principals: [{ kind: 'role', id: roleId }],
    actions: ['submit', 'view', 'edit'],
    defaultFieldAccess: 'write',
    rowFilter: { field: 'owner', op: 'isCurrentMember' },
  };
}

export function crmApp(salesRoleId: string): Omit<AppDef, 'forms'> {
  return {
    id: APP_ID,
    name: { 'zh-CN': '客户管理', en: 'CRM' },
    views: DEAL_VIEWS,
    permissionGroups: [salesGroup(salesRoleId)],
  };
}
