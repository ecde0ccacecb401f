import type { FieldDef, FieldType, JsonValue } from '@formflow/schema';
import { FIELD_TYPES } from '@formflow/schema';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../validation/create-ajv.js';
import { DEFAULT_FIELD_CONTEXT, type FieldContext } from './field-type.js';
import { FIELD_TYPE_MODULES, fieldRegistry } from './index.js';

// The record validator's own ajv, with its custom keywords (graphemes, cleanText, calendarDate).
const ajv = createAjv();
const zh: FieldContext = DEFAULT_FIELD_CONTEXT;
const en: FieldContext = { timezone: 'Asia/Shanghai', locale: 'en' };

const options = [
  { id: 'lead', label: { 'zh-CN': '线索', en: 'Lead' } },
  { id: 'deal', label: { 'zh-CN': '商机', en: 'Deal' } },
  { id: 'won', label: { 'zh-CN': '赢单', en: 'Won' } },
];
const file = { id: 'f1', name: '合同.pdf', size: 1024, mime: 'application/pdf' };

type Sample = {
  settings?: { [key: string]: JsonValue };
  valid: JsonValue;
  invalid: JsonValue;
  /** Texts whose parse → format → parse gives the same value. */
  roundTrip?: string[];
  /** Values in ascending sort order. */
  ordered?: JsonValue[];
};

