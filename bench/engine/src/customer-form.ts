import type { FormDef } from '@formflow/schema';

/** A realistic 20-field CRM customer form, the shape the validation benchmark measures. */
export const customerForm: FormDef = {
  id: 'customers',
  name: { 'zh-CN': '客户', en: 'Customers' },
  fields: [
    {
      id: 'name',
      type: 'text',
      label: { 'zh-CN': '客户名称', en: 'Name' },
      required: true,
      settings: { maxLength: 100 },
    },
    { id: 'phone', type: 'phone', label: '电话' },
    { id: 'email', type: 'email', label: '邮箱' },
    {
      id: 'tier',
      type: 'select',
      label: '客户等级',
      required: true,
      settings: {
        options: [
          { id: 'A', label: 'A' },
          { id: 'B', label: 'B' },
          { id: 'C', label: 'C' },
        ],
      },
    },
    { id: 'owner', type: 'member', label: '负责人' },
    {
      id: 'source',
      type: 'select',
      label: '来源',
      settings: {
        options: [
          { id: 'web', label: '官网' },
          { id: 'referral', label: '转介绍' },
          { id: 'expo', label: '展会' },
          { id: 'ads', label: '广告' },
        ],
      },
    },
    {
      id: 'industry',
      type: 'select',
      label: '行业',
      settings: {
        options: [
          { id: 'mfg', label: '制造' },
          { id: 'retail', label: '零售' },
          { id: 'it', label: '信息技术' },
        ],
      },
    },
    { id: 'city', type: 'text', label: '城市', settings: { maxLength: 50 } },
    { id: 'street', type: 'text', label: '详细地址', settings: { maxLength: 200 } },
    { id: 'annualRevenue', type: 'money', label: '年营收', settings: { currency: 'CNY', decimals: 2, min: 0 } },
    { id: 'employees', type: 'number', label: '员工数', settings: { decimals: 0, min: 0 } },
    { id: 'rating', type: 'rating', label: '评分', settings: { max: 5 } },
    { id: 'lastFollowUp', type: 'date', label: '最近跟进' },
    { id: 'firstContact', type: 'date', label: '首次接触' },
    { id: 'website', type: 'url', label: '网站' },
    {
      id: 'tags',
      type: 'multiselect',
      label: '标签',
      settings: {
        options: [
          { id: 'vip', label: 'VIP' },
          { id: 'new', label: '新客户' },
          { id: 'risk', label: '流失风险' },
        ],
      },
    },
    { id: 'isKey', type: 'boolean', label: '重点客户' },
    { id: 'notes', type: 'textarea', label: '备注', settings: { maxLength: 2000 } },
    { id: 'discount', type: 'percent', label: '折扣', settings: { min: 0, max: 1 } },
    { id: 'nextVisit', type: 'datetime', label: '下次拜访' },
  ],
};

/**
 * Varied valid records of the customer form (Chinese text, as users type it), passed through JSON as a write
 * arrives over HTTP: flat strings and plain objects, not the cons-strings template literals build.
 */
export function customerRecords(n: number): Record<string, unknown>[] {
  const tiers = ['A', 'B', 'C'];
  const sources = ['web', 'referral', 'expo', 'ads'];
  const records = Array.from({ length: n }, (_, i) => ({
    name: `深圳市第${i}号科技有限公司`,
    phone: `138${String(10_000_000 + i).slice(-8)}`,
    email: `buyer${i}@example.cn`,
    tier: tiers[i % 3],
    owner: `m_${i % 17}`,
    source: sources[i % 4],
    industry: 'it',
    city: '深圳',
    street: `南山区科技园路${i}号`,
    annualRevenue: 1_000_000 + i * 12.5,
    employees: 50 + (i % 400),
    rating: 1 + (i % 5),
    lastFollowUp: `2025-0${1 + (i % 9)}-1${i % 10}`,
    firstContact: '2024-11-02',
    website: `https://www.example${i}.cn`,
    tags: i % 2 === 0 ? ['vip'] : ['new', 'risk'],
    isKey: i % 2 === 0,
    notes: '客户对价格敏感，下周再跟进。',
    discount: 0.15,
    nextVisit: '2025-06-01T02:00:00.000Z',
  }));
  return JSON.parse(JSON.stringify(records)) as Record<string, unknown>[];
}
