import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FieldContext } from '@formflow/engine';
import { neutralizeFormula } from '../import/csv-export.js';
import { xlsxNumberFormat, xlsxRow, type ExportColumn } from './export-columns.js';
import type { ExportPages } from './export-pages.js';

/** Rows an XLSX sheet holds below its header (Excel's limit is 1,048,576 rows). */
export const MAX_XLSX_ROWS = 1_048_575;

/** Waits while the client is behind (the output refused a write), and always yields to other requests. */
async function drained(out: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (!out.writableNeedDrain || out.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, not empty. */
export function sheetName(name: string): string {
  const clean = name
    // eslint-disable-next-line no-control-regex -- controls are not allowed in sheet names
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return clean === '' ? 'Sheet1' : clean;
}

/**
 * The XLSX export as a stream, written by exceljs's streaming WorkbookWriter one page at a time (rows are committed
 * as they are added, so memory stays flat): a header row of field labels, numeric cells for numeric fields, every
 * other value a plain string cell, formula-guarded like CSV. The writer pauses while the client is behind.
 */
export function xlsxStream(
  columns: readonly ExportColumn[],
  source: ExportPages,
  fctx: FieldContext,
  title: string,
  onError: (error: unknown) => void,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(title));
  sheet.columns = columns.map((column, i) => {
    const numFmt = xlsxNumberFormat(column);
    return {
      header: neutralizeFormula(column.header),
      key: `c${String(i)}`,
      width: Math.min(60, Math.max(10, column.header.length * 2 + 4)),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  const write = async () => {
    let written = 0;
    for (const page of source.pages()) {
      for (const data of page) {
        if (written >= MAX_XLSX_ROWS) break;
        sheet.addRow(xlsxRow(columns, data, fctx)).commit();
        written += 1;
      }
      if (written >= MAX_XLSX_ROWS) break;
      await drained(out);
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    onError(error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}