const SAMPLES: Record<FieldType, Sample> = {
  text: {
    valid: '客户名称 👨‍👩‍👧‍👦',
    invalid: 'a\u0000b',
    roundTrip: ['客户名称', 'é'],
    ordered: ['Apple', 'banana', 'Cherry'],
  },
  textarea: { settings: { maxLength: 10 }, valid: '一\n二', invalid: '12345678901', roundTrip: ['第一行\n第二行'] },
  number: {
    settings: { min: -1e9, max: 1e9, decimals: 2, thousands: true },
    valid: 1200.5,
    invalid: 2e9,
    roundTrip: ['1,200.50', '1.2万', '(1,000)'],
    ordered: [-5, 9, 10, 100],
  },
  money: { settings: { currency: 'CNY' }, valid: 1200.5, invalid: '1200', roundTrip: ['¥1,200.50', '-1,000', '3亿'] },
  percent: {
    settings: { decimals: 1 },
    valid: 0.125,
    invalid: '12%',
    roundTrip: ['12.5%', '0.3', '-7%'],
    ordered: [0.05, 0.5],
  },
  rating: { settings: { max: 5 }, valid: 4, invalid: 6, roundTrip: ['4', '★★★☆☆'], ordered: [1, 3, 5] },
  date: {
    valid: '2028-02-29',
    invalid: '2027-02-30',
    roundTrip: ['2025/3/1', '2025年3月1日', '0001-01-01', '9999-12-31'],
    ordered: ['2025-03-01', '2025-12-01', '2026-01-01'],
  },
  datetime: {
    valid: '2025-03-01T06:30:00.000Z',
    invalid: '2025-03-01 14:30',
    roundTrip: ['2025/3/1 14:30', '2025-03-01T14:30:05+08:00', '2027-03-14 02:30Z'],
    ordered: ['2025-03-01T06:30:00.000Z', '2025-12-01T00:00:00.000Z'],
  },
  select: {
    settings: { options },
    valid: 'deal',
    invalid: 'lost',
    roundTrip: ['线索', 'Deal', 'won'],
    ordered: ['lead', 'deal', 'won'],
  },
  multiselect: {
    settings: { options, maxItems: 2 },
    valid: ['lead', 'won'],
    invalid: ['lead', 'lead'],
    roundTrip: ['线索、赢单', 'Deal, Won', 'lead|deal'],
    ordered: [['lead'], ['lead', 'won'], ['deal']],
  },
  boolean: { valid: true, invalid: 'true', roundTrip: ['是', 'no', '✓'], ordered: [false, true] },
  member: { settings: { multiple: true }, valid: ['u1', 'u2'], invalid: ['u1', 'u1'], roundTrip: ['u1, u2'] },
  department: { valid: 'd1', invalid: ['d1'], roundTrip: ['d1'] },
  phone: {
    valid: '13800138000',
    invalid: '+8613800138000',
    roundTrip: ['+86 138 0013 8000', '0755-12345678-801', '+44 20 7946 0958'],
  },
  email: { valid: 'li.lei@example.com', invalid: 'not-an-email', roundTrip: ['Li.Lei@Example.COM'] },
  url: {
    valid: 'https://example.com/a?b=1',
    invalid: 'javascript:alert(1)',
    roundTrip: ['www.example.com', 'HTTP://x.cn/路径'],
  },
  address: {
    settings: { level: 'detail' },
    valid: { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' },
    invalid: { province: '广东省', street: 'x' },
    roundTrip: ['广东省深圳市南山区科技园路1号', '北京市东城区东华门大街1号'],
  },
  location: {
    valid: { lng: 113.94, lat: 22.54 },
    invalid: { lng: 200, lat: 0 },
    roundTrip: ['113.94,22.54', '科技园 (113.94, 22.54)'],
  },
  image: { settings: { maxFiles: 1, maxSizeMb: 1 }, valid: [file], invalid: [file, file] },
  attachment: { valid: [file], invalid: [{ ...file, extra: 1 }] },
  signature: { valid: file, invalid: [file] },
  serial: {
    settings: { prefix: 'HT', dateFormat: 'YYYYMMDD', digits: 4 },
    valid: 'HT202503010001',
    invalid: 12,
    roundTrip: ['HT202503010001'],
    ordered: ['HT-9', 'HT-10', 'HT-100'],
  },
  subtable: {
    settings: { fields: [{ id: 'qty', type: 'number', label: '数量' }], maxRows: 2 },
    valid: [{ id: 'r1', qty: 1 }],
    invalid: [{ qty: 1 }],
    ordered: [[], [{ id: 'a' }]],
  },
  relation: { settings: { formId: 'contracts' }, valid: 'rec1', invalid: '', roundTrip: ['rec1'] },
  lookup: { settings: { relationField: 'customer', field: 'city' }, valid: '深圳', invalid: null, roundTrip: ['深圳'] },
  rollup: {
    settings: { source: 'items', field: 'qty', aggregation: 'count' },
    valid: 3,
    invalid: 1.5,
    roundTrip: ['1,234'],
    ordered: [2, 10],
  },
  formula: {
    settings: { formula: { '+': [1, 2] }, resultType: 'number', decimals: 2 },
    valid: 3,
    invalid: '3',
    roundTrip: ['1,234.50'],
  },
  createdBy: { valid: 'u1', invalid: ['u1'], roundTrip: ['u1'] },
  createdAt: { valid: '2025-03-01T06:30:00.000Z', invalid: '2025-03-01', roundTrip: ['2025/3/1 14:30'] },
  updatedAt: { valid: '2025-03-01T14:30:00+08:00', invalid: 20250301, roundTrip: ['2025-03-01 14:30:05'] },
  section: { valid: null, invalid: 'x' },
  description: { settings: { content: { 'zh-CN': '请如实填写', en: 'Please fill in' } }, valid: null, invalid: 'x' },
};

const fieldOf = (type: FieldType): FieldDef => {
  const settings = SAMPLES[type].settings;
  return { id: 'f', type, label: type, ...(settings ? { settings } : {}) };
};

describe('field type modules', () => {
  it('cover FIELD_TYPES exactly, keyed by their own type', () => {
    expect(Object.keys(FIELD_TYPE_MODULES).sort()).toEqual([...FIELD_TYPES].sort());
    for (const [key, def] of Object.entries(FIELD_TYPE_MODULES)) expect(def.type).toBe(key);
    expect(fieldRegistry.all()).toHaveLength(FIELD_TYPES.length);
  });

  describe.each([...FIELD_TYPES])('%s', (type) => {
    const def = fieldRegistry.get(type);
    const field = fieldOf(type);
    const sample = SAMPLES[type];

    it('has a strict-clean settings schema that accepts the sample settings', () => {
      const validate = ajv.compile(def.settingsSchema);
      expect(validate(field.settings ?? {}), JSON.stringify(validate.errors)).toBe(true);
    });

    it('has a value schema that accepts a valid value and rejects an invalid one', () => {
      const validate = ajv.compile(def.valueSchema(field));
      if (def.storage === 'none') expect(sample.valid).toBeNull();
      else expect(validate(sample.valid), JSON.stringify(validate.errors)).toBe(true);
      expect(validate(sample.invalid)).toBe(false);
    });

    it('parses empty and whitespace text to null', () => {
      expect(def.parse('', field, zh)).toEqual({ ok: true, value: null });
      expect(def.parse('  \t ', field, zh)).toEqual({ ok: true, value: null });
    });

    it('round-trips format(parse(x)) and parses to schema-valid values', () => {
      const validate = ajv.compile(def.valueSchema(field));
      for (const ctx of [zh, en]) {
        for (const text of sample.roundTrip ?? []) {
          const first = def.parse(text, field, ctx);
          if (!first.ok) throw new Error(`${type} ${text}: ${first.message}`);
          const value = def.normalize ? def.normalize(first.value, field) : first.value;
          expect(validate(value), `${text} → ${JSON.stringify(value)}`).toBe(true);
          const shown = def.format(value, field, ctx);
          expect(def.parse(shown, field, ctx), `${text} → ${shown}`).toEqual({ ok: true, value: first.value });
        }
      }
    });

    it('sorts values in order, empty as null', () => {
      expect(def.sortKey(null, field)).toBeNull();
      const keys = (sample.ordered ?? []).map((v) => def.sortKey(v, field));
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [keys[i - 1] ?? null, keys[i] ?? null];
        expect(a !== null && b !== null && a < b, `${JSON.stringify(a)} < ${JSON.stringify(b)}`).toBe(true);
      }
    });

    it('formats values for display', () => {
      expect(def.format(null, field, zh)).toBe('');
    });

    it('declares storage, source and operators consistently', () => {
      expect(def.storage === 'none').toBe(def.source === 'none');
      expect(def.operators.length === 0).toBe(def.storage === 'none');
      expect(new Set(def.operators).size).toBe(def.operators.length);
    });
  });
});

