import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../api/types.js';
import {
  dedupeCandidates,
  delimiterKey,
  encodingName,
  formatDuration,
  initialMapping,
  mappingChanged,
  missingRequired,
  placeRowErrors,
} from './import-model.js';

const preview: ImportPreview = {
  format: 'csv',
  encoding: 'gb18030',
  delimiter: ',',
  headers: ['客户名称', '金额', '编号'],
  columns: [
    { column: '客户名称', fieldId: 'name' },
    { column: '金额', fieldId: 'amount' },
    { column: '编号', fieldId: 'serial', error: { code: 'READONLY_COLUMN', message: 'read-only' } },
  ],
  problems: [],
  fields: [
    { id: 'name', label: '客户名称', type: 'text', required: true, unique: true },
    { id: 'amount', label: '金额', type: 'number', required: false, unique: false },
    { id: 'phone', label: '电话', type: 'phone', required: true, unique: false },
  ],
  rows: [
    {
      row: 2,
      cells: ['腾讯', '十块', 'x'],
      errors: [
        { column: '金额', fieldId: 'amount', code: 'INVALID_NUMBER', message: 'not a number' },
        { column: '电话', fieldId: 'phone', code: 'REQUIRED', message: 'phone is required' },
      ],
    },
  ],
};

describe('import model', () => {
  it('skips columns that cannot be imported and notices mapping changes', () => {
    const mapping = initialMapping(preview);
    expect(mapping).toEqual({ 客户名称: 'name', 金额: 'amount', 编号: null });
    // The server proposed `serial` for 编号: the skip is a change the next preview must be asked for.
    expect(mappingChanged(preview, mapping)).toBe(true);
    expect(mappingChanged(preview, { 客户名称: 'name', 金额: 'amount', 编号: 'serial' })).toBe(false);
  });

  it('puts row errors on their cells, the rest beside the row', () => {
    const placed = placeRowErrors(preview.rows[0]!, preview.headers, initialMapping(preview));
    expect([...placed.byColumn.keys()]).toEqual([1]);
    expect(placed.byColumn.get(1)![0]!.message).toBe('not a number');
    expect(placed.other.map((e) => e.code)).toEqual(['REQUIRED']);
  });

  it('lists required fields without a column and the possible dedupe keys', () => {
    const mapping = initialMapping(preview);
    expect(missingRequired(preview, mapping).map((f) => f.id)).toEqual(['phone']);
    expect(dedupeCandidates(preview, mapping).map((f) => f.id)).toEqual(['name']);
    expect(dedupeCandidates(preview, { ...mapping, 客户名称: null })).toEqual([]);
  });

  it('names encodings, delimiters and durations', () => {
    expect(encodingName('gb18030')).toBe('GB18030');
    expect(encodingName('utf-8')).toBe('UTF-8');
    expect(delimiterKey('\t')).toBe('tab');
    expect(delimiterKey(null)).toBeNull();
    expect(formatDuration(31, 'en')).toMatch(/31\s?sec/);
    expect(formatDuration(125, 'en')).toMatch(/2\s?min 5\s?sec/);
    expect(formatDuration(3600, 'en')).toMatch(/1\s?hr/);
  });
});
