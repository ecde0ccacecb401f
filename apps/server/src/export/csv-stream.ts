import { Readable } from 'node:stream';
import type { FieldContext } from '@formflow/engine';
import { CSV_BOM, exportCell } from '../import/csv-export.js';
import { csvLine, type ExportColumn } from './export-columns.js';
import type { ExportPages } from './export-pages.js';

/**
 * The CSV export as a stream: UTF-8 with a BOM (Excel, WPS and Numbers then read Chinese correctly), CRLF lines, a
 * header of field labels, one page of records at a time (each page is one chunk; the next page is read only when the
 * client has taken the previous one: Readable.from honours backpressure).
 */
export function csvStream(columns: readonly ExportColumn[], source: ExportPages, fctx: FieldContext): Readable {
  function* chunks(): Generator<string> {
    yield `${CSV_BOM}${columns.map((c) => exportCell(c.header)).join(',')}\r\n`;
    for (const page of source.pages()) {
      if (page.length > 0) yield page.map((data) => csvLine(columns, data, fctx)).join('');
    }
  }
  return Readable.from(chunks(), { objectMode: false, encoding: 'utf8' });
}
