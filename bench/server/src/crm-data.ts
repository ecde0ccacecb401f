import type { JsonValue } from '@formflow/schema';
import { REGIONS, SOURCES, STAGES, TAGS } from './crm-form.js';

export type DealData = Record<string, JsonValue>;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明'];
const CITIES = ['深圳', '上海', '北京', '杭州', '广州', '成都', '苏州', '武汉', '南京', '西安', '厦门', '重庆'];
const WORDS = ['华信', '腾达', '恒通', '瑞丰', '博远', '星河', '新元', '安泰', '鼎盛', '智联', '天成', '宏图'];
const TRADES = ['科技', '贸易', '电子', '建材', '物流', '医疗器械', '食品', '软件', '机械', '文化传媒'];
const PRODUCTS = ['年度服务合同', '设备采购', '系统集成', '软件授权', '运维外包', '咨询项目', '扩容订单'];
const NOTES = [
  '客户对价格敏感，下周再跟进。',
  '已发报价单，等待采购部审批',
  '需要上门演示，联系人周三有空',
  'Decision maker wants a PoC first; 预算在Q3',
  '竞品也在接触，注意交付周期 😀',
  '老客户续约，折扣按去年标准',
];
const MAIL_DOMAINS = ['qq.com', '163.com', 'example.cn', 'corp.example.com'];

/** mulberry32: a small, fast, deterministic PRNG (the same record for the same index in every process). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The parts of a deal that the JSON record and the CSV row both derive from. */
export type DealParts = {
  title: string;
  customer: string;
  contact: string;
  phone: string;
  email: string | null;
  stage: number;
  amountCents: number;
  probability: number;
  expectedClose: string;
  owner: string;
  tags: number[];
  source: number;
  region: number;
  quantity: number;
  notes: string | null;
};

/** Deal number `i`, owned by one of `owners` (member ids), with realistic Chinese text and skewed funnel stages. */
export function dealParts(i: number, owners: readonly string[]): DealParts {
  const rand = prng(i * 2654435761 + 1);
  const city = pick(rand, CITIES);
  const customer = `${city}${pick(rand, WORDS)}${pick(rand, TRADES)}有限公司`;
  // More deals early in the funnel than late, as in a real pipeline.
  const r = rand();
  const stage = r < 0.3 ? 0 : r < 0.5 ? 1 : r < 0.65 ? 2 : r < 0.77 ? 3 : r < 0.85 ? 4 : r < 0.93 ? 5 : 6;
  const tagCount = Math.floor(rand() * 3);
  const tags = [...new Set(Array.from({ length: tagCount }, () => Math.floor(rand() * TAGS.length)))];
  const year = 2024 + Math.floor(rand() * 3);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  return {
    title: `${customer.slice(0, 4)}${pick(rand, PRODUCTS)}-${pad(i, 7)}`,
    customer,
    contact: `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}`,
    phone: `1${pick(rand, ['3', '5', '7', '8', '9'])}${pad(Math.floor(rand() * 1e9), 9)}`,
    email: rand() < 0.8 ? `buyer${i}@${pick(rand, MAIL_DOMAINS)}` : null,
    stage,
    // 1,000.00 to ~2,000,000.00, log-uniform.
    amountCents: Math.round(Math.exp(Math.log(100_000) + rand() * Math.log(2000))),
    probability: Math.round(rand() * 100) / 100,
    expectedClose: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
    owner: owners[i % owners.length]!,
    tags,
    source: Math.floor(rand() * SOURCES.length),
    region: Math.floor(rand() * REGIONS.length),
    quantity: 1 + Math.floor(rand() * 500),
    notes: rand() < 0.5 ? pick(rand, NOTES) : null,
  };
}

/** The record as the API takes it and the store keeps it: `{ fieldId: value }`, optional fields sometimes absent. */
export function dealData(i: number, owners: readonly string[]): DealData {
  const p = dealParts(i, owners);
  const data: DealData = {
    title: p.title,
    customer: p.customer,
    contact: p.contact,
    phone: p.phone,
    stage: STAGES[p.stage]!.id,
    amount: p.amountCents / 100,
    probability: p.probability,
    expectedClose: p.expectedClose,
    owner: p.owner,
    source: SOURCES[p.source]!.id,
    region: REGIONS[p.region]!.id,
    quantity: p.quantity,
  };
  if (p.email !== null) data['email'] = p.email;
  if (p.tags.length > 0) data['tags'] = p.tags.map((t) => TAGS[t]!.id);
  if (p.notes !== null) data['notes'] = p.notes;
  return data;
}

/** `n` varied records, starting at index `from`. */
export function dealRecords(n: number, owners: readonly string[], from = 0): DealData[] {
  return Array.from({ length: n }, (_, k) => dealData(from + k, owners));
}
