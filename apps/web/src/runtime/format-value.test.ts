import type { FieldDef } from '@formflow/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { rememberLanguage } from '../i18n/current-language.js';
import { formatValue, safeHref } from './format-value.js';

const field = (type: FieldDef['type'], settings: FieldDef['settings'] = {}): FieldDef => ({
  id: 'f',
  type,
  label: 'F',
  settings,
});

// rememberLanguage touches `document` (the browser); give the node tests a stand-in.
(globalThis as { document?: unknown }).document ??= { documentElement: {} };

describe('formatValue', () => {
  beforeEach(() => rememberLanguage('en'));

  it('formats money with its currency, percent as a percentage, numbers with units', () => {
    expect(formatValue(field('money'), 1200.5)).toBe('¥1,200.50');
    expect(formatValue(field('money', { currency: 'USD' }), -1000)).toBe('-$1,000.00');
    expect(formatValue(field('percent'), 0.125)).toBe('12.5%');
    expect(formatValue(field('number', { unit: { en: 'kg', 'zh-CN': '千克' }, thousands: true }), 12345)).toBe(
      '12,345 kg',
    );
  });

  it('formats dates in the UI language and never shifts them', () => {
    expect(formatValue(field('date'), '2025-03-01')).toBe('Mar 1, 2025');
    rememberLanguage('zh-CN');
    expect(formatValue(field('date'), '2025-03-01')).toBe('2025-03-01');
  });

  it('shows option labels, booleans, addresses, locations and files as text', () => {
    const options = [
      { id: 'a', label: { en: 'Alpha', 'zh-CN': '甲' } },
      { id: 'b', label: 'Beta' },
    ];
    expect(formatValue(field('select', { options }), 'a')).toBe('Alpha');
    expect(formatValue(field('multiselect', { options }), ['a', 'b'])).toBe('Alpha, Beta');
    expect(formatValue(field('boolean'), false)).toBe('No');
    expect(
      formatValue(field('address'), { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园路1号' }),
    ).toContain('深圳市');
    expect(formatValue(field('location'), { lng: 113.94, lat: 22.54, address: '科技园' })).toBe(
      '科技园 (113.94, 22.54)',
    );
    expect(
      formatValue(field('attachment'), [{ id: 'x', name: '<b>合同</b>.pdf', size: 1, mime: 'application/pdf' }]),
    ).toBe('<b>合同</b>.pdf');
    expect(formatValue(field('rating', { max: 5 }), 3)).toBe('★★★☆☆');
  });

  it('names members, departments and linked records from lookups, the id otherwise', () => {
    const members = new Map([['m1', 'Li Lei']]);
    expect(formatValue(field('member', { multiple: true }), ['m1', 'm2'], { members })).toBe('Li Lei, m2');
    expect(formatValue(field('relation', { formId: 'c' }), 'r1', { relations: new Map([['r1', 'Acme']]) })).toBe(
      'Acme',
    );
    expect(formatValue(field('department'), 'd1', { departments: new Map([['d1', 'Sales']]) })).toBe('Sales');
  });

  it('returns empty text for empty values', () => {
    expect(formatValue(field('text'), null)).toBe('');
    expect(formatValue(field('multiselect', { options: [] }), [])).toBe('');
  });
});

describe('safeHref', () => {
  it('links only http(s)', () => {
    expect(safeHref('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