describe('field type specifics', () => {
  const f = (type: FieldType, settings?: { [key: string]: JsonValue }): FieldDef => ({
    id: 'f',
    type,
    label: type,
    ...(settings ? { settings } : {}),
  });
  const { money, percent, date, datetime, select, boolean, phone, address, attachment, text, formula, multiselect } =
    FIELD_TYPE_MODULES;

  it('formats money, percent, dates, selects, booleans, phones and files', () => {
    expect(money.format(1200.5, f('money'), zh)).toBe('¥1,200.50');
    expect(money.format(-1000, f('money', { currency: 'USD' }), en)).toBe('-$1,000.00');
    expect(percent.format(0.125, f('percent'), zh)).toBe('12.5%');
    expect(percent.format(0.07, f('percent'), zh)).toBe('7%');
    expect(date.format('2025-03-01', f('date'), zh)).toBe('2025-03-01');
    expect(date.format('2025-03-01', f('date'), en)).toBe('Mar 1, 2025');
    expect(datetime.format('2025-03-01T06:30:00.000Z', f('datetime'), zh)).toBe('2025-03-01 14:30');
    expect(datetime.format('2025-03-01T06:30:05.000Z', f('datetime'), { timezone: 'UTC', locale: 'en' })).toBe(
      'Mar 1, 2025, 6:30:05 AM',
    );
    expect(select.format('deal', f('select', { options }), en)).toBe('Deal');
    expect(select.format('deal', f('select', { options }), zh)).toBe('商机');
    expect(boolean.format(true, f('boolean'), zh)).toBe('是');
    expect(boolean.format(false, f('boolean'), en)).toBe('No');
    expect(phone.format('13800138000', f('phone'), zh)).toBe('138 0013 8000');
    expect(attachment.format([file, { ...file, name: 'b.png' }], f('attachment'), zh)).toBe('合同.pdf, b.png');
    expect(address.format({ province: '北京市', city: '北京市', district: '东城区' }, f('address'), zh)).toBe(
      '北京市东城区',
    );
  });

  it('keeps date-only values out of time zones (RELIABILITY L2)', () => {
    for (const timezone of ['Pacific/Kiritimati', 'Etc/GMT+12', 'UTC', 'Asia/Shanghai']) {
      const ctx: FieldContext = { timezone, locale: 'zh-CN' };
      expect(date.parse('1990-05-01', f('date'), ctx)).toEqual({ ok: true, value: '1990-05-01' });
      expect(date.format('1990-05-01', f('date'), ctx)).toBe('1990-05-01');
      expect(date.format('1990-05-01', f('date'), { timezone, locale: 'en' })).toBe('May 1, 1990');
    }
  });

  it('normalizes: rounded money, deduped multiselect, canonical phone (text is put in NFC by validateRecord)', () => {
    expect(text.normalize).toBeUndefined();
    expect(text.parse('e\u0301', f('text'), zh)).toEqual({ ok: true, value: '\u00e9' });
    expect(money.normalize?.(1.005, f('money'))).toBe(1.01);
    expect(money.normalize?.(2.5, f('money', { decimals: 0 }))).toBe(3);
    expect(multiselect.normalize?.(['won', 'lead', 'won'], f('multiselect', { options }))).toEqual(['lead', 'won']);
    expect(phone.normalize?.(' +86 138 0013 8000 ', f('phone'))).toBe('13800138000');
    expect(datetime.normalize?.('2025-03-01T14:30:00+08:00', f('datetime'))).toBe('2025-03-01T06:30:00.000Z');
  });

  it('rejects text that breaks the text rules (RELIABILITY K2, K3)', () => {
    expect(text.parse('a\uD800b', f('text'), zh)).toMatchObject({ ok: false, code: 'INVALID_CHARACTER' });
    expect(text.parse('😀😀😀', f('text', { maxLength: 3 }), zh)).toMatchObject({ ok: true });
    expect(text.parse('😀😀😀😀', f('text', { maxLength: 3 }), zh)).toMatchObject({ ok: false, code: 'TOO_LONG' });
    expect(text.parse('👨‍👩‍👧‍👦', f('text', { maxLength: 1 }), zh)).toMatchObject({ ok: true });
    expect(text.parse('AB-1', f('text', { pattern: '^[A-Z]+-\\d+$' }), zh)).toMatchObject({ ok: true });
    expect(text.parse('ab', f('text', { pattern: '^[A-Z]+$' }), zh)).toMatchObject({ code: 'PATTERN_MISMATCH' });
  });

  it('parses selects by label in either locale, or id, and reports unknown options', () => {
    const field = f('select', { options });
    expect(select.parse(' lead ', field, zh)).toEqual({ ok: true, value: 'lead' });
    expect(select.parse('DEAL', field, zh)).toEqual({ ok: true, value: 'deal' });
    expect(select.parse('赢单', field, en)).toEqual({ ok: true, value: 'won' });
    expect(select.parse('输单', field, zh)).toMatchObject({ ok: false, code: 'INVALID_OPTION' });
    expect(multiselect.parse('线索，Deal；线索', f('multiselect', { options }), zh)).toEqual({
      ok: true,
      value: ['lead', 'deal'],
    });
  });

  it('reads the result type of formulas', () => {
    const dateFormula = f('formula', { formula: {}, resultType: 'date' });
    expect(formula.parse('2025/3/1', dateFormula, zh)).toEqual({ ok: true, value: '2025-03-01' });
    expect(ajv.validate(formula.valueSchema(dateFormula), '2025-03-01')).toBe(true);
    const boolFormula = f('formula', { formula: {}, resultType: 'boolean' });
    expect(formula.format(true, boolFormula, en)).toBe('Yes');
    expect(ajv.validate(formula.valueSchema(f('formula', { formula: {}, resultType: 'text' })), 'x')).toBe(true);
  });

  it('limits address values to the configured level', () => {
    const field = f('address', { level: 'city' });
    expect(address.parse('广东省深圳市南山区科技园路1号', field, zh)).toEqual({
      ok: true,
      value: { province: '广东省', city: '深圳市' },
    });
    expect(ajv.validate(address.valueSchema(field), { province: '广东省', city: '深圳市', district: '南山区' })).toBe(
      false,
    );
  });

  it('reads Excel date-times and local times in the context zone', () => {
    const ny: FieldContext = { timezone: 'America/New_York', locale: 'en' };
    expect(datetime.parse('2027-03-14T02:30', f('datetime'), ny)).toMatchObject({ code: 'NONEXISTENT_LOCAL_TIME' });
    expect(datetime.parse('45717.5', f('datetime'), zh)).toEqual({ ok: true, value: '2025-03-01T04:00:00.000Z' });
  });
});
