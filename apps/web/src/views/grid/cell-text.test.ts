import { describe, expect, it } from 'vitest';
import type { FieldDef } from '@formflow/schema';
import type { FormRecord } from '../../api/types.js';
import { cellTags, lookupsNeeded, optionColor } from './cell-text.js';

const stage: FieldDef = {
  id: 'stage',
  type: 'select',
  label: 'Stage',
  settings: {
    options: [
      { id: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, color: '#2fa86a' },
      { id: 'odd', label: 'Odd', color: 'red; background: url(x)' },
    ],
  },
};
const labels: FieldDef = {
  id: 'labels',
  type: 'multiselect',
  label: 'Labels',
  settings: { options: [{ id: 'hot', label: 'Hot', color: '#e54' }] },
};
const record = (data: Record<string, unknown>) => ({ id: 'r1', data }) as unknown as FormRecord;

describe('grid cell tags', () => {
  it('gives one tag per chosen option with its hex colour; other colour text is ignored', () => {
    expect(cellTags(stage, record({ stage: 'won' }))).toEqual([{ id: 'won', label: 'Won', color: '#2fa86a' }]);
    expect(cellTags(stage, record({ stage: 'odd' }))).toEqual([{ id: 'odd', label: 'Odd' }]);
    expect(cellTags(labels, record({ labels: ['hot', 'gone'] }))).toEqual([
      { id: 'hot', label: 'Hot', color: '#ee5544' },
      { id: 'gone', label: 'gone' },
    ]);
  });

  it('answers null for empty values and other field types', () => {
    expect(cellTags(stage, record({}))).toBeNull();
    expect(cellTags(labels, record({ labels: [] }))).toBeNull();
    expect(cellTags({ id: 'n', type: 'text', label: 'N' }, record({ n: 'x' }))).toBeNull();
  });

  it('accepts only #rgb / #rrggbb colours', () => {
    expect(optionColor('#ABCDEF')).toBe('#ABCDEF');
    expect(optionColor('#abc')).toBe('#aabbcc');
    expect(optionColor('rgb(1,2,3)')).toBeUndefined();
    expect(optionColor(undefined)).toBeUndefined();
  });

  it('asks for the directory only when a column shows members or departments', () => {
    expect(lookupsNeeded([stage, labels])).toEqual({ members: false, departments: false });
    expect(lookupsNeeded([{ id: 'c', type: 'createdBy', label: 'By' }])).toEqual({ members: true, departments: false });
    expect(lookupsNeeded([{ id: 'd', type: 'department', label: 'D' }])).toEqual({
      members: false,
      departments: true,
    });
  });
});
