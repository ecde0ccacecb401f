import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '@formflow/store';
import { countCsvRows } from './cell-source.js';
import { RecordBreakCounter } from './count-csv-rows.js';
import { errorReportCsv, importStatusView } from './import-status-view.js';
import { xlsxCellText } from './xlsx-records.js';

const dir = mkdtempSync(join(tmpdir(), 'formflow-import-helpers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('countCsvRows', () => {
  it('counts data rows, ignoring line breaks inside quotes, with or without a final line break', async () => {
    const cases: [string, number][] = [
      ['a,b\r\n1,2\r\n3,4\r\n', 2],
      ['a,b\n1,"x\ny"\n3,4', 2],
      ['a\r1\r2\r', 2],
      ['a,b\n', 0],
      ['', 0],
    ];
    for (const [text, rows] of cases) {
      const path = join(dir, 'c.csv');
      writeFileSync(path, text);
      expect(await countCsvRows(path)).toBe(rows);
    }
  });
});

/** The byte-by-byte count RecordBreakCounter replaced (the reference). */
function countByBytes(bytes: Buffer): number {
  let quoted = false;
  let breaks = 0;
  let last = -1;
  for (const c of bytes) {
    if (last === 0x0d && c !== 0x0a && !quoted) breaks++;
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) breaks++;
    last = c;
  }
  if (last === 0x0d) return quoted ? breaks : breaks + 1;
  return last !== 0x0a && last !== -1 ? breaks + 1 : breaks;
}

describe('RecordBreakCounter', () => {
  it('counts as a byte-by-byte scan does, whatever the chunk borders (CR, CRLF, LF, quotes split across chunks)', () => {
    const texts = [
      'a,b\r\n1,"x\r\ny"\r\n3,4\r\n',
      'a\r1\r"2\r\n"\r\r\n\n',
      'h\n"q ""x"" \r"\r\n,\r',
      '名称,备注\r\n腾讯,"多行\n备注"\r\n"未闭合\r\n',
    ];
    for (const text of texts) {
      const bytes = Buffer.from(text, 'utf8');
      for (let size = 1; size <= bytes.length; size++) {
        const counter = new RecordBreakCounter();
        for (let at = 0; at < bytes.length; at += size) counter.push(bytes.subarray(at, at + size));
        expect([text, size, counter.records()]).toEqual([text, size, countByBytes(bytes)]);
      }
    }
  });
});

describe('xlsxCellText', () => {
  it('turns cells into the text field types parse', () => {
    expect(xlsxCellText(1200.5)).toBe('1200.5');
    expect(xlsxCellText(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03-01');
    expect(xlsxCellText(new Date(Date.UTC(2025, 2, 1, 9, 5, 7)))).toBe('2025-03-01 09:05:07');
    expect(xlsxCellText({ formula: 'A1*2', result: 4 })).toBe('4');
    expect(xlsxCellText({ formula: 'A1*2' })).toBe('');
    expect(xlsxCellText({ richText: [{ text: '腾讯' }, { text: '科技' }] })).toBe('腾讯科技');
    expect(xlsxCellText({ text: '官网', hyperlink: 'https://example.com' })).toBe('官网');
    expect(xlsxCellText({ error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(xlsxCellText(true)).toBe('true');
    expect(xlsxCellText(null)).toBe('');
  });
});

const job: ImportJob = {
  id: 'j1',
  workspaceId: 'w',
  formId: 'f',
  status: 'running',
  mode: 'validRowsOnly',
  fileName: 'a.csv',
  totalRows: 1000,
  rowsDone: 250,
  rowsImported: 250,
  rowsUpdated: 0,
  rowsSkipped: 0,
  rowsFailed: 0,
  error: null,
  createdBy: 'm',
  createdAt: '2026-01-01T00:00:00.000Z',
  startedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:10.000Z',
  finishedAt: null,
};

describe('importStatusView', () => {
  it('percent and ETA from the live progress; 100% only when succeeded', () => {
    const now = new Date('2026-01-01T00:00:10.000Z');
    const live = { ...job, phase: 'reading' as const, fraction: 0.5, rowsDone: 500 };
    expect(importStatusView(job, live, now, 'en')).toMatchObject({ percent: 50, etaSeconds: 10, rowsDone: 500 });
    expect(importStatusView(job, undefined, now, 'en')).toMatchObject({
      percent: 25,
      etaSeconds: 30,
      phase: 'reading',
    });
    expect(importStatusView({ ...job, status: 'succeeded' }, undefined, now, 'en')).toMatchObject({
      percent: 100,
      phase: 'done',
      etaSeconds: null,
    });
    const failed = { ...job, status: 'failed' as const, error: { code: 'X', message: { 'zh-CN': '错', en: 'bad' } } };
    expect(importStatusView(failed, undefined, now, 'zh-CN').error).toEqual({ code: 'X', message: '错' });
  });
});

describe('errorReportCsv', () => {
  it('guards formula cells and says when the report was capped', () => {
    const errors = [
      { row: 3, column: '金额', code: 'INVALID', value: '@SUM(A1)', message: { 'zh-CN': '第 3 行', en: 'Row 3' } },
    ];
    const csv = errorReportCsv(errors, 7, 'en');
    expect(csv).toBe(
      "\uFEFFRow,Column,Value,Error\r\n3,金额,'@SUM(A1),Row 3\r\n,,,Only the first 1 failed rows are listed; 7 rows failed in all\r\n",
    );
  });
});

describe('KeyRows', () => {
  it('remembers the first row of each key across growth, and only that', async () => {
    const { KeyRows } = await import('./key-rows.js');
    const keys = new KeyRows();
    for (let i = 1; i <= 50_000; i++) keys.set(`客户-${i}`, i);
    keys.set('客户-7', 99);
    expect(keys.get('客户-7')).toBe(7);
    expect(keys.get('客户-50000')).toBe(50_000);
    expect(keys.get('客户-50001')).toBeUndefined();
    let found = 0;
    for (let i = 1; i <= 50_000; i++) if (keys.get(`客户-${i}`) === i) found++;
    expect(found).toBe(50_000);
  });
});
