import { fieldRegistry, type FieldContext, type LogicContext } from '@formflow/engine';
import type { FormDef, JsonValue } from '@formflow/schema';
import { openCellSource, type ImportFormat } from './cell-source.js';
import type { CsvEncoding } from './decode-csv.js';
import type { CsvDelimiter } from './detect-delimiter.js';
import { mapHeader } from './header-map.js';
import type { CsvImportErrorCode, LocalizedMessage } from './import-error.js';
import type { ImportOptions } from './import-task.js';
import { createParseMemo, parseCells, validateRow, type RowError } from './row-to-values.js';

export type PreviewRequest = {
  file: { path: string; format: ImportFormat };
  options: Pick<ImportOptions, 'mapping' | 'encoding' | 'delimiter'>;
  form: FormDef;
  writableFieldIds: string[] | null;
  fieldContext: FieldContext;
  logic: LogicContext;
  maxColumns: number;
  /** Data rows parsed and shown (0 for a header check only). */
  rows: number;
};

export type PreviewColumn = {
  column: string;
  /** The field the column goes to, or null (ignored). */
  fieldId: string | null;
  /** Why the column cannot be imported as mapped (READONLY_COLUMN, DUPLICATE_HEADER, ...). */
  error?: { code: CsvImportErrorCode; message: LocalizedMessage };
};

export type PreviewRow = {
  row: number;
  cells: string[];
  /** The values the row would be written with (absent when it has errors). */
  values?: Record<string, JsonValue>;
  errors: RowError[];
};

export type PreviewResult = {
  format: ImportFormat;
  encoding: CsvEncoding | null;
  delimiter: CsvDelimiter | null;
  headers: string[];
  columns: PreviewColumn[];
  /** Problems not tied to one column of the file (a mapping naming a column the file lacks). */
  problems: { code: CsvImportErrorCode; message: LocalizedMessage }[];
  rows: PreviewRow[];
};

/**
 * Reads the header and the first `rows` data rows of an upload and shows what an import would do with them: the
 * column → field mapping (every column problem listed, not thrown) and each row parsed and validated with the
 * engine, errors per cell. Reads nothing from the database and writes nothing.
 */
export async function previewImport(request: PreviewRequest): Promise<PreviewResult> {
  const source = await openCellSource(request.file.path, request.file.format, {
    maxColumns: request.maxColumns,
    ...(request.options.encoding ? { encoding: request.options.encoding } : {}),
    ...(request.options.delimiter ? { delimiter: request.options.delimiter } : {}),
  });
  try {
    const header = mapHeader(source.header, request.form, fieldRegistry, {
      lenient: true,
      ...(request.options.mapping ? { columnMap: request.options.mapping } : {}),
      ...(request.writableFieldIds ? { writableFieldIds: new Set(request.writableFieldIds) } : {}),
    });
    const columns: PreviewColumn[] = source.header.map((column, i) => {
      const problem = header.problems.find((p) => p.index === i);
      return {
        column,
        fieldId: header.fields[i]?.id ?? null,
        ...(problem ? { error: { code: problem.error.code, message: problem.error.localized } } : {}),
      };
    });
    const problems = header.problems
      .filter((p) => p.index < 0)
      .map((p) => ({ code: p.error.code, message: p.error.localized }));
    const rows: PreviewRow[] = [];
    const rc = {
      form: request.form,
      registry: fieldRegistry,
      ctx: request.fieldContext,
      header,
      memo: createParseMemo(header),
      logic: request.logic,
    };
    if (request.rows > 0) {
      outer: for await (const batch of source.rows) {
        for (const cells of batch) {
          const row = rows.length + 1;
          const parsed = parseCells(cells, row, rc);
          const checked = parsed.ok ? validateRow(parsed.values, row, cells, rc) : parsed;
          rows.push(
            checked.ok ? { row, cells, values: checked.values, errors: [] } : { row, cells, errors: checked.errors },
          );
          if (rows.length >= request.rows) break outer;
        }
      }
    }
    return {
      format: request.file.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      headers: source.header,
      columns,
      problems,
      rows,
    };
  } finally {
    await source.close().catch(() => undefined);
  }
}
